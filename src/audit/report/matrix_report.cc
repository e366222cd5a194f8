// `matrix`, the renderers: the classified cells drawn as a text table or
// written as JSON.
#include "src/audit/report/matrix_report.h"

#include "src/audit/base/text.h"
#include "src/audit/report/report_fields.h"
#include "src/audit/report/text_table.h"

namespace audit {

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

void JsonCell(JsonWriter& w, const std::string& subarch, const MatrixCell& c) {
  w.BeginObject();
  w.Key("subarch").Str(subarch);
  w.Key("status").Str(StatusName(c.status));
  w.Key("implementations").BeginArray();
  for (const auto* im : c.impls) {
    w.BeginObject();
    w.Key("function").Str(im->function);
    w.Key("symbol").Str(im->symbol);
    im->file.empty() ? w.Key("file").Null() : w.Key("file").Str(im->file);
    im->file.empty() ? w.Key("line").Null() : w.Key("line").Int(im->line);
    w.End();
  }
  w.End();
  w.Key("exemptions").BeginArray();
  for (const auto* x : c.exemptions) {
    w.BeginObject();
    w.Key("reason").Str(x->reason);
    w.Key("file").Str(x->file);
    w.Key("line").Int(x->line);
    w.End();
  }
  w.End();
  w.End();
}

void JsonRow(JsonWriter& w, const Model& m, const MatrixRow& row) {
  const Step* st = row.step;
  w.BeginObject();
  w.Key("step").Str(row.name);
  w.Key("declared").Bool(st != nullptr);
  st ? w.Key("phase").Str(st->phase) : w.Key("phase").Null();
  st && st->level >= 0 ? w.Key("level").Int(st->level) : w.Key("level").Null();
  st && st->order >= 0 ? w.Key("order").Int(st->order) : w.Key("order").Null();
  st ? w.Key("policy").Str(st->policy) : w.Key("policy").Null();
  w.Key("cells").BeginArray();
  for (size_t i = 0; i < row.cells.size(); ++i) JsonCell(w, m.subarchs[i].name, row.cells[i]);
  w.End();
  w.End();
}

void Count(JsonWriter& w, const char* key, size_t n) { w.Key(key).Int(static_cast<int64_t>(n)); }

}  // namespace

void RenderMatrixJson(const Program& p, const Model& m, const MatrixResult& r, std::ostream& out) {
  std::string text;
  JsonWriter w(&text, &out);
  Header(w, "matrix", p);
  w.Key("subarchs").BeginArray();
  for (const auto& s : m.subarchs) {
    w.BeginObject();
    w.Key("name").Str(s.name);
    w.Key("id").Int(s.id);
    w.Key("label").Str(s.label);
    w.End();
  }
  w.End();
  w.Key("steps").BeginArray();
  for (const auto& row : r.rows) JsonRow(w, m, row);
  w.End();
  w.Key("summary").BeginObject();
  Count(w, "implemented", r.implemented);
  Count(w, "exempt", r.exempt);
  Count(w, "missing", r.missing);
  Count(w, "duplicate", r.duplicate);
  Count(w, "exempt_without_reason", r.reasonless);
  Count(w, "undeclared_steps", r.undeclared);
  w.End();
  w.Key("ok").Bool(r.ok);
  w.End();
  out << text << "\n";
}

}  // namespace audit
