// `list`, the compute step: the subarchs to show and their run sequences.
#include "src/audit/commands/list_cmd.h"

namespace audit {

ListResult ComputeList(const Model& m, const std::string& only) {
  ListResult r;
  for (ShownSubarch& s : AllSubarchs(m))
    if (only.empty() || s.name == only) r.subarchs.push_back(std::move(s));
  for (const auto& s : r.subarchs) r.sequences.push_back(RunSequence(m, s.name));
  return r;
}

}  // namespace audit
