// Boots examples/kernel under QEMU (TCG) through PVH and through multiboot,
// on -machine pc and q35 with -m 64M and 4G, and checks what the serial
// port says against what earlyinit-audit reads from the same image:
//   - the exit status (isa-debug-exit) is the success code;
//   - the trace holds the CR4 shadow and KASAN steps, all ok;
//   - the trace, step by step and function by function, is the image's
//     chain as `earlyinit-audit list --subarch` gives it;
//   - the E820 map has usable RAM above 4 GiB exactly when -m 4G;
//   - the -append command line arrives intact (long and empty too);
//   - bad input ends in the fatal path with a clear message and the
//     failure code: a bad parameter, a CPU fault, a damaged hvm_start_info.
#include <cstdint>
#include <regex>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "examples/kernel/exit_codes.h"
#include "gtest/gtest.h"
#include "tests/support/process.h"

namespace {

using testsupport::Run;
using testsupport::SourceRoot;

const int kSuccess = KERNEL_QEMU_STATUS(KERNEL_EXIT_SUCCESS);
const int kFailure = KERNEL_QEMU_STATUS(KERNEL_EXIT_FAILURE);

const char kPvh[] = "examples/kernel/kernel-pvh";
const char kMultiboot[] = "examples/kernel/kernel-multiboot";

// The chain each image must run.
std::string SubarchOf(const std::string& image) {
  return image == kMultiboot ? "pc" : "xen_pvh";
}

struct Boot {
  int status;
  std::string serial;
};

// One boot through examples/kernel/qemu-boot (it applies a timeout: a hang
// ends with 124 instead of stalling the test).
Boot BootImage(const std::string& image, const std::string& append,
               const std::string& machine = "pc", const std::string& memory = "64M") {
  const std::string root = SourceRoot();
  auto r = Run({root + "/examples/kernel/qemu-boot", "--machine", machine, "--memory", memory,
                "--timeout", "60", "--append", append, root + "/" + image});
  return {r.exit_code, r.output};
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();  // the UART sends \r\n
    out.push_back(l);
  }
  return out;
}

// One trace line:
//   earlyinit: <subarch> <phase> <step> <status> ... @<tsc> cycles=<n> fn=0x...
struct TraceLine {
  std::string subarch, phase, step, status, fn;
};

std::vector<TraceLine> Trace(const std::string& serial) {
  static const std::regex line(
      R"(^earlyinit: (\S+) (\S+) (\S+) (\S+)(?: .*)? @\d+(?: .*)? cycles=\d+ fn=(0x[0-9a-f]+)$)");
  std::vector<TraceLine> out;
  for (const std::string& l : Lines(serial)) {
    std::smatch m;
    if (std::regex_match(l, m, line)) out.push_back({m[1], m[2], m[3], m[4], m[5]});
  }
  return out;
}

