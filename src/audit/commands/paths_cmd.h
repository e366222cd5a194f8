// earlyinit-audit paths FILE: each entry path's init calls, read from the
// DWARF of a binary that need not use earlyinit (docs/audit.md, "paths").
// Its options are parsed with every command's (options.h).
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_CMD_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_CMD_H

#include <ostream>
#include <string>
#include <vector>

#include "src/audit/dwarf/dwarf_calls.h"
#include "src/audit/options.h"
#include "src/audit/report/paths_report.h"

namespace audit {

// The result from the DWARF and the resolved entries; `chains` are the
// file's earlyinit chains (empty without earlyinit metadata).
PathsResult ComputePaths(const std::string& file, DwarfCalls& dwarf, const std::vector<PathEntry>& entries,
                         const TreeOptions& tree, const Chains& chains);

// Runs `paths` on parsed, checked options: exit 0 clean, 1 findings, 2 bad
// input. `bytes`, when not null, is the file's content (the fuzz target).
int RunPaths(const Options& o, std::ostream& out, std::ostream& err, const std::string* bytes = nullptr);

// Whether the command word of args (options may come first) is "paths".
bool IsPathsCommand(const std::vector<std::string>& args);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_CMD_H
