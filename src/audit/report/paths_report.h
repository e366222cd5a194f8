// earlyinit-audit paths, the renderers (text and JSON in paths_report.cc,
// SVG in paths_svg.cc): the entry trees, the matrix of functions some
// entries reach and others do not, and the findings, from ComputePaths'
// result (commands/paths_cmd.h).
#ifndef EARLYINIT_SRC_AUDIT_REPORT_PATHS_REPORT_H
#define EARLYINIT_SRC_AUDIT_REPORT_PATHS_REPORT_H

#include <ostream>

#include "src/audit/commands/paths_cmd.h"

namespace audit {

void RenderPathsText(const PathsResult& r, std::ostream& out);
void RenderPathsJson(const PathsResult& r, std::ostream& out);
void RenderPathsSvg(const PathsResult& r, std::ostream& out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_PATHS_REPORT_H