// "<phase> <step> <fn>" of each entry of a subarch's chain, in run order,
// from `earlyinit-audit --format json list --subarch S IMAGE`.
std::vector<std::string> AuditChain(const std::string& image, const std::string& subarch) {
  const std::string root = SourceRoot();
  auto r = Run({root + "/src/audit/earlyinit-audit", "--format", "json", "list", "--subarch",
                subarch, root + "/" + image});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  static const std::regex kv(R"re(^\s*"(phase|step|address)": "([^"]*)",?$)re");
  std::vector<std::string> out;
  std::string entry;
  for (const std::string& l : Lines(r.output)) {
    std::smatch m;
    if (!std::regex_match(l, m, kv)) continue;
    entry += (entry.empty() ? "" : " ") + m[2].str();
    if (m[1] == "address") {
      out.push_back(entry);
      entry.clear();
    }
  }
  return out;
}

bool Contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

// The text after "cmdline: <n> bytes: ", and n.
bool CommandLineSeen(const std::string& serial, std::string* text, size_t* n) {
  static const std::regex line(R"(^cmdline: (\d+) bytes: (.*)$)");
  for (const std::string& l : Lines(serial)) {
    std::smatch m;
    if (std::regex_match(l, m, line)) {
      *n = std::stoul(m[1]);
      *text = m[2];
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Both images on both machines with both memory sizes.

using Machine = std::tuple<std::string, std::string, std::string>;  // image, machine, memory

class BootMatrix : public ::testing::TestWithParam<Machine> {};

TEST_P(BootMatrix, RunsItsChainAsTheAuditListsIt) {
  const auto& [image, machine, memory] = GetParam();
  const std::string subarch = SubarchOf(image);
  const Boot b = BootImage(image, "console=ttyS0", machine, memory);
  ASSERT_EQ(b.status, kSuccess) << b.serial;

  const std::vector<TraceLine> trace = Trace(b.serial);
  std::vector<std::string> ran;
  bool cr4 = false, kasan = false;
  for (const TraceLine& t : trace) {
    EXPECT_EQ(t.subarch, subarch) << t.step;
    EXPECT_EQ(t.status, "ok") << t.step;
    ran.push_back(t.phase + " " + t.step + " " + t.fn);
    cr4 |= t.step == "cr4_shadow";
    kasan |= t.step == "kasan_early";
  }
  EXPECT_TRUE(cr4) << b.serial;
  EXPECT_TRUE(kasan) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "verified")) << "the KASAN step checks its shadow";
  EXPECT_EQ(ran, AuditChain(image, subarch)) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "earlyinit: summary " + subarch + ": " +
                                     std::to_string(trace.size()) + " run, 0 failed, 0 skipped"))
      << b.serial;
  EXPECT_TRUE(Contains(b.serial, "kernel: exit 33 (success)")) << b.serial;
}

// The steps that exist on one path only.
TEST_P(BootMatrix, RunsItsPathOnlyStep) {
  const auto& [image, machine, memory] = GetParam();
  const Boot b = BootImage(image, "", machine, memory);
  ASSERT_EQ(b.status, kSuccess) << b.serial;
  bool pvh_step = false, pc_step = false;
  for (const TraceLine& t : Trace(b.serial)) {
    pvh_step |= t.step == "pvh_start_info";
    pc_step |= t.step == "bios_data_area";
  }
  EXPECT_EQ(pvh_step, image == kPvh) << b.serial;
  EXPECT_EQ(pc_step, image == kMultiboot) << b.serial;
}

// E820 as printed by the kernel: usable RAM above 4 GiB with -m 4G only,
// and about as much usable RAM as QEMU was given.
TEST_P(BootMatrix, MemoryMapMatchesTheMachine) {
  const auto& [image, machine, memory] = GetParam();
  const Boot b = BootImage(image, "", machine, memory);
  ASSERT_EQ(b.status, kSuccess) << b.serial;
  static const std::regex entry(R"(^e820: \[mem (0x[0-9a-f]{16})-(0x[0-9a-f]{16})\] (.*)$)");
  uint64_t usable = 0, usable_above_4g = 0;
  int entries = 0;
  for (const std::string& l : Lines(b.serial)) {
    std::smatch m;
    if (!std::regex_match(l, m, entry)) continue;
    ++entries;
    const uint64_t start = std::stoull(m[1], nullptr, 16), last = std::stoull(m[2], nullptr, 16);
    ASSERT_LE(start, last) << l;
    if (m[3] != "usable") continue;
    usable += last - start + 1;
    if (start >= (1ull << 32)) usable_above_4g += last - start + 1;
  }
  EXPECT_GE(entries, 5) << b.serial;
  const uint64_t given = memory == "4G" ? 4ull << 30 : 64ull << 20;
  EXPECT_LE(usable, given) << b.serial;
  EXPECT_GE(usable, given - given / 64) << b.serial;  // minus BIOS areas and holes
  if (memory == "4G")
    EXPECT_GE(usable_above_4g, 512ull << 20) << b.serial;
  else
    EXPECT_EQ(usable_above_4g, 0u) << b.serial;
}

INSTANTIATE_TEST_SUITE_P(
    Kernel, BootMatrix,
    ::testing::Combine(::testing::Values(kPvh, kMultiboot), ::testing::Values("pc", "q35"),
                       ::testing::Values("64M", "4G")),
    [](const ::testing::TestParamInfo<Machine>& info) {
      // No structured binding: its commas would split the macro's arguments.
      return std::string(std::get<0>(info.param) == kPvh ? "pvh" : "multiboot") + "_" +
             std::get<1>(info.param) + "_" + std::get<2>(info.param);
    });

// ---------------------------------------------------------------------------
// earlyinit-audit trace: the serial log against the image, as a CI would run
// it on any kernel; and a log of the other image, or a damaged one, fails
// naming the difference.

struct TraceRun {
  int exit_code;
  std::string output;
};

TraceRun AuditTrace(const std::string& image, const std::string& log_text) {
  const std::string dir = testsupport::MakeTempDir("kernel_trace");
  testsupport::WriteFile(dir + "/serial.log", log_text);
  const std::string root = SourceRoot();
  auto r = Run({root + "/src/audit/earlyinit-audit", "trace", "--binary", root + "/" + image,
                dir + "/serial.log"});
  return {r.exit_code, r.output};
}

class TraceAgainstImage : public ::testing::TestWithParam<std::string> {};

TEST_P(TraceAgainstImage, TheBootRanTheImagesChain) {
  const std::string image = GetParam();
  const Boot b = BootImage(image, "console=ttyS0");
  ASSERT_EQ(b.status, kSuccess) << b.serial;
  const TraceRun t = AuditTrace(image, b.serial);
  EXPECT_EQ(t.exit_code, 0) << t.output;
  EXPECT_TRUE(Contains(t.output, "boot 1: " + SubarchOf(image) + " ")) << t.output;
  EXPECT_TRUE(Contains(t.output, "every boot ran the binary's chain")) << t.output;
  EXPECT_TRUE(Contains(t.output, "kasan_early_init(earlyinit_context const*)"))
      << "functions named from the image: " << t.output;

  // The other image: same steps, other addresses (and chain, for PVH).
  const std::string other = image == kPvh ? kMultiboot : kPvh;
  const TraceRun o = AuditTrace(other, b.serial);
  EXPECT_EQ(o.exit_code, 1) << o.output;
  EXPECT_TRUE(Contains(o.output, "different-function: step console (early) ran the function at"))
      << o.output;

  // The same log without its KASAN line: that step did not run.
  std::string damaged;
  for (const std::string& l : Lines(b.serial))
    if (!Contains(l, " kasan_early ok ")) damaged += l + "\n";
  const TraceRun d = AuditTrace(image, damaged);
  EXPECT_EQ(d.exit_code, 1) << d.output;
  EXPECT_TRUE(Contains(d.output, "not-run: step kasan_early (early) is in the binary's " +
                                     SubarchOf(image) + " chain but did not run"))
      << d.output;
}

INSTANTIATE_TEST_SUITE_P(Kernel, TraceAgainstImage, ::testing::Values(kPvh, kMultiboot),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return std::string(info.param == kPvh ? "pvh" : "multiboot");
                         });

