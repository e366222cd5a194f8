/*
 * bench/dispatch/variants.h: the four ways of running one subarch's chain
 * that the dispatch benchmark compares. Each is one function,
 * never inlined nor cloned (noipa), so that callgrind's --toggle-collect can
 * count exactly its instructions, and the compiler knows nothing about its
 * arguments at the call site.
 *
 *   (a)  bench_a / bench_at   earlyinit_run_chain, without / with a trace hook
 *   (b)  bench_b              the hand-written sequence of direct calls
 *   (c)  bench_c              an array of function pointers walked in a loop
 *   (d)  bench_d_sort,        one x86_init_fn table for all subarchs, sorted
 *        bench_d_walk         at boot by order level, filtered by bitmask
 *
 * Every variant calls the same step functions and stops at the first
 * non-zero return, so all do the same work.
 */
#ifndef BENCH_DISPATCH_VARIANTS_H
#define BENCH_DISPATCH_VARIANTS_H

#include <stddef.h>

#include "bench_steps.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A subarch id for which (b) and (c) pick an empty chain: the baseline. */
#define BENCH_NO_SUBARCH 63u

/* GCC's noipa also stops constant propagation into clones; clang has no
 * noipa, and does not specialize external functions. */
#if defined(__clang__)
#define BENCH_MEASURED __attribute__((noinline))
#else
#define BENCH_MEASURED __attribute__((noipa, noinline))
#endif

/* (a): phase `late` has no steps: its run is (a)'s baseline. */
earlyinit_summary bench_a(enum earlyinit_phase phase, unsigned subarch,
                          const earlyinit_hooks *hooks, earlyinit_state *state);
earlyinit_summary bench_at(enum earlyinit_phase phase, unsigned subarch,
                           const earlyinit_hooks *hooks, earlyinit_state *state);
/* The trace hook of bench_at: does nothing, in its own function. */
void bench_trace(const earlyinit_trace *t, void *user);

int bench_b(unsigned subarch);
int bench_c(unsigned subarch);

void bench_d_sort(struct bench_x86_init_fn *table, size_t n);
int bench_d_walk(const struct bench_x86_init_fn *table, size_t n, unsigned subarch);

#ifdef __cplusplus
}
#endif

#endif /* BENCH_DISPATCH_VARIANTS_H */
