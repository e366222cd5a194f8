/**
 * @file
 * earlyinit/phases.h: the dispatch points, written once.
 *
 * A phase is a name token with a record: its ordinal (the value of
 * `EARLYINIT_PHASE_<name>` in enum earlyinit_phase, and its position in run
 * order) and the key letter that sorts its steps in earlyinit_steps. Its
 * name is also the word the trace lines print. EARLYINIT_PHASES lists them
 * in run order. Everything else follows from this file: the enum
 * (tables.h), the chain tables and the dispatcher's cases (tables.h,
 * dispatch.h), the spec checks and step keys (step.h), the names
 * (format.h), and earlyinit-audit's parser and ordering (src/audit).
 *
 * Like the subarch set (subarch.h), the list is a build setting: a header
 * named by EARLYINIT_CONFIG_HEADER may add a phase, with its record and the
 * whole sequence (tests/earlyinit/extra_phase does):
 *
 * @code{.unparsed}
 *   #define EARLYINIT_PHASE_INFO_final (3, D)
 *   #define EARLYINIT_PHASES (early)(setup_arch)(late)(final)
 * @endcode
 *
 * Ordinals are 0, 1, 2, ... in the sequence's order (tables.h checks), and
 * letters are upper-case and rise with them (keys sort by them): at most
 * EARLYINIT_MAX_PHASES (26) phases.
 *
 * Plain macros, no Boost: usable from C, C++, assembler and the tools.
 */
#ifndef EARLYINIT_PHASES_H
#define EARLYINIT_PHASES_H

#include "earlyinit/pp.h"

#ifdef EARLYINIT_CONFIG_HEADER
#include EARLYINIT_CONFIG_HEADER
#endif

/** @{ */
/** The phases' records: (ordinal, key letter). */
#define EARLYINIT_PHASE_INFO_early (0, A)
#define EARLYINIT_PHASE_INFO_setup_arch (1, B)
#define EARLYINIT_PHASE_INFO_late (2, C)
/** @} */

#ifndef EARLYINIT_PHASES
/** The phases in run order, a sequence: separate dispatch points. */
#define EARLYINIT_PHASES (early)(setup_arch)(late)
#endif

/**
 * At most this many phases: each has a key letter, A to Z (tables.h checks
 * the count, in earlyinit's words).
 */
#define EARLYINIT_MAX_PHASES 26

/** 1 if p names a phase, else 0 (a preprocessor number, for EARLYINIT_I_IIF_). */
#define EARLYINIT_IS_PHASE(p) EARLYINIT_I_IS_PAREN_(EARLYINIT_I_CAT_(EARLYINIT_PHASE_INFO_, p))
/** A phase's ordinal, as a preprocessor number. */
#define EARLYINIT_PHASE_NUM(p) \
  EARLYINIT_I_PHASE_FIELD_(EARLYINIT_I_PHASE_NUM_I_, EARLYINIT_I_CAT_(EARLYINIT_PHASE_INFO_, p))
/** A phase's key letter, as a string literal ("A"). */
#define EARLYINIT_PHASE_LETTER(p) \
  EARLYINIT_I_PHASE_FIELD_(EARLYINIT_I_PHASE_LETTER_I_, EARLYINIT_I_CAT_(EARLYINIT_PHASE_INFO_, p))

/* @cond INTERNAL */
#define EARLYINIT_I_PHASE_FIELD_(field, record) field record
#define EARLYINIT_I_PHASE_NUM_I_(num, letter) num
#define EARLYINIT_I_PHASE_LETTER_I_(num, letter) #letter
/* @endcond */

#endif /* EARLYINIT_PHASES_H */
