// earlyinit-audit paths FILE: each entry path's init calls, read from the
// DWARF of a binary that need not use earlyinit (docs/audit.md, "paths").
// ComputePaths (paths_cmd.cc, paths_rules.cc) makes the result; the
// renderers (report/paths_report.h) only format it.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_CMD_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_CMD_H

#include <string>
#include <vector>

#include "src/audit/commands/paths_rules.h"
#include "src/audit/dwarf/call_tree.h"
#include "src/audit/dwarf/dwarf_calls.h"
#include "src/audit/tables/model.h"

namespace audit {

// A preset's entry the file does not have (a kernel built without XEN_PV).
struct AbsentEntry {
  std::string name;
  std::vector<std::string> missing;  // its symbols not in the file
};

struct PathsResult {
  std::string file;
  TreeOptions options;
  std::vector<AbsentEntry> absent;
  std::vector<EntryTree> trees;
  std::vector<MatrixLine> matrix;
  std::vector<KasanFinding> findings;
};

// Each symbol of *entries becomes its first alternative in the file
// ("A|B"). Optional entries that lack one go to *absent; the others'
// missing symbols are returned, named with their entry ("" : none).
std::string ResolveEntries(const DwarfCalls& dwarf, std::vector<PathEntry>* entries,
                           std::vector<AbsentEntry>* absent);

// The run sequence of each entry's subarch in the file's earlyinit model,
// to hang under the dispatcher.
Chains ChainsOf(const Model& m, const std::vector<PathEntry>& entries);

// The result from the DWARF and the resolved entries; `chains` are the
// file's earlyinit chains (empty without earlyinit metadata). The caller
// sets `absent`.
PathsResult ComputePaths(const std::string& file, DwarfCalls& dwarf, const std::vector<PathEntry>& entries,
                         const TreeOptions& tree, const Chains& chains);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_CMD_H
