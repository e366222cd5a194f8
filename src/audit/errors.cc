#include "src/audit/errors.h"

#include "src/audit/base/vocabulary.h"

namespace audit {

namespace {

void Lines(std::ostream& err, const char* prefix, const std::string& message) {
  for (size_t at = 0; at <= message.size();) {
    size_t nl = message.find('\n', at);
    if (nl == std::string::npos) nl = message.size();
    err << "earlyinit-audit: " << prefix << message.substr(at, nl - at) << "\n";
    at = nl + 1;
  }
}

}  // namespace

int ReportError(std::ostream& err, const std::string& message) {
  Lines(err, "error: ", message);
  return kExitError;
}

int ReportUsage(std::ostream& err, const std::string& message) {
  Lines(err, "error: ", message);
  err << "Try 'earlyinit-audit --help'.\n";
  return kExitError;
}

void ReportNotes(std::ostream& err, const std::vector<std::string>& notes) {
  for (const std::string& n : notes) Lines(err, "note: ", n);
}

}  // namespace audit
