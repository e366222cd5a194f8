// earlyinit-audit diff S1 S2: what one chain runs and the other does not,
// other functions, order. ComputeDiff (diff_cmd.cc) makes the result; the
// renderers (report/diff_report.h) only format it.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_DIFF_CMD_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_DIFF_CMD_H

#include <string>
#include <vector>

#include "src/audit/tables/model.h"
#include "src/audit/tables/program.h"
#include "src/audit/tables/sequences.h"

namespace audit {

enum class OtherStatus { kMissing, kExempt, kExemptWithoutReason };

struct DiffOnly {
  RunItem item;
  OtherStatus other;
  std::string reason;  // kExempt
};
struct DiffFunction {
  std::string step, phase, function_a, function_b;
};
struct DiffMoved {
  std::string step, after_a, after_b;  // "": first
};
struct DiffResult {
  std::string a, b;
  size_t steps_a = 0, steps_b = 0;
  std::vector<DiffOnly> only_a, only_b;
  std::vector<DiffFunction> functions;
  std::vector<DiffMoved> moved;
  bool same = true;
};
// a and b are known subarchs (the tool checks with UnknownSubarch first).
DiffResult ComputeDiff(const Model& m, const std::string& a, const std::string& b);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_DIFF_CMD_H
