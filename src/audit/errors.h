// earlyinit-audit's one error emitter: every "earlyinit-audit: error:" and
// "note:" line the tool prints comes from here.
#ifndef EARLYINIT_SRC_AUDIT_ERRORS_H
#define EARLYINIT_SRC_AUDIT_ERRORS_H

#include <ostream>
#include <string>
#include <vector>

namespace audit {

// One "earlyinit-audit: error:" line per line of `message`; returns the
// error exit status.
int ReportError(std::ostream& err, const std::string& message);
// The same, then the pointer to --help: a usage error.
int ReportUsage(std::ostream& err, const std::string& message);
// "earlyinit-audit: note:" lines: how an input was read, not a failure.
void ReportNotes(std::ostream& err, const std::vector<std::string>& notes);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_ERRORS_H
