/**
 * @file
 * earlyinit/tables.h: the linker tables earlyinit is made of.
 *
 *   earlyinit_steps                one entry per declared step
 *   earlyinit_deps                 one entry per (step, dependency)
 *   earlyinit_\<phase\>__\<subarch\>   the chain: one entry per implemented step
 *   earlyinit_exempt__\<subarch\>    one entry per exempted step
 *   earlyinit_subarchs             one entry per enabled subarch
 *
 * All are declared here for the enabled subarchs, and defined by
 * EARLYINIT_DEFINE_TABLES() in exactly one file of the program. The
 * metadata they leave is described in docs/earlyinit.md.
 */
#ifndef EARLYINIT_TABLES_H
#define EARLYINIT_TABLES_H

#include "linktable/types.h"

#include "earlyinit/names.h"
#include "earlyinit/phase_loop.h"
#include "earlyinit/phases.h"
#include "earlyinit/pp.h"
#include "earlyinit/subarch.h"
#include "linktable/assert.h"
#include "linktable/linktable.h"
#include "earlyinit/phase_record.h"  // after linktable.h: misuse errors stay shallow

#ifdef __cplusplus
extern "C" {
#endif

/* @cond INTERNAL */
#define EARLYINIT_I_WALK_PHASE_ENUM_A(p) EARLYINIT_PHASE_##p = EARLYINIT_PHASE_NUM(p), EARLYINIT_I_WALK_PHASE_ENUM_B
#define EARLYINIT_I_WALK_PHASE_ENUM_B(p) EARLYINIT_PHASE_##p = EARLYINIT_PHASE_NUM(p), EARLYINIT_I_WALK_PHASE_ENUM_A
#define EARLYINIT_I_WALK_PHASE_ENUM_A_END
#define EARLYINIT_I_WALK_PHASE_ENUM_B_END
/* @endcond */

/** Dispatch points (earlyinit/phases.h): EARLYINIT_PHASE_early,
 *  EARLYINIT_PHASE_setup_arch, EARLYINIT_PHASE_late. A step belongs to one. */
enum earlyinit_phase {
  EARLYINIT_I_WALK_(EARLYINIT_I_WALK_PHASE_ENUM, EARLYINIT_PHASES)
  EARLYINIT_NR_PHASES = EARLYINIT_I_SEQ_SIZE_(EARLYINIT_PHASES) /**< how many there are */
};

/* @cond INTERNAL */
/* Each phase's ordinal is its position in EARLYINIT_PHASES: the dispatcher
 * indexes by it, and its walk is in that order. A walker per position,
 * EARLYINIT_I_PHASE_AT_<i>, knows i. Past EARLYINIT_MAX_PHASES the list is
 * refused (the loops over phases stop there, EARLYINIT_I_FOR_PHASES_). */
#define EARLYINIT_I_PHASE_AT_(p, i)                                             \
  LINKTABLE_I_STATIC_ASSERT_(EARLYINIT_PHASE_NUM(p) == i,                       \
                             "earlyinit: phase " #p " has ordinal "              \
                             EARLYINIT_I_STR_(EARLYINIT_PHASE_NUM(p))            \
                             " (expected its position in EARLYINIT_PHASES, "     \
                             #i ")");
#define EARLYINIT_I_PHASE_AT_0(p) EARLYINIT_I_PHASE_AT_(p, 0) EARLYINIT_I_PHASE_AT_1
#define EARLYINIT_I_PHASE_AT_0_END
#define EARLYINIT_I_PHASE_AT_1(p) EARLYINIT_I_PHASE_AT_(p, 1) EARLYINIT_I_PHASE_AT_2
#define EARLYINIT_I_PHASE_AT_1_END
#define EARLYINIT_I_PHASE_AT_2(p) EARLYINIT_I_PHASE_AT_(p, 2) EARLYINIT_I_PHASE_AT_3
#define EARLYINIT_I_PHASE_AT_2_END
#define EARLYINIT_I_PHASE_AT_3(p) EARLYINIT_I_PHASE_AT_(p, 3) EARLYINIT_I_PHASE_AT_4
#define EARLYINIT_I_PHASE_AT_3_END
#define EARLYINIT_I_PHASE_AT_4(p) EARLYINIT_I_PHASE_AT_(p, 4) EARLYINIT_I_PHASE_AT_5
#define EARLYINIT_I_PHASE_AT_4_END
#define EARLYINIT_I_PHASE_AT_5(p) EARLYINIT_I_PHASE_AT_(p, 5) EARLYINIT_I_PHASE_AT_6
#define EARLYINIT_I_PHASE_AT_5_END
#define EARLYINIT_I_PHASE_AT_6(p) EARLYINIT_I_PHASE_AT_(p, 6) EARLYINIT_I_PHASE_AT_7
#define EARLYINIT_I_PHASE_AT_6_END
#define EARLYINIT_I_PHASE_AT_7(p) EARLYINIT_I_PHASE_AT_(p, 7) EARLYINIT_I_PHASE_AT_8
#define EARLYINIT_I_PHASE_AT_7_END
#define EARLYINIT_I_PHASE_AT_8(p) EARLYINIT_I_PHASE_AT_(p, 8) EARLYINIT_I_PHASE_AT_9
#define EARLYINIT_I_PHASE_AT_8_END
#define EARLYINIT_I_PHASE_AT_9(p) EARLYINIT_I_PHASE_AT_(p, 9) EARLYINIT_I_PHASE_AT_10
#define EARLYINIT_I_PHASE_AT_9_END
#define EARLYINIT_I_PHASE_AT_10(p) EARLYINIT_I_PHASE_AT_(p, 10) EARLYINIT_I_PHASE_AT_11
#define EARLYINIT_I_PHASE_AT_10_END
#define EARLYINIT_I_PHASE_AT_11(p) EARLYINIT_I_PHASE_AT_(p, 11) EARLYINIT_I_PHASE_AT_12
#define EARLYINIT_I_PHASE_AT_11_END
#define EARLYINIT_I_PHASE_AT_12(p) EARLYINIT_I_PHASE_AT_(p, 12) EARLYINIT_I_PHASE_AT_13
#define EARLYINIT_I_PHASE_AT_12_END
#define EARLYINIT_I_PHASE_AT_13(p) EARLYINIT_I_PHASE_AT_(p, 13) EARLYINIT_I_PHASE_AT_14
#define EARLYINIT_I_PHASE_AT_13_END
#define EARLYINIT_I_PHASE_AT_14(p) EARLYINIT_I_PHASE_AT_(p, 14) EARLYINIT_I_PHASE_AT_15
#define EARLYINIT_I_PHASE_AT_14_END
#define EARLYINIT_I_PHASE_AT_15(p) EARLYINIT_I_PHASE_AT_(p, 15) EARLYINIT_I_PHASE_AT_16
#define EARLYINIT_I_PHASE_AT_15_END
#define EARLYINIT_I_PHASE_AT_16(p) EARLYINIT_I_PHASE_AT_(p, 16) EARLYINIT_I_PHASE_AT_17
#define EARLYINIT_I_PHASE_AT_16_END
#define EARLYINIT_I_PHASE_AT_17(p) EARLYINIT_I_PHASE_AT_(p, 17) EARLYINIT_I_PHASE_AT_18
#define EARLYINIT_I_PHASE_AT_17_END
#define EARLYINIT_I_PHASE_AT_18(p) EARLYINIT_I_PHASE_AT_(p, 18) EARLYINIT_I_PHASE_AT_19
#define EARLYINIT_I_PHASE_AT_18_END
#define EARLYINIT_I_PHASE_AT_19(p) EARLYINIT_I_PHASE_AT_(p, 19) EARLYINIT_I_PHASE_AT_20
#define EARLYINIT_I_PHASE_AT_19_END
#define EARLYINIT_I_PHASE_AT_20(p) EARLYINIT_I_PHASE_AT_(p, 20) EARLYINIT_I_PHASE_AT_21
#define EARLYINIT_I_PHASE_AT_20_END
#define EARLYINIT_I_PHASE_AT_21(p) EARLYINIT_I_PHASE_AT_(p, 21) EARLYINIT_I_PHASE_AT_22
#define EARLYINIT_I_PHASE_AT_21_END
#define EARLYINIT_I_PHASE_AT_22(p) EARLYINIT_I_PHASE_AT_(p, 22) EARLYINIT_I_PHASE_AT_23
#define EARLYINIT_I_PHASE_AT_22_END
#define EARLYINIT_I_PHASE_AT_23(p) EARLYINIT_I_PHASE_AT_(p, 23) EARLYINIT_I_PHASE_AT_24
#define EARLYINIT_I_PHASE_AT_23_END
#define EARLYINIT_I_PHASE_AT_24(p) EARLYINIT_I_PHASE_AT_(p, 24) EARLYINIT_I_PHASE_AT_25
#define EARLYINIT_I_PHASE_AT_24_END
#define EARLYINIT_I_PHASE_AT_25(p) EARLYINIT_I_PHASE_AT_(p, 25) EARLYINIT_I_PHASE_AT_26
#define EARLYINIT_I_PHASE_AT_25_END
#define EARLYINIT_I_PHASE_AT_26(p) EARLYINIT_I_PHASE_AT_EAT_A
#define EARLYINIT_I_PHASE_AT_26_END
#define EARLYINIT_I_PHASE_AT_EAT_A(p) EARLYINIT_I_PHASE_AT_EAT_B
#define EARLYINIT_I_PHASE_AT_EAT_B(p) EARLYINIT_I_PHASE_AT_EAT_A
#define EARLYINIT_I_PHASE_AT_EAT_A_END
#define EARLYINIT_I_PHASE_AT_EAT_B_END
/* Outside the walk: a short macro backtrace. */
LINKTABLE_I_STATIC_ASSERT_(EARLYINIT_I_SEQ_SIZE_(EARLYINIT_PHASES) <= EARLYINIT_MAX_PHASES,
                           "earlyinit: EARLYINIT_PHASES has more than "
                           EARLYINIT_I_STR_(EARLYINIT_MAX_PHASES) " phases (expected at most "
                           "EARLYINIT_MAX_PHASES: a key letter each, A to Z)");
EARLYINIT_I_WALK_FROM_(EARLYINIT_I_PHASE_AT_0, EARLYINIT_PHASES)
/* @endcond */

/** What a step function receives. */
typedef struct earlyinit_context {
  /** What the entry received from its loader, as earlyinit_run_chain was
   *  given it (x86: the zero page, earlyinit_x86_boot_params); may be 0 */
  const void *boot;
  /** @{ */
  unsigned subarch;                                /**< earlyinit subarch id */
  enum earlyinit_phase phase;
  /** @} */
  void *user; /**< the caller's, from earlyinit_hooks */
} earlyinit_context;

/** A step function: 0 on success, any other value is an error code. */
typedef int earlyinit_fn(const earlyinit_context *ctx);

/** An entry of a chain: the function, and the step it implements. */
struct earlyinit_entry {
  linktable_rel fn;   /**< the step function (earlyinit_fn) */
  linktable_rel step; /**< low bits: EARLYINIT_ENTRY_HAS_DEPS, _OPTIONAL */
};

/** A declared step: its name and an info word (EARLYINIT_STEP_INFO). */
struct earlyinit_step {
  linktable_rel name; /**< the step's name, a C string */
  uint32_t info;      /**< EARLYINIT_STEP_INFO(phase, optional, ndeps) */
};

/** Pack phase, policy (0 required, 1 optional) and number of deps. */
#define EARLYINIT_STEP_INFO(phase, optional, ndeps)                     \
  ((uint32_t)(phase) | (uint32_t)(optional) << EARLYINIT_STEP_INFO_OPTIONAL_SHIFT | \
   (uint32_t)(ndeps) << EARLYINIT_STEP_INFO_NDEPS_SHIFT)
/** The phase in an info word. */
#define EARLYINIT_STEP_PHASE(info) ((info)&EARLYINIT_STEP_INFO_PHASE_MASK)
/** 1 if the info word's step is optional. */
#define EARLYINIT_STEP_OPTIONAL(info) (((info) >> EARLYINIT_STEP_INFO_OPTIONAL_SHIFT) & 1)
/** The number of dependencies in an info word. */
#define EARLYINIT_STEP_NDEPS(info) ((info) >> EARLYINIT_STEP_INFO_NDEPS_SHIFT)

/** A dependency: `step` must run after `dep`. */
struct earlyinit_dep {
  linktable_rel step; /**< the dependent step (struct earlyinit_step) */
  linktable_rel dep;  /**< the step it needs */
};

/** An exemption of `step` on the subarch of its table. */
struct earlyinit_exemption {
  linktable_rel step; /**< the exempted step (struct earlyinit_step) */
};

/** An enabled subarch. */
struct earlyinit_subarch_entry {
  uint32_t id; /**< an enabled subarch id */
};

/* @cond INTERNAL */
#define EARLYINIT_I_CHAIN_TABLE_(phase, s) EARLYINIT_I_CHAIN_TABLE_I_(phase, s)
#define EARLYINIT_I_CHAIN_TABLE_I_(phase, s) earlyinit_##phase##__##s
#define EARLYINIT_I_EXEMPT_TABLE_(s) EARLYINIT_I_CAT_(earlyinit_exempt__, s)

#define EARLYINIT_I_DECLARE_CHAIN_(s, phase)                                    \
  LINKTABLE_DECLARE(EARLYINIT_I_CHAIN_TABLE_(phase, s), struct earlyinit_entry,  \
                    EARLYINIT_CHAIN_KEY_WIDTH);
#define EARLYINIT_I_DECLARE_SUBARCH_TABLES_(s)                                  \
  EARLYINIT_I_FOR_PHASES_(EARLYINIT_I_DECLARE_CHAIN_, s)                       \
  LINKTABLE_DECLARE(EARLYINIT_I_EXEMPT_TABLE_(s), struct earlyinit_exemption,    \
                    EARLYINIT_CHAIN_KEY_WIDTH);
#define EARLYINIT_I_WALK_DECLARE_SUBARCH_TABLES_A(s) \
  EARLYINIT_I_DECLARE_SUBARCH_TABLES_(s) EARLYINIT_I_WALK_DECLARE_SUBARCH_TABLES_B
#define EARLYINIT_I_WALK_DECLARE_SUBARCH_TABLES_B(s) \
  EARLYINIT_I_DECLARE_SUBARCH_TABLES_(s) EARLYINIT_I_WALK_DECLARE_SUBARCH_TABLES_A
#define EARLYINIT_I_WALK_DECLARE_SUBARCH_TABLES_A_END
#define EARLYINIT_I_WALK_DECLARE_SUBARCH_TABLES_B_END

/* An id's key, two digits: ID05, ID42. */
#define EARLYINIT_I_SUBARCH_KEY_(id)                                           \
  EARLYINIT_I_CAT_(EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(EARLYINIT_I_CAT_(EARLYINIT_I_ONE_DIGIT_, id)), \
                                    ID0, ID), id)
#define EARLYINIT_I_ONE_DIGIT_0 ()
#define EARLYINIT_I_ONE_DIGIT_1 ()
#define EARLYINIT_I_ONE_DIGIT_2 ()
#define EARLYINIT_I_ONE_DIGIT_3 ()
#define EARLYINIT_I_ONE_DIGIT_4 ()
#define EARLYINIT_I_ONE_DIGIT_5 ()
#define EARLYINIT_I_ONE_DIGIT_6 ()
#define EARLYINIT_I_ONE_DIGIT_7 ()
#define EARLYINIT_I_ONE_DIGIT_8 ()
#define EARLYINIT_I_ONE_DIGIT_9 ()
/* Each chain is followed, past its end marker, by a sentinel entry whose
 * function returns non-zero: the dispatcher's hot loop then needs no test
 * for the end, only the one for a step's result (dispatch.h). */
#define EARLYINIT_I_SENTINEL_ASM_                                              \
  ".long " EARLYINIT_CHAIN_END_SYMBOL " - .\n.long 0\n"
#define EARLYINIT_I_DEFINE_CHAIN_(s, phase)                                     \
  LINKTABLE_I_DEFINE_TRAILED_(EARLYINIT_I_CHAIN_TABLE_(phase, s),                \
                              EARLYINIT_I_SENTINEL_ASM_);
#define EARLYINIT_I_DEFINE_SUBARCH_TABLES_(s)                                   \
  EARLYINIT_I_FOR_PHASES_(EARLYINIT_I_DEFINE_CHAIN_, s)                        \
  LINKTABLE_DEFINE(EARLYINIT_I_EXEMPT_TABLE_(s));                                \
  LINKTABLE_RECORD(earlyinit_subarchs,                                         \
                   EARLYINIT_I_SUBARCH_KEY_(EARLYINIT_SUBARCH_ID(s)), s,         \
                   (LINKTABLE_U32(EARLYINIT_SUBARCH_ID(s))),                   \
                   ("earlyinit=subarch")("subarch=" #s)(                      \
                       "id=" EARLYINIT_I_STR_(EARLYINIT_SUBARCH_ID(s)))(       \
                       "label=" EARLYINIT_SUBARCH_LABEL(s)));
#define EARLYINIT_I_WALK_DEFINE_SUBARCH_TABLES_A(s) \
  EARLYINIT_I_DEFINE_SUBARCH_TABLES_(s) EARLYINIT_I_WALK_DEFINE_SUBARCH_TABLES_B
#define EARLYINIT_I_WALK_DEFINE_SUBARCH_TABLES_B(s) \
  EARLYINIT_I_DEFINE_SUBARCH_TABLES_(s) EARLYINIT_I_WALK_DEFINE_SUBARCH_TABLES_A
#define EARLYINIT_I_WALK_DEFINE_SUBARCH_TABLES_A_END
#define EARLYINIT_I_WALK_DEFINE_SUBARCH_TABLES_B_END

/* The sentinel's function: hidden and global with a fixed name, so that the
 * markers' asm can name it (LTO renames static functions). */
#define EARLYINIT_I_DEFINE_CHAIN_END_()                                        \
  __attribute__((__used__, __visibility__("hidden"))) int earlyinit_chain_end_( \
      const earlyinit_context *ctx) __asm__(EARLYINIT_CHAIN_END_SYMBOL);       \
  int earlyinit_chain_end_(const earlyinit_context *ctx) {                     \
    (void)ctx;                                                                 \
    return 1;                                                                  \
  }                                                                            \
  LINKTABLE_I_STATIC_ASSERT_(1, "EARLYINIT_DEFINE_TABLES")
/* @endcond */

LINKTABLE_DECLARE(earlyinit_steps, struct earlyinit_step, EARLYINIT_STEP_KEY_WIDTH);
LINKTABLE_DECLARE(earlyinit_deps, struct earlyinit_dep, EARLYINIT_STEP_KEY_WIDTH);
/* Keys ID00..ID63: two-digit ids. */
LINKTABLE_DECLARE(earlyinit_subarchs, struct earlyinit_subarch_entry, 4);
EARLYINIT_I_WALK_(EARLYINIT_I_WALK_DECLARE_SUBARCH_TABLES, EARLYINIT_SUBARCHS)

#ifdef __cplusplus
}
#endif

/**
 * Define every earlyinit table (in exactly one file of the program).
 *
 * @code
 *   // earlyinit_tables.c
 *   #include "earlyinit/earlyinit.h"
 *   EARLYINIT_DEFINE_TABLES();
 * @endcode
 */
#define EARLYINIT_DEFINE_TABLES()                                              \
  EARLYINIT_I_DEFINE_CHAIN_END_();                                             \
  EARLYINIT_I_DEFINE_PHASE_NOTES_();                                           \
  LINKTABLE_DEFINE(earlyinit_steps);                                           \
  LINKTABLE_DEFINE(earlyinit_deps);                                            \
  LINKTABLE_DEFINE(earlyinit_subarchs);                                        \
  EARLYINIT_I_WALK_(EARLYINIT_I_WALK_DEFINE_SUBARCH_TABLES, EARLYINIT_SUBARCHS) \
  LINKTABLE_I_STATIC_ASSERT_(1, "EARLYINIT_DEFINE_TABLES()")

#endif /* EARLYINIT_TABLES_H */
