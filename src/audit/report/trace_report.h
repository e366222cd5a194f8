// earlyinit-audit trace: the command's result, and its three renderers
// (text, JSON, SVG). The result is computed first (commands/trace_cmd.cc);
// the renderers only format it.
#ifndef EARLYINIT_SRC_AUDIT_REPORT_TRACE_REPORT_H
#define EARLYINIT_SRC_AUDIT_REPORT_TRACE_REPORT_H

#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "src/audit/commands/trace_check.h"
#include "src/audit/logs/trace_log.h"

namespace audit {

struct TraceResult {
  std::vector<std::string> logs;
  std::string binary;                        // "" without --binary
  TraceLog log;
  std::vector<TraceDiff> diffs;              // with --binary
  std::map<uint64_t, std::string> functions;  // the binary's, by address
};

// Per-boot totals.
struct BootTotals {
  size_t ok = 0, failed = 0, skipped = 0, unfinished = 0;
  uint64_t cycles = 0;  // sum of the known cycles
};
BootTotals TotalsOf(const Boot& b);

// A step's share of its boot's cycles in tenths of a percent (-1: unknown).
int SharePermille(const TraceStep& t, uint64_t total);

// "ok", "FAILED code -22", "SKIPPED (needs cmdline)", "unfinished".
std::string StatusText(const TraceStep& t);
const char* StatusName(TraceStatus s);  // ok, failed, skipped, unfinished


void RenderTraceText(const TraceResult& r, std::ostream& out);
void RenderTraceJson(const TraceResult& r, std::ostream& out);
void RenderTraceSvg(const TraceResult& r, std::ostream& out);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_TRACE_REPORT_H