// ---------------------------------------------------------------------------
// The command line.

class CommandLine : public ::testing::TestWithParam<std::string> {};

// PVH passes -append as is. Multiboot passes "<image path> <-append>"
// (QEMU's convention, GRUB's too): multiboot.cc drops the first word and
// says so; what the kernel parses must be the -append string on both.
TEST_P(CommandLine, ArrivesIntact) {
  const std::string image = GetParam();
  const std::string append = "console=ttyS0,115200n8 root=/dev/vda1 ro  quiet x=\"a b\" tab\tend";
  const Boot b = BootImage(image, append);
  ASSERT_EQ(b.status, kSuccess) << b.serial;
  std::string seen;
  size_t n = 0;
  ASSERT_TRUE(CommandLineSeen(b.serial, &seen, &n)) << b.serial;
  EXPECT_EQ(seen, append);
  EXPECT_EQ(n, append.size());
  EXPECT_EQ(Contains(b.serial, "multiboot: image path in front of the command line: " +
                                   SourceRoot() + "/" + image),
            image == kMultiboot)
      << b.serial;
}

// 2047 bytes: the longest command line Linux x86 takes (COMMAND_LINE_SIZE).
TEST_P(CommandLine, LongOneArrivesIntact) {
  const std::string image = GetParam();
  std::string append;
  for (int i = 0; append.size() < 2047; ++i) append += "param" + std::to_string(i) + "=value" + std::to_string(i * 7) + " ";
  append.resize(2047);
  append.back() = 'z';  // no trailing space to hide
  const Boot b = BootImage(image, append);
  ASSERT_EQ(b.status, kSuccess) << b.serial;
  std::string seen;
  size_t n = 0;
  ASSERT_TRUE(CommandLineSeen(b.serial, &seen, &n)) << b.serial;
  EXPECT_EQ(n, 2047u);
  EXPECT_EQ(seen, append);
}

TEST_P(CommandLine, EmptyOneArrivesEmpty) {
  const Boot b = BootImage(GetParam(), "");
  ASSERT_EQ(b.status, kSuccess) << b.serial;
  std::string seen = "?";
  size_t n = 99;
  ASSERT_TRUE(CommandLineSeen(b.serial, &seen, &n)) << b.serial;
  EXPECT_EQ(n, 0u);
  EXPECT_EQ(seen, "");
}

