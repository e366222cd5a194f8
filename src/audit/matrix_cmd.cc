// `matrix`: steps x enabled subarchs, each cell classified once
// (CellStatus), then drawn as text or written as JSON.
#include <set>
#include <unordered_set>

#include "src/audit/commands.h"
#include "src/audit/text_table.h"

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
  std::unordered_set<std::string> seen;
  for (const auto& s : m.steps) {
    rows.push_back({s.name, &s, {}});
    seen.insert(s.name);
  }
  std::set<std::string> undeclared;
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

namespace {

Cell TextCell(const MatrixCell& c) {
  std::string notes;
  for (size_t n : c.notes) notes += (notes.empty() ? "" : ",") + std::to_string(n);
  switch (c.status) {
    case CellStatus::kImplemented: return {"impl", "32"};
    case CellStatus::kExempt: {
      const bool reasonless = IsBlank(c.exemptions[0]->reason);
      return {"exempt[" + notes + "]" + (reasonless ? "!" : ""), reasonless ? "31;1" : "33"};
    }
    case CellStatus::kDuplicate: return {"DUPLICATE" + (notes.empty() ? "" : "[" + notes + "]"), "31;1"};
    case CellStatus::kMissing: return {"MISSING", "31;1"};
    case CellStatus::kUndeclared: return {"-", ""};
  }
  return {"?", ""};
}

void Footnotes(const MatrixResult& r, std::ostream& out) {
  if (r.notes.empty()) return;
  out << "\nexemptions:\n";
  for (size_t i = 0; i < r.notes.size(); ++i) {
    const auto* x = r.notes[i];
    out << "  [" << (i + 1) << "] " << x->step << " on " << x->subarch << ": "
        << (IsBlank(x->reason) ? "(NO REASON GIVEN)" : x->reason) << " ("
        << Source(x->file, x->line) << ")\n";
  }
}

}  // namespace

void RenderMatrixText(const Model& m, const MatrixResult& r, bool colour, std::ostream& out) {
  std::vector<Row> table;
  Row head = {{"step", ""}, {"phase", ""}, {"level", ""}, {"order", ""}};
  for (const auto& s : m.subarchs) head.push_back({s.name, ""});
  table.push_back(head);
  for (const auto& row : r.rows) {
    const Step* st = row.step;
    Row t = {{row.name, ""},
             {st ? st->phase : "?", ""},
             {st ? Pad(st->level, 2) : "??", ""},
             {st ? Pad(st->order, 4) : "????", ""}};
    for (const auto& c : row.cells) t.push_back(TextCell(c));
    table.push_back(std::move(t));
  }
  PrintTable(out, table, "", colour);
  Footnotes(r, out);
  out << "\n" << r.rows.size() << " steps x " << m.subarchs.size() << " subarchs: " << r.implemented
      << " implemented, " << r.exempt << " exempt, " << r.missing << " missing, " << r.duplicate
      << " duplicate";
  if (r.reasonless) out << ", " << r.reasonless << " exemption(s) without reason";
  out << "\n";
}

namespace {

const char* StatusName(CellStatus s) {
  switch (s) {
    case CellStatus::kImplemented: return "implemented";
    case CellStatus::kExempt: return "exempt";
    case CellStatus::kMissing: return "missing";
    case CellStatus::kDuplicate: return "duplicate";
    case CellStatus::kUndeclared: return "undeclared";
  }
  return "?";
}

Json JsonCell(const std::string& subarch, const MatrixCell& c) {
  Json jc = Json::Object();
  jc.Set("subarch", Json::Str(subarch));
  jc.Set("status", Json::Str(StatusName(c.status)));
  Json impls = Json::Array();
  for (const auto* im : c.impls) {
    Json ji = Json::Object();
    ji.Set("function", Json::Str(im->function));
    ji.Set("symbol", Json::Str(im->symbol));
    ji.Set("file", im->file.empty() ? Json::Null() : Json::Str(im->file));
    ji.Set("line", im->file.empty() ? Json::Null() : Json::Int(im->line));
    impls.Push(std::move(ji));
  }
  jc.Set("implementations", std::move(impls));
  Json xs = Json::Array();
  for (const auto* x : c.exemptions) {
    Json je = Json::Object();
    je.Set("reason", Json::Str(x->reason));
    je.Set("file", Json::Str(x->file));
    je.Set("line", Json::Int(x->line));
    xs.Push(std::move(je));
  }
  jc.Set("exemptions", std::move(xs));
  return jc;
}

Json JsonRow(const Model& m, const MatrixRow& row) {
  const Step* st = row.step;
  Json jr = Json::Object();
  jr.Set("step", Json::Str(row.name));
  jr.Set("declared", Json::Bool(st != nullptr));
  jr.Set("phase", st ? Json::Str(st->phase) : Json::Null());
  jr.Set("level", st && st->level >= 0 ? Json::Int(st->level) : Json::Null());
  jr.Set("order", st && st->order >= 0 ? Json::Int(st->order) : Json::Null());
  jr.Set("policy", st ? Json::Str(st->policy) : Json::Null());
  Json cells = Json::Array();
  for (size_t i = 0; i < row.cells.size(); ++i) cells.Push(JsonCell(m.subarchs[i].name, row.cells[i]));
  jr.Set("cells", std::move(cells));
  return jr;
}

Json Count(size_t n) { return Json::Int(static_cast<int64_t>(n)); }

}  // namespace

void RenderMatrixJson(const Program& p, const Model& m, const MatrixResult& r, std::ostream& out) {
  Json j = Header("matrix", p);
  Json subs = Json::Array();
  for (const auto& s : m.subarchs) {
    Json js = Json::Object();
    js.Set("name", Json::Str(s.name));
    js.Set("id", Json::Int(s.id));
    js.Set("label", Json::Str(s.label));
    subs.Push(std::move(js));
  }
  j.Set("subarchs", std::move(subs));
  Json steps = Json::Array();
  for (const auto& row : r.rows) steps.Push(JsonRow(m, row));
  j.Set("steps", std::move(steps));
  Json sum = Json::Object();
  sum.Set("implemented", Count(r.implemented));
  sum.Set("exempt", Count(r.exempt));
  sum.Set("missing", Count(r.missing));
  sum.Set("duplicate", Count(r.duplicate));
  sum.Set("exempt_without_reason", Count(r.reasonless));
  sum.Set("undeclared_steps", Count(r.undeclared));
  j.Set("summary", std::move(sum));
  j.Set("ok", Json::Bool(r.ok));
  out << j.Dump() << "\n";
}

}  // namespace audit
