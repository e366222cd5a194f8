// earlyinit-audit diff, the renderers (diff_report.cc): the differences as
// text or JSON, from ComputeDiff's result (commands/diff_cmd.h).
#ifndef EARLYINIT_SRC_AUDIT_REPORT_DIFF_REPORT_H
#define EARLYINIT_SRC_AUDIT_REPORT_DIFF_REPORT_H

#include <ostream>

#include "src/audit/commands/diff_cmd.h"

namespace audit {

void RenderDiffText(const DiffResult& r, std::ostream& out);
void RenderDiffJson(const Program& p, const DiffResult& r, std::ostream& out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_DIFF_REPORT_H
