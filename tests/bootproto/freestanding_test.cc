// tests/bootproto/freestanding_test.cc: bootproto's headers and sources
// build freestanding with gcc and clang, as C (gnu11) and C++ (17, 20),
// x86_64 and i386, at -O0 and -O2, with
// -ffreestanding -fno-exceptions [-fno-rtti] -nostdlib -Wall -Wextra -Werror,
// and link into a program with -nostdlib -static -e entry: no libc call
// (memcpy/memset), no runtime library, no static constructors.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

struct Config {
  const char* name;
  const char* compiler;
  bool cxx;
  const char* std;
  const char* opt;
  bool m32;
};

class Freestanding : public ::testing::TestWithParam<Config> {};

TEST_P(Freestanding, CompilesAndLinksWithoutLibc) {
  const Config& c = GetParam();
  const std::string root = testsupport::SourceRoot();
  const std::string dir = testsupport::MakeTempDir("freestanding");
  const std::vector<std::string> sources = {
      "tests/bootproto/freestanding/entry.c", "src/bootproto/common.c",
      "src/bootproto/pvh.c", "src/bootproto/multiboot.c"};
  std::vector<std::string> objects;
  for (size_t i = 0; i < sources.size(); i++) {
    std::vector<std::string> cmd = {c.compiler};
    if (c.m32) cmd.push_back("-m32");
    if (c.cxx) {
      cmd.insert(cmd.end(), {"-x", "c++", "-fno-rtti"});
    } else {
      cmd.insert(cmd.end(), {"-x", "c"});
    }
    cmd.insert(cmd.end(), {std::string("-std=") + c.std, c.opt, "-ffreestanding",
                           "-fno-exceptions", "-nostdlib", "-Wall", "-Wextra",
                           "-Werror", "-I" + root + "/include", "-I" + root, "-c",
                           root + "/" + sources[i]});
    objects.push_back(dir + "/o" + std::to_string(i) + ".o");
    cmd.insert(cmd.end(), {"-o", objects.back()});
    auto r = testsupport::Run(cmd);
    ASSERT_EQ(r.exit_code, 0) << sources[i] << "\n" << r.output;
  }
  const std::string elf = dir + "/prog";
  std::vector<std::string> link = {c.compiler};
  if (c.m32) link.push_back("-m32");
  link.insert(link.end(), {"-nostdlib", "-static", "-e", "entry"});
  link.insert(link.end(), objects.begin(), objects.end());
  link.insert(link.end(), {"-o", elf});
  auto r = testsupport::Run(link);
  ASSERT_EQ(r.exit_code, 0) << r.output;

  // Nothing left undefined, no constructor tables.
  r = testsupport::Run({"nm", "-u", elf});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, "") << "undefined symbols";
  r = testsupport::Run({"readelf", "-SW", elf});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find(".init_array"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find(".ctors"), std::string::npos) << r.output;
  // The converters are really in the program.
  r = testsupport::Run({"nm", elf});
  EXPECT_NE(r.output.find(" T bootproto_from_pvh"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(" T bootproto_from_multiboot"), std::string::npos) << r.output;
}

INSTANTIATE_TEST_SUITE_P(
    Matrix, Freestanding,
    ::testing::Values(
        Config{"gcc_c_O0", "gcc", false, "gnu11", "-O0", false},
        Config{"gcc_c_O2", "gcc", false, "gnu11", "-O2", false},
        Config{"gcc_c_Os_m32", "gcc", false, "gnu11", "-Os", true},
        Config{"gcc_cxx17_O0", "g++", true, "c++17", "-O0", false},
        Config{"gcc_cxx17_O2", "g++", true, "c++17", "-O2", false},
        Config{"gcc_cxx17_O2_m32", "g++", true, "c++17", "-O2", true},
        Config{"gcc_cxx20_O3", "g++", true, "c++20", "-O3", false},
        Config{"clang_c_O0", "clang", false, "gnu11", "-O0", false},
        Config{"clang_c_O2", "clang", false, "gnu11", "-O2", false},
        Config{"clang_c_O2_m32", "clang", false, "gnu11", "-O2", true},
        Config{"clang_cxx17_O0", "clang++", true, "c++17", "-O0", false},
        Config{"clang_cxx17_O2", "clang++", true, "c++17", "-O2", false},
        Config{"clang_cxx20_O3", "clang++", true, "c++20", "-O3", false}),
    [](const ::testing::TestParamInfo<Config>& i) { return std::string(i.param.name); });

}  // namespace
