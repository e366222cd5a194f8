// A phase added in a test configuration (config.h: its record and the
// sequence, nothing else) reaches everything that follows from
// earlyinit/phases.h: the enum and its name, the spec check and the step
// key, the chain tables, the dispatcher, and the phase notes in the
// metadata, from which the stock earlyinit-audit (built without the
// configuration) lists, checks and traces it.
#include <unistd.h>

#include <string>
#include <vector>

#include "earlyinit/earlyinit.h"
#include "earlyinit/testing.h"
#include "gtest/gtest.h"
#include "tests/support/process.h"

#define EARLYINIT_STEP_first_step EARLYINIT_SPEC(early, 10, 0100, required, )
#define EARLYINIT_STEP_last_step EARLYINIT_SPEC(final, 10, 0100, required, (first_step))

EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(first_step);
EARLYINIT_DEFINE_STEP(last_step);

static int first_fn(const earlyinit_context *) { return 0; }
static int last_fn(const earlyinit_context *ctx) { return ctx->phase == EARLYINIT_PHASE_final ? 0 : 1; }
EARLYINIT_IMPL(first_step, EARLYINIT_ALL, first_fn);
EARLYINIT_IMPL(last_step, EARLYINIT_ALL, last_fn);

namespace {

static_assert(EARLYINIT_NR_PHASES == 4, "the configuration's fourth phase is in the enum");
static_assert(EARLYINIT_PHASE_final == 3, "after late");

TEST(ExtraPhase, HasANameAndAChain) {
  EXPECT_STREQ(earlyinit_phase_name(EARLYINIT_PHASE_final), "final");
  const earlyinit_chain c = earlyinit_chain_of(EARLYINIT_PHASE_final, EARLYINIT_SUBARCH_ID_xen_pv);
  ASSERT_EQ(c.end - c.begin, 1);
  EXPECT_STREQ(earlyinit_step_name(earlyinit_entry_step(c.begin)), "last_step");
}

TEST(ExtraPhase, TheDispatcherRunsItLast) {
  earlyinit::testing::Recorder rec;
  const earlyinit_summary s = earlyinit::testing::RunAllPhases(EARLYINIT_SUBARCH_ID_pc, &rec);
  EXPECT_EQ(s.run, 2u);
  EXPECT_EQ(s.stopped, 0u);
  EXPECT_EQ(earlyinit::testing::ChainSteps(EARLYINIT_SUBARCH_ID_pc),
            (std::vector<std::string>{"early:first_step", "final:last_step"}));
}

// This test's own binary: its tables hold the steps above.
std::string Self() {
  char path[4096];
  const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  return n > 0 ? std::string(path, static_cast<size_t>(n)) : "";
}

std::string Audit() { return testsupport::SourceRoot() + "/src/audit/earlyinit-audit"; }

// The stock tool, built without the configuration, reads the phases from
// the binary's phase notes.
TEST(ExtraPhase, TheStockAuditListsMatrixesDiffsAndChecksIt) {
  const std::string self = Self();
  ASSERT_FALSE(self.empty());
  auto r = testsupport::Run({Audit(), "list", "--subarch", "pc", self});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("  final  "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("last_step"), std::string::npos) << r.output;
  r = testsupport::Run({Audit(), "check", self});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  r = testsupport::Run({Audit(), "matrix", self});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find("MISSING"), std::string::npos) << r.output;
  r = testsupport::Run({Audit(), "diff", "pc", "xen_pv", self});
  EXPECT_EQ(r.exit_code, 0) << r.output;
}

// The dispatcher's trace lines of one boot on pc (earlyinit_format_trace).
void OnTrace(const earlyinit_trace *t, void *user) {
  if (t->status == EARLYINIT_STARTING) return;
  char line[160];
  earlyinit_format_trace(line, sizeof line, t);
  *static_cast<std::string *>(user) += std::string(line) + "\n";
}

TEST(ExtraPhase, TheAuditParsesItsTraceLines) {
  std::string log;
  earlyinit_hooks hooks = {nullptr, &OnTrace, nullptr, &log};
  earlyinit_state state;
  earlyinit_state_init(&state);
  for (int p = 0; p < EARLYINIT_NR_PHASES; ++p)
    earlyinit_run_chain(static_cast<earlyinit_phase>(p), EARLYINIT_SUBARCH_ID_pc, nullptr, &hooks, &state);
  ASSERT_NE(log.find("earlyinit: pc final last_step ok"), std::string::npos) << log;
  const std::string path = testsupport::MakeTempDir("extra_phase") + "/boot.log";
  testsupport::WriteFile(path, log);

  // With the binary, the stock tool takes `final` for a phase.
  auto r = testsupport::Run({Audit(), "trace", "--binary", Self(), path});
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("last_step"), std::string::npos) << r.output;
  // Without it, only the library's default phases: the line is reported
  // as of an unknown phase, not dropped.
  r = testsupport::Run({Audit(), "trace", path});
  EXPECT_NE(r.output.find("unknown-phase"), std::string::npos) << r.output;
}

}  // namespace
