// tests/support/process.h: run a command from a test and capture its output.
// Used by the tests that drive compilers, linkers, readelf and QEMU.
#ifndef EARLYINIT_TESTS_SUPPORT_PROCESS_H
#define EARLYINIT_TESTS_SUPPORT_PROCESS_H

#include <string>
#include <vector>

namespace testsupport {

struct ProcessResult {
  int exit_code = -1;  // exit status, or 128 + signal number
  std::string output;  // stdout and stderr, interleaved
};

// Runs argv[0] with the given arguments (no shell), waits for it.
ProcessResult Run(const std::vector<std::string>& argv);

// Runs a shell command line with /bin/sh -c.
ProcessResult RunShell(const std::string& command);

// The workspace root inside the test's runfiles (where data files are), or
// the current directory when not run by Bazel.
std::string SourceRoot();

// A fresh directory under TEST_TMPDIR (or /tmp), removed by the OS later.
std::string MakeTempDir(const std::string& tag);

// Reads a whole file; fails the current test if it cannot.
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);

// Quotes a word for /bin/sh.
std::string ShellQuote(const std::string& word);

}  // namespace testsupport

#endif  // EARLYINIT_TESTS_SUPPORT_PROCESS_H
