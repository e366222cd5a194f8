/*
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
 *   earlyinit__step_<step>__on_subarch_<s>__needs_exactly_one_implementation_or_exemption
 *
 * and each implementation or exemption defines it for its subarchs. A
 * missing pair is an undefined reference naming step and subarch; two are a
 * multiple definition naming both (their sections carry the function's or
 * the exemption's name).
 *
 * @code
 *   // steps.h
 *   #define EARLYINIT_STEP_cr4_shadow  EARLYINIT_SPEC(early, 10, 0100, required, )
 *   #define EARLYINIT_STEP_kasan_early EARLYINIT_SPEC(early, 10, 0200, required, (cr4_shadow))
 *
 *   // steps.c
 *   EARLYINIT_DEFINE_STEP(cr4_shadow);
 *   EARLYINIT_DEFINE_STEP(kasan_early);
 *
 *   // cr4.c
 *   static int cr4_native(const earlyinit_context *c) { ...; return 0; }
 *   static int cr4_xen_pv(const earlyinit_context *c) { ...; return 0; }
 *   EARLYINIT_IMPL(cr4_shadow, (pc)(lguest)(intel_mid)(ce4100)(xen_pvh), cr4_native);
 *   EARLYINIT_IMPL(cr4_shadow, (xen_pv), cr4_xen_pv);
 * @endcode
 */
#ifndef EARLYINIT_STEP_H
#define EARLYINIT_STEP_H

#include "linktable/types.h"

#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/control/iif.hpp>
#include <boost/preprocessor/seq/for_each.hpp>
#include <boost/preprocessor/seq/size.hpp>
#include <boost/preprocessor/stringize.hpp>
#include <boost/preprocessor/tuple/eat.hpp>
#include <boost/preprocessor/tuple/elem.hpp>

#include "earlyinit/subarch.h"
#include "earlyinit/tables.h"
#include "linktable/linktable.h"

/**
 * A step's declaration.
 *
 * @v phase     early, setup_arch or late: separate dispatch points
 * @v level     Two digits: coarse order inside the phase (10, 20, ...)
 * @v order     Four digits: order inside the level (0100, 0200, ...)
 * @v policy    required (a failure is fatal) or optional (recorded, the
 *              chain goes on)
 * @v deps      Boost.PP sequence of steps it must run after, or empty
 *
 * Steps run in (level, order, name) order; that order must agree with deps
 * (earlyinit-audit check verifies it, the dispatcher refuses to run a step
 * whose dependency did not run successfully).
 *
 * @code
 *   #define EARLYINIT_STEP_e820 EARLYINIT_SPEC(setup_arch, 20, 0100, required, (cmdline))
 * @endcode
 */
#define EARLYINIT_SPEC(phase, level, order, policy, deps) \
  (phase, level, order, policy, deps)

/* @cond INTERNAL */
#define EARLYINIT_SPEC_OF_(step) BOOST_PP_CAT(EARLYINIT_STEP_, step)
#define EARLYINIT_PHASE_OF_(step) BOOST_PP_TUPLE_ELEM(5, 0, EARLYINIT_SPEC_OF_(step))
#define EARLYINIT_LEVEL_OF_(step) BOOST_PP_TUPLE_ELEM(5, 1, EARLYINIT_SPEC_OF_(step))
#define EARLYINIT_ORDER_OF_(step) BOOST_PP_TUPLE_ELEM(5, 2, EARLYINIT_SPEC_OF_(step))
#define EARLYINIT_POLICY_OF_(step) BOOST_PP_TUPLE_ELEM(5, 3, EARLYINIT_SPEC_OF_(step))
#define EARLYINIT_DEPS_OF_(step) BOOST_PP_TUPLE_ELEM(5, 4, EARLYINIT_SPEC_OF_(step))
/* Number of deps, from a sequence behind a placeholder (it may be empty). */
#define EARLYINIT_NDEPS_(step) \
  BOOST_PP_DEC(BOOST_PP_SEQ_SIZE((~)EARLYINIT_DEPS_OF_(step)))

/* Policies: the value kept in the step's info word and entry flags. */
#define EARLYINIT_POLICY_required 0
#define EARLYINIT_POLICY_optional 1

/* Keys: steps sort by phase letter, level, order; chains by level, order. */
#define EARLYINIT_STEP_KEY_(step)                                              \
  BOOST_PP_CAT(BOOST_PP_CAT(BOOST_PP_CAT(                                     \
                   EARLYINIT_PHASE_LETTER_(EARLYINIT_PHASE_OF_(step)),         \
                   EARLYINIT_LEVEL_OF_(step)), _),                             \
               EARLYINIT_ORDER_OF_(step))
