// earlyinit-audit trace: a log's bytes, read whole from its file or from
// standard input ("-"); the parser (trace_log.h) then works in memory.
#ifndef EARLYINIT_SRC_AUDIT_LOGS_LOG_FILE_H
#define EARLYINIT_SRC_AUDIT_LOGS_LOG_FILE_H

#include <string>

namespace audit {

// Appends the whole file ("-": standard input) to *text; false with
// *error set ("cannot read log PATH: why").
bool ReadLog(const std::string& path, std::string* text, std::string* error);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_LOGS_LOG_FILE_H
