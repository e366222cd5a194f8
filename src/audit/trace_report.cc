// Text and JSON renderers of `trace`, and the numbers they share.
#include "src/audit/trace_report.h"

#include <algorithm>
#include <cstdio>
#include <utility>

#include "src/audit/audit.h"
#include "src/audit/json.h"

namespace audit {

BootTotals TotalsOf(const Boot& b) {
  BootTotals t;
  for (const TraceStep& s : b.steps) {
    if (s.status == TraceStatus::kOk) ++t.ok;
    if (s.status == TraceStatus::kFailed) ++t.failed;
    if (s.status == TraceStatus::kSkipped) ++t.skipped;
    if (s.status == TraceStatus::kUnfinished) ++t.unfinished;
    if (s.has_cycles) t.cycles += s.cycles;  // wraps only past 2^64 cycles
  }
  return t;
}

int SharePermille(const TraceStep& t, uint64_t total) {
  if (!t.has_cycles) return -1;
  if (total == 0) return 0;
  return static_cast<int>(static_cast<double>(t.cycles) * 1000.0 / static_cast<double>(total) + 0.5);
}

const char* StatusName(TraceStatus s) {
  switch (s) {
    case TraceStatus::kOk: return "ok";
    case TraceStatus::kFailed: return "failed";
    case TraceStatus::kSkipped: return "skipped";
    case TraceStatus::kUnfinished: return "unfinished";
  }
  return "?";
}

std::string StatusText(const TraceStep& t) {
  switch (t.status) {
    case TraceStatus::kOk: return "ok";
    case TraceStatus::kFailed: return "FAILED code " + std::to_string(t.code);
    case TraceStatus::kSkipped: return "SKIPPED (needs " + t.dep + ")";
    case TraceStatus::kUnfinished: return "unfinished";
  }
  return "?";
}

std::string HexU64(uint64_t v) {
  char b[24];
  std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
  return b;
}

namespace {

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string ShareText(int permille) {
  if (permille < 0) return "-";
  return std::to_string(permille / 10) + "." + std::to_string(permille % 10) + "%";
}

std::string FunctionText(const TraceResult& r, const TraceStep& t) {
  if (!t.has_fn) return "-";
  auto it = r.functions.find(t.fn);
  return HexU64(t.fn) + (it == r.functions.end() ? "" : " " + it->second);
}

// Columns left-aligned, except those listed as right-aligned.
void PrintColumns(std::ostream& out, const std::vector<std::vector<std::string>>& rows,
                  const std::vector<bool>& right) {
  std::vector<size_t> width(right.size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  for (const auto& row : rows) {
    std::string line = " ";
    for (size_t c = 0; c < row.size(); ++c) {
      const std::string pad(width[c] - row[c].size(), ' ');
      line += " " + (right[c] ? pad + row[c] : row[c] + (c + 1 < row.size() ? pad : ""));
    }
    out << line << "\n";
  }
}

void TextBoot(const TraceResult& r, size_t i, std::ostream& out) {
  const Boot& b = r.log.boots[i];
  const BootTotals t = TotalsOf(b);
  out << "boot " << i + 1 << ": " << b.subarch << " (" << b.log << ":" << b.first_line << "), "
      << Plural(b.steps.size(), "step", "steps") << ": " << t.ok << " ok, " << t.failed
      << " failed, " << t.skipped << " skipped";
  if (t.unfinished) out << ", " << t.unfinished << " unfinished";
  out << "; " << t.cycles << " cycles\n";
  std::vector<std::vector<std::string>> rows = {
      {"phase", "step", "status", "cycles", "share", "function"}};
  for (const TraceStep& s : b.steps)
    rows.push_back({s.phase, s.step, StatusText(s), s.has_cycles ? std::to_string(s.cycles) : "?",
                    ShareText(SharePermille(s, t.cycles)), FunctionText(r, s)});
  if (!b.steps.empty()) PrintColumns(out, rows, {false, false, false, true, true, false});
  for (const FatalLine& f : b.fatals) out << "  fatal (line " << f.line << "): " << f.text << "\n";
}

void TextDiffs(const TraceResult& r, std::ostream& out) {
  if (r.diffs.empty()) {
    out << r.binary << ": every boot ran the binary's chain for its subarch\n";
    return;
  }
  out << r.binary << ": " << Plural(r.diffs.size(), "difference", "differences") << "\n";
  for (const TraceDiff& d : r.diffs) {
    const Boot& b = r.log.boots[d.boot];
    out << "  boot " << d.boot + 1 << " (" << b.subarch << "), ";
    if (d.line) out << b.log << ":" << d.line << ": ";
    out << TraceDiffName(d.kind) << ": " << d.message << "\n";
  }
}

}  // namespace

void RenderTraceText(const TraceResult& r, std::ostream& out) {
  for (size_t i = 0; i < r.log.boots.size(); ++i) {
    if (i) out << "\n";
    TextBoot(r, i, out);
  }
  if (!r.log.bad_lines.empty()) {
    out << "\nmalformed trace lines (ignored): " << r.log.bad_lines.size() << "\n";
    for (const BadLine& l : r.log.bad_lines)
      out << "  " << l.log << ":" << l.line << ": " << MalformedName(l.kind) << ": " << l.text << "\n";
  }
  if (!r.binary.empty()) {
    out << "\n";
    TextDiffs(r, out);
  }
}

namespace {

Json OrNull(bool has, Json v) { return has ? v : Json::Null(); }

Json JsonStep(const TraceResult& r, const TraceStep& s, uint64_t total) {
  Json j = Json::Object();
  j.Set("phase", Json::Str(s.phase));
  j.Set("step", Json::Str(s.step));
  j.Set("status", Json::Str(StatusName(s.status)));
  j.Set("code", OrNull(s.status == TraceStatus::kFailed, Json::Int(s.code)));
  j.Set("needs", OrNull(s.status == TraceStatus::kSkipped, Json::Str(s.dep)));
  j.Set("clock", Json::Str(std::to_string(s.clock)));  // may exceed 2^63
  j.Set("cycles", OrNull(s.has_cycles, Json::Str(std::to_string(s.cycles))));
  const int share = SharePermille(s, total);
  j.Set("share_permille", OrNull(share >= 0, Json::Int(share)));
  j.Set("address", OrNull(s.has_fn, Json::Str(HexU64(s.fn))));
  auto fn = r.functions.find(s.fn);
  j.Set("function", OrNull(s.has_fn && fn != r.functions.end(),
                           Json::Str(fn == r.functions.end() ? "" : fn->second)));
  j.Set("line", Json::Int(s.line));
  return j;
}

Json JsonBoot(const TraceResult& r, const Boot& b) {
  const BootTotals t = TotalsOf(b);
  Json j = Json::Object();
  j.Set("log", Json::Str(b.log));
  j.Set("line", Json::Int(b.first_line));
  j.Set("subarch", Json::Str(b.subarch));
  Json steps = Json::Array();
  for (const TraceStep& s : b.steps) steps.Push(JsonStep(r, s, t.cycles));
  j.Set("steps", std::move(steps));
  Json fatals = Json::Array();
  for (const FatalLine& f : b.fatals) {
    Json jf = Json::Object();
    jf.Set("line", Json::Int(f.line));
    jf.Set("message", Json::Str(f.text));
    fatals.Push(std::move(jf));
  }
  j.Set("fatals", std::move(fatals));
  Json sum = Json::Object();
  sum.Set("ok", Json::Int(static_cast<int64_t>(t.ok)));
  sum.Set("failed", Json::Int(static_cast<int64_t>(t.failed)));
  sum.Set("skipped", Json::Int(static_cast<int64_t>(t.skipped)));
  sum.Set("unfinished", Json::Int(static_cast<int64_t>(t.unfinished)));
  sum.Set("cycles", Json::Str(std::to_string(t.cycles)));
  j.Set("summary", std::move(sum));
  return j;
}

Json JsonDiffs(const TraceResult& r) {
  Json a = Json::Array();
  for (const TraceDiff& d : r.diffs) {
    Json j = Json::Object();
    j.Set("boot", Json::Int(static_cast<int64_t>(d.boot + 1)));
    j.Set("kind", Json::Str(TraceDiffName(d.kind)));
    j.Set("phase", OrNull(!d.phase.empty(), Json::Str(d.phase)));
    j.Set("step", OrNull(!d.step.empty(), Json::Str(d.step)));
    j.Set("line", OrNull(d.line != 0, Json::Int(d.line)));
    j.Set("message", Json::Str(d.message));
    a.Push(std::move(j));
  }
  return a;
}

Json JsonBadLines(const TraceResult& r) {
  Json a = Json::Array();
  for (const BadLine& l : r.log.bad_lines) {
    Json j = Json::Object();
    j.Set("log", Json::Str(l.log));
    j.Set("line", Json::Int(l.line));
    j.Set("kind", Json::Str(MalformedName(l.kind)));
    j.Set("text", Json::Str(l.text));
    a.Push(std::move(j));
  }
  return a;
}

}  // namespace

void RenderTraceJson(const TraceResult& r, std::ostream& out) {
  Json j = Json::Object();
  j.Set("tool", Json::Str("earlyinit-audit"));
  j.Set("version", Json::Str(kVersion));
  j.Set("format_version", Json::Int(1));
  j.Set("command", Json::Str("trace"));
  Json logs = Json::Array();
  for (const auto& l : r.logs) logs.Push(Json::Str(l));
  j.Set("inputs", std::move(logs));
  j.Set("binary", OrNull(!r.binary.empty(), Json::Str(r.binary)));
  Json boots = Json::Array();
  for (const Boot& b : r.log.boots) boots.Push(JsonBoot(r, b));
  j.Set("boots", std::move(boots));
  j.Set("malformed", JsonBadLines(r));
  j.Set("differences", JsonDiffs(r));
  j.Set("ok", Json::Bool(r.diffs.empty()));
  out << j.Dump() << "\n";
}

}  // namespace audit
