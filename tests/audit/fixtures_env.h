// tests/audit: where the fixtures are built and how the tool is run.
#ifndef EARLYINIT_TESTS_AUDIT_FIXTURES_ENV_H
#define EARLYINIT_TESTS_AUDIT_FIXTURES_ENV_H

#include <string>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace audit_test {

// Builds the fixtures once per test binary; returns their directory.
inline const std::string& FixtureDir() {
  static std::string dir;
  if (dir.empty()) {
    const std::string root = testsupport::SourceRoot();
    const std::string d = testsupport::MakeTempDir("audit_fixtures");
    auto r = testsupport::RunShell(testsupport::ShellQuote(root + "/tests/audit/build_fixtures.sh") +
                                   " " + testsupport::ShellQuote(root) + " " +
                                   testsupport::ShellQuote(d) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << "building the fixtures failed:\n" << r.output;
    if (r.exit_code == 0) dir = d;
  }
  return dir;
}

inline std::string Tool() { return testsupport::SourceRoot() + "/src/audit/earlyinit-audit"; }

struct ToolResult {
  std::string out, err;
  int exit_code = -1;
};

// Runs the tool inside the fixture directory with `args` (a shell word list).
inline ToolResult RunTool(const std::string& args) {
  const std::string& dir = FixtureDir();
  ToolResult t;
  if (dir.empty()) return t;
  const std::string o = dir + "/.stdout", e = dir + "/.stderr";
  auto r = testsupport::RunShell("cd " + testsupport::ShellQuote(dir) + " && " +
                                 testsupport::ShellQuote(Tool()) + " " + args + " >" +
                                 testsupport::ShellQuote(o) + " 2>" + testsupport::ShellQuote(e));
  t.exit_code = r.exit_code;
  t.out = testsupport::ReadFile(o);
  t.err = testsupport::ReadFile(e);
  return t;
}

}  // namespace audit_test

#endif  // EARLYINIT_TESTS_AUDIT_FIXTURES_ENV_H
