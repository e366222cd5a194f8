/*
 * bench/dispatch/main.c: runs one variant once, for callgrind.
 *
 *   dispatch VARIANT SUBARCH_ID [empty]
 *
 * VARIANT: a, at (traced), b, c, d_sort, d_walk. With `empty`, the same
 * function runs an empty chain: its count is the baseline subtracted from
 * the full run. tools/bench counts only the variant's function
 * (--toggle-collect), so start-up and this file are never counted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/dispatch/variants.h"

static earlyinit_state state;

static void usage(void) {
  fprintf(stderr, "usage: dispatch a|at|b|c|d_sort|d_walk SUBARCH_ID [empty]\n");
  exit(2);
}

int main(int argc, char **argv) {
  if (argc < 3 || argc > 4 || (argc == 4 && strcmp(argv[3], "empty") != 0)) usage();
  const char *v = argv[1];
  const unsigned subarch = (unsigned)atoi(argv[2]);
  const int empty = argc == 4;
  const earlyinit_hooks plain = {0, 0, 0, 0};
  const earlyinit_hooks traced = {0, bench_trace, 0, 0};
  const enum earlyinit_phase phase = empty ? EARLYINIT_PHASE_late : EARLYINIT_PHASE_early;
  int code = 0;
  earlyinit_state_init(&state);
  if (!strcmp(v, "a")) {
    code = (int)bench_a(phase, subarch, &plain, &state).stopped;
  } else if (!strcmp(v, "at")) {
    code = (int)bench_at(phase, subarch, &traced, &state).stopped;
  } else if (!strcmp(v, "b")) {
    code = bench_b(empty ? BENCH_NO_SUBARCH : subarch);
  } else if (!strcmp(v, "c")) {
    code = bench_c(empty ? BENCH_NO_SUBARCH : subarch);
  } else if (!strcmp(v, "d_sort") || !strcmp(v, "d_walk")) {
    const size_t n = empty ? 0 : BENCH_SHARED_ENTRIES;
    bench_d_sort(bench_x86_init_fns, n);
    code = bench_d_walk(bench_x86_init_fns, n, subarch);
  } else {
    usage();
  }
  return code ? 1 : 0;
}
