// earlyinit-audit matrix, the renderers (matrix_report.cc): the classified
// cells as a text table or JSON, from ComputeMatrix's result
// (commands/matrix_cmd.h).
#ifndef EARLYINIT_SRC_AUDIT_REPORT_MATRIX_REPORT_H
#define EARLYINIT_SRC_AUDIT_REPORT_MATRIX_REPORT_H

#include <ostream>

#include "src/audit/commands/matrix_cmd.h"

namespace audit {

void RenderMatrixText(const Model& m, const MatrixResult& r, bool colour, std::ostream& out);
void RenderMatrixJson(const Program& p, const Model& m, const MatrixResult& r, std::ostream& out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_MATRIX_REPORT_H
