// The dispatcher's policies, on steps that fail on purpose
// (tests/earlyinit/policy/steps.c):
//   - an optional step that fails: the chain goes on, what depends on it is
//     skipped (optional dependants) or stops the boot (required ones), also
//     across phases;
//   - a required step that fails: the fatal hook gets its code, nothing
//     after it runs;
//   - no fatal hook: the chain still stops;
//   - a phase run before the phase its dependency lives in: fatal.
#include <cstring>
#include <string>
#include <vector>

#include "earlyinit/x86_subarchs.h"  // first: the subarchs the core is built for
#include "earlyinit/testing.h"
#include "gtest/gtest.h"
#include "tests/earlyinit/policy/steps.h"

namespace {

using earlyinit::testing::Recorder;
using earlyinit::testing::RunAllPhases;

// "step:status" of every event but STARTING, e.g. "probe:FAILED(-19)".
std::vector<std::string> Outcomes(const Recorder& rec) {
  std::vector<std::string> out;
  for (const auto& e : rec.events) {
    if (e.status == EARLYINIT_STARTING) continue;
    std::string s = e.step + ":" + earlyinit_status_name(e.status);
    if (e.status == EARLYINIT_FAILED) s += "(" + std::to_string(e.code) + ")";
    if (e.status == EARLYINIT_SKIPPED) s += "(needs " + e.dep + ")";
    out.push_back(s);
  }
  return out;
}

std::vector<unsigned> Calls(unsigned subarch) {
  return std::vector<unsigned>(policy_calls[subarch], policy_calls[subarch] + 5);
}

class Policy : public ::testing::Test {
 protected:
  void SetUp() override { std::memset(policy_calls, 0, sizeof policy_calls); }
  Recorder rec;
};

TEST_F(Policy, AllSucceed) {
  const earlyinit_summary s = RunAllPhases(EARLYINIT_SUBARCH_ID_pc, &rec);
  EXPECT_EQ(Outcomes(rec), (std::vector<std::string>{"probe:ok", "after_probe:ok", "critical:ok",
                                                     "needs_probe:ok", "last:ok"}));
  EXPECT_EQ(s.run, 5u);
  EXPECT_EQ(s.failed, 0u);
  EXPECT_EQ(s.skipped, 0u);
  EXPECT_EQ(s.stopped, 0u);
  EXPECT_TRUE(rec.fatals.empty());
  EXPECT_EQ(Calls(EARLYINIT_SUBARCH_ID_pc), (std::vector<unsigned>{1, 1, 1, 1, 1}));
}

// Xen PV: the optional probe fails, its optional dependant is skipped, the
// required one is exempt there: the boot completes.
TEST_F(Policy, OptionalFailureSkipsOptionalDependantsAndGoesOn) {
  const earlyinit_summary s = RunAllPhases(EARLYINIT_SUBARCH_ID_xen_pv, &rec);
  EXPECT_EQ(Outcomes(rec),
            (std::vector<std::string>{"probe:FAILED(-19)", "after_probe:SKIPPED(needs probe)",
                                      "critical:ok", "last:ok"}));
  EXPECT_EQ(s.run, 3u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.skipped, 1u);
  EXPECT_EQ(s.stopped, 0u);
  EXPECT_TRUE(rec.fatals.empty());
  EXPECT_EQ(Calls(EARLYINIT_SUBARCH_ID_xen_pv), (std::vector<unsigned>{1, 0, 1, 0, 1}));
}

// Intel MID: the probe fails in `early`; `needs_probe` (required, in
// setup_arch) sees it through the state kept across phases and stops the boot.
TEST_F(Policy, RequiredDependantOfAFailedStepStopsTheBootInALaterPhase) {
  const earlyinit_summary s = RunAllPhases(EARLYINIT_SUBARCH_ID_intel_mid, &rec);
  EXPECT_EQ(Outcomes(rec),
            (std::vector<std::string>{"probe:FAILED(-19)", "after_probe:SKIPPED(needs probe)",
                                      "critical:ok", "needs_probe:SKIPPED(needs probe)"}));
  EXPECT_EQ(s.stopped, 1u);
  ASSERT_EQ(rec.fatals.size(), 1u);
  EXPECT_EQ(rec.fatals[0],
            "earlyinit: required step needs_probe not run on subarch intel_mid: its dependency "
            "probe did not run successfully before it");
  EXPECT_EQ(Calls(EARLYINIT_SUBARCH_ID_intel_mid), (std::vector<unsigned>{1, 0, 1, 0, 0}));
}

// lguest: a required step fails; the fatal hook names it and its code,
// and nothing after it runs, in this phase or the next.
TEST_F(Policy, RequiredFailureIsFatalAndStopsTheChain) {
  const earlyinit_summary s = RunAllPhases(EARLYINIT_SUBARCH_ID_lguest, &rec);
  EXPECT_EQ(Outcomes(rec),
            (std::vector<std::string>{"probe:ok", "after_probe:ok", "critical:FAILED(-5)"}));
  EXPECT_EQ(s.run, 3u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.stopped, 1u);
  ASSERT_EQ(rec.fatals.size(), 1u);
  EXPECT_EQ(rec.fatals[0], "earlyinit: required step critical failed on subarch lguest with code -5");
  EXPECT_EQ(Calls(EARLYINIT_SUBARCH_ID_lguest), (std::vector<unsigned>{1, 1, 1, 0, 0}));
}

// A required failure stops the chain even when nobody listens.
TEST_F(Policy, WithoutHooksARequiredFailureStillStops) {
  const earlyinit_hooks none = {nullptr, nullptr, nullptr, nullptr};
  earlyinit_state state;
  earlyinit_state_init(&state);
  const earlyinit_summary s =
      earlyinit_run_chain(EARLYINIT_PHASE_early, EARLYINIT_SUBARCH_ID_lguest, nullptr, &none, &state);
  EXPECT_EQ(s.run, 3u);
  EXPECT_EQ(s.stopped, 1u);
  EXPECT_EQ(state.phases_done, 0u) << "a stopped phase is not done";
  // CE4100: the probe fails, the required dependant stops setup_arch.
  earlyinit_state_init(&state);
  EXPECT_EQ(earlyinit_run_chain(EARLYINIT_PHASE_early, EARLYINIT_SUBARCH_ID_ce4100, nullptr, &none,
                                &state).stopped,
            0u);
  EXPECT_EQ(earlyinit_run_chain(EARLYINIT_PHASE_setup_arch, EARLYINIT_SUBARCH_ID_ce4100, nullptr,
                                &none, &state).stopped,
            1u);
  EXPECT_EQ(Calls(EARLYINIT_SUBARCH_ID_ce4100), (std::vector<unsigned>{1, 0, 1, 0, 0}));
}

// setup_arch before early: needs_probe's dependency lives in a phase that
// has not run, so it cannot have run successfully.
TEST_F(Policy, PhaseRunBeforeItsDependencysPhaseIsFatal) {
  earlyinit_state state;
  earlyinit_state_init(&state);
  const earlyinit_summary s = earlyinit_run_chain(EARLYINIT_PHASE_setup_arch, EARLYINIT_SUBARCH_ID_pc,
                                                  nullptr, rec.hooks(), &state);
  EXPECT_EQ(s.stopped, 1u);
  EXPECT_EQ(Outcomes(rec), (std::vector<std::string>{"needs_probe:SKIPPED(needs probe)"}));
  ASSERT_EQ(rec.fatals.size(), 1u);
  EXPECT_NE(rec.fatals[0].find("its dependency probe did not run"), std::string::npos);
  EXPECT_EQ(Calls(EARLYINIT_SUBARCH_ID_pc), (std::vector<unsigned>{0, 0, 0, 0, 0}));
}

// The trace hook sees every step's function; STARTING comes before each run.
TEST_F(Policy, TraceBracketsEveryCallWithItsFunction) {
  RunAllPhases(EARLYINIT_SUBARCH_ID_xen_pvh, &rec);
  ASSERT_EQ(rec.events.size(), 10u);
  for (size_t i = 0; i < rec.events.size(); i += 2) {
    EXPECT_EQ(rec.events[i].status, EARLYINIT_STARTING);
    EXPECT_EQ(rec.events[i].step, rec.events[i + 1].step);
    EXPECT_NE(rec.events[i].fn, nullptr);
    EXPECT_EQ(rec.events[i].fn, rec.events[i + 1].fn);
  }
  EXPECT_NE(rec.events[0].fn, rec.events[2].fn) << "probe and after_probe are different functions";
}

TEST_F(Policy, UnknownPhaseAndDisabledSubarchAreFatal) {
  earlyinit_state state;
  earlyinit_state_init(&state);
  EXPECT_EQ(earlyinit_run_chain(static_cast<earlyinit_phase>(7), EARLYINIT_SUBARCH_ID_pc, nullptr,
                                rec.hooks(), &state).stopped,
            1u);
  EXPECT_EQ(earlyinit_run_chain(EARLYINIT_PHASE_early, 42, nullptr, rec.hooks(), &state).stopped, 1u);
  EXPECT_EQ(rec.fatals, (std::vector<std::string>{"earlyinit: no phase 7",
                                                  "earlyinit: subarch id 42 is not enabled in this build"}));
  EXPECT_TRUE(rec.events.empty());
}

}  // namespace