#define EARLYINIT_CHAIN_KEY_(step) \
  BOOST_PP_CAT(BOOST_PP_CAT(EARLYINIT_LEVEL_OF_(step), _), EARLYINIT_ORDER_OF_(step))

/* The step's entry in earlyinit_steps, as a C object. */
#define EARLYINIT_STEP_OBJ_(step) earlyinit_step_entry__##step
#define EARLYINIT_DECLARE_STEP_OBJ_(step)                                    \
  extern const struct earlyinit_step EARLYINIT_STEP_OBJ_(step) __asm__(      \
      "linktable.entry.earlyinit_steps." #step) LINKTABLE_HIDDEN_

#define EARLYINIT_PARITY_SYM_(step, s)                                  \
  "earlyinit__step_" #step "__on_subarch_" BOOST_PP_STRINGIZE(s)        \
  "__needs_exactly_one_implementation_or_exemption"

/* Flags kept in the low bits of an entry's step reference. */
#define EARLYINIT_ENTRY_FLAGS_(step)                                  \
  BOOST_PP_CAT(EARLYINIT_ENTRY_FLAGS_NDEPS_,                          \
               BOOST_PP_BOOL(EARLYINIT_NDEPS_(step)))                 \
  BOOST_PP_CAT(EARLYINIT_ENTRY_FLAGS_POLICY_, EARLYINIT_POLICY_OF_(step))
#define EARLYINIT_ENTRY_FLAGS_NDEPS_0 0
#define EARLYINIT_ENTRY_FLAGS_NDEPS_1 1
#define EARLYINIT_ENTRY_FLAGS_POLICY_required +0
#define EARLYINIT_ENTRY_FLAGS_POLICY_optional +2

/* Define the parity symbol for (step, s) in a zero-size section named
 * after who provides it, so that duplicates name both providers. */
#define EARLYINIT_PROVIDE_(step, s, who) EARLYINIT_PROVIDE_I_(step, s, who)
#define EARLYINIT_PROVIDE_I_(step, s, who)                                     \
  LINKTABLE_EMITTER_(BOOST_PP_CAT(earlyinit_provide__##step##__, s)) {       \
    __asm__ __volatile__(                                                    \
        ".pushsection \".rodata.earlyinit.provided_by." who "\",\"a\","      \
        "@progbits\n"                                                        \
        ".globl " EARLYINIT_PARITY_SYM_(step, s) "\n"                        \
        ".hidden " EARLYINIT_PARITY_SYM_(step, s) "\n"                       \
        EARLYINIT_PARITY_SYM_(step, s) ":\n"                                 \
        ".popsection\n");                                                    \
  }

/* One chain entry for (step, s), if s is enabled. */
#define EARLYINIT_IMPL_ONE_(r, sf, s)                                   \
  BOOST_PP_IIF(EARLYINIT_IS_ENABLED(s), EARLYINIT_IMPL_EMIT_,           \
               BOOST_PP_TUPLE_EAT(3))(BOOST_PP_TUPLE_ELEM(2, 0, sf),    \
                                      BOOST_PP_TUPLE_ELEM(2, 1, sf), s)
#define EARLYINIT_IMPL_EMIT_(step, fn, s) EARLYINIT_IMPL_EMIT_I_(step, fn, s)
#define EARLYINIT_IMPL_EMIT_I_(step, fn, s)                                       \
  LINKTABLE_RECORD(                                                             \
      EARLYINIT_CHAIN_TABLE_(EARLYINIT_PHASE_OF_(step), s),                     \
      EARLYINIT_CHAIN_KEY_(step), step,                                         \
      (LINKTABLE_REL(fn))(LINKTABLE_REL_FLAGS(&EARLYINIT_STEP_OBJ_(step),       \
                                              EARLYINIT_ENTRY_FLAGS_(step))),   \
      ("earlyinit=impl")("step=" #step)("subarch=" BOOST_PP_STRINGIZE(s))        \
      ("phase=" BOOST_PP_STRINGIZE(EARLYINIT_PHASE_OF_(step)))("fn=" #fn));     \
  EARLYINIT_PROVIDE_(step, s, #fn)

#define EARLYINIT_EXEMPT_ONE_(r, sr, s)                                 \
  BOOST_PP_IIF(EARLYINIT_IS_ENABLED(s), EARLYINIT_EXEMPT_EMIT_,         \
               BOOST_PP_TUPLE_EAT(3))(BOOST_PP_TUPLE_ELEM(2, 0, sr),    \
                                      BOOST_PP_TUPLE_ELEM(2, 1, sr), s)
#define EARLYINIT_EXEMPT_EMIT_(step, reason, s) EARLYINIT_EXEMPT_EMIT_I_(step, reason, s)
#define EARLYINIT_EXEMPT_EMIT_I_(step, reason, s)                                \
  LINKTABLE_RECORD(EARLYINIT_EXEMPT_TABLE_(s), EARLYINIT_CHAIN_KEY_(step),     \
                   step, (LINKTABLE_REL(&EARLYINIT_STEP_OBJ_(step))),          \
                   ("earlyinit=exempt")("step=" #step)                         \
                   ("subarch=" BOOST_PP_STRINGIZE(s))("reason=" reason));      \
  EARLYINIT_PROVIDE_(step, s, "exemption." #step)

#define EARLYINIT_OWE_ONE_(r, step, s) \
  ".long " EARLYINIT_PARITY_SYM_(step, s) " - .\n"

#define EARLYINIT_DEP_ONE_(r, step, i, dep)                                    \
  BOOST_PP_IIF(BOOST_PP_BOOL(i), EARLYINIT_DEP_EMIT_, BOOST_PP_TUPLE_EAT(2))(   \
      step, dep)
#define EARLYINIT_DEP_EMIT_(step, dep) EARLYINIT_DEP_EMIT_I_(step, dep)
#define EARLYINIT_DEP_EMIT_I_(step, dep)                                         \
  EARLYINIT_DECLARE_STEP_OBJ_(dep);                                            \
  LINKTABLE_RECORD(earlyinit_deps, EARLYINIT_STEP_KEY_(step), step##__##dep,   \
                   (LINKTABLE_REL(&EARLYINIT_STEP_OBJ_(step)))                 \
                   (LINKTABLE_REL(&EARLYINIT_STEP_OBJ_(dep))),                 \
                   ("earlyinit=dep")("step=" #step)("dep=" #dep));
/* BOOST_PP_STRINGIZE, not #: the element arrives as an unexpanded
 * BOOST_PP_SEQ_HEAD(...) call. */
#define EARLYINIT_DEP_ATTR_(r, data, i, dep) \
  BOOST_PP_IIF(BOOST_PP_BOOL(i), ("dep=" BOOST_PP_STRINGIZE(dep)), )

#ifdef __cplusplus
/* Reasons are copied into assembler strings: no quote, backslash or %. */
constexpr bool earlyinit_reason_ok_(const char *r) {
  for (; *r; ++r)
    if (*r == '"' || *r == '\\' || *r == '%') return false;
  return true;
}
#define EARLYINIT_REASON_OK_(r) earlyinit_reason_ok_(r)
#else
#define EARLYINIT_REASON_OK_(r) 1
#endif
/* @endcond */

/**
 * Define a declared step (in exactly one file).
 *
 * @v step      Step name; EARLYINIT_STEP_<step> must be defined
 *
 * Emits the step's entry and metadata, its dependency records, and the
 * references that make every enabled subarch owe it an implementation or
 * an exemption.
 *
 * @code
 *   EARLYINIT_DEFINE_STEP(kasan_early);
 * @endcode
 */
#define EARLYINIT_DEFINE_STEP(step)                                             \
  LINKTABLE_STATIC_ASSERT_(                                                     \
      sizeof(BOOST_PP_STRINGIZE(EARLYINIT_LEVEL_OF_(step))) == 3 &&             \
          sizeof(BOOST_PP_STRINGIZE(EARLYINIT_ORDER_OF_(step))) == 5,           \
      "earlyinit: step " #step " needs a two-digit level and a four-digit "     \
      "order (10, 0100)");                                                      \
  EARLYINIT_DECLARE_STEP_OBJ_(step);                                            \
  static const char earlyinit_step_name__##step[] = #step;                      \
  LINKTABLE_RECORD(                                                             \
      earlyinit_steps, EARLYINIT_STEP_KEY_(step), step,                         \
      (LINKTABLE_REL(earlyinit_step_name__##step))(LINKTABLE_U32(              \
          EARLYINIT_STEP_INFO(                                                  \
              BOOST_PP_CAT(EARLYINIT_PHASE_, EARLYINIT_PHASE_OF_(step)),        \
              BOOST_PP_CAT(EARLYINIT_POLICY_, EARLYINIT_POLICY_OF_(step)),      \
              EARLYINIT_NDEPS_(step)))),                                        \
      ("earlyinit=step")("step=" #step)(                                        \
          "phase=" BOOST_PP_STRINGIZE(EARLYINIT_PHASE_OF_(step)))(             \
          "level=" BOOST_PP_STRINGIZE(EARLYINIT_LEVEL_OF_(step)))(             \
          "order=" BOOST_PP_STRINGIZE(EARLYINIT_ORDER_OF_(step)))(             \
          "policy=" BOOST_PP_STRINGIZE(EARLYINIT_POLICY_OF_(step)))             \
          BOOST_PP_SEQ_FOR_EACH_I(EARLYINIT_DEP_ATTR_, ~,                       \
                                  (~)EARLYINIT_DEPS_OF_(step)));                \
  BOOST_PP_SEQ_FOR_EACH_I(EARLYINIT_DEP_ONE_, step, (~)EARLYINIT_DEPS_OF_(step)) \
  LINKTABLE_EMITTER_(earlyinit_owe__##step) {                                   \
    __asm__ __volatile__(                                                       \
        ".pushsection .rodata.earlyinit.parity,\"aR\",@progbits\n"              \
        ".balign 4\n" BOOST_PP_SEQ_FOR_EACH(EARLYINIT_OWE_ONE_, step,           \
                                            EARLYINIT_SUBARCHS)                 \
        ".popsection\n");                                                       \
  }                                                                             \
  LINKTABLE_STATIC_ASSERT_(1, "EARLYINIT_DEFINE_STEP(" #step ")")

/**
 * Bind a function to a step for some subarchs (at file scope).
 *
 * @v step      Step name
 * @v subarchs  EARLYINIT_ALL or a Boost.PP sequence: (pc)(xen_pvh);
 *              subarchs not enabled in this build are ignored
 * @v fn        `int fn(const earlyinit_context *)`: 0 on success, else an
 *              error code
 *
 * One registration becomes one entry in the chain of each subarch it
 * serves. A function of another signature is a compile error.
 *
 * @code
 *   EARLYINIT_IMPL(kasan_early, EARLYINIT_ALL, kasan_early_init);
 * @endcode
 */
#define EARLYINIT_IMPL(step, subarchs, fn)                                    \
  LINKTABLE_STATIC_ASSERT_(                                                   \
      LINKTABLE_SAME_TYPE_(LINKTABLE_TYPEOF_(&*(fn)), earlyinit_fn *),        \
      "earlyinit: " #fn ", implementation of step " #step                     \
      ", must be int " #fn "(const earlyinit_context *)");                    \
  EARLYINIT_DECLARE_STEP_OBJ_(step);                                          \
  BOOST_PP_SEQ_FOR_EACH(EARLYINIT_IMPL_ONE_, (step, fn), subarchs)            \
  LINKTABLE_STATIC_ASSERT_(1, "EARLYINIT_IMPL(" #step ", " #fn ")")

/**
 * Say that some subarchs do not need a step, and why (at file scope).
 *
 * @v step      Step name
 * @v subarchs  A Boost.PP sequence of subarchs (disabled ones are ignored)
 * @v reason    A non-empty string literal, kept in the metadata and shown
 *              by earlyinit-audit (no quote, backslash or percent sign)
 *
 * @code
 *   EARLYINIT_EXEMPT(pvh_start_info, (pc)(lguest)(xen_pv)(intel_mid)(ce4100),
 *                    "only a PVH loader passes an hvm_start_info");
 * @endcode
 */
#define EARLYINIT_EXEMPT(step, subarchs, reason)                               \
  LINKTABLE_STATIC_ASSERT_(sizeof("" reason) > 1,                              \
                           "earlyinit: the exemption of step " #step          \
                           " needs a reason");                                 \
  LINKTABLE_STATIC_ASSERT_(EARLYINIT_REASON_OK_(reason),                       \
                           "earlyinit: the reason of the exemption of step "   \
                           #step " may not contain a quote, backslash or %");  \
  EARLYINIT_DECLARE_STEP_OBJ_(step);                                           \
  BOOST_PP_SEQ_FOR_EACH(EARLYINIT_EXEMPT_ONE_, (step, reason), subarchs)       \
  LINKTABLE_STATIC_ASSERT_(1, "EARLYINIT_EXEMPT(" #step ")")

#endif /* EARLYINIT_STEP_H */
