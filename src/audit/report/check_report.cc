// `check`, the renderers: the findings and the summary as text or JSON.
#include "src/audit/report/check_report.h"

#include <map>

#include "src/audit/report/report_fields.h"

namespace audit {

void RenderCheckText(const CheckResult& r, std::ostream& out) {
  const auto& v = r.findings;
  for (const auto& x : v) out << FindingName(x.kind) << ": " << x.message << "\n";
  std::map<std::string, size_t> kinds;  // by name: the summary's order
  for (const auto& x : v) ++kinds[FindingName(x.kind)];
  out << "check: " << r.subarchs << " subarchs, " << r.steps << " steps, " << r.implementations
      << " implementations, " << r.exemptions << " exemptions: ";
  if (v.empty()) {
    out << "OK\n";
    return;
  }
  out << v.size() << (v.size() == 1 ? " violation" : " violations") << " (";
  bool first = true;
  for (const auto& k : kinds) {
    out << (first ? "" : ", ") << k.second << " " << k.first;
    first = false;
  }
  out << ")\n";
}

namespace {

// A string member, null when empty.
void StrOrNull(JsonWriter& w, const char* key, const std::string& v) {
  v.empty() ? w.Key(key).Null() : w.Key(key).Str(v);
}

void JsonFinding(JsonWriter& w, const Finding& x) {
  w.BeginObject();
  w.Key("kind").Str(FindingName(x.kind));
  w.Key("message").Str(x.message);
  StrOrNull(w, "file", x.file);
  x.file.empty() ? w.Key("line").Null() : w.Key("line").Int(x.line);
  StrOrNull(w, "step", x.step);
  StrOrNull(w, "subarch", x.subarch);
  StrOrNull(w, "table", x.table);
  StrOrNull(w, "entry", x.name);
  w.End();
}

}  // namespace

void RenderCheckJson(const Program& p, const CheckResult& r, std::ostream& out) {
  std::string text;
  JsonWriter w(&text, &out);
  Header(w, "check", p);
  w.Key("ok").Bool(r.findings.empty());
  w.Key("summary").BeginObject();
  w.Key("subarchs").Int(static_cast<int64_t>(r.subarchs));
  w.Key("steps").Int(static_cast<int64_t>(r.steps));
  w.Key("implementations").Int(static_cast<int64_t>(r.implementations));
  w.Key("exemptions").Int(static_cast<int64_t>(r.exemptions));
  w.Key("violations").Int(static_cast<int64_t>(r.findings.size()));
  w.End();
  w.Key("violations").BeginArray();
  for (const auto& x : r.findings) JsonFinding(w, x);
  w.End();
  w.End();
  out << text << "\n";
}

}  // namespace audit
