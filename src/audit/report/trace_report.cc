// Text and JSON renderers of `trace`, and the numbers they share.
#include "src/audit/report/trace_report.h"
#include "src/audit/base/text.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

#include "src/audit/base/vocabulary.h"
#include "src/audit/report/json.h"

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
  return Hex(t.fn) + (it == r.functions.end() ? "" : " " + it->second);
}

// A boot's table: phase, step, status, cycles, share, function.
constexpr size_t kColumns = 6;
using Row = std::array<std::string, kColumns>;
constexpr bool kRight[kColumns] = {false, false, false, true, true, false};

void Pad(std::ostream& out, size_t n) {
  static const char kSpaces[] = "                                ";
  for (; n > sizeof kSpaces - 1; n -= sizeof kSpaces - 1) out.write(kSpaces, sizeof kSpaces - 1);
  out.write(kSpaces, static_cast<std::streamsize>(n));
}

// Columns left-aligned, except the cycles and the share, right-aligned;
// written cell by cell (no line or padding strings).
void PrintColumns(std::ostream& out, const std::vector<Row>& rows) {
  size_t width[kColumns] = {};
  for (const Row& row : rows)
    for (size_t c = 0; c < kColumns; ++c) width[c] = std::max(width[c], row[c].size());
  for (const Row& row : rows) {
    out << ' ';
    for (size_t c = 0; c < kColumns; ++c) {
      const size_t pad = width[c] - row[c].size();
      out << ' ';
      if (kRight[c]) Pad(out, pad);
      out << row[c];
      if (!kRight[c] && c + 1 < kColumns) Pad(out, pad);
    }
    out << '\n';
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
  std::vector<Row> rows;
  rows.reserve(b.steps.size() + 1);
  rows.push_back({"phase", "step", "status", "cycles", "share", "function"});
  for (const TraceStep& s : b.steps)
    rows.push_back({s.phase, s.step, StatusText(s), s.has_cycles ? std::to_string(s.cycles) : "?",
                    ShareText(SharePermille(s, t.cycles)), FunctionText(r, s)});
  if (!b.steps.empty()) PrintColumns(out, rows);
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

void JsonStep(JsonWriter& w, const TraceResult& r, const TraceStep& s, uint64_t total) {
  w.BeginObject();
  w.Key("phase").Str(s.phase);
  w.Key("step").Str(s.step);
  w.Key("status").Str(StatusName(s.status));
  s.status == TraceStatus::kFailed ? w.Key("code").Int(s.code) : w.Key("code").Null();
  s.status == TraceStatus::kSkipped ? w.Key("needs").Str(s.dep) : w.Key("needs").Null();
  w.Key("clock").Str(std::to_string(s.clock));  // may exceed 2^63
  s.has_cycles ? w.Key("cycles").Str(std::to_string(s.cycles)) : w.Key("cycles").Null();
  const int share = SharePermille(s, total);
  share >= 0 ? w.Key("share_permille").Int(share) : w.Key("share_permille").Null();
  s.has_fn ? w.Key("address").Str(Hex(s.fn)) : w.Key("address").Null();
  auto fn = r.functions.find(s.fn);
  s.has_fn && fn != r.functions.end() ? w.Key("function").Str(fn->second) : w.Key("function").Null();
  w.Key("line").Int(s.line);
  w.End();
}

void JsonBoot(JsonWriter& w, const TraceResult& r, const Boot& b) {
  const BootTotals t = TotalsOf(b);
  w.BeginObject();
  w.Key("log").Str(b.log);
  w.Key("line").Int(b.first_line);
  w.Key("subarch").Str(b.subarch);
  w.Key("steps").BeginArray();
  for (const TraceStep& s : b.steps) JsonStep(w, r, s, t.cycles);
  w.End();
  w.Key("fatals").BeginArray();
  for (const FatalLine& f : b.fatals) {
    w.BeginObject();
    w.Key("line").Int(f.line);
    w.Key("message").Str(f.text);
    w.End();
  }
  w.End();
  w.Key("summary").BeginObject();
  w.Key("ok").Int(static_cast<int64_t>(t.ok));
  w.Key("failed").Int(static_cast<int64_t>(t.failed));
  w.Key("skipped").Int(static_cast<int64_t>(t.skipped));
  w.Key("unfinished").Int(static_cast<int64_t>(t.unfinished));
  w.Key("cycles").Str(std::to_string(t.cycles));
  w.End();
  w.End();
}

void JsonDiffs(JsonWriter& w, const TraceResult& r) {
  w.BeginArray();
  for (const TraceDiff& d : r.diffs) {
    w.BeginObject();
    w.Key("boot").Int(static_cast<int64_t>(d.boot + 1));
    w.Key("kind").Str(TraceDiffName(d.kind));
    !d.phase.empty() ? w.Key("phase").Str(d.phase) : w.Key("phase").Null();
    !d.step.empty() ? w.Key("step").Str(d.step) : w.Key("step").Null();
    d.line != 0 ? w.Key("line").Int(d.line) : w.Key("line").Null();
    w.Key("message").Str(d.message);
    w.End();
  }
  w.End();
}

void JsonBadLines(JsonWriter& w, const TraceResult& r) {
  w.BeginArray();
  for (const BadLine& l : r.log.bad_lines) {
    w.BeginObject();
    w.Key("log").Str(l.log);
    w.Key("line").Int(l.line);
    w.Key("kind").Str(MalformedName(l.kind));
    w.Key("text").Str(l.text);
    w.End();
  }
  w.End();
}

}  // namespace

void RenderTraceJson(const TraceResult& r, std::ostream& out) {
  // About what each part takes, pretty-printed: the text grows once or
  // twice, not a dozen times.
  size_t steps = 0;
  for (const Boot& b : r.log.boots) steps += b.steps.size();
  std::string text;
  text.reserve(1024 + 256 * r.log.boots.size() + 400 * steps + 300 * r.diffs.size() +
               300 * r.log.bad_lines.size());
  JsonWriter w(&text);
  BeginToolDocument(w, "trace", r.logs);
  !r.binary.empty() ? w.Key("binary").Str(r.binary) : w.Key("binary").Null();
  w.Key("boots").BeginArray();
  for (const Boot& b : r.log.boots) JsonBoot(w, r, b);
  w.End();
  JsonBadLines(w.Key("malformed"), r);
  JsonDiffs(w.Key("differences"), r);
  w.Key("ok").Bool(r.diffs.empty());
  w.End();
  out << text << "\n";
}

}  // namespace audit