// A parameter this kernel knows with a value it cannot parse: step cmdline
// fails, it is required, so the dispatcher's fatal hook ends the boot.
TEST_P(CommandLine, BadParameterEndsInTheFatalHook) {
  const std::string image = GetParam();
  const std::string subarch = SubarchOf(image);
  const Boot b = BootImage(image, "console=ttyS0 mem=lots");
  EXPECT_EQ(b.status, kFailure) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "cmdline: bad value: mem=lots")) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "earlyinit: " + subarch + " setup_arch cmdline FAILED code -22"))
      << b.serial;
  EXPECT_TRUE(Contains(b.serial, "earlyinit: required step cmdline failed on subarch " +
                                     subarch + " with code -22"))
      << b.serial;
  EXPECT_FALSE(Contains(b.serial, "e820: BIOS-provided")) << "the chain stops";
  EXPECT_TRUE(Contains(b.serial, "kernel: exit 35 (failure)")) << b.serial;
}

// mem= reaches step e820, which depends on step cmdline.
TEST_P(CommandLine, MemLimitReachesTheMemoryMap) {
  const Boot b = BootImage(GetParam(), "mem=32M");
  ASSERT_EQ(b.status, kSuccess) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "e820: 31 MiB usable, highest usable address 0x1ffffff"))
      << b.serial;
}

INSTANTIATE_TEST_SUITE_P(Kernel, CommandLine, ::testing::Values(kPvh, kMultiboot),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           return std::string(info.param == kPvh ? "pvh" : "multiboot");
                         });

// More than the kernel's 4096-byte buffer (multiboot only: QEMU's PVH option
// ROM copies -append into a 4096-byte buffer without checking its size):
// the converter cuts it and reports it, the kernel says so and boots.
TEST(CommandLineTooLong, IsCutWithAWarningAndTheKernelBoots) {
  std::string append;
  for (int i = 0; append.size() < 5000; ++i) append += "w" + std::to_string(i) + " ";
  const Boot b = BootImage(kMultiboot, append);
  ASSERT_EQ(b.status, kSuccess) << b.serial;
  EXPECT_TRUE(Contains(b.serial,
                       "multiboot: not carried over: command line not terminated within its bound"))
      << b.serial;
  std::string seen;
  size_t n = 0;
  ASSERT_TRUE(CommandLineSeen(b.serial, &seen, &n)) << b.serial;
  const size_t path = SourceRoot().size() + 1 + sizeof kMultiboot - 1;
  EXPECT_EQ(n, 4095 - path - 1);
  EXPECT_EQ(seen, append.substr(0, n));
}

// ---------------------------------------------------------------------------
// Faults and damaged boot structures: a clear message on serial and the
// failure code, never a hang (124) or a triple fault (QEMU exits 0).

TEST(EarlyIdt, InvalidOpcodeIsReportedOnPvh) {
  const Boot b = BootImage(kPvh, "fault=ud2");
  EXPECT_EQ(b.status, kFailure) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "earlyinit: summary xen_pvh: ")) << "the chains ran first";
  EXPECT_TRUE(Contains(b.serial, "early fault: #UD invalid opcode (vector 6), error 0x0 at rip 0x"))
      << b.serial;
  EXPECT_TRUE(Contains(b.serial, "kernel: exit 35 (failure)")) << b.serial;
}

TEST(EarlyIdt, PageFaultIsReportedWithItsAddressOnMultiboot) {
  const Boot b = BootImage(kMultiboot, "fault=pf");
  EXPECT_EQ(b.status, kFailure) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "early fault: #PF page fault (vector 14), error 0x0 at rip 0x"))
      << b.serial;
  EXPECT_TRUE(Contains(b.serial, "early fault: cr2 0x7fff00000000")) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "kernel: exit 35 (failure)")) << b.serial;
}

// tamper_start_info.S damages the hvm_start_info, then the real PVH entry
// runs. The converter refuses it; the dispatcher never starts.
TEST(DamagedStartInfo, BadMagicIsRefused) {
  const Boot b = BootImage("tests/kernel/kernel-pvh-bad-magic", "console=ttyS0");
  EXPECT_EQ(b.status, kFailure) << b.serial;
  static const std::regex msg(
      R"(kernel: fatal: PVH start info at 0x[0-9a-f]+ rejected: bad magic\r?\n)"
      R"(kernel: start info: magic 0xdeadbeef \(expected 0x336ec578\))");
  EXPECT_TRUE(std::regex_search(b.serial, msg)) << b.serial;
  EXPECT_TRUE(Trace(b.serial).empty()) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "kernel: exit 35 (failure)")) << b.serial;
}

