// A few seconds of the earlyinit-audit libFuzzer target (ASan + UBSan):
// it builds (//src/audit/fuzz:audit_fuzz), it runs over the fixture seeds,
// and it finds nothing.
#include <string>

#include "gtest/gtest.h"
#include "tests/support/process.h"

TEST(AuditFuzz, SmokeRun) {
  const std::string root = testsupport::SourceRoot();
  const std::string work = testsupport::MakeTempDir("audit_fuzz");
  auto r = testsupport::RunShell("AUDIT_FUZZ_ROOT=" + testsupport::ShellQuote(root) +
                                 " AUDIT_FUZZ_BINARY=" +
                                 testsupport::ShellQuote(root + "/src/audit/fuzz/audit_fuzz.bin") + " " +
                                 testsupport::ShellQuote(root + "/src/audit/fuzz/run.sh") +
                                 " 5 " + testsupport::ShellQuote(work) + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.output.substr(r.output.size() > 20000 ? r.output.size() - 20000 : 0);
  EXPECT_NE(r.output.find("Done "), std::string::npos) << r.output;
}
