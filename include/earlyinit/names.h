/*
 * earlyinit/names.h: the names and numbers earlyinit's tables are made of,
 * in one place, for the macros, the dispatcher and the tools that read
 * built programs (earlyinit-audit). Plain #defines: no Boost, no types,
 * usable from C, C++ and assembler. The linker tables' own names are in
 * linktable/names.h.
 */
#ifndef EARLYINIT_NAMES_H
#define EARLYINIT_NAMES_H

#include "earlyinit/phases.h"
#include "linktable/names.h"

/** Tables: "earlyinit_steps", "earlyinit_deps", "earlyinit_subarchs",
 *  "earlyinit_<phase>__<subarch>" (chains), "earlyinit_exempt__<subarch>". */
#define EARLYINIT_STEPS_TABLE_NAME "earlyinit_steps"
#define EARLYINIT_DEPS_TABLE_NAME "earlyinit_deps"
#define EARLYINIT_SUBARCHS_TABLE_NAME "earlyinit_subarchs"
#define EARLYINIT_CHAIN_TABLE_PREFIX "earlyinit_"
#define EARLYINIT_EXEMPT_TABLE_PREFIX "earlyinit_exempt__"

/** A step's entry symbol: LINKTABLE_ENTRY_SYMBOL_PREFIX "earlyinit_steps.<step>". */
#define EARLYINIT_STEP_SYMBOL_PREFIX \
  LINKTABLE_ENTRY_SYMBOL_PREFIX EARLYINIT_STEPS_TABLE_NAME "."

/** The parity symbol of (step, subarch): PREFIX step INFIX subarch SUFFIX. */
#define EARLYINIT_PARITY_SYMBOL_PREFIX "earlyinit__step_"
#define EARLYINIT_PARITY_SYMBOL_INFIX "__on_subarch_"
#define EARLYINIT_PARITY_SYMBOL_SUFFIX "__needs_exactly_one_implementation_or_exemption"

/** Allocated section of the parity references (one per step and subarch). */
#define EARLYINIT_PARITY_SECTION LINKTABLE_I_RODATA_ "earlyinit.parity"
/** Steps' names (C strings the steps' entries point to), and the local
    symbol of each: EARLYINIT_STEP_NAME_PREFIX "<step>". */
#define EARLYINIT_STEP_NAME_SECTION LINKTABLE_I_RODATA_ "earlyinit.step_names"
#define EARLYINIT_STEP_NAME_PREFIX "earlyinit.step_name."
/** Zero-size sections that define parity symbols, one per pair, named
 *  after the provider and the subarch: PREFIX "<function>.<subarch>" or
 *  PREFIX "exemption.<step>.<subarch>". */
#define EARLYINIT_PROVIDED_BY_PREFIX LINKTABLE_I_RODATA_ "earlyinit.provided_by."
#define EARLYINIT_EXEMPTION_PROVIDER_PREFIX "exemption."

/** The function of the sentinel entry that follows every chain's end. */
#define EARLYINIT_CHAIN_END_SYMBOL "earlyinit.chain_end"

/** Flags in the low bits of a chain entry's step reference. */
#define EARLYINIT_ENTRY_HAS_DEPS 1
#define EARLYINIT_ENTRY_OPTIONAL 2
#define EARLYINIT_ENTRY_FLAG_MASK 3

/** A step's info word: phase in bits 0-7, optional in bit 8, deps from 16. */
#define EARLYINIT_STEP_INFO_PHASE_MASK 0xff
#define EARLYINIT_STEP_INFO_OPTIONAL_SHIFT 8
#define EARLYINIT_STEP_INFO_NDEPS_SHIFT 16

/** Key widths: steps "<P><LL>_<OOOO>" (A10_0100), chains "<LL>_<OOOO>". */
#define EARLYINIT_STEP_KEY_WIDTH 8
#define EARLYINIT_CHAIN_KEY_WIDTH 7
/* Phases (names, ordinals, key letters): earlyinit/phases.h. */

#endif /* EARLYINIT_NAMES_H */
