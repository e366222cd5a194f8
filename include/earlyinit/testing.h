/// @file
/// earlyinit/testing.h: GoogleTest helpers for a program's chains (hosted
/// only). They read the program's own tables, run chains with a recording
/// tracer, and assert parity, membership and order.
///
///   TEST(Boot, EveryChainHasKasan) {
///     for (unsigned s : earlyinit::testing::EnabledSubarchs())
///       EXPECT_TRUE(earlyinit::testing::ChainContains(s, "kasan_early"));
///   }
///   TEST(Boot, Parity) { EXPECT_TRUE(earlyinit::testing::ChainsHaveParity()); }
///
///   class EachSubarch : public earlyinit::testing::SubarchTest {};
///   TEST_P(EachSubarch, RunsCleanly) { ... GetParam() is a subarch id ... }
///   EARLYINIT_INSTANTIATE_FOR_EACH_SUBARCH(EachSubarch);
#ifndef EARLYINIT_TESTING_H
#define EARLYINIT_TESTING_H

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "earlyinit/earlyinit.h"
#include "gtest/gtest.h"

namespace earlyinit {
namespace testing {

/// One trace event, as recorded.
struct Event {
  std::string step;        ///< the step's name
  unsigned subarch;        ///< earlyinit subarch id
  earlyinit_phase phase;   ///< the phase
  earlyinit_status status; ///< STARTING, OK, FAILED or SKIPPED
  int code;                ///< the step's return value
  std::string dep;         ///< SKIPPED: the dependency that did not run
  const void* fn;          ///< the implementing function
};

/// Records every trace event and every fatal report (formatted).
class Recorder {
 public:
  Recorder() { hooks_ = {&Recorder::OnFatal, &Recorder::OnTrace, nullptr, this}; }
  Recorder(const Recorder&) = delete;  // the hooks point at this object
  Recorder& operator=(const Recorder&) = delete;
  /// The hooks to pass to the dispatcher (they record into this object).
  const earlyinit_hooks* hooks() const { return &hooks_; }
  /// Forgets what was recorded.
  void Reset() {
    events.clear();
    fatals.clear();
  }
  std::vector<Event> events;       ///< every trace event, in order
  std::vector<std::string> fatals; ///< every fatal report, formatted
  /// "phase:step" of the steps that ran and returned 0, in order.
  std::vector<std::string> Ran() const {
    std::vector<std::string> out;
    for (const Event& e : events)
      if (e.status == EARLYINIT_OK)
        out.push_back(std::string(earlyinit_phase_name(e.phase)) + ":" + e.step);
    return out;
  }

