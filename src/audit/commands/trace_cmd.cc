// `trace`, the compute step: the logs' boots, and with --binary their
// differences from the binary's chains.
#include "src/audit/commands/trace_cmd.h"

namespace audit {

namespace {

std::map<uint64_t, std::string> FunctionsOf(const Model& m) {
  std::map<uint64_t, std::string> out;
  for (const Chain& c : m.chains)
    for (const Impl& im : c.impls)
      if (im.has_address) out.emplace(im.address, im.function);
  return out;
}

}  // namespace

TraceResult ComputeTrace(const std::vector<LogText>& logs, const Model* binary,
                         const std::string& binary_name, std::string* error) {
  TraceResult r;
  for (const LogText& l : logs) {
    r.logs.push_back(l.name);
    if (ParseTraceLog(l.text, l.name, binary ? binary->phases : PhaseList::Default(), &r.log) == 0 &&
        error->empty())
      *error = "no earlyinit trace lines in " + l.name +
               " (expected lines like \"earlyinit: pc early cr4_shadow ok @1200 cycles=310 "
               "fn=0x101a40\"; docs/audit.md, \"The trace line\")";
  }
  if (binary) {
    r.binary = binary_name;
    r.diffs = CheckBoots(r.log, *binary);
    r.functions = FunctionsOf(*binary);
  }
  return r;
}

}  // namespace audit
