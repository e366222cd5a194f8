/**
 * @file
 * earlyinit/subarch.h: the registry of subarchs.
 *
 * A subarch is a name token (pc, xen_pvh) with a small id and a label. The
 * set this build supports is a build setting: EARLYINIT_SUBARCHS, a
 * sequence of names, (pc)(xen_pvh). By default it is the x86 preset below, which
 * follows Linux's enum x86_hardware_subarch and splits Xen into Xen PV and
 * Xen PVH. A kernel without Xen support builds with
 *
 *     -DEARLYINIT_SUBARCHS='(pc)'
 *
 * and owes nothing to Xen. A user-defined set defines, for every name, its
 * id and label, plus the sequence, in a header named by
 * EARLYINIT_CONFIG_HEADER (e.g. -DEARLYINIT_CONFIG_HEADER='"my_set.h"'):
 *
 * @code
 *   #define EARLYINIT_SUBARCH_ID_board_a 0
 *   #define EARLYINIT_SUBARCH_LABEL_board_a "Board A"
 *   #define EARLYINIT_SUBARCH_ID_board_b 1
 *   #define EARLYINIT_SUBARCH_LABEL_board_b "Board B"
 *   #define EARLYINIT_SUBARCHS (board_a)(board_b)
 * @endcode
 *
 * Ids are below EARLYINIT_MAX_SUBARCHS (64) and unique.
 */
#ifndef EARLYINIT_SUBARCH_H
#define EARLYINIT_SUBARCH_H

#include "earlyinit/pp.h"

#ifdef EARLYINIT_CONFIG_HEADER
#include EARLYINIT_CONFIG_HEADER
#endif

/** Ids are below this. */
#define EARLYINIT_MAX_SUBARCHS 64

/** @{ */
/** The x86 preset, id and label of each subarch: ids 0-4 are Linux's enum
 * x86_hardware_subarch values; Xen (2) is Xen PV, and Xen PVH, which Linux
 * reports as 2 too when hardware_subarch_data points at an hvm_start_info,
 * gets id 5. */
#define EARLYINIT_SUBARCH_ID_pc 0
#define EARLYINIT_SUBARCH_LABEL_pc "PC"
#define EARLYINIT_SUBARCH_ID_lguest 1
#define EARLYINIT_SUBARCH_LABEL_lguest "lguest"
#define EARLYINIT_SUBARCH_ID_xen_pv 2
#define EARLYINIT_SUBARCH_LABEL_xen_pv "Xen PV"
#define EARLYINIT_SUBARCH_ID_intel_mid 3
#define EARLYINIT_SUBARCH_LABEL_intel_mid "Intel MID"
#define EARLYINIT_SUBARCH_ID_ce4100 4
#define EARLYINIT_SUBARCH_LABEL_ce4100 "CE4100"
#define EARLYINIT_SUBARCH_ID_xen_pvh 5
#define EARLYINIT_SUBARCH_LABEL_xen_pvh "Xen PVH"
/** @} */

/** Every subarch of the x86 preset. */
#define EARLYINIT_X86_SUBARCHS (pc)(lguest)(xen_pv)(intel_mid)(ce4100)(xen_pvh)

#ifndef EARLYINIT_SUBARCHS
/** The enabled subarchs: a build setting, the whole x86 preset by default. */
#define EARLYINIT_SUBARCHS EARLYINIT_X86_SUBARCHS
#endif

/**
 * "Every enabled subarch", for EARLYINIT_IMPL and EARLYINIT_EXEMPT.
 *
 * @code
 *   EARLYINIT_IMPL(kasan_early, EARLYINIT_ALL, kasan_early_init);
 * @endcode
 */
#define EARLYINIT_ALL EARLYINIT_SUBARCHS

/** The id of a subarch name, as a preprocessor number. */
#define EARLYINIT_SUBARCH_ID(s) EARLYINIT_I_CAT_(EARLYINIT_SUBARCH_ID_, s)
/** The label of a subarch name ("Xen PVH"). */
#define EARLYINIT_SUBARCH_LABEL(s) EARLYINIT_I_CAT_(EARLYINIT_SUBARCH_LABEL_, s)

#include "earlyinit/subarch_ids.h"

/**
 * 1 if subarch s is enabled in this build, else 0 (a preprocessor number);
 * 0 also for a name that is not a subarch. One token paste: usable inside
 * any preprocessor loop, and in `#if`.
 *
 * @code
 *   enum { with_xen_pv = EARLYINIT_IS_ENABLED(xen_pv) };   // 1 or 0
 *   #if EARLYINIT_IS_ENABLED(xen_pv)
 *   int xen_pv_on;
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
 *   enum { xen_pvh_known = EARLYINIT_IS_SUBARCH(xen_pvh) };  // 1
 *   enum { xen_pvv_known = EARLYINIT_IS_SUBARCH(xen_pvv) };  // 0: a typo
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
 * The name of an enabled subarch id ("xen_pvh"), or 0 if not enabled.
 *
 * @code
 *   const char *n = earlyinit_subarch_name(5);   // "xen_pvh"
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
 * The label of an enabled subarch id ("Xen PVH"), or 0 if not enabled.
 *
 * @code
 *   printf("%s\n", earlyinit_subarch_label(0));   // "PC"
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
