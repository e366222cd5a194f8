#include "src/audit/logs/trace_log.h"

#include <string.h>  // memrchr

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <utility>

#include "src/audit/base/phases.h"

namespace audit {

const char* MalformedName(Malformed m) {
  switch (m) {
    case Malformed::kBadName: return "bad-name";
    case Malformed::kBadStatus: return "bad-status";
    case Malformed::kBadCode: return "bad-code";
    case Malformed::kBadNeeds: return "bad-needs";
    case Malformed::kNoClock: return "no-clock";
    case Malformed::kBadClock: return "bad-clock";
    case Malformed::kBadCycles: return "bad-cycles";
    case Malformed::kBadFunction: return "bad-function";
    case Malformed::kTruncated: return "truncated";
    case Malformed::kUnknownPhase: return "unknown-phase";
  }
  return "?";
}

namespace {

constexpr std::string_view kMarker = "earlyinit: ";

// The bytes of x below 0x20 or equal to 0x7f, as their high bits. Exact
// in its lowest set bit (borrows only carry upwards), which is all
// FindControl reads.
uint64_t ControlBytes(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  const uint64_t del = x ^ (kOnes * 0x7f);
  return ((x - kOnes * 0x20) & ~x & kHigh) | ((del - kOnes) & ~del & kHigh);
}

// Under a fuzzer (clang's -fsanitize=fuzzer), a function left out of the
// coverage instrumentation: no edge counters or comparison hooks, still
// checked by ASan and UBSan. For scanners whose only branches, "found in
// these eight bytes or not", teach the fuzzer nothing its callers'
// branches do not (its hooks were 2.6% of earlyinit_audit_trace's time).
#if defined(__clang__) && __clang_major__ >= 13
#define EARLYINIT_NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define EARLYINIT_NO_COVERAGE
#endif

// The index of the first control character (below 0x20, or DEL) of s at
// or after `from`, s.size() without one; eight bytes at a time, so that
// most lines, which have none, are read in place at little cost (a
// fuzzer's comparison hooks make a per-byte loop many times slower).
EARLYINIT_NO_COVERAGE size_t FindControl(std::string_view s, size_t from) {
  for (size_t i = from; i < s.size(); i += 8) {
    const size_t n = std::min<size_t>(8, s.size() - i);
    uint64_t x = 0x2020202020202020ull;  // spaces past the end
    if (n == 8) std::memcpy(&x, s.data() + i, 8);
    else std::memcpy(&x, s.data() + i, n);
    const uint64_t hits = ControlBytes(x);
    if (!hits) continue;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return i + static_cast<size_t>(__builtin_ctzll(hits)) / 8;
#else
    for (size_t j = i;; ++j)
      if (static_cast<unsigned char>(s[j]) < 0x20 || s[j] == 0x7f) return j;
#endif
  }
  return s.size();
}

// The visible text of one raw line: what follows its last CR (a console
// that rewrites the line shows only that), without ANSI escape sequences
// and other control characters (tabs become spaces). A view of the raw
// line when it has no control character, else of *buffer, filled with the
// runs between them.
std::string_view CleanLine(std::string_view raw, std::string* buffer) {
  while (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
  if (const void* cr = memrchr(raw.data(), '\r', raw.size()))
    raw.remove_prefix(static_cast<size_t>(static_cast<const char*>(cr) - raw.data()) + 1);
  size_t i = FindControl(raw, 0);
  if (i == raw.size()) return raw;
  std::string& out = *buffer;
  out.assign(raw.data(), i);
  while (i < raw.size()) {
    if (raw[i] == 0x1b) {  // ESC [ params intermediates final, or ESC + one byte
      if (i + 1 < raw.size() && raw[i + 1] == '[') {
        i += 2;
        while (i < raw.size() && !(raw[i] >= 0x40 && raw[i] <= 0x7e)) ++i;
      } else {
        ++i;
      }
      ++i;  // the final byte, or the one after ESC
    } else {
      if (raw[i] == '\t') out += ' ';
      ++i;
    }
    if (i >= raw.size()) break;
    const size_t next = FindControl(raw, i);
    out.append(raw.data() + i, next - i);
    i = next;
  }
  return out;
}

// The words of s (split at spaces) into *out, whose capacity is reused.
void Words(std::string_view s, std::vector<std::string_view>* out) {
  out->clear();
  const char* p = s.data();
  const char* const end = p + s.size();
  while (p != end) {
    if (*p == ' ') {
      ++p;
      continue;
    }
    const char* space = static_cast<const char*>(std::memchr(p, ' ', static_cast<size_t>(end - p)));
    if (!space) space = end;
    out->emplace_back(p, static_cast<size_t>(space - p));
    p = space;
  }
}

// Bytes of names: [A-Za-z0-9_], by table (one test a byte).
struct NameBytes {
  bool is[256] = {};
  constexpr NameBytes() {
    for (int c = 0; c < 256; ++c)
      is[c] = c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
};
constexpr NameBytes kNameBytes;

bool IsName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!kNameBytes.is[static_cast<unsigned char>(c)]) return false;
  return true;
}

bool ParseUnsigned(std::string_view s, unsigned base, uint64_t* v) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t x = 0;
  for (char c : s) {
    unsigned d;
    if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
    else if (base == 16 && c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
    else if (base == 16 && c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
    else return false;
    if (x > (UINT64_MAX - d) / base) return false;  // overflow
    x = x * base + d;
  }
  *v = x;
  return true;
}

bool ParseSigned(std::string_view s, int64_t* v) {
  const bool neg = !s.empty() && s[0] == '-';
  uint64_t u;
  if (!ParseUnsigned(neg ? s.substr(1) : s, 10, &u)) return false;
  if (u > (neg ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1)) return false;
  *v = neg ? static_cast<int64_t>(0 - u) : static_cast<int64_t>(u);
  return true;
}


// The library's fatal reports (earlyinit_format_fatal): the core's
// openings, the x86 adapter's, and the Linux series' (examples/linux),
// whose earlyinit.inject_fatal parameter stops a boot to test the hook.
bool IsFatal(std::string_view rest) {
  for (std::string_view p : {"required step ", "unknown hardware_subarch ", "subarch id ",
                             "hardware_subarch", "unknown magic ", "no phase ",
                             "earlyinit.inject_fatal "})
    if (rest.substr(0, p.size()) == p) return true;
  return false;
}

// One event, before it is placed in a boot.
struct Event {
  std::string subarch;
  bool calling = false;
  TraceStep step;
};

// Status word and its detail (code, needs); advances *i past them.
bool ParseStatus(const std::vector<std::string_view>& w, size_t* i, Event* e, Malformed* why) {
  const std::string_view s = w[3];
  *i = 4;
  if (s == "calling" || s == "ok") {
    e->calling = s == "calling";
    return true;
  }
  if (s == "FAILED") {
    e->step.status = TraceStatus::kFailed;
    *i = 6;
    if (w.size() >= 6 && w[4] == "code" && ParseSigned(w[5], &e->step.code)) return true;
    *why = Malformed::kBadCode;
    return false;
  }
  if (s == "SKIPPED") {
    e->step.status = TraceStatus::kSkipped;
    *i = 6;
    if (w.size() >= 6 && w[4] == "(needs" && w[5].size() > 1 && w[5].back() == ')' &&
        IsName(w[5].substr(0, w[5].size() - 1))) {
      e->step.dep = std::string(w[5].substr(0, w[5].size() - 1));
      return true;
    }
    *why = Malformed::kBadNeeds;
    return false;
  }
  *why = Malformed::kBadStatus;
  return false;
}

// "@clock", then optional cycles= and fn=; other words are a later
// version's fields and are skipped.
bool ParseTail(const std::vector<std::string_view>& w, size_t i, TraceStep* t, Malformed* why) {
  if (i >= w.size() || w[i][0] != '@') {
    *why = Malformed::kNoClock;
    return false;
  }
  if (!ParseUnsigned(w[i].substr(1), 10, &t->clock)) {
    *why = Malformed::kBadClock;
    return false;
  }
  for (++i; i < w.size(); ++i) {
    if (w[i].substr(0, 7) == "cycles=") {
      t->has_cycles = ParseUnsigned(w[i].substr(7), 10, &t->cycles);
      if (!t->has_cycles) *why = Malformed::kBadCycles;
      if (!t->has_cycles) return false;
    } else if (w[i].substr(0, 3) == "fn=") {
      t->has_fn = w[i].substr(3, 2) == "0x" && ParseUnsigned(w[i].substr(5), 16, &t->fn);
      if (!t->has_fn) *why = Malformed::kBadFunction;
      if (!t->has_fn) return false;
    }
  }
  return true;
}

enum class LineKind { kOther, kTrace, kFatal, kMalformed };

// Classifies cleaned lines; one per log, its buffers reused line to line.
class LineParser {
 public:
  explicit LineParser(const PhaseList& phases) : phases_(phases) {}

  // Fills *e for kTrace, *why for kMalformed.
  LineKind Parse(std::string_view line, Event* e, Malformed* why) {
    const size_t at = line.find(kMarker);
    if (at == std::string_view::npos) return LineKind::kOther;
    const std::string_view rest = line.substr(at + kMarker.size());
    Words(rest, &w_);
    if (w_.size() < 2 || phases_.Rank(w_[1]) < 0) {
      if (IsFatal(rest)) return LineKind::kFatal;
      *why = Malformed::kUnknownPhase;  // a step line of a phase we were not told of
      return LooksLikeStep() ? LineKind::kMalformed : LineKind::kOther;
    }
    *why = Malformed::kBadStatus;
    if (w_.size() < 4) return LineKind::kMalformed;
    *why = Malformed::kBadName;
    if (!(IsName(w_[0]) || w_[0] == "?") || !IsName(w_[2])) return LineKind::kMalformed;
    e->subarch = std::string(w_[0]);
    e->step.phase = std::string(w_[1]);
    e->step.step = std::string(w_[2]);
    size_t i;
    if (!ParseStatus(w_, &i, e, why) || !ParseTail(w_, i, &e->step, why)) return LineKind::kMalformed;
    return LineKind::kTrace;
  }

  // A last line such as "earlyinit: xen_pvh ea": too short to tell.
  bool LooksCut(std::string_view line) {
    const size_t at = line.find(kMarker);
    if (at == std::string_view::npos) return false;
    Words(line.substr(at + kMarker.size()), &w_);
    return w_.size() < 4 && !IsFatal(line.substr(at + kMarker.size()));
  }

  std::string_view Clean(std::string_view raw) { return CleanLine(raw, &clean_); }

 private:
  // "<subarch> <name> <step> <status>": a step line but for its phase.
  bool LooksLikeStep() const {
    if (w_.size() < 4 || !(IsName(w_[0]) || w_[0] == "?") || !IsName(w_[1]) || !IsName(w_[2])) return false;
    return w_[3] == "calling" || w_[3] == "ok" || w_[3] == "FAILED" || w_[3] == "SKIPPED";
  }

  const PhaseList& phases_;
  std::vector<std::string_view> w_;
  std::string clean_;
};

// A step of a boot: its phase's rank and its name. Compared with views, so
// that a lookup makes no string.
struct StepKeyLess {
  using is_transparent = void;
  template <typename A, typename B>
  bool operator()(const A& a, const B& b) const {
    return a.first != b.first ? a.first < b.first : std::string_view(a.second) < std::string_view(b.second);
  }
};
using StepKey = std::pair<int, std::string>;
using StepKeyView = std::pair<int, std::string_view>;

// Groups one log's events into boots.
class BootSplitter {
 public:
  BootSplitter(const std::string& log, const PhaseList& phases, TraceLog* out)
      : log_(log), phases_(phases), out_(out) {}

  void Add(Event e) {
    if (StartsNewBoot(e)) Open(e);
    if (Current().subarch == "?" && Current().steps.empty()) Current().subarch = e.subarch;
    if (e.calling) {
      started_[e.step.step] = e.step;
      return;
    }
    auto it = started_.find(e.step.step);
    if (it != started_.end()) {
      if (!e.step.has_cycles && e.step.status != TraceStatus::kSkipped &&
          e.step.clock >= it->second.clock) {
        e.step.has_cycles = true;
        e.step.cycles = e.step.clock - it->second.clock;
      }
      started_.erase(it);
    }
    rank_ = phases_.Rank(e.step.phase);
    seen_.emplace(rank_, e.step.step);
    Current().steps.push_back(std::move(e.step));
  }

  void AddFatal(uint32_t line, std::string text) {
    if (out_->boots.size() == first_boot_) {
      Open(Event{"?", false, {}});
      Current().first_line = line;
    }
    Current().fatals.push_back({line, std::move(text)});
  }

  // A step that started and never ended is the boot's last.
  void Finish() {
    if (out_->boots.size() == first_boot_) return;
    for (auto& [name, t] : started_) {
      t.status = TraceStatus::kUnfinished;
      Current().steps.push_back(t);
    }
    started_.clear();
  }

 private:
  Boot& Current() { return out_->boots.back(); }

  bool StartsNewBoot(const Event& e) const {
    if (out_->boots.size() == first_boot_) return true;
    const Boot& b = out_->boots.back();
    if (b.subarch != e.subarch && !(b.subarch == "?" && b.steps.empty())) return true;
    const int rank = phases_.Rank(e.step.phase);
    if (rank < rank_) return true;
    if (seen_.count(StepKeyView(rank, e.step.step))) return true;
    return e.calling && started_.count(e.step.step);
  }

  void Open(const Event& e) {
    Finish();
    out_->boots.push_back({log_, e.subarch, e.step.line, {}, {}});
    seen_.clear();
    rank_ = 0;
  }

  const std::string& log_;
  const PhaseList& phases_;
  TraceLog* out_;
  const size_t first_boot_ = out_->boots.size();
  std::set<StepKey, StepKeyLess> seen_;  // the current boot's ended steps
  std::map<std::string, TraceStep, std::less<>> started_;
  int rank_ = 0;
};

}  // namespace

size_t ParseTraceLog(std::string_view text, const std::string& log_name, const PhaseList& phases,
                     TraceLog* out) {
  BootSplitter boots(log_name, phases, out);
  LineParser parser(phases);
  size_t events = 0;
  uint32_t number = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t nl = text.find('\n', pos);
    const bool cut = nl == std::string_view::npos;  // no newline: maybe truncated
    if (cut) nl = text.size();
    const std::string_view line = parser.Clean(text.substr(pos, nl - pos));
    pos = nl + 1;
    ++number;
    Event e;
    e.step.line = number;
    Malformed why = Malformed::kBadStatus;
    const LineKind kind = parser.Parse(line, &e, &why);
    if (cut && (kind == LineKind::kTrace || kind == LineKind::kMalformed || parser.LooksCut(line))) {
      out->bad_lines.push_back({log_name, number, Malformed::kTruncated, std::string(line.substr(0, 200))});
    } else if (kind == LineKind::kTrace) {
      ++events;
      boots.Add(std::move(e));
    } else if (kind == LineKind::kFatal) {
      ++events;  // a boot stopped before its first step is still a boot
      boots.AddFatal(number, std::string(line.substr(line.find(kMarker))));
    } else if (kind == LineKind::kMalformed) {
      out->bad_lines.push_back({log_name, number, why, std::string(line.substr(0, 200))});
    }
  }
  boots.Finish();
  return events;
}

}  // namespace audit
