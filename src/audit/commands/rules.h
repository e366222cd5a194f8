// earlyinit-audit: `check`'s rules' helpers and the cycle rule (check_cmd.cc,
// cycles.cc).
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_RULES_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_RULES_H

#include <string>
#include <string_view>
#include <vector>

#include "src/audit/base/finding.h"
#include "src/audit/tables/model.h"

namespace audit {

// Each dependency cycle among the steps, as a finding (cycles.cc).
void FindCycles(const Model& m, std::vector<Finding>* out);

// A rule's finding: the source of the record involved and the pair.
inline void AddFinding(std::vector<Finding>* v, FindingKind kind, const std::string& message,
                       std::string_view file, uint32_t line = 0, std::string_view step = "",
                       std::string_view subarch = "") {
  AddFinding(v, kind, message, FindingAbout{file, line, step, subarch, "", ""});
}

// "file:line: " in front of a message, or "" without a source.
inline std::string At(std::string_view file, uint32_t line) {
  return file.empty() ? "" : std::string(file).append(":").append(std::to_string(line)).append(": ");
}

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_RULES_H
