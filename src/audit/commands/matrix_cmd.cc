// `matrix`, the compute step: steps x enabled subarchs, each cell
// classified once (CellStatus).
#include <set>
#include <unordered_set>

#include "src/audit/commands/matrix_cmd.h"

namespace audit {

namespace {

CellStatus Classify(size_t impls, size_t exemptions, bool declared) {
  if (impls + exemptions > 1) return CellStatus::kDuplicate;
  if (impls == 1) return CellStatus::kImplemented;
  if (exemptions == 1) return CellStatus::kExempt;
  return declared ? CellStatus::kMissing : CellStatus::kUndeclared;
}

// Rows: declared steps in run order, then undeclared steps chains name.
std::vector<MatrixRow> Rows(const Model& m, size_t* undeclared_count) {
  std::vector<MatrixRow> rows;
  std::unordered_set<std::string_view> seen;  // views of the model's names
  for (const auto& s : m.steps) {
    rows.push_back({s.name, &s, {}});
    seen.insert(s.name);
  }
  std::set<std::string_view> undeclared;
  for (const auto& c : m.chains)
    for (const auto& im : c.impls)
      if (!seen.count(im.step)) undeclared.insert(im.step);
  for (const auto& x : m.exemptions)
    if (!seen.count(x.step)) undeclared.insert(x.step);
  for (const auto& u : undeclared) rows.push_back({u, nullptr, {}});
  *undeclared_count = undeclared.size();
  return rows;
}

void Count(const MatrixCell& c, MatrixResult* r) {
  if (c.status == CellStatus::kImplemented) ++r->implemented;
  if (c.status == CellStatus::kExempt) ++r->exempt;
  if (c.status == CellStatus::kMissing) ++r->missing;
  if (c.status == CellStatus::kDuplicate) ++r->duplicate;
}

}  // namespace

MatrixResult ComputeMatrix(const Model& m) {
  MatrixResult r;
  r.rows = Rows(m, &r.undeclared);
  for (auto& row : r.rows)
    for (const auto& s : m.subarchs) {
      MatrixCell c;
      c.impls = m.FindImpls(row.name, s.name);
      c.exemptions = m.FindExemptions(row.name, s.name);
      c.status = Classify(c.impls.size(), c.exemptions.size(), row.step != nullptr);
      for (const auto* x : c.exemptions) {
        r.notes.push_back(x);
        c.notes.push_back(r.notes.size());
        if (IsBlank(x->reason)) ++r.reasonless;
      }
      Count(c, &r);
      row.cells.push_back(std::move(c));
    }
  r.ok = r.missing == 0 && r.duplicate == 0 && r.reasonless == 0 && r.undeclared == 0;
  return r;
}

}  // namespace audit
