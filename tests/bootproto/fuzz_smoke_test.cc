// tests/bootproto/fuzz_smoke_test.cc: builds each bootproto libFuzzer target
// with clang-14 (-fsanitize=fuzzer,address,undefined) and runs it briefly on
// a copy of its seed corpus (which holds the exact layout QEMU 7.2 passes).
// Long runs: tools/fuzz.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

using testsupport::ShellQuote;

struct Target {
  const char* name;
  const char* source;
  const char* corpus;
  int seeds;  // files in the committed corpus
};

class FuzzSmoke : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzSmoke, BuildsAndRunsOnSeedCorpus) {
  const Target& t = GetParam();
  const std::string root = testsupport::SourceRoot();
  const std::string dir = testsupport::MakeTempDir(std::string("fuzz_") + t.name);
  const std::string bin = dir + "/fuzzer";
  std::vector<std::string> cc = {"clang-14", "-g", "-O1",
                                 "-fsanitize=fuzzer,address,undefined",
                                 "-fno-sanitize-recover=all", "-I" + root + "/include",
                                 "-I" + root, root + "/" + t.source,
                                 root + "/src/bootproto/common.c",
                                 root + "/src/bootproto/pvh.c",
                                 root + "/src/bootproto/multiboot.c", "-o", bin};
  auto r = testsupport::Run(cc);
  ASSERT_EQ(r.exit_code, 0) << r.output;

  // libFuzzer adds inputs to its corpus directory: work on a copy.
  const std::string corpus = dir + "/corpus";
  r = testsupport::RunShell("mkdir -p " + ShellQuote(corpus) + " && cp " +
                            ShellQuote(root + "/" + t.corpus) + "/* " + ShellQuote(corpus));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  r = testsupport::RunShell("ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 " +
                            ShellQuote(bin) + " -runs=20000 -seed=1 -timeout=10 " +
                            "-artifact_prefix=" + ShellQuote(dir + "/") + " " +
                            ShellQuote(corpus));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("Done 20000 runs"), std::string::npos) << r.output;
  // Every seed was read (the corpus is not silently empty).
  EXPECT_NE(r.output.find("INFO: seed corpus: files: " + std::to_string(t.seeds)),
            std::string::npos)
      << r.output;
}

INSTANTIATE_TEST_SUITE_P(
    Targets, FuzzSmoke,
    ::testing::Values(Target{"pvh", "tests/bootproto/fuzz/pvh_fuzz.c",
                             "tests/bootproto/corpus/pvh", 8},
                      Target{"multiboot", "tests/bootproto/fuzz/multiboot_fuzz.c",
                             "tests/bootproto/corpus/multiboot", 7}),
    [](const ::testing::TestParamInfo<Target>& i) { return std::string(i.param.name); });

}  // namespace
