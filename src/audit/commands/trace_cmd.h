// earlyinit-audit trace LOG... [--binary FILE]: read the logs, group their
// trace lines into boots, check them against the binary, render.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CMD_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CMD_H

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "src/audit/options.h"
#include "src/audit/base/vocabulary.h"
#include "src/audit/report/trace_report.h"

namespace audit {

// Runs `trace` on parsed, checked options: the LOGs are o.positional
// ("-" is standard input). Exit status: 0 clean, 1 differences from the
// binary, 2 a log without trace lines, an unreadable log or binary
// (message on err).
int RunTrace(const Options& o, std::ostream& out, std::ostream& err, Loader load, void* context);

// The result from logs already in memory and an optional model (null
// without --binary); the fuzz target calls this. The texts are read, not
// kept: the caller owns them.
struct LogText {
  std::string name;
  std::string_view text;
};
TraceResult ComputeTrace(const std::vector<LogText>& logs, const Model* binary,
                         const std::string& binary_name, std::string* error);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CMD_H
