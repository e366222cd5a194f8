// earlyinit-audit: what every part of the tool shares, below everything
// else: its version (the one source: tools/install_prefix/install.sh asks
// the tool for it), its exit statuses, and how inputs are loaded.
#ifndef EARLYINIT_SRC_AUDIT_BASE_VOCABULARY_H
#define EARLYINIT_SRC_AUDIT_BASE_VOCABULARY_H

#include <string>
#include <vector>

namespace audit {

struct Program;

constexpr char kVersion[] = "0.1.0";

// Exit statuses.
constexpr int kExitClean = 0;
constexpr int kExitViolations = 1;
constexpr int kExitError = 2;

// Loads the inputs into a program: from the files (the tool), or from
// memory (the fuzz target). False with *error set when an input is bad.
using Loader = bool (*)(const std::vector<std::string>& files, Program* program,
                        std::string* error, void* context);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_BASE_VOCABULARY_H