 private:
  static void OnTrace(const earlyinit_trace* t, void* user) {
    static_cast<Recorder*>(user)->events.push_back(
        {t->step, t->subarch, t->phase, t->status, t->code, t->dep ? t->dep : "", t->fn});
  }
  static void OnFatal(const earlyinit_fatal* f, void* user) {
    char line[256];
    earlyinit_format_fatal(line, sizeof line, f);
    static_cast<Recorder*>(user)->fatals.push_back(line);
  }
  earlyinit_hooks hooks_;
};

/// The enabled subarch ids, from the program's earlyinit_subarchs table.
inline std::vector<unsigned> EnabledSubarchs() {
  std::vector<unsigned> ids;
  LINKTABLE_FOREACH(s, earlyinit_subarchs) ids.push_back(s->id);
  return ids;
}

/// Every declared step's name.
inline std::set<std::string> DeclaredSteps() {
  std::set<std::string> steps;
  LINKTABLE_FOREACH(s, earlyinit_steps) steps.insert(earlyinit_step_name(s));
  return steps;
}

/// "phase:step" of a subarch's chains in run order, read from the tables.
inline std::vector<std::string> ChainSteps(unsigned subarch) {
  std::vector<std::string> out;
  for (int p = 0; p < EARLYINIT_NR_PHASES; ++p) {
    earlyinit_chain c = earlyinit_chain_of(static_cast<earlyinit_phase>(p), subarch);
    for (const earlyinit_entry* e = c.begin; e < c.end; ++e)
      out.push_back(std::string(earlyinit_phase_name(static_cast<earlyinit_phase>(p))) + ":" +
                    earlyinit_step_name(earlyinit_entry_step(e)));
  }
  return out;
}

/// Runs all phases of a subarch's chain, as one boot.
inline earlyinit_summary RunAllPhases(unsigned subarch, Recorder* rec,
                                      const void* boot = nullptr) {
  earlyinit_state state;
  earlyinit_state_init(&state);
  earlyinit_summary total = {0, 0, 0, 0};
  for (int p = 0; p < EARLYINIT_NR_PHASES && !total.stopped; ++p) {
    earlyinit_summary s =
        earlyinit_run_chain(static_cast<earlyinit_phase>(p), subarch, boot, rec->hooks(), &state);
    total.run += s.run;
    total.failed += s.failed;
    total.skipped += s.skipped;
    total.stopped |= s.stopped;
  }
  return total;
}

/// The step is in the subarch's chain (implemented there, not exempt).
inline ::testing::AssertionResult ChainContains(unsigned subarch, const std::string& step) {
  for (const std::string& s : ChainSteps(subarch))
    if (s.substr(s.find(':') + 1) == step) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "the chain of " << earlyinit_subarch_name(subarch) << " has no step " << step;
}

/// Every enabled subarch implements every declared step, except declared
/// exemptions; reports every pair that does not hold.
inline ::testing::AssertionResult ChainsHaveParity() {
  std::string problems;
  const std::set<std::string> declared = DeclaredSteps();
  for (unsigned id : EnabledSubarchs()) {
    std::multiset<std::string> have;
    for (const std::string& s : ChainSteps(id)) have.insert(s.substr(s.find(':') + 1));
    for (const std::string& step : declared) {
      bool exempt = false;
      LINKTABLE_FOREACH(d, earlyinit_steps)
      if (step == earlyinit_step_name(d)) exempt = earlyinit_is_exempt(d, id);
      const size_t n = have.count(step);
      if (n + (exempt ? 1 : 0) != 1)
        problems += " " + step + " on " + earlyinit_subarch_name(id) + " (" +
                    std::to_string(n) + " implementations, " + (exempt ? "exempt" : "not exempt") +
                    ");";
    }
  }
  if (problems.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "parity broken:" << problems;
}

/// The subarch's chain of one phase is exactly `steps`, in order.
inline ::testing::AssertionResult ChainOrderIs(unsigned subarch, earlyinit_phase phase,
                                               const std::vector<std::string>& steps) {
  std::vector<std::string> got;
  earlyinit_chain c = earlyinit_chain_of(phase, subarch);
  for (const earlyinit_entry* e = c.begin; e < c.end; ++e)
    got.push_back(earlyinit_step_name(earlyinit_entry_step(e)));
  if (got == steps) return ::testing::AssertionSuccess();
  std::string g;
  for (const auto& s : got) g += " " + s;
  return ::testing::AssertionFailure() << earlyinit_subarch_name(subarch) << " "
                                       << earlyinit_phase_name(phase) << " runs" << g;
}

/// A parameterized test over every enabled subarch id.
class SubarchTest : public ::testing::TestWithParam<unsigned> {};

}  // namespace testing
}  // namespace earlyinit

/// Instantiates a SubarchTest suite once per enabled subarch id.
#define EARLYINIT_INSTANTIATE_FOR_EACH_SUBARCH(suite)                                   \
  INSTANTIATE_TEST_SUITE_P(AllSubarchs, suite,                                          \
                           ::testing::ValuesIn(::earlyinit::testing::EnabledSubarchs()), \
                           [](const ::testing::TestParamInfo<unsigned>& info) {          \
                             return std::string(earlyinit_subarch_name(info.param));     \
                           })

#endif  // EARLYINIT_TESTING_H
