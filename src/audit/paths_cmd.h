// earlyinit-audit paths FILE: each entry path's init calls, read from the
// DWARF of a binary that need not use earlyinit (docs/audit.md, "paths").
// Parses its own options (audit.cc hands it the whole command line).
#ifndef EARLYINIT_SRC_AUDIT_PATHS_CMD_H
#define EARLYINIT_SRC_AUDIT_PATHS_CMD_H

#include <ostream>
#include <string>
#include <vector>

namespace audit {

// Whether the command word of args (options may come first) is "paths".
bool IsPathsCommand(const std::vector<std::string>& args);

// Runs `paths`: exit 0 clean, 1 findings, 2 usage error or bad input.
// `bytes`, when not null, is the file's content (the fuzz target).
int RunPaths(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
             const std::string* bytes = nullptr);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_PATHS_CMD_H
