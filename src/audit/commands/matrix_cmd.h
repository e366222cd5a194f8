// earlyinit-audit matrix: steps x enabled subarchs, each cell classified
// once. ComputeMatrix (matrix_cmd.cc) makes the result; the renderers
// (report/matrix_report.h) only format it.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_MATRIX_CMD_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_MATRIX_CMD_H

#include <string>
#include <vector>

#include "src/audit/tables/model.h"
#include "src/audit/tables/program.h"
#include "src/audit/tables/sequences.h"

namespace audit {

enum class CellStatus { kImplemented, kExempt, kMissing, kDuplicate, kUndeclared };

struct MatrixCell {
  CellStatus status = CellStatus::kMissing;
  std::vector<const Impl*> impls;
  std::vector<const Exemption*> exemptions;
  std::vector<size_t> notes;  // footnote numbers of the exemptions
};

struct MatrixRow {
  std::string_view name;  // the model's
  const Step* step = nullptr;  // null: undeclared
  std::vector<MatrixCell> cells;  // one per enabled subarch
};

struct MatrixResult {
  std::vector<MatrixRow> rows;  // declared steps in run order, then undeclared
  std::vector<const Exemption*> notes;  // footnotes, in order of appearance
  size_t implemented = 0, exempt = 0, missing = 0, duplicate = 0, reasonless = 0, undeclared = 0;
  bool ok = true;
};
MatrixResult ComputeMatrix(const Model& m);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_MATRIX_CMD_H
