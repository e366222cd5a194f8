// The earlyinit layer on AArch64 and RISC-V 64: the consumer program
// (tests/consumers/program: steps, implementations in a static archive, an
// exemption, the dispatcher called with explicit subarch ids) is
// cross-built with each compiler and linker, run under qemu-user-static,
// audited with earlyinit-audit, and must fail to link when one
// implementation is removed, naming the step and the subarch.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

using testsupport::ProcessResult;
using testsupport::RunShell;
using testsupport::ShellQuote;

struct Cell {
  std::string arch, cc, ld, lang;
};

std::string CellName(const Cell& c) { return c.arch + "_" + c.cc + "_" + c.ld + "_" + c.lang; }
void PrintTo(const Cell& c, std::ostream* os) { *os << CellName(c); }

class EarlyinitCross : public ::testing::TestWithParam<Cell> {
 protected:
  // Compiles the program's files into dir, the implementations into
  // libimpl.a, and links dir/prog; returns the link's result. `extra` goes
  // to every compilation.
  ProcessResult Build(const std::string& dir, const std::string& extra) {
    const Cell& c = GetParam();
    const std::string root = testsupport::SourceRoot();
    const std::string triple = c.arch + "-linux-gnu";
    const std::string cc = c.cc == "gcc" ? triple + "-gcc" : "clang --target=" + triple;
    const std::string ar = c.cc == "gcc" ? triple + "-gcc-ar" : "llvm-ar-14";
    const std::string lang = c.lang == "c" ? "-x c -std=gnu11" : "-x c++ -std=c++17";
    const std::string cflags = lang + " -O2 -fPIE -Wall -Wextra -Werror -I" +
                               ShellQuote(root + "/include") + " " + extra;
    RunShell("mkdir -p " + ShellQuote(dir + "/bin") + " && ln -sf /usr/bin/ld.lld " +
             ShellQuote(dir + "/bin/ld.lld"));
    for (const char* f : {"steps", "main", "clock", "uart", "mmu_quirk"}) {
      ProcessResult r = RunShell(cc + " " + cflags + " -c " +
                                 ShellQuote(root + "/tests/consumers/program/" + f + ".c") +
                                 " -o " + ShellQuote(dir + "/" + f + ".o"));
      if (r.exit_code != 0) return r;
    }
    ProcessResult r = RunShell("rm -f " + ShellQuote(dir + "/libimpl.a") + " && " + ar + " rcs " +
                               ShellQuote(dir + "/libimpl.a") + " " + dir + "/clock.o " + dir +
                               "/uart.o " + dir + "/mmu_quirk.o");
    if (r.exit_code != 0) return r;
    return RunShell(cc + " -pie -fuse-ld=" + c.ld + " -B" + ShellQuote(dir + "/bin/") +
                    " -Wl,-T," + ShellQuote(root + "/linker_scripts/linktable.ld") + " " + dir +
                    "/steps.o " + dir + "/main.o -Wl,--whole-archive " + dir +
                    "/libimpl.a -Wl,--no-whole-archive -o " + ShellQuote(dir + "/prog"));
  }
};

TEST_P(EarlyinitCross, ChainsParityAudit) {
  const Cell& c = GetParam();
  const std::string dir = testsupport::MakeTempDir(CellName(c));
  ProcessResult link = Build(dir, "");
  ASSERT_EQ(link.exit_code, 0) << link.output;

  // The dispatcher runs each board's chain, picked by explicit id.
  ProcessResult run = RunShell("qemu-" + c.arch + "-static -L /usr/" + c.arch + "-linux-gnu " +
                               ShellQuote(dir + "/prog"));
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_EQ(run.output,
            "Board A: caq (3 run)\n"
            "Board B: cb (2 run)\n"
            "CONSUMER OK\n");

  // earlyinit-audit reads the foreign ELF file: parity, and the matrix.
  const std::string audit = testsupport::SourceRoot() + "/src/audit/earlyinit-audit";
  ProcessResult check = RunShell(ShellQuote(audit) + " check " + ShellQuote(dir + "/prog"));
  EXPECT_EQ(check.exit_code, 0) << check.output;
  EXPECT_EQ(check.output, "check: 2 subarchs, 3 steps, 5 implementations, 1 exemptions: OK\n");
  ProcessResult matrix = RunShell(ShellQuote(audit) + " matrix " + ShellQuote(dir + "/prog"));
  EXPECT_EQ(matrix.exit_code, 0) << matrix.output;
  EXPECT_NE(matrix.output.find("uart       early  10     0200   impl     impl\n"
                               "mmu_quirk  early  20     0100   impl     exempt[1]\n"),
            std::string::npos)
      << matrix.output;
  ProcessResult list = RunShell(ShellQuote(audit) + " list " + ShellQuote(dir + "/prog"));
  EXPECT_NE(list.output.find("uart_b"), std::string::npos) << list.output;
  // Relocatable input too: the archive's members (R_AARCH64_ABS64,
  // R_RISCV_64 in the metadata).
  ProcessResult archive = RunShell(ShellQuote(audit) + " list " + ShellQuote(dir + "/libimpl.a"));
  for (const char* fn : {"clock_init", "uart_a", "uart_b", "mmu_quirk_a"})
    EXPECT_NE(archive.output.find(fn), std::string::npos) << fn << "\n" << archive.output;

  // Without board B's uart, the program does not link, and says why.
  ProcessResult dropped = Build(dir, "-DCONSUMER_DROP_UART_B");
  EXPECT_NE(dropped.exit_code, 0) << dropped.output;
  EXPECT_NE(dropped.output.find(
                "earlyinit__step_uart__on_subarch_board_b__needs_exactly_one_implementation_or_"
                "exemption"),
            std::string::npos)
      << dropped.output;
}

std::vector<Cell> Cells() {
  return {{"aarch64", "gcc", "bfd", "c"},   {"aarch64", "gcc", "lld", "cxx"},
          {"aarch64", "clang", "bfd", "cxx"}, {"aarch64", "clang", "lld", "c"},
          {"riscv64", "gcc", "bfd", "cxx"},   {"riscv64", "clang", "bfd", "c"}};
}

INSTANTIATE_TEST_SUITE_P(Cross, EarlyinitCross, ::testing::ValuesIn(Cells()),
                         [](const ::testing::TestParamInfo<Cell>& info) {
                           return CellName(info.param);
                         });

}  // namespace
