/**
 * @file
 * earlyinit/subarch.h: the registry of subarchs.
 *
 * A subarch is one boot path: a name token with a small id and a label.
 * The set this build supports is a build setting, EARLYINIT_SUBARCHS, a
 * sequence of names, (board_a)(board_b), and each name has its id and
 * label. Without one, a build has a single subarch, `generic` (id 0): a
 * kernel with one boot path implements its steps for EARLYINIT_ALL and
 * runs the chains of EARLYINIT_SUBARCH_ID_generic.
 *
 * A platform's subarchs come in a preset header, included before this
 * one: earlyinit/x86_subarchs.h (Linux's hardware_subarch values, which
 * earlyinit/x86.h includes first). A build enables part of a preset with
 *
 *     -DEARLYINIT_SUBARCHS='(pc)'
 *
 * and owes nothing to the rest. A set of its own defines, for every name,
 * its id and label, plus the sequence, in a header named by
 * EARLYINIT_CONFIG_HEADER (e.g. -DEARLYINIT_CONFIG_HEADER='"my_set.h"'):
 *
 * @code{.unparsed}
 *   #define EARLYINIT_SUBARCH_ID_board_a 0
 *   #define EARLYINIT_SUBARCH_LABEL_board_a "Board A"
 *   #define EARLYINIT_SUBARCH_ID_board_b 1
 *   #define EARLYINIT_SUBARCH_LABEL_board_b "Board B"
 *   #define EARLYINIT_SUBARCHS (board_a)(board_b)
 * @endcode
 *
 * Ids are below EARLYINIT_MAX_SUBARCHS (64), one per subarch: a name
 * without an id, or two enabled subarchs with one id, fail to compile
 * with earlyinit's message (subarch_ids.h).
 */
#ifndef EARLYINIT_SUBARCH_H
#define EARLYINIT_SUBARCH_H

#include "earlyinit/pp.h"

#ifdef EARLYINIT_CONFIG_HEADER
#include EARLYINIT_CONFIG_HEADER
#endif

/** Ids are below this. */
#define EARLYINIT_MAX_SUBARCHS 64

#ifndef EARLYINIT_SUBARCHS
/** The enabled subarchs: a build setting; one, `generic`, by default. */
#define EARLYINIT_SUBARCHS (generic)
/** The default subarch: a kernel with one boot path. */
#define EARLYINIT_SUBARCH_ID_generic 0
/** Its label. */
#define EARLYINIT_SUBARCH_LABEL_generic "generic"
#endif

/**
 * "Every enabled subarch", for EARLYINIT_IMPL and EARLYINIT_EXEMPT.
 *
 * @code
 *   EARLYINIT_IMPL(page_tables, EARLYINIT_ALL, map_kernel);
 * @endcode
 */
#define EARLYINIT_ALL EARLYINIT_SUBARCHS

/** The id of a subarch name, as a preprocessor number. */
#define EARLYINIT_SUBARCH_ID(s) EARLYINIT_I_CAT_(EARLYINIT_SUBARCH_ID_, s)
/** The label of a subarch name ("generic"). */
#define EARLYINIT_SUBARCH_LABEL(s) EARLYINIT_I_CAT_(EARLYINIT_SUBARCH_LABEL_, s)

#include "earlyinit/subarch_ids.h"

/**
 * 1 if subarch s is enabled in this build, else 0 (a preprocessor number);
 * 0 also for a name that is not a subarch. One token paste: usable inside
 * any preprocessor loop, and in `#if`.
 *
 * @code
 *   enum { with_generic = EARLYINIT_IS_ENABLED(generic) };   // 1 or 0
 *   #if EARLYINIT_IS_ENABLED(generic)
 *   int generic_on;
 *   #endif
 * @endcode
 */
#define EARLYINIT_IS_ENABLED(s) \
  EARLYINIT_I_IS_PAREN_(EARLYINIT_I_CAT_(EARLYINIT_I_ENABLED_ID_, EARLYINIT_SUBARCH_ID(s)))

/**
 * 1 if s names a subarch (its EARLYINIT_SUBARCH_ID_ macro is an id below
 * 64), enabled or not, else 0: a preprocessor number, usable in `#if`.
 *
 * @code
 *   enum { generic_known = EARLYINIT_IS_SUBARCH(generic) };  // 1
 *   enum { genric_known = EARLYINIT_IS_SUBARCH(genric) };    // 0: a typo
 * @endcode
 */
#define EARLYINIT_IS_SUBARCH(s) \
  EARLYINIT_I_IS_PAREN_(EARLYINIT_I_CAT_(EARLYINIT_I_KNOWN_ID_, EARLYINIT_SUBARCH_ID(s)))

#ifndef __ASSEMBLER__
#ifdef __cplusplus
extern "C" {
#endif

/* @cond INTERNAL */
#define EARLYINIT_I_WALK_NAME_CASE_A(s) \
  case EARLYINIT_SUBARCH_ID(s): return #s; EARLYINIT_I_WALK_NAME_CASE_B
#define EARLYINIT_I_WALK_NAME_CASE_B(s) \
  case EARLYINIT_SUBARCH_ID(s): return #s; EARLYINIT_I_WALK_NAME_CASE_A
#define EARLYINIT_I_WALK_NAME_CASE_A_END
#define EARLYINIT_I_WALK_NAME_CASE_B_END
#define EARLYINIT_I_WALK_LABEL_CASE_A(s) \
  case EARLYINIT_SUBARCH_ID(s): return EARLYINIT_SUBARCH_LABEL(s); EARLYINIT_I_WALK_LABEL_CASE_B
#define EARLYINIT_I_WALK_LABEL_CASE_B(s) \
  case EARLYINIT_SUBARCH_ID(s): return EARLYINIT_SUBARCH_LABEL(s); EARLYINIT_I_WALK_LABEL_CASE_A
#define EARLYINIT_I_WALK_LABEL_CASE_A_END
#define EARLYINIT_I_WALK_LABEL_CASE_B_END
/* @endcond */

/**
 * The name of an enabled subarch id ("generic"), or 0 if not enabled.
 *
 * @code
 *   const char *n = earlyinit_subarch_name(0);   // "generic"
 * @endcode
 */
static inline const char *earlyinit_subarch_name(unsigned id) {
  switch (id) {
    EARLYINIT_I_WALK_(EARLYINIT_I_WALK_NAME_CASE, EARLYINIT_SUBARCHS)
    default:
      return 0;
  }
}

/**
 * The label of an enabled subarch id ("generic"), or 0 if not enabled.
 *
 * @code
 *   printf("%s\n", earlyinit_subarch_label(0));   // "generic"
 * @endcode
 */
static inline const char *earlyinit_subarch_label(unsigned id) {
  switch (id) {
    EARLYINIT_I_WALK_(EARLYINIT_I_WALK_LABEL_CASE, EARLYINIT_SUBARCHS)
    default:
      return 0;
  }
}

/**
 * Whether a subarch id is enabled in this build.
 *
 * @code
 *   if (!earlyinit_subarch_enabled(id)) panic("subarch not built in");
 * @endcode
 */
static inline int earlyinit_subarch_enabled(unsigned id) {
  return earlyinit_subarch_name(id) != 0;
}

#ifdef __cplusplus
}
#endif
#endif /* __ASSEMBLER__ */

#endif /* EARLYINIT_SUBARCH_H */
