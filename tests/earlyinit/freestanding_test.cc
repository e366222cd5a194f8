// The kernel-facing headers (linktable, earlyinit, the bootproto structures
// they read) build freestanding with gcc and clang, as C (gnu11) and C++
// (17, 20), x86_64 and i386, at -O0 and -O2, with
// -ffreestanding -fno-exceptions -fno-rtti -nostdlib -Wall -Wextra -Werror;
// the program links with -nostdlib -static and its own _start (no libc call,
// no runtime, no static constructors), runs, boots the PC and Xen PVH
// chains through earlyinit_x86_run, and earlyinit-audit reads its metadata
// (on i386 too: the records' address fields are .long pairs there).
#include <iostream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

struct Config {
  const char* name;
  const char* compiler;
  const char* lang;  // "c" or "c++"
  const char* std;
  const char* opt;
  bool m32;
};

const char kExpectedTrace[] =
    "earlyinit: pc early cr4_shadow ok @0\n"
    "earlyinit: pc early kasan ok @0\n"
    "earlyinit: pc setup_arch ebda ok @0\n"
    "earlyinit: pc late console ok @0\n"
    "earlyinit: xen_pvh early pvh_info ok @0\n"
    "earlyinit: xen_pvh early cr4_shadow ok @0\n"
    "earlyinit: xen_pvh early kasan ok @0\n"
    "earlyinit: xen_pvh late console ok @0\n";

class Freestanding : public ::testing::TestWithParam<Config> {};

TEST_P(Freestanding, BuildsRunsAndAudits) {
  const Config& c = GetParam();
  const std::string root = testsupport::SourceRoot();
  const std::string dir = testsupport::MakeTempDir("freestanding");
  const std::string obj = dir + "/prog.o", elf = dir + "/prog";
  const std::string arch = c.m32 ? "-m32" : "-m64";

  std::vector<std::string> cc = {c.compiler, arch, "-x", c.lang, std::string("-std=") + c.std,
                                 c.opt, "-ffreestanding", "-fno-exceptions", "-nostdlib",
                                 "-fno-pie", "-Wall", "-Wextra", "-Werror"};
  if (std::string(c.lang) == "c++") cc.push_back("-fno-rtti");
  cc.insert(cc.end(), {"-I" + root + "/include", "-I" + root, "-c",
                       root + "/tests/earlyinit/freestanding/prog.c", "-o", obj});
  auto r = testsupport::Run(cc);
  ASSERT_EQ(r.exit_code, 0) << r.output;

  r = testsupport::Run({c.compiler, arch, "-nostdlib", "-static", obj,
                        "-Wl,-T," + root + "/linker_scripts/linktable.ld", "-o", elf});
  ASSERT_EQ(r.exit_code, 0) << r.output;

  r = testsupport::Run({"nm", "-u", elf});
  EXPECT_EQ(r.output, "") << "undefined symbols (a libc call?)";
  r = testsupport::Run({"readelf", "-SW", elf});
  EXPECT_EQ(r.output.find(".init_array"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find(".ctors"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(".linktable_meta"), std::string::npos) << r.output;

  // It runs: 4 steps on PC, 4 on Xen PVH (exit status = steps run).
  // i386 programs run natively where the host's kernel can, else emulated.
  if (c.m32) {
    std::string how;
    r = testsupport::RunI386({elf}, testsupport::I386Mode::kProbe, &how);
    std::cout << "i386 program ran " << how << "\n";
    RecordProperty("i386_run", how);
  } else {
    r = testsupport::Run({elf});
  }
  EXPECT_EQ(r.exit_code, 8) << r.output;
  EXPECT_EQ(r.output, kExpectedTrace);

  // Its metadata is whole: parity, dependencies, records = entries.
  r = testsupport::Run({root + "/src/audit/earlyinit-audit", "check", elf});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("6 subarchs, 5 steps, 23 implementations, 7 exemptions: OK"),
            std::string::npos)
      << r.output;
  r = testsupport::Run({root + "/src/audit/earlyinit-audit", "list", "--subarch", "xen_pvh", elf});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("subarch xen_pvh (id 5, Xen PVH): 4 steps"), std::string::npos)
      << r.output;
}

// The emulated way, which hosts without IA-32 emulation take, holds on every
// host: one i386 cell run under qemu-i386-static even where it runs natively.
TEST(FreestandingI386, RunsUnderQemuUserAsWell) {
  const std::string root = testsupport::SourceRoot();
  const std::string dir = testsupport::MakeTempDir("freestanding_qemu");
  const std::string elf = dir + "/prog";
  auto r = testsupport::Run({"gcc", "-m32", "-std=gnu11", "-O2", "-ffreestanding", "-nostdlib",
                             "-static", "-fno-pie", "-no-pie", "-Wall", "-Wextra", "-Werror",
                             "-I" + root + "/include", "-I" + root,
                             root + "/tests/earlyinit/freestanding/prog.c",
                             "-Wl,-T," + root + "/linker_scripts/linktable.ld", "-o", elf});
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::string how;
  r = testsupport::RunI386({elf}, testsupport::I386Mode::kEmulate, &how);
  EXPECT_EQ(how, "under qemu-i386-static (asked for)");
  EXPECT_EQ(r.exit_code, 8) << r.output;
  EXPECT_EQ(r.output, kExpectedTrace);
}

std::vector<Config> Matrix() {
  static const char* const kNames[] = {
      "gcc_c_O0", "gcc_c_O2", "gcc_cxx17_O0", "gcc_cxx17_O2", "gcc_cxx20_O0", "gcc_cxx20_O2",
      "clang_c_O0", "clang_c_O2", "clang_cxx17_O0", "clang_cxx17_O2", "clang_cxx20_O0",
      "clang_cxx20_O2",
      "gcc_c_O0_m32", "gcc_c_O2_m32", "gcc_cxx17_O0_m32", "gcc_cxx17_O2_m32", "gcc_cxx20_O0_m32",
      "gcc_cxx20_O2_m32", "clang_c_O0_m32", "clang_c_O2_m32", "clang_cxx17_O0_m32",
      "clang_cxx17_O2_m32", "clang_cxx20_O0_m32", "clang_cxx20_O2_m32"};
  std::vector<Config> out;
  int i = 0;
  for (bool m32 : {false, true})
    for (const char* compiler : {"gcc", "clang"})
      for (int lang = 0; lang < 3; ++lang)
        for (const char* opt : {"-O0", "-O2"}) {
          const char* std = lang == 0 ? "gnu11" : lang == 1 ? "c++17" : "c++20";
          out.push_back({kNames[i++], compiler, lang == 0 ? "c" : "c++", std, opt, m32});
        }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Matrix, Freestanding, ::testing::ValuesIn(Matrix()),
                         [](const ::testing::TestParamInfo<Config>& i) { return i.param.name; });

}  // namespace
