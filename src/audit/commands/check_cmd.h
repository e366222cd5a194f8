// earlyinit-audit check: every rule over the program and its model.
// ComputeCheck (check_cmd.cc, cycles.cc) makes the result; the renderers
// (report/check_report.h) only format it.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_CHECK_CMD_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_CHECK_CMD_H

#include <vector>

#include "src/audit/base/finding.h"
#include "src/audit/tables/model.h"
#include "src/audit/tables/program.h"

namespace audit {

struct CheckResult {
  std::vector<Finding> findings;
  size_t subarchs = 0, steps = 0, implementations = 0, exemptions = 0;
};
CheckResult ComputeCheck(const Program& p, const Model& m);
// Every finding of a loaded program, in a stable order (check's rules).
std::vector<Finding> Check(const Program& program, const Model& model);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_CHECK_CMD_H
