/*
 * earlyinit/phase_loop.h: the loop over the phases that carries data
 * (internal), for the tables of (phase, subarch) pairs.
 */
#ifndef EARLYINIT_PHASE_LOOP_H
#define EARLYINIT_PHASE_LOOP_H

#include "earlyinit/phases.h"
#include "earlyinit/pp.h"

/* @cond INTERNAL */
/*
 * EARLYINIT_I_FOR_PHASES_(m, d): m(d, p) for each phase p, in order: the
 * loop that carries data (a subarch), for the tables of (phase, subarch)
 * pairs. A walk takes no data, so this one reads the phases as arguments,
 * `early, setup_arch, late, <end>, ~`, and steps through them with one macro
 * per position, up to EARLYINIT_MAX_PHASES (then it stops: tables.h has
 * already failed the build). Usable inside EARLYINIT_I_WALK_.
 */
#define EARLYINIT_I_FOR_PHASES_(m, d) EARLYINIT_I_FOR_PHASES_I_(m, d, EARLYINIT_PHASES)
#define EARLYINIT_I_FOR_PHASES_I_(m, d, seq) EARLYINIT_I_FP_(m, d, EARLYINIT_I_PHASE_ARGS_A seq)
#define EARLYINIT_I_FP_(m, d, ...) EARLYINIT_I_FP_0_(m, d, __VA_ARGS__, ~)
/* (a)(b)(c) -> a, b, c, EARLYINIT_I_PHASE_ARGS_B: the name left over ends the list. */
#define EARLYINIT_I_PHASE_ARGS_A(x) x, EARLYINIT_I_PHASE_ARGS_B
#define EARLYINIT_I_PHASE_ARGS_B(x) x, EARLYINIT_I_PHASE_ARGS_A
#define EARLYINIT_I_FP_END_EARLYINIT_I_PHASE_ARGS_A ()
#define EARLYINIT_I_FP_END_EARLYINIT_I_PHASE_ARGS_B ()
#define EARLYINIT_I_FP_AT_END_(x) EARLYINIT_I_IS_PAREN_(EARLYINIT_I_CAT_(EARLYINIT_I_FP_END_, x))
#define EARLYINIT_I_FP_0_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_0_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_0_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_1_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_1_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_1_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_1_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_2_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_2_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_2_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_2_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_3_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_3_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_3_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_3_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_4_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_4_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_4_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_4_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_5_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_5_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_5_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_5_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_6_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_6_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_6_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_6_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_7_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_7_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_7_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_7_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_8_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_8_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_8_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_8_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_9_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_9_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_9_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_9_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_10_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_10_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_10_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_10_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_11_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_11_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_11_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_11_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_12_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_12_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_12_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_12_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_13_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_13_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_13_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_13_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_14_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_14_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_14_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_14_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_15_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_15_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_15_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_15_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_16_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_16_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_16_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_16_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_17_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_17_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_17_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_17_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_18_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_18_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_18_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_18_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_19_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_19_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_19_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_19_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_20_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_20_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_20_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_20_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_21_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_21_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_21_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_21_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_22_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_22_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_22_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_22_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_23_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_23_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_23_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_23_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_24_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_24_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_24_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_24_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_25_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_25_(m, d, x, ...) \
  EARLYINIT_I_IIF_(EARLYINIT_I_FP_AT_END_(x), EARLYINIT_I_NOTHING_, EARLYINIT_I_FP_25_GO_)(m, d, x, __VA_ARGS__)
#define EARLYINIT_I_FP_25_GO_(m, d, x, ...) m(d, x) EARLYINIT_I_FP_26_(m, d, __VA_ARGS__)
#define EARLYINIT_I_FP_26_(...)
/* @endcond */

#endif /* EARLYINIT_PHASE_LOOP_H */
