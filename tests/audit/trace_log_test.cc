// Unit tests of trace's log parser (every malformed line kind, every
// tolerated form, how lines group into boots) and of the check against a
// binary's chain (every difference kind), on a hand-built model.
#include <string>

#include "gtest/gtest.h"
#include "src/audit/commands/trace_check.h"
#include "src/audit/commands/trace_cmd.h"
#include "src/audit/logs/trace_log.h"

namespace audit {
namespace {

TraceLog Parse(const std::string& text, size_t* events = nullptr) {
  TraceLog log;
  const size_t n = ParseTraceLog(text, "log", audit::PhaseList::Default(), &log);
  if (events) *events = n;
  return log;
}

// The kind of the one malformed line in `line` + "\n".
std::string KindOf(const std::string& line) {
  const TraceLog log = Parse(line + "\n");
  if (log.bad_lines.size() != 1) return "none";
  return MalformedName(log.bad_lines[0].kind);
}

TEST(TraceLog, EveryMalformedKind) {
  EXPECT_EQ(KindOf("earlyinit: pc early st-ep ok @1"), "bad-name");
  EXPECT_EQ(KindOf("earlyinit: p/c early step ok @1"), "bad-name");
  EXPECT_EQ(KindOf("earlyinit: pc early step fine @1"), "bad-status");
  EXPECT_EQ(KindOf("earlyinit: pc early step"), "bad-status");
  EXPECT_EQ(KindOf("earlyinit: pc early step FAILED @1"), "bad-code");
  EXPECT_EQ(KindOf("earlyinit: pc early step FAILED code 9223372036854775808 @1"), "bad-code");
  EXPECT_EQ(KindOf("earlyinit: pc early step SKIPPED (needs @1"), "bad-needs");
  EXPECT_EQ(KindOf("earlyinit: pc early step SKIPPED (needs a-b) @1"), "bad-needs");
  EXPECT_EQ(KindOf("earlyinit: pc early step ok"), "no-clock");
  EXPECT_EQ(KindOf("earlyinit: pc early step ok 12"), "no-clock");
  EXPECT_EQ(KindOf("earlyinit: pc early step ok @"), "bad-clock");
  EXPECT_EQ(KindOf("earlyinit: pc early step ok @18446744073709551616"), "bad-clock");
  EXPECT_EQ(KindOf("earlyinit: pc early step ok @1 cycles="), "bad-cycles");
  EXPECT_EQ(KindOf("earlyinit: pc early step ok @1 cycles=1 fn=12"), "bad-function");
  EXPECT_EQ(KindOf("earlyinit: pc early step ok @1 cycles=1 fn=0x"), "bad-function");
  // Limits that still parse.
  EXPECT_EQ(KindOf("earlyinit: pc early step ok @18446744073709551615 fn=0xFFFFffffFFFFffff"), "none");
  EXPECT_EQ(KindOf("earlyinit: pc early step FAILED code -9223372036854775808 @1"), "none");
}

TEST(TraceLog, NotTraceLines) {
  size_t events = 9;
  const TraceLog log = Parse(
      "earlyinit: summary pc: 3 run\nearlyinit:\nearlyinit: pc\nhello earlyinit\n", &events);
  EXPECT_EQ(events, 0u);
  EXPECT_TRUE(log.boots.empty());
  EXPECT_TRUE(log.bad_lines.empty());
}

TEST(TraceLog, ToleratesTimestampsColourCarriageReturnsTabsAndNewFields) {
  const TraceLog log = Parse(
      "[    0.000001] \x1b[1;32mearlyinit: pc early a ok @10 cycles=4 fn=0x10\x1b[0m\r\n"
      "old text\rearlyinit:\tpc  early b ok @20 cycles=5 future=7\r\r\n");
  ASSERT_EQ(log.boots.size(), 1u);
  ASSERT_EQ(log.boots[0].steps.size(), 2u);
  EXPECT_TRUE(log.bad_lines.empty());
  const TraceStep& a = log.boots[0].steps[0];
  EXPECT_EQ(a.step, "a");
  EXPECT_EQ(a.cycles, 4u);
  EXPECT_EQ(a.fn, 0x10u);
  EXPECT_EQ(a.line, 1u);
  EXPECT_EQ(log.boots[0].steps[1].step, "b");
  EXPECT_FALSE(log.boots[0].steps[1].has_fn);
}

// A line without control bytes is read in place, one with any is cleaned
// first (HasControl, eight bytes at a time): a control byte at every
// offset, across the word boundaries, is removed the same way, and bytes
// from 0x80 up are kept (they make a name bad).
TEST(TraceLog, ControlBytesAtEveryOffsetAreRemoved) {
  const std::string line = "earlyinit: pc early step_a ok @10 cycles=4 fn=0x10";
  for (char control : {'\x01', '\x1f', '\x7f', '\x00'}) {
    for (size_t at = 0; at <= line.size(); ++at) {
      std::string text = line;
      text.insert(at, 1, control);
      const TraceLog log = Parse(text + "\n");
      ASSERT_EQ(log.boots.size(), 1u) << "byte " << int(control) << " at " << at;
      ASSERT_EQ(log.boots[0].steps.size(), 1u);
      EXPECT_EQ(log.boots[0].steps[0].step, "step_a");
      EXPECT_EQ(log.boots[0].steps[0].fn, 0x10u);
      EXPECT_TRUE(log.bad_lines.empty());
    }
  }
  EXPECT_EQ(KindOf("earlyinit: pc early st\x80" "ep ok @1"), "bad-name");
  EXPECT_EQ(KindOf("earlyinit: pc early step ok @1\xff"), "bad-clock");
  EXPECT_EQ(KindOf("earlyinit: pc early st\x7f" "ep ok @1"), "none");
  // Cleaned lines are copied: a malformed one's text is the cleaned text.
  const TraceLog log = Parse("old\rearlyinit: pc early st\x1b[1mep fine @1\r\n");
  ASSERT_EQ(log.bad_lines.size(), 1u);
  EXPECT_EQ(log.bad_lines[0].text, "earlyinit: pc early step fine @1");
}

TEST(TraceLog, TruncatedLastLineIsReportedAndDropped) {
  TraceLog log = Parse("earlyinit: pc early a ok @10 cycles=4\nearlyinit: pc early b ok @2");
  ASSERT_EQ(log.bad_lines.size(), 1u);
  EXPECT_EQ(log.bad_lines[0].kind, Malformed::kTruncated);
  EXPECT_EQ(log.bad_lines[0].line, 2u);
  EXPECT_EQ(log.boots[0].steps.size(), 1u);
  log = Parse("earlyinit: pc early a ok @10\nearlyinit: pc ea");
  ASSERT_EQ(log.bad_lines.size(), 1u);
  EXPECT_EQ(log.bad_lines[0].kind, Malformed::kTruncated);
  log = Parse("earlyinit: pc early a ok @10\nkernel: exit 33");  // not a trace line
  EXPECT_TRUE(log.bad_lines.empty());
}

TEST(TraceLog, CallingLinesGiveCyclesAndAnUnfinishedStep) {
  const TraceLog log = Parse(
      "earlyinit: pc early a calling @100\nearlyinit: pc early a ok @160\n"
      "earlyinit: pc early b calling @200\nearlyinit: pc early b FAILED code -5 @230 cycles=9\n"
      "earlyinit: pc early c calling @300\n");
  ASSERT_EQ(log.boots.size(), 1u);
  const auto& s = log.boots[0].steps;
  ASSERT_EQ(s.size(), 3u);
  EXPECT_TRUE(s[0].has_cycles);
  EXPECT_EQ(s[0].cycles, 60u);
  EXPECT_EQ(s[1].cycles, 9u) << "cycles= wins over the calling line";
  EXPECT_EQ(s[1].code, -5);
  EXPECT_EQ(s[2].step, "c");
  EXPECT_EQ(s[2].status, TraceStatus::kUnfinished);
}

TEST(TraceLog, BootsSplitOnSubarchPhaseGoingBackAndRepeatedStep) {
  const TraceLog log = Parse(
      "earlyinit: pc early a ok @1\nearlyinit: pc late z ok @2\n"
      "earlyinit: pc early a ok @3\n"             // phase back: boot 2
      "earlyinit: pc early a ok @4\n"             // repeated: boot 3
      "earlyinit: xen_pvh early a ok @5\n");      // subarch: boot 4
  ASSERT_EQ(log.boots.size(), 4u);
  EXPECT_EQ(log.boots[0].steps.size(), 2u);
  EXPECT_EQ(log.boots[3].subarch, "xen_pvh");
  EXPECT_EQ(log.boots[3].first_line, 5u);
}

TEST(TraceLog, FatalsBelongToTheirBoot) {
  const TraceLog log = Parse(
      "earlyinit: unknown hardware_subarch 5 (0x5)\n"
      "earlyinit: pc early a ok @1\n"
      "earlyinit: required step b failed on subarch pc with code -1\n");
  ASSERT_EQ(log.boots.size(), 1u);
  EXPECT_EQ(log.boots[0].subarch, "pc");
  EXPECT_EQ(log.boots[0].first_line, 1u);
  ASSERT_EQ(log.boots[0].fatals.size(), 2u);
  EXPECT_EQ(log.boots[0].fatals[1].line, 3u);
}

TEST(TraceLog, AFatalBeforeAnyStepIsABootOfItsOwn) {
  // The boot stopped before its first step: its fatal report is all the
  // log holds, and it counts as a trace line (no "no trace lines" error).
  size_t events = 0;
  const TraceLog log = Parse(
      "[    0.000000] earlyinit: unknown magic 0x0 at hardware_subarch_data 0x9000\n", &events);
  EXPECT_EQ(events, 1u);
  ASSERT_EQ(log.boots.size(), 1u);
  EXPECT_EQ(log.boots[0].subarch, "?");
  EXPECT_EQ(log.boots[0].first_line, 1u);
  EXPECT_TRUE(log.boots[0].steps.empty());
  ASSERT_EQ(log.boots[0].fatals.size(), 1u);
  EXPECT_EQ(log.boots[0].fatals[0].text, "earlyinit: unknown magic 0x0 at hardware_subarch_data 0x9000");
}

// The Linux series' injected stop (earlyinit.inject_fatal) is a fatal report.
TEST(TraceLog, InjectedFatalIsAFatalReport) {
  size_t events = 0;
  const TraceLog log = Parse(
      "earlyinit: earlyinit.inject_fatal is on the command line\r\n", &events);
  EXPECT_EQ(events, 1u);
  ASSERT_EQ(log.boots.size(), 1u);
  ASSERT_EQ(log.boots[0].fatals.size(), 1u);
  EXPECT_EQ(log.boots[0].fatals[0].text, "earlyinit: earlyinit.inject_fatal is on the command line");
}

// A model with one pc chain: early a (0x10), early b (0x20), late c (0x30).
Model PcModel() {
  Model m;
  m.phases = PhaseList::Default();
  Chain early{"earlyinit_early__pc", "early", "pc", {}};
  for (auto [step, addr] : {std::pair<const char*, uint64_t>{"a", 0x10}, {"b", 0x20}}) {
    Impl im;
    im.step = step;
    im.function = m.Keep(std::string(step) + "_fn");  // views: the model keeps the text
    im.has_address = true;
    im.address = addr;
    early.impls.push_back(im);
  }
  Chain late{"earlyinit_late__pc", "late", "pc", {}};
  Impl c;
  c.step = "c";
  late.impls.push_back(c);  // no address: objects
  m.chains = {early, late};
  m.Index();
  return m;
}

std::vector<std::string> Diffs(const std::string& text) {
  const Model m = PcModel();
  std::vector<std::string> out;
  for (const TraceDiff& d : CheckBoots(Parse(text), m))
    out.push_back(std::string(TraceDiffName(d.kind)) + " " + d.step);
  return out;
}

TEST(TraceCheck, EveryDifferenceKind) {
  EXPECT_EQ(Diffs("earlyinit: pc early a ok @1 fn=0x10\nearlyinit: pc early b ok @2 fn=0x20\n"
                  "earlyinit: pc late c ok @3 fn=0x999\n"),
            std::vector<std::string>{}) << "c has no address to compare";
  EXPECT_EQ(Diffs("earlyinit: pc early b ok @1\nearlyinit: pc early a ok @2 fn=0x11\n"
                  "earlyinit: pc early x ok @3\n"),
            (std::vector<std::string>{"out-of-order a", "different-function a", "not-in-binary x",
                                      "not-run c"}));
  EXPECT_EQ(Diffs("earlyinit: lguest early a ok @1\n"), std::vector<std::string>{"no-chain "});
}

// The chain is looked up once per subarch and checked against each of its
// boots; a step a chain holds twice is found at its last place.
TEST(TraceCheck, BootsOfOneSubarchShareTheChainAndARepeatedStepIsItsLast) {
  EXPECT_EQ(Diffs("earlyinit: pc early a ok @1\nearlyinit: pc early b ok @2\nearlyinit: pc late c ok @3\n"
                  "earlyinit: pc early b ok @4\n"
                  "earlyinit: lguest early a ok @5\n"
                  "earlyinit: pc early a ok @6\nearlyinit: pc late c ok @7\n"),
            (std::vector<std::string>{"not-run a", "not-run c", "no-chain ", "not-run b"}));
  Model m = PcModel();
  Impl again;
  again.step = "a";
  m.chains[0].impls.push_back(again);  // early: a, b, a
  m.Index();
  std::vector<std::string> kinds;
  for (const TraceDiff& d :
       CheckBoots(Parse("earlyinit: pc early b ok @1\nearlyinit: pc early a ok @2\n"
                        "earlyinit: pc late c ok @3\n"), m))
    kinds.push_back(std::string(TraceDiffName(d.kind)) + " " + d.step);
  EXPECT_EQ(kinds, std::vector<std::string>{"not-run a"}) << "a is the chain's third, after b";
}

TEST(TraceCheck, NotRunNamesTheFatalThatStoppedTheBoot) {
  const Model m = PcModel();
  const auto d = CheckBoots(
      Parse("earlyinit: pc early a ok @1\nearlyinit: required step b failed on subarch pc with code -1\n"),
      m);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].message,
            "step b (early) is in the binary's pc chain but did not run (the boot stopped at line 2: "
            "earlyinit: required step b failed on subarch pc with code -1)");
}

TEST(TraceCmd, NoTraceIsAnErrorNamingTheLog) {
  std::string error;
  ComputeTrace({{"a.log", "earlyinit: pc early a ok @1\n"}, {"b.log", "nothing\n"}}, nullptr, "",
               &error);
  EXPECT_EQ(error.rfind("no earlyinit trace lines in b.log (expected lines like", 0), 0u) << error;
}

}  // namespace
}  // namespace audit
