// earlyinit-audit check, the renderers (check_report.cc): the findings and
// the summary as text or JSON, from ComputeCheck's result
// (commands/check_cmd.h).
#ifndef EARLYINIT_SRC_AUDIT_REPORT_CHECK_REPORT_H
#define EARLYINIT_SRC_AUDIT_REPORT_CHECK_REPORT_H

#include <ostream>

#include "src/audit/commands/check_cmd.h"

namespace audit {

void RenderCheckText(const CheckResult& r, std::ostream& out);
void RenderCheckJson(const Program& p, const CheckResult& r, std::ostream& out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_CHECK_REPORT_H
