// The benchmark's variants do the same work: for every subarch, (a) with
// and without a trace hook, (b), (c) and (d) each call exactly that
// subarch's steps, in key order, once. Built twice (bench/BUILD): with N
// steps per subarch, and with ten times more for every subarch but pc.
// Nothing here is about speed.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bench/dispatch/variants.h"
#include "expected.h"

namespace {

std::vector<unsigned> g_log;

struct Chain {
  const char *name;
  unsigned id;
  std::vector<unsigned> expected;
};

#define BENCH_TEST_CHAIN_(s)                                             \
  Chain{#s, EARLYINIT_SUBARCH_ID_##s,                                    \
        std::vector<unsigned>(bench_expected_##s,                        \
                              bench_expected_##s +                       \
                                  sizeof bench_expected_##s / sizeof(unsigned))}

std::vector<Chain> Chains() {
  return {BENCH_TEST_CHAIN_(pc),     BENCH_TEST_CHAIN_(lguest), BENCH_TEST_CHAIN_(xen_pv),
          BENCH_TEST_CHAIN_(intel_mid), BENCH_TEST_CHAIN_(ce4100), BENCH_TEST_CHAIN_(xen_pvh)};
}

// The ids a chain must run: its steps in key order (id = step * 8 + subarch).
TEST(BenchVariants, ExpectedChainsAreWhatTheGeneratorPromises) {
  for (const Chain &c : Chains()) {
    const size_t n = c.id == EARLYINIT_SUBARCH_ID_pc ? BENCH_N : BENCH_N * BENCH_GROWTH;
    ASSERT_EQ(c.expected.size(), n) << c.name;
    for (size_t i = 0; i < n; ++i) EXPECT_EQ(c.expected[i] % 8, c.id) << c.name;
    EXPECT_TRUE(std::is_sorted(c.expected.begin(), c.expected.end())) << c.name;
  }
}

TEST(BenchVariants, EarlyinitRunsEachChainInOrder) {
  const earlyinit_hooks plain = {0, 0, 0, 0};
  const earlyinit_hooks traced = {0, bench_trace, 0, 0};
  for (const Chain &c : Chains()) {
    for (const earlyinit_hooks *h : {&plain, &traced}) {
      earlyinit_state state;
      earlyinit_state_init(&state);
      g_log.clear();
      const earlyinit_summary s = h == &plain ? bench_a(EARLYINIT_PHASE_early, c.id, h, &state)
                                              : bench_at(EARLYINIT_PHASE_early, c.id, h, &state);
      EXPECT_EQ(g_log, c.expected) << c.name << (h == &plain ? "" : " traced");
      EXPECT_EQ(s.run, c.expected.size());
      EXPECT_EQ(s.stopped, 0u);
      // The baseline run: phase late has no steps.
      g_log.clear();
      EXPECT_EQ(bench_a(EARLYINIT_PHASE_late, c.id, h, &state).run, 0u);
      EXPECT_TRUE(g_log.empty());
    }
  }
}

TEST(BenchVariants, DirectCallsRunEachChainInOrder) {
  for (const Chain &c : Chains()) {
    g_log.clear();
    EXPECT_EQ(bench_b(c.id), 0);
    EXPECT_EQ(g_log, c.expected) << c.name;
  }
  g_log.clear();
  EXPECT_EQ(bench_b(BENCH_NO_SUBARCH), 0);
  EXPECT_TRUE(g_log.empty());
}

TEST(BenchVariants, ArrayOfPointersRunsEachChainInOrder) {
  for (const Chain &c : Chains()) {
    g_log.clear();
    EXPECT_EQ(bench_c(c.id), 0);
    EXPECT_EQ(g_log, c.expected) << c.name;
  }
  g_log.clear();
  EXPECT_EQ(bench_c(BENCH_NO_SUBARCH), 0);
  EXPECT_TRUE(g_log.empty());
}

bool SortedByLevel(const bench_x86_init_fn *t, size_t n) {
  for (size_t i = 1; i < n; ++i)
    if (t[i - 1].order_level > t[i].order_level) return false;
  return true;
}

TEST(BenchVariants, SharedTableIsSortedAtBootThenFilteredPerSubarch) {
  std::vector<bench_x86_init_fn> table(bench_x86_init_fns,
                                       bench_x86_init_fns + BENCH_SHARED_ENTRIES);
  // In link order (grouped by subarch) the boot sort has work to do.
  ASSERT_FALSE(SortedByLevel(table.data(), table.size()));
  bench_d_sort(table.data(), table.size());
  ASSERT_TRUE(SortedByLevel(table.data(), table.size()));
  for (const Chain &c : Chains()) {
    g_log.clear();
    EXPECT_EQ(bench_d_walk(table.data(), table.size(), c.id), 0);
    EXPECT_EQ(g_log, c.expected) << c.name;
  }
  g_log.clear();
  EXPECT_EQ(bench_d_walk(table.data(), 0, EARLYINIT_SUBARCH_ID_pc), 0);
  EXPECT_TRUE(g_log.empty());
}

// The benchmark's (d) sorts the table as linked, in place: a permutation.
TEST(BenchVariants, SharedTableSortKeepsEveryEntry) {
  std::vector<bench_x86_init_fn> table(bench_x86_init_fns,
                                       bench_x86_init_fns + BENCH_SHARED_ENTRIES);
  bench_d_sort(table.data(), table.size());
  auto key = [](const bench_x86_init_fn &e) {
    return std::make_pair(e.order_level, e.supp_hardware_subarch);
  };
  std::vector<std::pair<uint32_t, uint32_t>> before, after;
  for (size_t i = 0; i < BENCH_SHARED_ENTRIES; ++i) before.push_back(key(bench_x86_init_fns[i]));
  for (const auto &e : table) after.push_back(key(e));
  // Steps share a level across subarchs; the heap sort may swap those.
  std::sort(before.begin(), before.end());
  std::sort(after.begin(), after.end());
  EXPECT_EQ(before, after);
}

}  // namespace

extern "C" void bench_record(unsigned id) { g_log.push_back(id); }