TEST(DamagedStartInfo, AbsurdMemoryMapCountIsRefused) {
  const Boot b = BootImage("tests/kernel/kernel-pvh-bad-memmap-count", "console=ttyS0");
  EXPECT_EQ(b.status, kFailure) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "rejected: memory map count runs past accessible memory"))
      << b.serial;
  EXPECT_TRUE(Contains(b.serial, "memmap_entries 4294967295")) << b.serial;
  EXPECT_TRUE(Trace(b.serial).empty()) << b.serial;
  EXPECT_TRUE(Contains(b.serial, "kernel: exit 35 (failure)")) << b.serial;
}

// No UART at 0x3f8 (-serial none): the console step's probe fails, it is
// required, and the kernel exits with the failure code instead of hanging.
TEST(Console, NoUartEndsInFailureNotAHang) {
  for (const char* image : {kPvh, kMultiboot}) {
    const std::string root = SourceRoot();
    auto r = testsupport::Run({root + "/examples/kernel/qemu-boot", "--serial", "none", "--timeout", "60",
                  root + "/" + image});
    EXPECT_EQ(r.exit_code, kFailure) << image << "\n" << r.output;
  }
}

// ---------------------------------------------------------------------------
// The images themselves.

std::string Tool(const std::vector<std::string>& argv) {
  auto r = Run(argv);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return r.output;
}

TEST(Images, PvhNoteSitsInAFourByteAlignedNoteSegmentAndNamesTheEntry) {
  const std::string image = SourceRoot() + "/" + kPvh;
  const std::string phdrs = Tool({"readelf", "-lW", image});
  EXPECT_TRUE(std::regex_search(phdrs, std::regex(R"(\n\s+NOTE\s+.*\s0x4\n)"))) << phdrs;
  const std::string notes = Tool({"readelf", "-nW", image});
  EXPECT_TRUE(Contains(notes, "Unknown note type: (0x00000012)")) << notes;
  const std::string syms = Tool({"nm", image});
  static const std::regex entry(R"(([0-9a-f]+) T pvh_start\n)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(syms, m, entry)) << syms;
  // The note's 8-byte descriptor, little-endian, is the entry's address.
  uint64_t addr = std::stoull(m[1], nullptr, 16);
  std::string desc;
  char byte[4];
  for (int i = 0; i < 8; ++i, addr >>= 8) {
    snprintf(byte, sizeof byte, "%02x ", static_cast<unsigned>(addr & 0xff));
    desc += byte;
  }
  desc.pop_back();
  EXPECT_TRUE(Contains(notes, desc)) << desc << "\n" << notes;
}

TEST(Images, OnlyTheMultibootImageCarriesAMultibootHeader) {
  // 0x1BADB002 little-endian in the first 8 KiB: QEMU tries multiboot first.
  for (const char* image : {kPvh, kMultiboot}) {
    const std::string bytes = testsupport::ReadFile(SourceRoot() + "/" + image).substr(0, 8192);
    EXPECT_EQ(Contains(bytes, std::string("\x02\xb0\xad\x1b", 4)), image == kMultiboot) << image;
  }
}

TEST(Images, UseNoSseRegisters) {
  for (const char* image : {kPvh, kMultiboot}) {
    const std::string dis = Tool({"objdump", "-d", SourceRoot() + "/" + image});
    EXPECT_GT(dis.size(), 1000u);
    EXPECT_FALSE(std::regex_search(dis, std::regex("%[xyz]mm[0-9]"))) << image;
  }
}

TEST(Images, AuditFindsNoViolationAndShowsBothPathOnlySteps) {
  const std::string root = SourceRoot();
  for (const char* image : {kPvh, kMultiboot}) {
    const std::string check = Tool({root + "/src/audit/earlyinit-audit", "check", root + "/" + image});
    EXPECT_TRUE(Contains(check, "check: 2 subarchs, 8 steps, 14 implementations, 2 exemptions: OK"))
        << check;
    const std::string matrix = Tool({root + "/src/audit/earlyinit-audit", "matrix", root + "/" + image});
    EXPECT_TRUE(std::regex_search(matrix, std::regex(R"(\npvh_start_info +early .* exempt\[\d\] +impl\n)")))
        << matrix;
    EXPECT_TRUE(std::regex_search(matrix, std::regex(R"(\nbios_data_area +early .* impl +exempt\[\d\]\n)")))
        << matrix;
  }
}

}  // namespace
