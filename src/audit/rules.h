// earlyinit-audit: helpers of `check`'s rules (check_cmd.cc, cycles.cc).
#ifndef EARLYINIT_SRC_AUDIT_RULES_H
#define EARLYINIT_SRC_AUDIT_RULES_H

#include <string>
#include <vector>

#include "src/audit/finding.h"

namespace audit {

inline void AddFinding(std::vector<Finding>* v, FindingKind kind, const std::string& message,
                       const std::string& file = "", uint32_t line = 0,
                       const std::string& step = "", const std::string& subarch = "") {
  Finding x;
  x.kind = kind;
  x.message = message;
  x.file = file;
  x.line = line;
  x.step = step;
  x.subarch = subarch;
  v->push_back(std::move(x));
}

// "file:line: " in front of a message, or "" without a source.
inline std::string At(const std::string& file, uint32_t line) {
  return file.empty() ? "" : file + ":" + std::to_string(line) + ": ";
}

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_RULES_H
