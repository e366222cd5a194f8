// earlyinit-audit: the tool's entry (audit.cc). Every command has one
// shape: its inputs are read (tables/, logs/, dwarf/), its result computed
// (commands/) and rendered (report/). main.cc only forwards argv here, so
// tests and the fuzz targets drive the whole tool in-process.
#ifndef EARLYINIT_SRC_AUDIT_AUDIT_H
#define EARLYINIT_SRC_AUDIT_AUDIT_H

#include <ostream>
#include <string>
#include <vector>

#include "src/audit/base/vocabulary.h"

namespace audit {

struct Options;

// Runs the tool: args exclude argv[0]. `stdout_is_tty` decides colour in
// `matrix` under --color auto.
int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
        bool stdout_is_tty);

// The same, with the inputs loaded by `load` instead of from the files
// (the fuzz target loads from memory).
int RunWith(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool stdout_is_tty, Loader load, void* context);

// `paths` on parsed, checked options: exit 0 clean, 1 findings, 2 bad
// input. `bytes`, when not null, is the file's content (the fuzz target).
int RunPaths(const Options& o, std::ostream& out, std::ostream& err, const std::string* bytes = nullptr);

// For a process that exits right after Run (the command-line tool): do not
// free the program and model (a tenth of the time on 100,000 entries; as
// clang's -disable-free). Off by default: tests and the fuzzer run many times.
void KeepMemoryAtExit(bool keep);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_AUDIT_H
