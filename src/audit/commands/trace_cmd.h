// earlyinit-audit trace LOG... [--binary FILE]: group the logs' trace lines
// into boots and check them against the binary. ComputeTrace
// (trace_cmd.cc, trace_check.cc) makes the result; the renderers
// (report/trace_report.h) only format it.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CMD_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CMD_H

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "src/audit/commands/trace_check.h"
#include "src/audit/logs/trace_log.h"
#include "src/audit/tables/model.h"

namespace audit {

struct TraceResult {
  std::vector<std::string> logs;
  std::string binary;                        // "" without --binary
  TraceLog log;
  std::vector<TraceDiff> diffs;              // with --binary
  std::map<uint64_t, std::string> functions;  // the binary's, by address
};

// The result from logs already in memory and an optional model (null
// without --binary); the tool reads the logs first (logs/log_file.h), the
// fuzz target passes its input. The texts are read, not kept: the caller
// owns them. *error: a log without trace lines.
struct LogText {
  std::string name;
  std::string_view text;
};
TraceResult ComputeTrace(const std::vector<LogText>& logs, const Model* binary,
                         const std::string& binary_name, std::string* error);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CMD_H
