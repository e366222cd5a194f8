// earlyinit-audit paths, the report: the entry trees, the matrix of
// functions some entries reach and others do not, and the findings, as
// text, JSON or SVG.
#ifndef EARLYINIT_SRC_AUDIT_REPORT_PATHS_REPORT_H
#define EARLYINIT_SRC_AUDIT_REPORT_PATHS_REPORT_H

#include <ostream>
#include <string>
#include <vector>

#include "src/audit/dwarf/call_tree.h"
#include "src/audit/commands/paths_rules.h"

namespace audit {

// A preset's entry the file does not have (a kernel built without XEN_PV).
struct AbsentEntry {
  std::string name;
  std::vector<std::string> missing;  // its symbols not in the file
};

struct PathsResult {
  std::string file;
  TreeOptions options;
  std::vector<AbsentEntry> absent;
  std::vector<EntryTree> trees;
  std::vector<MatrixLine> matrix;
  std::vector<KasanFinding> findings;
};

void RenderPathsText(const PathsResult& r, std::ostream& out);
void RenderPathsJson(const PathsResult& r, std::ostream& out);
void RenderPathsSvg(const PathsResult& r, std::ostream& out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_PATHS_REPORT_H
