#include "src/audit/report/paths_report.h"

#include "src/audit/base/text.h"  // Hex
#include "src/audit/report/json.h"
#include "src/audit/report/text_table.h"

namespace audit {

namespace {

std::string Label(const PathNode& n) {
  std::string s = NodeKindName(n.kind);
  if (n.kind == PathNode::Kind::kStep) s += " " + n.step + ":";
  if (!n.name.empty()) s += " " + n.name;
  if (!n.through.empty()) s += " " + n.through;
  if (n.kind == PathNode::Kind::kIndirect && n.through.empty()) s += " ?";
  return s;
}

std::string Mark(const PathNode& n) {
  return n.mark == NodeMark::kNone ? "" : std::string("[") + NodeMarkName(n.mark) + "]";
}

void TextRows(const PathNode& n, const std::string& indent, std::vector<Row>* rows) {
  rows->push_back({Cell(indent + Label(n), ""), Cell(Mark(n), ""), Cell(n.where, "")});
  for (const PathNode& c : n.children) TextRows(c, indent + "  ", rows);
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

}  // namespace

void RenderPathsText(const PathsResult& r, std::ostream& out) {
  for (const AbsentEntry& a : r.absent)
    out << "entry " << a.name << ": not in this file (no " << Join(a.missing, ", ") << ")\n\n";
  for (const EntryTree& t : r.trees) {
    out << "entry " << t.entry.name << ": " << Join(t.entry.symbols, ", then ");
    if (!t.entry.subarch.empty() && t.entry.subarch != t.entry.name)
      out << " (subarch " << t.entry.subarch << ")";
    out << "\n";
    std::vector<Row> rows;
    for (const PathNode& n : t.roots) TextRows(n, "", &rows);
    PrintTable(out, rows, "  ", false);
    out << "\n";
  }
  if (r.trees.size() > 1) {
    out << "reached by some entries and not all: " << r.matrix.size() << "\n";
    if (!r.matrix.empty()) {
      std::vector<Row> rows;
      Row head{Cell("function", "")};
      for (const EntryTree& t : r.trees) head.push_back(Cell(t.entry.name, ""));
      rows.push_back(head);
      for (const MatrixLine& l : r.matrix) {
        Row row{Cell(l.name, "")};
        for (const std::string& h : l.how) row.push_back(Cell(h.empty() ? "-" : h, ""));
        rows.push_back(row);
      }
      PrintTable(out, rows, "  ", false);
    }
    out << "\n";
  }
  for (const KasanFinding& f : r.findings)
    out << FindingName(f.finding.kind) << ": " << f.finding.message << "\n";
  out << r.findings.size() << (r.findings.size() == 1 ? " finding" : " findings") << "\n";
}

namespace {

void JsonNode(JsonWriter& w, const PathNode& n) {
  w.BeginObject();
  w.Key("kind").Str(NodeKindName(n.kind));
  if (!n.name.empty()) w.Key("name").Str(n.name);
  if (!n.through.empty()) w.Key("through").Str(n.through);
  if (!n.step.empty()) w.Key("step").Str(n.step);
  if (n.site) w.Key("site").Str(Hex(n.site)).Key("where").Str(n.where);
  if (n.mark != NodeMark::kNone) w.Key("mark").Str(NodeMarkName(n.mark));
  if (!n.children.empty()) {
    w.Key("calls").BeginArray();
    for (const PathNode& c : n.children) JsonNode(w, c);
    w.End();
  }
  w.End();
}

void JsonStrings(JsonWriter& w, const std::vector<std::string>& v) {
  w.BeginArray();
  for (const std::string& s : v) w.Str(s);
  w.End();
}

}  // namespace

void RenderPathsJson(const PathsResult& r, std::ostream& out) {
  std::string text;
  JsonWriter w(&text, &out);
  BeginToolDocument(w, "paths", {r.file});
  w.Key("depth").Int(r.options.depth);
  w.Key("stops").BeginArray();
  for (const std::string& s : r.options.stops) w.Str(s);
  w.End();
  w.Key("absent_entries").BeginArray();
  for (const AbsentEntry& a : r.absent) {
    w.BeginObject().Key("name").Str(a.name).Key("missing");
    JsonStrings(w, a.missing);
    w.End();
  }
  w.End();
  w.Key("entries").BeginArray();
  for (const EntryTree& t : r.trees) {
    w.BeginObject().Key("name").Str(t.entry.name);
    w.Key("subarch").Str(t.entry.subarch);
    w.Key("symbols");
    JsonStrings(w, t.entry.symbols);
    w.Key("tree").BeginArray();
    for (const PathNode& n : t.roots) JsonNode(w, n);
    w.End().End();
  }
  w.End();
  w.Key("matrix").BeginArray();
  for (const MatrixLine& l : r.matrix) {
    w.BeginObject().Key("function").Str(l.name).Key("reached").BeginObject();
    for (size_t i = 0; i < l.how.size(); ++i) {
      w.Key(r.trees[i].entry.name);
      if (l.how[i].empty()) w.Null();
      else w.Str(l.how[i]);
    }
    w.End().End();
  }
  w.End();
  w.Key("findings").BeginArray();
  for (const KasanFinding& f : r.findings) {
    w.BeginObject().Key("kind").Str(FindingName(f.finding.kind));
    w.Key("entry").Str(f.entry).Key("function").Str(f.function);
    w.Key("runtime_calls");
    JsonStrings(w, f.runtime_calls);
    w.Key("chain");
    JsonStrings(w, f.chain);
    w.Key("kasan_early_init_later").Bool(f.early_init_later);
    w.Key("message").Str(f.finding.message).End();
  }
  w.End();
  w.End();
  out << text << "\n";
}

}  // namespace audit
