// earlyinit/format.h: every fatal reason and trace status as text (the
// core's, an adapter's message, and the x86 adapter's reasons as
// earlyinit_x86_subarch fills them), numbers at their limits (the 64-bit
// printing avoids division, see format.h), and bounded buffers (truncated,
// always terminated, never overrun).
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "earlyinit/x86.h"  // first: the x86 subarchs, then the core
#include "earlyinit/format.h"
#include "gtest/gtest.h"

namespace {

earlyinit_fatal Fatal(earlyinit_fatal_reason r, uint64_t value = 0, uint64_t value2 = 0) {
  earlyinit_fatal f{};
  f.reason = r;
  f.step = "kasan_early";
  f.dep = "cr4_shadow";
  f.subarch = EARLYINIT_SUBARCH_ID_xen_pvh;
  f.value = value;
  f.value2 = value2;
  return f;
}

std::string Format(const earlyinit_fatal& f) {
  char line[256];
  const size_t n = earlyinit_format_fatal(line, sizeof line, &f);
  EXPECT_EQ(n, std::string(line).size());
  return line;
}

std::string Format(const earlyinit_trace& t) {
  char line[256];
  const size_t n = earlyinit_format_trace(line, sizeof line, &t);
  EXPECT_EQ(n, std::string(line).size());
  return line;
}

TEST(FormatFatal, EveryReason) {
  EXPECT_EQ(Format(Fatal(EARLYINIT_FATAL_STEP_FAILED, static_cast<uint64_t>(-22))),
            "earlyinit: required step kasan_early failed on subarch xen_pvh with code -22");
  EXPECT_EQ(Format(Fatal(EARLYINIT_FATAL_DEPENDENCY)),
            "earlyinit: required step kasan_early not run on subarch xen_pvh: its dependency "
            "cr4_shadow did not run successfully before it");
  EXPECT_EQ(Format(Fatal(EARLYINIT_FATAL_DISABLED_SUBARCH, 3)),
            "earlyinit: subarch id 3 is not enabled in this build");
  EXPECT_EQ(Format(Fatal(EARLYINIT_FATAL_BAD_PHASE, 7)), "earlyinit: no phase 7");
}

// An adapter's reason prints its own message: %u, %d, %x take value, then
// value2; %% is a percent sign; other text is as written.
TEST(FormatFatal, AnAdaptersMessage) {
  earlyinit_fatal f;
  earlyinit_fatal_init(&f, EARLYINIT_FATAL_ADAPTER + 1, "no %x at %u, %d%% done %q", 0x2a, 7);
  EXPECT_EQ(f.reason, EARLYINIT_FATAL_ADAPTER + 1u);
  EXPECT_EQ(Format(f), "earlyinit: no 0x2a at 7, 0% done %q");
  earlyinit_fatal_init(&f, EARLYINIT_FATAL_ADAPTER, "%d then %d", static_cast<uint64_t>(-5), 0);
  EXPECT_EQ(Format(f), "earlyinit: -5 then 0");
  // Without its message, the reason and value: never an x86 word.
  f.message = nullptr;
  f.value = 0x10;
  EXPECT_EQ(Format(f), "earlyinit: fatal reason 64, value 0x10");
}

// The x86 adapter's reasons, as earlyinit_x86_subarch fills them from a
// boot_params, in x86's words.
std::string X86Fatal(uint32_t subarch, uint64_t data, const void *mem_buf, size_t mem_size,
                     unsigned *reason) {
  bootproto_boot_params bp{};
  bp.hdr.version = BOOTPROTO_PROTOCOL_SUBARCH;
  bp.hdr.hardware_subarch = subarch;
  bp.hdr.hardware_subarch_data = data;
  const bootproto_mem mem = bootproto_mem_buffer(mem_buf, 0x8000, mem_size);
  earlyinit_fatal why;
  EXPECT_EQ(earlyinit_x86_subarch(&bp, &mem, &why), -1);
  *reason = why.reason;
  return Format(why);
}

TEST(FormatFatal, X86Reasons) {
  const unsigned char junk[8] = {0xcd, 0xab, 0x34, 0x12, 0, 0, 0, 0};
  unsigned reason = 0;
  EXPECT_EQ(X86Fatal(0xffffffff, 0, junk, sizeof junk, &reason),
            "earlyinit: unknown hardware_subarch 4294967295 (0xffffffff)");
  EXPECT_EQ(reason, static_cast<unsigned>(EARLYINIT_FATAL_UNKNOWN_SUBARCH));
  EXPECT_EQ(X86Fatal(BOOTPROTO_X86_SUBARCH_XEN, 0, junk, sizeof junk, &reason),
            "earlyinit: hardware_subarch is Xen (2) but hardware_subarch_data is 0");
  EXPECT_EQ(reason, static_cast<unsigned>(EARLYINIT_FATAL_NO_SUBARCH_DATA));
  EXPECT_EQ(X86Fatal(BOOTPROTO_X86_SUBARCH_XEN, 0x100000000ull, junk, sizeof junk, &reason),
            "earlyinit: hardware_subarch_data 0x100000000 is outside readable memory");
  EXPECT_EQ(reason, static_cast<unsigned>(EARLYINIT_FATAL_UNREADABLE_DATA));
  EXPECT_EQ(X86Fatal(BOOTPROTO_X86_SUBARCH_XEN, 0x8000, junk, sizeof junk, &reason),
            "earlyinit: unknown magic 0x1234abcd at hardware_subarch_data 0x8000 (neither "
            "hvm_start_info nor Xen PV start_info)");
  EXPECT_EQ(reason, static_cast<unsigned>(EARLYINIT_FATAL_UNKNOWN_MAGIC));
}

TEST(FormatFatal, UnknownSubarchIdIsAQuestionMark) {
  earlyinit_fatal f = Fatal(EARLYINIT_FATAL_STEP_FAILED, 1);
  f.subarch = 99;
  EXPECT_EQ(Format(f), "earlyinit: required step kasan_early failed on subarch ? with code 1");
}

TEST(FormatTrace, EveryStatus) {
  earlyinit_trace t{};
  t.step = "cr4_shadow";
  t.subarch = EARLYINIT_SUBARCH_ID_pc;
  t.phase = EARLYINIT_PHASE_early;
  t.clock = 12345;
  t.status = EARLYINIT_STARTING;
  EXPECT_EQ(Format(t), "earlyinit: pc early cr4_shadow calling @12345");
  t.status = EARLYINIT_OK;
  EXPECT_EQ(Format(t), "earlyinit: pc early cr4_shadow ok @12345");
  t.status = EARLYINIT_FAILED;
  t.code = -5;
  t.phase = EARLYINIT_PHASE_setup_arch;
  EXPECT_EQ(Format(t), "earlyinit: pc setup_arch cr4_shadow FAILED code -5 @12345");
  t.status = EARLYINIT_SKIPPED;
  t.dep = "cmdline";
  t.phase = EARLYINIT_PHASE_late;
  EXPECT_EQ(Format(t), "earlyinit: pc late cr4_shadow SKIPPED (needs cmdline) @12345");
}

// Decimal and hex at the edges, against printf.
TEST(FormatNumbers, AgreeWithPrintf) {
  const uint64_t values[] = {0, 1, 9, 10, 99, 100, 4294967295ull, 4294967296ull,
                             999999999999999999ull, 1000000000000000000ull,
                             9999999999999999999ull, 10000000000000000000ull,
                             18446744073709551615ull};
  for (uint64_t v : values) {
    earlyinit_trace t{};
    t.step = "s";
    t.status = EARLYINIT_OK;
    t.clock = v;
    char want[128];
    std::snprintf(want, sizeof want, "earlyinit: pc early s ok @%llu",
                  static_cast<unsigned long long>(v));
    EXPECT_EQ(Format(t), want);
    earlyinit_fatal f;
    earlyinit_fatal_init(&f, EARLYINIT_FATAL_ADAPTER, "data %x is outside readable memory", v, 0);
    std::snprintf(want, sizeof want, "earlyinit: data 0x%llx is outside readable memory",
                  static_cast<unsigned long long>(v));
    EXPECT_EQ(Format(f), want);
  }
  EXPECT_EQ(Format(Fatal(EARLYINIT_FATAL_STEP_FAILED, static_cast<uint64_t>(INT64_MIN))),
            "earlyinit: required step kasan_early failed on subarch xen_pvh with code "
            "-9223372036854775808");
}

TEST(FormatBuffer, TruncatesTerminatesAndNeverOverruns) {
  earlyinit_fatal f;
  earlyinit_fatal_init(&f, EARLYINIT_FATAL_ADAPTER, "hardware_subarch is Xen (2)", 0, 0);
  char buf[16 + 8];
  for (size_t size = 0; size <= 16; ++size) {
    std::memset(buf, '#', sizeof buf);
    const size_t n = earlyinit_format_fatal(buf, size, &f);
    if (size > 0) {
      EXPECT_EQ(n, size - 1) << size;
      EXPECT_EQ(std::string(buf), std::string("earlyinit: hardware").substr(0, size - 1));
    } else {
      EXPECT_EQ(n, 0u);
    }
    for (size_t i = size; i < sizeof buf; ++i) ASSERT_EQ(buf[i], '#') << "overrun at " << i;
  }
}

TEST(FormatTrace, NullNamesPrintAsNull) {
  earlyinit_trace t{};
  t.status = EARLYINIT_OK;
  EXPECT_EQ(Format(t), "earlyinit: pc early (null) ok @0");
}

// The timed line: STARTING prints nothing and remembers the clock; the end
// event carries the cycles since then and the function.
std::string Step(const earlyinit_trace& t, earlyinit_tracer* tr) {
  char line[EARLYINIT_TRACE_LINE_SIZE];
  std::memset(line, '#', sizeof line);
  const size_t n = earlyinit_format_trace_step(line, sizeof line, &t, tr);
  EXPECT_EQ(n, std::string(line).size());
  return line;
}

TEST(FormatTraceStep, EveryStatusWithCyclesAndFunction) {
  static char fn;
  earlyinit_tracer tr{};
  earlyinit_trace t{};
  t.step = "kasan_early";
  t.subarch = EARLYINIT_SUBARCH_ID_xen_pvh;
  t.phase = EARLYINIT_PHASE_early;
  t.fn = &fn;
  char want[160];
  t.status = EARLYINIT_STARTING;
  t.clock = 1000;
  EXPECT_EQ(Step(t, &tr), "");
  EXPECT_EQ(tr.start, 1000u);
  t.status = EARLYINIT_OK;
  t.clock = 1678;
  std::snprintf(want, sizeof want, "earlyinit: xen_pvh early kasan_early ok @1678 cycles=678 fn=%#lx",
                static_cast<unsigned long>(reinterpret_cast<uintptr_t>(&fn)));
  EXPECT_EQ(Step(t, &tr), want);
  t.status = EARLYINIT_FAILED;
  t.code = -22;
  std::snprintf(want, sizeof want,
                "earlyinit: xen_pvh early kasan_early FAILED code -22 @1678 cycles=678 fn=%#lx",
                static_cast<unsigned long>(reinterpret_cast<uintptr_t>(&fn)));
  EXPECT_EQ(Step(t, &tr), want);
  t.status = EARLYINIT_SKIPPED;  // no STARTING event: no duration
  t.dep = "cr4_shadow";
  t.fn = nullptr;
  t.clock = 5000;
  EXPECT_EQ(Step(t, &tr),
            "earlyinit: xen_pvh early kasan_early SKIPPED (needs cr4_shadow) @5000 cycles=0 fn=0x0");
}

TEST(FormatTraceStep, ClockGoingBackwardsIsZeroCyclesAndMaxNumbersFit) {
  earlyinit_tracer tr{};
  earlyinit_trace t{};
  t.step = "s";
  t.status = EARLYINIT_STARTING;
  t.clock = 500;
  Step(t, &tr);
  t.status = EARLYINIT_OK;
  t.clock = 499;
  EXPECT_EQ(Step(t, &tr), "earlyinit: pc early s ok @499 cycles=0 fn=0x0");
  t.status = EARLYINIT_STARTING;
  t.clock = 0;
  Step(t, &tr);
  t.status = EARLYINIT_FAILED;
  t.code = INT32_MIN;
  t.clock = UINT64_MAX;
  t.fn = reinterpret_cast<const void*>(UINTPTR_MAX);
  const std::string name(95, 'n');
  t.step = name.c_str();
  t.phase = EARLYINIT_PHASE_setup_arch;
  t.subarch = EARLYINIT_SUBARCH_ID_intel_mid;
  const std::string line = Step(t, &tr);
  EXPECT_EQ(line.substr(line.find(" FAILED")),
            std::string(" FAILED code -2147483648 @18446744073709551615 cycles=18446744073709551615 fn=") +
                (sizeof(uintptr_t) == 8 ? "0xffffffffffffffff" : "0xffffffff"));
}

TEST(FormatTraceStep, TruncatesAndTerminatesInASmallBuffer) {
  earlyinit_tracer tr{};
  earlyinit_trace t{};
  t.step = "cr4_shadow";
  t.status = EARLYINIT_OK;
  t.clock = 7;
  char buf[40 + 8];
  for (size_t size = 0; size <= 40; ++size) {
    std::memset(buf, '#', sizeof buf);
    const size_t n = earlyinit_format_trace_step(buf, size, &t, &tr);
    if (size > 0) {
      EXPECT_EQ(n, size - 1) << size;
      EXPECT_EQ(std::string(buf), std::string("earlyinit: pc early cr4_shadow ok @7 cycles=0 fn=0x0").substr(0, size - 1));
    }
    for (size_t i = size; i < sizeof buf; ++i) ASSERT_EQ(buf[i], '#') << "overrun at " << i;
  }
}

}  // namespace
