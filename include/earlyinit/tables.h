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

#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/comparison/less.hpp>
#include <boost/preprocessor/control/iif.hpp>
#include <boost/preprocessor/list/for_each.hpp>
#include <boost/preprocessor/seq/for_each.hpp>
#include <boost/preprocessor/seq/to_list.hpp>
#include <boost/preprocessor/seq/for_each_i.hpp>
#include <boost/preprocessor/seq/size.hpp>
#include <boost/preprocessor/stringize.hpp>

#include "earlyinit/names.h"
#include "earlyinit/phases.h"
#include "earlyinit/subarch.h"
#include "linktable/assert.h"
#include "linktable/linktable.h"

#ifdef __cplusplus
extern "C" {
#endif

/* @cond INTERNAL */
#define EARLYINIT_I_PHASE_ENUM_(r, data, p) BOOST_PP_CAT(EARLYINIT_PHASE_, p) = EARLYINIT_PHASE_NUM(p),
/* @endcond */

/** Dispatch points (earlyinit/phases.h): EARLYINIT_PHASE_early,
 *  EARLYINIT_PHASE_setup_arch, EARLYINIT_PHASE_late. A step belongs to one. */
enum earlyinit_phase {
  BOOST_PP_SEQ_FOR_EACH(EARLYINIT_I_PHASE_ENUM_, ~, EARLYINIT_PHASES)
  EARLYINIT_NR_PHASES = BOOST_PP_SEQ_SIZE(EARLYINIT_PHASES) /**< how many there are */
};

/* @cond INTERNAL */
/* Each phase's ordinal is its position in EARLYINIT_PHASES: the dispatcher
 * indexes by it, and its walk is in that order. */
#define EARLYINIT_I_PHASE_AT_(r, data, i, p)                                    \
  LINKTABLE_I_STATIC_ASSERT_(EARLYINIT_PHASE_NUM(p) == i,                       \
                             "earlyinit: phase " BOOST_PP_STRINGIZE(p) " has ordinal "              \
                             EARLYINIT_I_STR_(EARLYINIT_PHASE_NUM(p))            \
                             " (expected its position in EARLYINIT_PHASES, "     \
                             EARLYINIT_I_STR_(i) ")");
BOOST_PP_SEQ_FOR_EACH_I(EARLYINIT_I_PHASE_AT_, ~, EARLYINIT_PHASES)
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
#define EARLYINIT_I_CHAIN_TABLE_(phase, s) \
  BOOST_PP_CAT(BOOST_PP_CAT(BOOST_PP_CAT(earlyinit_, phase), __), s)
#define EARLYINIT_I_EXEMPT_TABLE_(s) BOOST_PP_CAT(earlyinit_exempt__, s)

#define EARLYINIT_I_DECLARE_CHAIN_(r, s, phase)                                 \
  LINKTABLE_DECLARE(EARLYINIT_I_CHAIN_TABLE_(phase, s), struct earlyinit_entry,  \
                    EARLYINIT_CHAIN_KEY_WIDTH);
#define EARLYINIT_I_DECLARE_SUBARCH_TABLES_(r, data, s)                          \
  BOOST_PP_LIST_FOR_EACH_R(r, EARLYINIT_I_DECLARE_CHAIN_, s, BOOST_PP_SEQ_TO_LIST(EARLYINIT_PHASES))    \
  LINKTABLE_DECLARE(EARLYINIT_I_EXEMPT_TABLE_(s), struct earlyinit_exemption,    \
                    EARLYINIT_CHAIN_KEY_WIDTH);

#define EARLYINIT_I_SUBARCH_KEY_(id)                                          \
  BOOST_PP_CAT(BOOST_PP_CAT(ID, BOOST_PP_IIF(BOOST_PP_LESS(id, 10), 0, )), id)
/* Each chain is followed, past its end marker, by a sentinel entry whose
 * function returns non-zero: the dispatcher's hot loop then needs no test
 * for the end, only the one for a step's result (dispatch.h). */
#define EARLYINIT_I_SENTINEL_ASM_                                              \
  ".long " EARLYINIT_CHAIN_END_SYMBOL " - .\n.long 0\n"
#define EARLYINIT_I_DEFINE_CHAIN_(r, s, phase)                                  \
  LINKTABLE_I_DEFINE_TRAILED_(EARLYINIT_I_CHAIN_TABLE_(phase, s),                \
                              EARLYINIT_I_SENTINEL_ASM_);
#define EARLYINIT_I_DEFINE_SUBARCH_TABLES_(r, data, s)                           \
  BOOST_PP_LIST_FOR_EACH_R(r, EARLYINIT_I_DEFINE_CHAIN_, s, BOOST_PP_SEQ_TO_LIST(EARLYINIT_PHASES))     \
  LINKTABLE_DEFINE(EARLYINIT_I_EXEMPT_TABLE_(s));                                \
  LINKTABLE_RECORD(earlyinit_subarchs,                                         \
                   EARLYINIT_I_SUBARCH_KEY_(EARLYINIT_SUBARCH_ID(s)), s,         \
                   (LINKTABLE_U32(EARLYINIT_SUBARCH_ID(s))),                   \
                   ("earlyinit=subarch")("subarch=" BOOST_PP_STRINGIZE(s))(   \
                       "id=" BOOST_PP_STRINGIZE(EARLYINIT_SUBARCH_ID(s)))(     \
                       "label=" EARLYINIT_SUBARCH_LABEL(s)));

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
BOOST_PP_SEQ_FOR_EACH(EARLYINIT_I_DECLARE_SUBARCH_TABLES_, ~, EARLYINIT_SUBARCHS)

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
  LINKTABLE_DEFINE(earlyinit_steps);                                           \
  LINKTABLE_DEFINE(earlyinit_deps);                                            \
  LINKTABLE_DEFINE(earlyinit_subarchs);                                        \
  BOOST_PP_SEQ_FOR_EACH(EARLYINIT_I_DEFINE_SUBARCH_TABLES_, ~, EARLYINIT_SUBARCHS) \
  LINKTABLE_I_STATIC_ASSERT_(1, "EARLYINIT_DEFINE_TABLES()")

#endif /* EARLYINIT_TABLES_H */
