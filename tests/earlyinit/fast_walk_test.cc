// The dispatcher's walk for chains without dependencies and without a trace
// hook (dispatch.h: earlyinit_walk_fast_, ended by the sentinel entry past
// each chain's end): same outcomes as the general walk, optional failures
// go on, required ones stop, the sentinel is never a step; and the choice
// of walk (earlyinit_chain_has_deps_) per chain.
#include <cstring>
#include <string>
#include <vector>

#include "earlyinit/x86_subarchs.h"  // first: the subarchs the core is built for
#include "earlyinit/testing.h"
#include "gtest/gtest.h"

#define EARLYINIT_STEP_fa EARLYINIT_SPEC(early, 10, 0100, optional, )
#define EARLYINIT_STEP_fb EARLYINIT_SPEC(early, 10, 0200, required, )
#define EARLYINIT_STEP_fc EARLYINIT_SPEC(early, 10, 0300, required, )
#define EARLYINIT_STEP_fd EARLYINIT_SPEC(setup_arch, 20, 0100, required, (fa))

EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(fa);
EARLYINIT_DEFINE_STEP(fb);
EARLYINIT_DEFINE_STEP(fc);
EARLYINIT_DEFINE_STEP(fd);

namespace {

std::string calls;

int Fa(const earlyinit_context* c) {
  calls += "a";
  return c->subarch == EARLYINIT_SUBARCH_ID_xen_pv ? -3 : 0;
}
int Fb(const earlyinit_context* c) {
  calls += "b";
  return c->subarch == EARLYINIT_SUBARCH_ID_lguest ? -7 : 0;
}
int Fc(const earlyinit_context*) {
  calls += "c";
  return 0;
}
int Fd(const earlyinit_context*) {
  calls += "d";
  return 0;
}

}  // namespace

EARLYINIT_IMPL(fa, EARLYINIT_ALL, Fa);
EARLYINIT_IMPL(fb, EARLYINIT_ALL, Fb);
EARLYINIT_IMPL(fc, EARLYINIT_ALL, Fc);
EARLYINIT_IMPL(fd, (pc)(lguest)(xen_pv)(intel_mid), Fd);
EARLYINIT_EXEMPT(fd, (ce4100)(xen_pvh), "no dependency on these, for the test");

