// paths: open the DWARF -> resolve the entries -> build each entry's tree ->
// the matrix and the KASAN rule -> text, JSON or SVG.
#include "src/audit/commands/paths_cmd.h"

#include <algorithm>
#include <memory>

#include "src/audit/errors.h"
#include "src/audit/presets.h"
#include "src/audit/tables/program.h"
#include "src/audit/tables/sequences.h"
#include "src/audit/base/text.h"
#include "src/audit/base/vocabulary.h"

namespace audit {

namespace {

// The chains of the file's earlyinit metadata, if it has any.
Chains ReadChains(const std::string& file, const std::vector<PathEntry>& entries, const DwarfCalls& dwarf,
                  const std::string* bytes) {
  Chains chains;
  // The fuzz target reads DWARF only; a kernel without earlyinit has no
  // metadata, and loading its 100,000 symbols for nothing costs.
  if (bytes || !dwarf.HasSection(".linktable_meta")) return chains;
  auto p = std::make_unique<Program>();
  auto m = std::make_unique<Model>();
  std::string error;
  if (!LoadProgram({file}, p.get(), &error)) return chains;
  BuildModel(*p, m.get());
  for (const PathEntry& e : entries) {
    if (e.subarch.empty() || chains.count(e.subarch)) continue;
    std::vector<DispatchStep>& steps = chains[e.subarch];
    for (const RunItem& it : RunSequence(*m, e.subarch))
      steps.push_back({std::string(it.impl->step), std::string(it.impl->symbol),
                       std::string(it.impl->function)});
  }
  return chains;
}

// Each symbol becomes its first alternative in the file ("A|B"). Optional
// entries that lack one go to *absent; the others' missing symbols are
// returned, named with their entry ("" : none).
std::string Resolve(const DwarfCalls& dwarf, std::vector<PathEntry>* entries,
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

// The entries `paths` follows: the preset's (optional), then those given.
// "" or the error.
std::string ResolveEntries(const Options& o, const DwarfCalls& dwarf, std::vector<PathEntry>* entries,
                           std::vector<AbsentEntry>* absent) {
  *entries = o.preset.empty() ? std::vector<PathEntry>() : FindPreset(o.preset)->entries;
  entries->insert(entries->end(), o.entries.begin(), o.entries.end());
  const std::string missing = Resolve(dwarf, entries, absent);
  if (!missing.empty()) return o.positional[0] + ": no function symbol " + missing;
  if (entries->empty()) return o.positional[0] + ": none of the preset's entries is in the file";
  return "";
}

}  // namespace

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

int RunPaths(const Options& o, std::ostream& out, std::ostream& err, const std::string* bytes) {
  const std::string& file = o.positional[0];
  std::string error;
  DwarfCalls::OpenError why;
  std::unique_ptr<DwarfCalls> dwarf = bytes ? DwarfCalls::OpenMemory(*bytes, &error, &why)
                                            : DwarfCalls::OpenFile(file, &error, &why);
  if (!dwarf) return ReportError(err, error);
  std::vector<PathEntry> entries;
  std::vector<AbsentEntry> absent;
  error = ResolveEntries(o, *dwarf, &entries, &absent);
  if (!error.empty()) return ReportError(err, error);
  TreeOptions tree = o.tree;
  if (!o.preset.empty()) tree.stops.insert(FindPreset(o.preset)->stops.begin(), FindPreset(o.preset)->stops.end());
  PathsResult r = ComputePaths(file, *dwarf, entries, tree, ReadChains(file, entries, *dwarf, bytes));
  if (!dwarf->damage().empty()) return ReportError(err, file + ": " + dwarf->damage());
  r.absent = std::move(absent);
  if (o.format == Format::kJson) RenderPathsJson(r, out);
  else if (o.format == Format::kSvg) RenderPathsSvg(r, out);
  else RenderPathsText(r, out);
  return r.findings.empty() ? kExitClean : kExitViolations;
}

// Kept for tests/audit_paths/rules_test; the tool parses once (options.h).
bool IsPathsCommand(const std::vector<std::string>& args) {
  Options o;
  ParseArgs(args, &o);
  return o.command == Command::kPaths;
}

}  // namespace audit
