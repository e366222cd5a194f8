// Builds that must fail: a step missing on a subarch, a step implemented
// twice for one subarch, an exemption without a reason, a function of the
// wrong signature, a dependency on an undeclared step (tests/earlyinit/
// misuse_test.cc has every compile-time misuse). Each checks the message names what is wrong.
#include <string>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

using testsupport::RunShell;
using testsupport::ShellQuote;

class ParityNegative : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = testsupport::SourceRoot();
    dir_ = testsupport::MakeTempDir("parity");
    flags_ = "-Wall -Wextra -Werror -I" + ShellQuote(root_ + "/include") + " -I" +
             ShellQuote(root_);
  }
  // Compiles the hosted example's files with `extra` sources and links.
  testsupport::ProcessResult Link(const std::vector<std::string>& files,
                                  const std::string& extra_source) {
    std::string objs;
    for (const std::string& f : files) {
      const bool c = f.size() > 2 && f.substr(f.size() - 2) == ".c";
      auto r = RunShell(std::string(c ? "gcc -std=gnu11 " : "g++ -std=c++17 ") + flags_ + " " +
                        ShellQuote(root_ + "/examples/hosted/" + f) + " -c -o " + dir_ + "/" + f +
                        ".o");
      if (r.exit_code != 0) return r;
      objs += " " + dir_ + "/" + f + ".o";
    }
    testsupport::WriteFile(dir_ + "/extra.cc", extra_source);
    auto r = RunShell("g++ -std=c++17 " + flags_ + " " + dir_ + "/extra.cc -c -o " + dir_ + "/extra.o");
    if (r.exit_code != 0) return r;
    return RunShell("g++ -o " + dir_ + "/prog" + objs + " " + dir_ + "/extra.o -Wl,-T," +
                    ShellQuote(root_ + "/linker_scripts/linktable.ld"));
  }
  std::string root_, dir_, flags_;
};

const char kMain[] = "int main() { return 0; }\n";

TEST_F(ParityNegative, CompleteProgramLinks) {
  auto r = Link({"steps.c", "cpu.cc", "boot.cc", "kasan.cc"}, kMain);
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

TEST_F(ParityNegative, KasanMissingOnXenPvhIsALinkErrorNamingStepAndSubarch) {
  auto r = Link({"steps.c", "cpu.cc", "boot.cc"},
                std::string("#include \"examples/hosted/steps.h\"\n"
                            "static int kasan(const earlyinit_context *) { return 0; }\n"
                            "EARLYINIT_IMPL(kasan_early, (pc)(lguest)(xen_pv)(intel_mid)(ce4100), kasan);\n") +
                    kMain);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("undefined reference to `earlyinit__step_kasan_early__on_subarch_xen_pvh__"
                          "needs_exactly_one_implementation_or_exemption'"),
            std::string::npos)
      << r.output;
  // Only that pair is missing.
  EXPECT_EQ(r.output.find("on_subarch_pc__"), std::string::npos) << r.output;
}

TEST_F(ParityNegative, TwoImplementationsForOnePairNameBothFunctions) {
  auto r = Link({"steps.c", "cpu.cc", "boot.cc", "kasan.cc"},
                std::string("#include \"examples/hosted/steps.h\"\n"
                            "static int cr4_again(const earlyinit_context *) { return 0; }\n"
                            "EARLYINIT_IMPL(cr4_shadow, (pc), cr4_again);\n") +
                    kMain);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("multiple definition of `earlyinit__step_cr4_shadow__on_subarch_pc__"
                          "needs_exactly_one_implementation_or_exemption'"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("provided_by.cr4_again"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("provided_by.cr4_init_shadow_native"), std::string::npos) << r.output;
}

TEST_F(ParityNegative, ImplementationAndExemptionForOnePairConflict) {
  auto r = Link({"steps.c", "cpu.cc", "boot.cc", "kasan.cc"},
                std::string("#include \"examples/hosted/steps.h\"\n"
                            "EARLYINIT_EXEMPT(kasan_early, (xen_pv), \"not needed\");\n") +
                    kMain);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("multiple definition of `earlyinit__step_kasan_early__on_subarch_xen_pv__"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("provided_by.exemption.kasan_early"), std::string::npos) << r.output;
}

TEST_F(ParityNegative, ExemptionWithoutReasonDoesNotCompile) {
  auto r = Link({}, "#include \"examples/hosted/steps.h\"\n"
                    "EARLYINIT_EXEMPT(kasan_early, (xen_pv), \"\");\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("EARLYINIT_EXEMPT: the exemption of step `kasan_early` needs a reason"),
            std::string::npos)
      << r.output;
}

TEST_F(ParityNegative, WrongSignatureDoesNotCompile) {
  auto r = Link({}, "#include \"examples/hosted/steps.h\"\n"
                    "static void kasan(int) {}\n"
                    "EARLYINIT_IMPL(kasan_early, (xen_pv), kasan);\n");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("EARLYINIT_IMPL: kasan, implementation of step `kasan_early`, must be int "
                          "kasan(const earlyinit_context *)"),
            std::string::npos)
      << r.output;
}

TEST_F(ParityNegative, DependencyOnAnUndeclaredStepDoesNotCompile) {
  auto r = Link({"steps.c", "cpu.cc", "boot.cc", "kasan.cc"},
                std::string("#include \"examples/hosted/steps.h\"\n"
                            "#define EARLYINIT_STEP_needs_ghost EARLYINIT_SPEC(late, 40, 0100, optional, (ghost))\n"
                            "EARLYINIT_DEFINE_STEP(needs_ghost);\n"
                            "static int f(const earlyinit_context *) { return 0; }\n"
                            "EARLYINIT_IMPL(needs_ghost, EARLYINIT_ALL, f);\n") +
                    kMain);
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.output.find("EARLYINIT_DEFINE_STEP: step `needs_ghost` depends on unknown step "
                          "`ghost` (no EARLYINIT_STEP_ghost)"),
            std::string::npos)
      << r.output;
}

TEST_F(ParityNegative, ADisabledSubarchOwesNothing) {
  // Built without Xen, the hosted kernel minus every Xen implementation links.
  flags_ += " -DEARLYINIT_SUBARCHS='(pc)'";
  auto r = Link({"steps.c", "cpu.cc", "boot.cc", "kasan.cc"}, kMain);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  auto nm = RunShell("nm " + dir_ + "/prog | grep -c 'on_subarch_xen' || true");
  EXPECT_EQ(nm.output, "0\n");
}

}  // namespace
