#include "src/audit/commands/trace_cmd.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "src/audit/errors.h"

namespace audit {

namespace {

// The whole file ("-": standard input); false with *error set.
bool ReadLog(const std::string& path, std::string* text, std::string* error) {
  const int fd = path == "-" ? 0 : open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot read log " + path + ": " + std::strerror(errno);
    return false;
  }
  char buf[65536];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) text->append(buf, static_cast<size_t>(n));
  const int saved = errno;
  if (fd != 0) close(fd);
  if (n < 0) *error = "cannot read log " + path + ": " + std::strerror(saved);
  return n == 0;
}

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

int RunTrace(const Options& o, std::ostream& out, std::ostream& err, Loader load, void* context) {
  std::string error;
  std::vector<std::string> texts(o.positional.size());
  std::vector<LogText> logs;
  for (size_t i = 0; i < o.positional.size() && error.empty(); ++i)
    if (ReadLog(o.positional[i], &texts[i], &error)) logs.push_back({o.positional[i], texts[i]});
  std::unique_ptr<Program> program;
  std::unique_ptr<Model> model;
  if (error.empty() && !o.binary.empty()) {
    program.reset(new Program);
    model.reset(new Model);
    if (load({o.binary}, program.get(), &error, context)) {
      BuildModel(*program, model.get());
      error = UnreadableError(*program, *model);
      ReportNotes(err, model->notices);
    }
  }
  TraceResult r;
  if (error.empty()) r = ComputeTrace(logs, model.get(), o.binary, &error);
  if (!error.empty()) return ReportError(err, error);
  if (o.format == Format::kText) RenderTraceText(r, out);
  if (o.format == Format::kJson) RenderTraceJson(r, out);
  if (o.format == Format::kSvg) RenderTraceSvg(r, out);
  return r.diffs.empty() ? kExitClean : kExitViolations;
}

}  // namespace audit
