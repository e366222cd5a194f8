// earlyinit-audit trace --binary: each boot against the chain the binary
// holds for its subarch.
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CHECK_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CHECK_H

#include <string>
#include <vector>

#include "src/audit/logs/trace_log.h"
#include "src/audit/tables/model.h"

namespace audit {

enum class TraceDiffKind {
  kNoChain,            // the binary has no chain for the boot's subarch
  kNotRun,             // in the chain, not in the boot
  kNotInBinary,        // in the boot, not in the chain (a log of another build)
  kOutOfOrder,         // ran after a step the chain runs after it
  kDifferentFunction,  // fn= is not the chain's function address
};
const char* TraceDiffName(TraceDiffKind k);

struct TraceDiff {
  size_t boot = 0;  // index into TraceLog::boots
  TraceDiffKind kind = TraceDiffKind::kNotRun;
  std::string phase, step;
  uint32_t line = 0;  // the log line, 0 for kNotRun and kNoChain
  std::string message;
};

// One entry of a subarch's run sequence in the binary.
struct ChainStep {
  std::string phase, step, function;
  bool has_address = false;
  uint64_t address = 0;
};
std::vector<ChainStep> ChainOf(const Model& model, const std::string& subarch);

std::vector<TraceDiff> CheckBoots(const TraceLog& log, const Model& model);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_TRACE_CHECK_H
