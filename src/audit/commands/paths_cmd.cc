// `paths`, the compute step: each entry's tree of calls, the functions some
// entries reach and others do not, and the KASAN rule.
#include "src/audit/commands/paths_cmd.h"

#include <algorithm>

#include "src/audit/base/text.h"
#include "src/audit/tables/sequences.h"

namespace audit {

Chains ChainsOf(const Model& m, const std::vector<PathEntry>& entries) {
  Chains chains;
  for (const PathEntry& e : entries) {
    if (e.subarch.empty() || chains.count(e.subarch)) continue;
    std::vector<DispatchStep>& steps = chains[e.subarch];
    for (const RunItem& it : RunSequence(m, e.subarch))
      steps.push_back({std::string(it.impl->step), std::string(it.impl->symbol),
                       std::string(it.impl->function)});
  }
  return chains;
}

std::string ResolveEntries(const DwarfCalls& dwarf, std::vector<PathEntry>* entries,
                           std::vector<AbsentEntry>* absent) {
  std::string missing;
  std::vector<PathEntry> kept;
  for (PathEntry& e : *entries) {
    AbsentEntry lacks{e.name, {}};
    for (std::string& s : e.symbols) {
      uint64_t addr;
      const std::vector<std::string> alternatives = Split(s, '|');
      auto found = std::find_if(alternatives.begin(), alternatives.end(),
                                [&](const std::string& a) { return dwarf.SymbolAddress(a, &addr); });
      if (found != alternatives.end()) s = *found;
      else lacks.missing.push_back(s);
    }
    if (lacks.missing.empty()) kept.push_back(std::move(e));
    else if (e.optional) absent->push_back(std::move(lacks));
    else
      for (const std::string& s : lacks.missing) missing += (missing.empty() ? "" : ", ") + s + " (entry " + e.name + ")";
  }
  *entries = std::move(kept);
  return missing;
}

PathsResult ComputePaths(const std::string& file, DwarfCalls& dwarf, const std::vector<PathEntry>& entries,
                         const TreeOptions& tree, const Chains& chains) {
  PathsResult r;
  r.file = file;
  r.options = tree;
  r.trees = BuildTrees(dwarf, entries, tree, chains);
  r.matrix = EntryMatrix(r.trees);
  r.findings = KasanRule(r.trees);
  return r;
}

}  // namespace audit
