// earlyinit-audit trace: the boot-log parser. Reads a log as it comes off a
// serial port or out of dmesg (other lines, timestamps, CR/LF, ANSI colour,
// a truncated last line) and returns its earlyinit trace lines grouped into
// boots (grammar: docs/audit.md "The trace line"). Pure and in-memory: the
// fuzz target drives it directly.
#ifndef EARLYINIT_SRC_AUDIT_LOGS_TRACE_LOG_H
#define EARLYINIT_SRC_AUDIT_LOGS_TRACE_LOG_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "src/audit/base/phases.h"

namespace audit {

// kUnfinished: a "calling" line whose step never reported its end (the
// boot stopped or hung inside it).
enum class TraceStatus { kOk, kFailed, kSkipped, kUnfinished };

// Why a line that looks like a trace line could not be read.
enum class Malformed {
  kBadName,       // subarch, step or dependency name with other characters
  kBadStatus,     // not calling, ok, FAILED or SKIPPED
  kBadCode,       // FAILED without "code <integer>"
  kBadNeeds,      // SKIPPED without "(needs <step>)"
  kNoClock,       // no "@<clock>"
  kBadClock,      // "@" without a decimal number
  kBadCycles,     // "cycles=" without a decimal number
  kBadFunction,   // "fn=" without "0x<hex>"
  kTruncated,     // the log's last line, cut off (no newline)
  kUnknownPhase,  // a step line of a phase not in the list (the binary's, or the library's default)
};
const char* MalformedName(Malformed m);

struct TraceStep {
  std::string phase, step, dep;  // dep: SKIPPED's unmet dependency
  TraceStatus status = TraceStatus::kOk;
  int64_t code = 0;              // FAILED: the step's return value
  uint64_t clock = 0;            // at the end event
  bool has_cycles = false;       // from cycles=, or from a "calling" line
  uint64_t cycles = 0;
  bool has_fn = false;
  uint64_t fn = 0;
  uint32_t line = 0;             // 1-based line number in the log
};

struct FatalLine {
  uint32_t line = 0;
  std::string text;  // from "earlyinit: " on
};

// One boot: consecutive trace lines of one subarch whose phases do not go
// back and whose steps do not repeat.
struct Boot {
  std::string log, subarch;
  uint32_t first_line = 0;
  std::vector<TraceStep> steps;  // run order
  std::vector<FatalLine> fatals;
};

struct BadLine {
  std::string log;
  uint32_t line = 0;
  Malformed kind = Malformed::kBadStatus;
  std::string text;  // cleaned (no colour, no CR), at most 200 bytes
};

struct TraceLog {
  std::vector<Boot> boots;
  std::vector<BadLine> bad_lines;
};

// Appends the boots and malformed lines of one log; returns how many trace
// lines (calling and end events, fatal reports) it held. A fatal report
// before any step line opens a boot of subarch "?" (the boot stopped
// before its first step).
// Step lines are those of `phases` (the binary's, or PhaseList::Default()).
size_t ParseTraceLog(std::string_view text, const std::string& log_name, const PhaseList& phases,
                     TraceLog* out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_LOGS_TRACE_LOG_H
