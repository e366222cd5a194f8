/**
 * @file
 * earlyinit/step.h: steps, implementations and exemptions.
 *
 * A step is declared once, in a header, as a macro EARLYINIT_STEP_<name>
 * giving its phase, level, order, policy and the steps it must run after;
 * it is defined in exactly one file with EARLYINIT_DEFINE_STEP. Any file
 * binds a function to it for some subarchs (EARLYINIT_IMPL), or says with a
 * reason that some subarchs do not need it (EARLYINIT_EXEMPT).
 *
 * Parity is checked by the linker: the step's definition refers, for every
 * enabled subarch, to the symbol
 *
 *   `earlyinit__step_<step>__on_subarch_<s>__needs_exactly_one_implementation_or_exemption`
 *
 * and each implementation or exemption defines it for its subarchs. A
 * missing pair is an undefined reference naming step and subarch; two are a
 * multiple definition naming both (their sections carry the function's or
 * the exemption's name).
 *
 * @code
 *   // steps.h
 *   #define EARLYINIT_STEP_early_console EARLYINIT_SPEC(early, 10, 0100, required, )
 *   #define EARLYINIT_STEP_page_tables   EARLYINIT_SPEC(early, 10, 0200, required, (early_console))
 *
 *   // steps.c
 *   EARLYINIT_DEFINE_STEP(early_console);
 *   EARLYINIT_DEFINE_STEP(page_tables);
 *
 *   // mm.c
 *   static int map_kernel(const earlyinit_context *c) { (void)c; return 0; }
 *   EARLYINIT_IMPL(page_tables, EARLYINIT_ALL, map_kernel);
 *   EARLYINIT_EXEMPT(early_console, (generic), "the loader's console is kept");
 * @endcode
 *
 * (Subarch sets name the build's subarchs: x86's are (pc)(xen_pv)...,
 * earlyinit/x86_subarchs.h.)
 */
#ifndef EARLYINIT_STEP_H
#define EARLYINIT_STEP_H

#include "linktable/types.h"

#include "earlyinit/names.h"
#include "earlyinit/phases.h"
#include "earlyinit/pp.h"
#include "earlyinit/subarch.h"
#include "earlyinit/tables.h"
#include "linktable/assert.h"
#include "linktable/linktable.h"

/**
 * A step's declaration: EARLYINIT_SPEC(phase, level, order, policy, deps).
 *
 * - phase: early, setup_arch or late: separate dispatch points
 * - level: two digits, coarse order inside the phase (10, 20, ...)
 * - order: four digits, order inside the level (0100, 0200, ...)
 * - policy: required (a failure is fatal) or optional (recorded, the
 *   chain goes on)
 * - deps: sequence of steps it must run after, (a)(b), or empty
 *
 * Variadic, so that a spec of the wrong arity reaches earlyinit's own check
 * (a misuse error in earlyinit's words) instead of the preprocessor's.
 *
 * Steps run in (level, order, name) order; that order must agree with deps
 * (earlyinit-audit check verifies it, the dispatcher refuses to run a step
 * whose dependency did not run successfully).
 *
 * @code
 *   #define EARLYINIT_STEP_memory_map EARLYINIT_SPEC(setup_arch, 20, 0100, required, (cmdline))
 * @endcode
 */
#define EARLYINIT_SPEC(...) (__VA_ARGS__)

/**
 * Define a declared step (in exactly one file).
 *
 * @v step      Step name; `EARLYINIT_STEP_<step>` must be defined
 *
 * Emits the step's entry and metadata, its dependency records, and the
 * references that make every enabled subarch owe it an implementation or
 * an exemption.
 *
 * @code
 *   EARLYINIT_DEFINE_STEP(page_tables);
 * @endcode
 */
#define EARLYINIT_DEFINE_STEP(step)                                          \
  /* a guard: defining the step twice in a file redefines it, by name */     \
  __attribute__((__unused__)) static const char EARLYINIT_I_NAME_(step)[] = #step; \
  EARLYINIT_I_WITH_SPEC_(EARLYINIT_DEFINE_STEP, step, ~, ~, EARLYINIT_I_DEFINE_) \
  LINKTABLE_I_STATIC_ASSERT_(1, "EARLYINIT_DEFINE_STEP(" #step ")")

/**
 * Bind a function to a step for some subarchs (at file scope).
 *
 * @v step      Step name
 * @v subarchs  EARLYINIT_ALL or a sequence: (board_a)(board_b);
 *              subarchs not enabled in this build are ignored
 * @v fn        `int fn(const earlyinit_context *)`: 0 on success, else an
 *              error code
 *
 * One registration becomes one entry in the chain of each subarch it
 * serves. A function of another signature is a compile error.
 *
 * @code
 *   EARLYINIT_IMPL(page_tables, EARLYINIT_ALL, map_kernel);
 * @endcode
 */
#define EARLYINIT_IMPL(step, subarchs, fn)                                   \
  LINKTABLE_I_STATIC_ASSERT_(                                                  \
      LINKTABLE_I_SAME_TYPE_(LINKTABLE_I_TYPEOF_(&*(fn)), earlyinit_fn *),       \
      "EARLYINIT_IMPL: " #fn ", implementation of step `" #step              \
      "`, must be int " #fn "(const earlyinit_context *)");                  \
  EARLYINIT_I_SET_CHECKS_(EARLYINIT_IMPL, step, subarchs)                    \
  EARLYINIT_I_WITH_SPEC_(EARLYINIT_IMPL, step, subarchs, fn, EARLYINIT_I_IMPL_) \
  LINKTABLE_I_STATIC_ASSERT_(1, "EARLYINIT_IMPL(" #step ", " #fn ")")

/**
 * Say that some subarchs do not need a step, and why (at file scope).
 *
 * @v step      Step name
 * @v subarchs  A sequence of subarchs, (board_a) (disabled ones are ignored)
 * @v reason    A non-empty string literal, kept in the metadata and shown
 *              by earlyinit-audit. No quote, backslash or percent sign
 *              (it is written into assembler text): each is a compile
 *              error naming the step
 *
 * @code
 *   EARLYINIT_EXEMPT(early_console, (generic), "the loader's console is kept");
 * @endcode
 */
#define EARLYINIT_EXEMPT(step, subarchs, reason)                             \
  EARLYINIT_I_SET_CHECKS_(EARLYINIT_EXEMPT, step, subarchs)                  \
  EARLYINIT_I_WITH_SPEC_(EARLYINIT_EXEMPT, step, subarchs, reason, EARLYINIT_I_EXEMPT_) \
  LINKTABLE_I_STATIC_ASSERT_(1, "EARLYINIT_EXEMPT(" #step ")")

/* How the three macros above do it: the spec's checks, the assembler
 * records, the parity symbols. */
#include "earlyinit/step_internal.h"

#endif /* EARLYINIT_STEP_H */
