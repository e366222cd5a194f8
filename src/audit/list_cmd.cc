// `list`: each subarch's chain in run order.
#include "src/audit/commands.h"
#include "src/audit/text_table.h"

namespace audit {

std::string ComputeList(const Model& m, const std::string& only, ListResult* r) {
  r->subarchs = AllSubarchs(m);
  if (!only.empty()) {
    const std::string e = UnknownSubarch(r->subarchs, only);
    if (!e.empty()) return e;
    std::vector<ShownSubarch> one;
    for (const auto& s : r->subarchs)
      if (s.name == only) one.push_back(s);
    r->subarchs = one;
  }
  for (const auto& s : r->subarchs) r->sequences.push_back(RunSequence(m, s.name));
  return "";
}

namespace {

void TextBlock(const Model& m, const ShownSubarch& s, const std::vector<RunItem>& seq,
               std::ostream& out) {
  out << "subarch " << s.name;
  if (s.enabled) out << " (id " << s.id << (s.label.empty() ? "" : ", " + s.label) << ")";
  else out << " (not enabled)";
  out << ": " << seq.size() << (seq.size() == 1 ? " step" : " steps") << "\n";
  std::vector<Row> rows;
  rows.push_back({{"phase", ""}, {"level", ""}, {"order", ""}, {"step", ""}, {"function", ""}, {"source", ""}});
  for (const auto& it : seq) {
    int level, order;
    LevelOrder(m, *it.impl, &level, &order);
    rows.push_back({{it.chain->phase, ""}, {Pad(level, 2), ""}, {Pad(order, 4), ""},
                    {it.impl->step, ""}, {it.impl->function, ""},
                    {Source(it.impl->file, it.impl->line), ""}});
  }
  if (!seq.empty()) PrintTable(out, rows, "  ", false);
}

Json JsonEntry(const Model& m, const RunItem& it) {
  int level, order;
  LevelOrder(m, *it.impl, &level, &order);
  const Step* st = m.FindStep(it.impl->step);
  const Impl& im = *it.impl;
  Json e = Json::Object();
  e.Set("phase", Json::Str(it.chain->phase));
  e.Set("level", level >= 0 ? Json::Int(level) : Json::Null());
  e.Set("order", order >= 0 ? Json::Int(order) : Json::Null());
  e.Set("step", Json::Str(im.step));
  e.Set("policy", st ? Json::Str(st->policy) : Json::Null());
  e.Set("function", Json::Str(im.function));
  e.Set("symbol", Json::Str(im.symbol));
  e.Set("address", im.has_address ? Json::Str(HexAddress(im.address)) : Json::Null());
  e.Set("file", im.file.empty() ? Json::Null() : Json::Str(im.file));
  e.Set("line", im.file.empty() ? Json::Null() : Json::Int(im.line));
  e.Set("table", Json::Str(it.chain->table));
  e.Set("has_record", Json::Bool(im.entry && im.entry->record));
  return e;
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
  Json j = Header("list", p);
  Json subs = Json::Array();
  for (size_t i = 0; i < r.subarchs.size(); ++i) {
    const ShownSubarch& s = r.subarchs[i];
    Json js = Json::Object();
    js.Set("name", Json::Str(s.name));
    js.Set("id", s.id >= 0 ? Json::Int(s.id) : Json::Null());
    js.Set("label", Json::Str(s.label));
    js.Set("enabled", Json::Bool(s.enabled));
    Json chain = Json::Array();
    for (const auto& it : r.sequences[i]) chain.Push(JsonEntry(m, it));
    js.Set("chain", std::move(chain));
    subs.Push(std::move(js));
  }
  j.Set("subarchs", std::move(subs));
  out << j.Dump() << "\n";
}

}  // namespace audit
