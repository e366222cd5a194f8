// earlyinit-audit list, the renderers (list_report.cc): each subarch's chain
// as a text table or JSON, from ComputeList's result (commands/list_cmd.h).
#ifndef EARLYINIT_SRC_AUDIT_REPORT_LIST_REPORT_H
#define EARLYINIT_SRC_AUDIT_REPORT_LIST_REPORT_H

#include <ostream>

#include "src/audit/commands/list_cmd.h"

namespace audit {

void RenderListText(const Model& m, const ListResult& r, std::ostream& out);
void RenderListJson(const Program& p, const Model& m, const ListResult& r, std::ostream& out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_LIST_REPORT_H
