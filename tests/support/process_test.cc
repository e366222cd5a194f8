// tests/support/process: a program the kernel refuses to execute is reported
// as such (never run by /bin/sh as a script, which is how an i386 program
// on a host without IA-32 emulation used to "fail" with a shell syntax
// error), and RunI386 runs an i386 program either way it is asked to.
#include "tests/support/process.h"

#include <sys/stat.h>

#include <cerrno>
#include <iostream>
#include <string>

#include "gtest/gtest.h"

namespace {

using testsupport::I386Mode;
using testsupport::RunI386;

TEST(ProcessRun, AFileTheKernelCannotExecuteIsNotRunAsAScript) {
  const std::string dir = testsupport::MakeTempDir("process");
  const std::string path = dir + "/not-a-program";
  // Valid shell text: /bin/sh would run it and print "ran by a shell".
  testsupport::WriteFile(path, "echo ran by a shell\n");
  ASSERT_EQ(chmod(path.c_str(), 0755), 0);
  auto r = testsupport::Run({path});
  EXPECT_EQ(r.exec_errno, ENOEXEC);
  EXPECT_EQ(r.exit_code, 127);
  EXPECT_EQ(r.output.find("ran by a shell"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cannot run " + path + ": Exec format error"), std::string::npos)
      << r.output;
}

TEST(ProcessRun, FindsProgramsAlongPathAndNamesAMissingOne) {
  auto r = testsupport::Run({"true"});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.exec_errno, 0);
  r = testsupport::Run({"earlyinit-no-such-program"});
  EXPECT_EQ(r.exec_errno, ENOENT);
  EXPECT_EQ(r.exit_code, 127);
  EXPECT_NE(r.output.find("cannot run earlyinit-no-such-program"), std::string::npos) << r.output;
}

// A static i386 program that exits with status 7 through int $0x80.
std::string BuildI386Exit7(const std::string& dir) {
  const std::string src = dir + "/exit7.c", elf = dir + "/exit7";
  testsupport::WriteFile(src,
                         "void _start(void) {\n"
                         "  __asm__ volatile(\"int $0x80\" : : \"a\"(1), \"b\"(7));\n"
                         "}\n");
  auto r = testsupport::Run({"gcc", "-m32", "-nostdlib", "-static", "-fno-pie", "-no-pie", "-o", elf, src});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return elf;
}

TEST(RunI386, ProbeRunsItNativelyOrEmulatedAndSaysWhich) {
  const std::string elf = BuildI386Exit7(testsupport::MakeTempDir("i386"));
  std::string how;
  auto r = RunI386({elf}, I386Mode::kProbe, &how);
  EXPECT_EQ(r.exit_code, 7) << r.output;
  EXPECT_TRUE(how.rfind("natively", 0) == 0 || how.rfind("under qemu-i386-static", 0) == 0) << how;
  std::cout << "i386 program ran " << how << "\n";
}

TEST(RunI386, EmulatedWhenAskedEvenWhereTheHostRunsItNatively) {
  const std::string elf = BuildI386Exit7(testsupport::MakeTempDir("i386"));
  std::string how;
  auto r = RunI386({elf}, I386Mode::kEmulate, &how);
  EXPECT_EQ(r.exit_code, 7) << r.output;
  EXPECT_EQ(how, "under qemu-i386-static (asked for)");
}

// The probe's other answer, as on a host without IA-32 emulation: a file
// the kernel refuses goes to the emulator (which refuses it too here).
TEST(RunI386, AProgramTheKernelRefusesGoesToTheEmulator) {
  const std::string dir = testsupport::MakeTempDir("i386");
  const std::string path = dir + "/refused";
  testsupport::WriteFile(path, "not an ELF file\n");
  ASSERT_EQ(chmod(path.c_str(), 0755), 0);
  std::string how;
  auto r = RunI386({path}, I386Mode::kProbe, &how);
  EXPECT_EQ(how, "under qemu-i386-static (the host's kernel cannot execute i386 programs)");
  EXPECT_NE(r.exit_code, 0) << r.output;
}

}  // namespace
