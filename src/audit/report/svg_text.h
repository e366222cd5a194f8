// earlyinit-audit: bytes as SVG/XML text (entities for & < > ", "?" for a
// control byte or one that is not ASCII). Shared by the SVG renderers
// (trace_svg.cc, paths_svg.cc).
#ifndef EARLYINIT_SRC_AUDIT_REPORT_SVG_TEXT_H
#define EARLYINIT_SRC_AUDIT_REPORT_SVG_TEXT_H

#include <string>

namespace audit {

std::string Xml(const std::string& s);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_SVG_TEXT_H
