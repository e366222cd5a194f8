// earlyinit-audit trace, the renderers (text and JSON in trace_report.cc,
// SVG in trace_svg.cc) and the numbers they share, from ComputeTrace's
// result (commands/trace_cmd.h).
#ifndef EARLYINIT_SRC_AUDIT_REPORT_TRACE_REPORT_H
#define EARLYINIT_SRC_AUDIT_REPORT_TRACE_REPORT_H

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

#include "src/audit/commands/trace_cmd.h"

namespace audit {

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
