/* bench/dispatch/variants.c: see variants.h. */
#include "bench/dispatch/variants.h"

/* The benchmark's own loops over the subarchs (earlyinit's headers use no
 * Boost; this hosted program may). */
#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/seq/for_each.hpp>

BENCH_MEASURED earlyinit_summary bench_a(enum earlyinit_phase phase, unsigned subarch,
                                         const earlyinit_hooks *hooks, earlyinit_state *state) {
  return earlyinit_run_chain(phase, subarch, 0, hooks, state);
}

/* The same call; a separate symbol so that it is counted on its own. */
BENCH_MEASURED earlyinit_summary bench_at(enum earlyinit_phase phase, unsigned subarch,
                                          const earlyinit_hooks *hooks, earlyinit_state *state) {
  return earlyinit_run_chain(phase, subarch, 0, hooks, state);
}

BENCH_MEASURED void bench_trace(const earlyinit_trace *t, void *user) {
  (void)t;
  (void)user;
}

static int bench_direct_empty(const earlyinit_context *ctx) {
  (void)ctx;
  return 0;
}

BENCH_MEASURED int bench_b(unsigned subarch) {
  earlyinit_context ctx = {0, subarch, EARLYINIT_PHASE_early, 0};
  switch (subarch) {
#define BENCH_B_CASE_(r, data, s) \
  case EARLYINIT_SUBARCH_ID(s):   \
    return BOOST_PP_CAT(bench_direct_, s)(&ctx);
    BOOST_PP_SEQ_FOR_EACH(BENCH_B_CASE_, ~, EARLYINIT_X86_SUBARCHS)
    default:
      return bench_direct_empty(&ctx);
  }
}

BENCH_MEASURED int bench_c(unsigned subarch) {
  earlyinit_context ctx = {0, subarch, EARLYINIT_PHASE_early, 0};
  earlyinit_fn *const *fns = 0;
  size_t n = 0, i;
  switch (subarch) {
#define BENCH_C_CASE_(r, data, s)               \
  case EARLYINIT_SUBARCH_ID(s):                 \
    fns = BOOST_PP_CAT(bench_array_, s);        \
    n = BOOST_PP_CAT(BENCH_COUNT_, s);          \
    break;
    BOOST_PP_SEQ_FOR_EACH(BENCH_C_CASE_, ~, EARLYINIT_X86_SUBARCHS)
    default:
      break;
  }
  for (i = 0; i < n; ++i) {
    const int code = fns[i](&ctx);
    if (code) return code;
  }
  return 0;
}

/* A heapsort by order level, as Linux's lib/sort.c sorts tables at boot. */
static void bench_sift_down(struct bench_x86_init_fn *t, size_t root, size_t n) {
  for (;;) {
    size_t child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && t[child + 1].order_level > t[child].order_level) ++child;
    if (t[root].order_level >= t[child].order_level) return;
    const struct bench_x86_init_fn tmp = t[root];
    t[root] = t[child];
    t[child] = tmp;
    root = child;
  }
}

BENCH_MEASURED void bench_d_sort(struct bench_x86_init_fn *t, size_t n) {
  size_t i;
  for (i = n / 2; i-- > 0;) bench_sift_down(t, i, n);
  for (i = n; i-- > 1;) {
    const struct bench_x86_init_fn tmp = t[0];
    t[0] = t[i];
    t[i] = tmp;
    bench_sift_down(t, 0, i);
  }
}

/* x86_init_fn_early_init(): skip entries without the subarch's bit. */
BENCH_MEASURED int bench_d_walk(const struct bench_x86_init_fn *t, size_t n, unsigned subarch) {
  earlyinit_context ctx = {0, subarch, EARLYINIT_PHASE_early, 0};
  const uint32_t bit = 1u << subarch;
  size_t i;
  for (i = 0; i < n; ++i) {
    if (!(t[i].supp_hardware_subarch & bit)) continue;
    const int code = t[i].early_init(&ctx);
    if (code) return code;
  }
  return 0;
}