namespace {

std::vector<std::string> fatals;
void OnFatal(const earlyinit_fatal* f, void*) {
  char line[256];
  earlyinit_format_fatal(line, sizeof line, f);
  fatals.push_back(line);
}

class FastWalk : public ::testing::Test {
 protected:
  void SetUp() override {
    calls.clear();
    fatals.clear();
    earlyinit_state_init(&state);
  }
  earlyinit_summary Run(earlyinit_phase phase, unsigned subarch) {
    return earlyinit_run_chain(phase, subarch, nullptr, &hooks, &state);
  }
  const earlyinit_hooks hooks = {OnFatal, nullptr, nullptr, nullptr};
  earlyinit_state state;
};

TEST_F(FastWalk, TheChoiceOfWalkFollowsTheChainsDependencies) {
  EXPECT_FALSE(earlyinit_chain_has_deps_(EARLYINIT_PHASE_early, EARLYINIT_SUBARCH_ID_pc));
  EXPECT_TRUE(earlyinit_chain_has_deps_(EARLYINIT_PHASE_setup_arch, EARLYINIT_SUBARCH_ID_pc));
  // fd is exempt there: that chain is empty and has no dependencies.
  EXPECT_FALSE(earlyinit_chain_has_deps_(EARLYINIT_PHASE_setup_arch, EARLYINIT_SUBARCH_ID_xen_pvh));
  EXPECT_FALSE(earlyinit_chain_has_deps_(EARLYINIT_PHASE_late, EARLYINIT_SUBARCH_ID_pc));
}

TEST_F(FastWalk, RunsEveryStepOnceInOrderAndNotTheSentinel) {
  const earlyinit_summary s = Run(EARLYINIT_PHASE_early, EARLYINIT_SUBARCH_ID_pc);
  EXPECT_EQ(calls, "abc");
  EXPECT_EQ(s.run, 3u);
  EXPECT_EQ(s.failed, 0u);
  EXPECT_EQ(s.stopped, 0u);
  EXPECT_EQ(state.phases_done, 1u << EARLYINIT_PHASE_early);
  EXPECT_TRUE(earlyinit::testing::ChainOrderIs(EARLYINIT_SUBARCH_ID_pc, EARLYINIT_PHASE_early,
                                               {"fa", "fb", "fc"}));
}

TEST_F(FastWalk, AnEmptyChainRunsNothingAndCompletes) {
  const earlyinit_summary s = Run(EARLYINIT_PHASE_late, EARLYINIT_SUBARCH_ID_pc);
  EXPECT_EQ(calls, "");
  EXPECT_EQ(s.run, 0u);
  EXPECT_EQ(s.stopped, 0u);
  EXPECT_EQ(state.phases_done, 1u << EARLYINIT_PHASE_late);
}

TEST_F(FastWalk, AnOptionalFailureIsRecordedAndTheChainGoesOn) {
  const earlyinit_summary s = Run(EARLYINIT_PHASE_early, EARLYINIT_SUBARCH_ID_xen_pv);
  EXPECT_EQ(calls, "abc");
  EXPECT_EQ(s.run, 3u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.stopped, 0u);
  EXPECT_TRUE(fatals.empty());
  ASSERT_EQ(state.n_not_ok, 1u);
  EXPECT_STREQ(earlyinit_step_name(state.not_ok[0]), "fa");
  // ... and what depends on it, in the next phase (the general walk), does not run.
  EXPECT_EQ(Run(EARLYINIT_PHASE_setup_arch, EARLYINIT_SUBARCH_ID_xen_pv).stopped, 1u);
  EXPECT_EQ(calls, "abc");
}

TEST_F(FastWalk, ARequiredFailureStopsTheChain) {
  const earlyinit_summary s = Run(EARLYINIT_PHASE_early, EARLYINIT_SUBARCH_ID_lguest);
  EXPECT_EQ(calls, "ab");
  EXPECT_EQ(s.run, 2u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(s.stopped, 1u);
  ASSERT_EQ(fatals.size(), 1u);
  EXPECT_EQ(fatals[0], "earlyinit: required step fb failed on subarch lguest with code -7");
  EXPECT_EQ(state.phases_done, 0u);
}

// The traced walk (the general one) and the fast walk agree on every chain.
TEST_F(FastWalk, AgreesWithTheTracedWalk) {
  for (unsigned id : earlyinit::testing::EnabledSubarchs()) {
    earlyinit::testing::Recorder rec;
    calls.clear();
    const earlyinit_summary traced = earlyinit::testing::RunAllPhases(id, &rec);
    const std::string traced_calls = calls;
    calls.clear();
    earlyinit_summary fast = {0, 0, 0, 0};
    earlyinit_state_init(&state);
    for (int p = 0; p < EARLYINIT_NR_PHASES && !fast.stopped; ++p) {
      const earlyinit_summary s = Run(static_cast<earlyinit_phase>(p), id);
      fast.run += s.run;
      fast.failed += s.failed;
      fast.skipped += s.skipped;
      fast.stopped |= s.stopped;
    }
    EXPECT_EQ(calls, traced_calls) << earlyinit_subarch_name(id);
    EXPECT_EQ(fast.run, traced.run) << earlyinit_subarch_name(id);
    EXPECT_EQ(fast.failed, traced.failed) << earlyinit_subarch_name(id);
    EXPECT_EQ(fast.skipped, traced.skipped) << earlyinit_subarch_name(id);
    EXPECT_EQ(fast.stopped, traced.stopped) << earlyinit_subarch_name(id);
  }
}

}  // namespace
