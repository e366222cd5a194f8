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
  int exec_errno = 0;  // why the kernel refused to start the program, or 0
};

// Runs argv[0] with the given arguments (no shell), waits for it. A program
// the kernel refuses to execute (exec_errno ENOEXEC, say an i386 file on a
// host without IA-32 emulation) ends with exit code 127 and a message: it is
// never handed to /bin/sh as a script, as execvp would.
ProcessResult Run(const std::vector<std::string>& argv);

// How RunI386 runs an i386 program.
enum class I386Mode {
  kProbe,    // natively if the host's kernel executes it, else emulated
  kEmulate,  // always under qemu-i386-static
};

// Runs a static i386 program: natively when the host's kernel executes it
// (the exec itself is the probe), else under qemu-i386-static; some hosts'
// kernels have no IA-32 emulation. *how says which way it ran, for the log.
ProcessResult RunI386(const std::vector<std::string>& argv, I386Mode mode, std::string* how);

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
