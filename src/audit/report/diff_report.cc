// `diff S1 S2`, the renderers: the differences as text or JSON.
#include "src/audit/report/diff_report.h"

#include "src/audit/base/text.h"
#include "src/audit/report/report_fields.h"
#include "src/audit/report/text_table.h"

namespace audit {

namespace {

std::string OtherText(const DiffOnly& x) {
  switch (x.other) {
    case OtherStatus::kMissing: return "missing";
    case OtherStatus::kExemptWithoutReason: return "exempt without reason";
    case OtherStatus::kExempt: return "exempt: " + x.reason;
  }
  return "?";
}

void TextOnly(const std::vector<DiffOnly>& list, const std::string& in, const std::string& other,
              std::ostream& out) {
  if (list.empty()) return;
  out << "\nonly in " << in << ":\n";
  std::vector<Row> rows;
  for (const auto& x : list)
    rows.push_back({{x.item.chain->phase, ""}, {x.item.impl->step, ""}, {x.item.impl->function, ""},
                    {"(" + other + ": " + OtherText(x) + ")", ""}});
  PrintTable(out, rows, "  ", false);
}

}  // namespace

void RenderDiffText(const DiffResult& r, std::ostream& out) {
  out << "diff " << r.a << " " << r.b << ": " << r.steps_a << " and " << r.steps_b << " steps\n";
  TextOnly(r.only_a, r.a, r.b, out);
  TextOnly(r.only_b, r.b, r.a, out);
  if (!r.functions.empty()) {
    out << "\nsame step, different function:\n";
    std::vector<Row> rows;
    for (const auto& f : r.functions)
      rows.push_back({{f.phase, ""}, {f.step, ""}, {r.a + ": " + f.function_a, ""}, {r.b + ": " + f.function_b, ""}});
    PrintTable(out, rows, "  ", false);
  }
  if (!r.moved.empty()) {
    out << "\norder differs:\n";
    for (const auto& mv : r.moved)
      out << "  " << mv.step << ": in " << r.a << " " << (mv.after_a.empty() ? "first" : "after " + mv.after_a)
          << ", in " << r.b << " " << (mv.after_b.empty() ? "first" : "after " + mv.after_b) << "\n";
  }
  if (r.same)
    out << "\nsame steps in the same order" << (r.functions.empty() ? "" : " (functions differ)") << "\n";
}

namespace {

void JsonOnly(JsonWriter& w, const std::vector<DiffOnly>& list) {
  w.BeginArray();
  for (const auto& x : list) {
    const Impl& im = *x.item.impl;
    const bool exempt = x.other != OtherStatus::kMissing;
    w.BeginObject();
    w.Key("phase").Str(x.item.chain->phase);
    w.Key("step").Str(im.step);
    w.Key("function").Str(im.function);
    im.file.empty() ? w.Key("file").Null() : w.Key("file").Str(im.file);
    im.file.empty() ? w.Key("line").Null() : w.Key("line").Int(im.line);
    w.Key("other").Str(exempt ? "exempt" : "missing");
    exempt ? w.Key("reason").Str(x.reason) : w.Key("reason").Null();
    w.End();
  }
  w.End();
}

void StrOrNull(JsonWriter& w, const char* key, const std::string& s) {
  s.empty() ? w.Key(key).Null() : w.Key(key).Str(s);
}

}  // namespace

void RenderDiffJson(const Program& p, const DiffResult& r, std::ostream& out) {
  std::string text;
  JsonWriter w(&text, &out);
  Header(w, "diff", p);
  w.Key("a").Str(r.a);
  w.Key("b").Str(r.b);
  w.Key("same").Bool(r.same);
  JsonOnly(w.Key("only_in_a"), r.only_a);
  JsonOnly(w.Key("only_in_b"), r.only_b);
  w.Key("different_functions").BeginArray();
  for (const auto& f : r.functions) {
    w.BeginObject();
    w.Key("phase").Str(f.phase);
    w.Key("step").Str(f.step);
    w.Key("function_a").Str(f.function_a);
    w.Key("function_b").Str(f.function_b);
    w.End();
  }
  w.End();
  w.Key("order_differences").BeginArray();
  for (const auto& mv : r.moved) {
    w.BeginObject();
    w.Key("step").Str(mv.step);
    StrOrNull(w, "after_in_a", mv.after_a);
    StrOrNull(w, "after_in_b", mv.after_b);
    w.End();
  }
  w.End();
  w.End();
  out << text << "\n";
}

}  // namespace audit
