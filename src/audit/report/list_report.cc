// `list`, the renderers: each subarch's chain as a text table or JSON.
#include "src/audit/report/list_report.h"

#include <algorithm>

#include "src/audit/base/text.h"
#include "src/audit/report/report_fields.h"
#include "src/audit/report/text_table.h"

namespace audit {

namespace {

// Into *row, whose strings are reused: no allocation per row once they
// have grown (two passes over 100,000 rows).
void ListRow(const Model& m, const RunItem& it, Row* row) {
  int level, order;
  LevelOrder(m, *it.impl, &level, &order);
  row->resize(6);
  Row& r = *row;
  r[0].text.assign(it.chain->phase);
  r[1].text = Pad(level, 2);
  r[2].text = Pad(order, 4);
  r[3].text.assign(it.impl->step);
  r[4].text.assign(it.impl->function);
  SourceInto(it.impl->file, it.impl->line, &r[5].text);
}

// The widths of ListRow's cells, without making them: the first pass.
void WidenListColumns(const Model& m, const RunItem& it, std::vector<size_t>* width) {
  int level, order;
  LevelOrder(m, *it.impl, &level, &order);
  const Impl& im = *it.impl;
  const size_t w[] = {it.chain->phase.size(), PadWidth(level, 2), PadWidth(order, 4),
                      im.step.size(),         im.function.size(), SourceWidth(im.file, im.line)};
  for (size_t i = 0; i < sizeof w / sizeof w[0]; ++i) (*width)[i] = std::max((*width)[i], w[i]);
}

void TextBlock(const Model& m, const ShownSubarch& s, const std::vector<RunItem>& seq,
               std::ostream& out) {
  out << "subarch " << s.name;
  if (s.enabled) out << " (id " << s.id << (s.label.empty() ? "" : ", " + s.label) << ")";
  else out << " (not enabled)";
  out << ": " << seq.size() << (seq.size() == 1 ? " step" : " steps") << "\n";
  if (seq.empty()) return;
  // Two passes over the rows, one row alive at a time: a chain can hold
  // tens of thousands of steps.
  const Row header = {{"phase", ""}, {"level", ""}, {"order", ""},
                      {"step", ""},  {"function", ""}, {"source", ""}};
  std::vector<size_t> width;
  WidenColumns(header, &width);
  for (const auto& it : seq) WidenListColumns(m, it, &width);
  std::string text;  // written out 64 KB at a time
  AppendRow(&text, header, width, "  ", false);
  Row row;
  for (const auto& it : seq) {
    ListRow(m, it, &row);
    AppendRow(&text, row, width, "  ", false);
    if (text.size() >= 64 * 1024) {
      out << text;
      text.clear();
    }
  }
  out << text;
}

void JsonEntry(JsonWriter& w, const Model& m, const RunItem& it) {
  int level, order;
  LevelOrder(m, *it.impl, &level, &order);
  const Step* st = m.FindStep(it.impl->step);
  const Impl& im = *it.impl;
  w.BeginObject();
  w.Key("phase").Str(it.chain->phase);
  level >= 0 ? w.Key("level").Int(level) : w.Key("level").Null();
  order >= 0 ? w.Key("order").Int(order) : w.Key("order").Null();
  w.Key("step").Str(im.step);
  st ? w.Key("policy").Str(st->policy) : w.Key("policy").Null();
  w.Key("function").Str(im.function);
  w.Key("symbol").Str(im.symbol);
  im.has_address ? w.Key("address").Str(Hex(im.address)) : w.Key("address").Null();
  im.file.empty() ? w.Key("file").Null() : w.Key("file").Str(im.file);
  im.file.empty() ? w.Key("line").Null() : w.Key("line").Int(im.line);
  w.Key("table").Str(it.chain->table);
  w.Key("has_record").Bool(im.entry && im.entry->record);
  w.End();
}

}  // namespace

void RenderListText(const Model& m, const ListResult& r, std::ostream& out) {
  for (size_t i = 0; i < r.subarchs.size(); ++i) {
    if (i) out << "\n";
    TextBlock(m, r.subarchs[i], r.sequences[i], out);
  }
  if (r.subarchs.empty()) out << "no subarchs and no chains\n";
}

void RenderListJson(const Program& p, const Model& m, const ListResult& r, std::ostream& out) {
  std::string text;
  JsonWriter w(&text, &out);
  Header(w, "list", p);
  w.Key("subarchs").BeginArray();
  for (size_t i = 0; i < r.subarchs.size(); ++i) {
    const ShownSubarch& s = r.subarchs[i];
    w.BeginObject();
    w.Key("name").Str(s.name);
    s.id >= 0 ? w.Key("id").Int(s.id) : w.Key("id").Null();
    w.Key("label").Str(s.label);
    w.Key("enabled").Bool(s.enabled);
    w.Key("chain").BeginArray();
    for (const auto& it : r.sequences[i]) JsonEntry(w, m, it);
    w.End();
    w.End();
  }
  w.End();
  w.End();
  out << text << "\n";
}

}  // namespace audit
