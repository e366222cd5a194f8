// bench/gen.py refuses bad input with a clear message (and writes nothing).
#include <string>

#include <gtest/gtest.h>

#include "tests/support/process.h"

namespace {

using testsupport::ProcessResult;

ProcessResult Gen(const std::string &args) {
  return testsupport::RunShell("python3 " + testsupport::ShellQuote(testsupport::SourceRoot() +
                                                                    "/bench/gen.py") +
                               " " + args + " 2>&1");
}

TEST(BenchGen, RefusesAnEmptyChain) {
  const std::string dir = testsupport::MakeTempDir("gen");
  const ProcessResult r = Gen("dispatch " + dir + "/out 0");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("N and G must be at least 1"), std::string::npos) << r.output;
}

TEST(BenchGen, RefusesMoreStepsThanKeysCanOrder) {
  const std::string dir = testsupport::MakeTempDir("gen");
  const ProcessResult r = Gen("dispatch " + dir + "/out 10000 --growth 10");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("at most 90,000 steps"), std::string::npos) << r.output;
}

TEST(BenchGen, RefusesZeroImplementations) {
  const std::string dir = testsupport::MakeTempDir("gen");
  const ProcessResult r = Gen("compile " + dir + "/out 0");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("IMPLS must be at least 1"), std::string::npos) << r.output;
}

TEST(BenchGen, RefusesAnUnknownCommand) {
  const ProcessResult r = Gen("frobnicate");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("invalid choice"), std::string::npos) << r.output;
}

TEST(BenchGen, WritesTheCompileBenchmarkWithExactlyTheImplementationsAsked) {
  const std::string dir = testsupport::MakeTempDir("gen");
  const ProcessResult r = Gen("compile " + dir + " 1000");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string impls = testsupport::ReadFile(dir + "/impls.c");
  size_t count = 0;
  for (size_t at = impls.find("EARLYINIT_IMPL("); at != std::string::npos;
       at = impls.find("EARLYINIT_IMPL(", at + 1))
    ++count;
  EXPECT_EQ(count, 1000u);
  const std::string plain = testsupport::ReadFile(dir + "/plain.c");
  EXPECT_NE(plain.find("plain_fns[1000]"), std::string::npos);
}

}  // namespace
