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
 *   #define EARLYINIT_STEP_cr4_shadow  EARLYINIT_SPEC(early, 10, 0100, required, )
 *   #define EARLYINIT_STEP_kasan_early EARLYINIT_SPEC(early, 10, 0200, required, (cr4_shadow))
 *
 *   // steps.c
 *   EARLYINIT_DEFINE_STEP(cr4_shadow);
 *   EARLYINIT_DEFINE_STEP(kasan_early);
 *
 *   // cr4.c
 *   static int cr4_native(const earlyinit_context *c) { (void)c; return 0; }  // reads CR4
 *   static int cr4_xen_pv(const earlyinit_context *c) { (void)c; return 0; }  // asks Xen
 *   EARLYINIT_IMPL(cr4_shadow, (pc)(lguest)(intel_mid)(ce4100)(xen_pvh), cr4_native);
 *   EARLYINIT_IMPL(cr4_shadow, (xen_pv), cr4_xen_pv);
 * @endcode
 */
#ifndef EARLYINIT_STEP_H
#define EARLYINIT_STEP_H

#include "linktable/types.h"

#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/control/iif.hpp>
#include <boost/preprocessor/facilities/is_empty.hpp>
#include <boost/preprocessor/punctuation/is_begin_parens.hpp>
#include <boost/preprocessor/repetition/repeat.hpp>
#include <boost/preprocessor/seq/elem.hpp>
#include <boost/preprocessor/seq/seq.hpp>
#include <boost/preprocessor/seq/size.hpp>
#include <boost/preprocessor/stringize.hpp>
#include <boost/preprocessor/tuple/eat.hpp>
#include <boost/preprocessor/tuple/rem.hpp>
#include <boost/preprocessor/tuple/size.hpp>

#include "earlyinit/names.h"
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
 * - deps: Boost.PP sequence of steps it must run after, or empty
 *
 * Variadic, so that a spec of the wrong arity reaches earlyinit's own check
 * (a misuse error in earlyinit's words) instead of the preprocessor's.
 *
 * Steps run in (level, order, name) order; that order must agree with deps
 * (earlyinit-audit check verifies it, the dispatcher refuses to run a step
 * whose dependency did not run successfully).
 *
 * @code
 *   #define EARLYINIT_STEP_e820 EARLYINIT_SPEC(setup_arch, 20, 0100, required, (cmdline))
 * @endcode
 */
#define EARLYINIT_SPEC(...) (__VA_ARGS__)

/* @cond INTERNAL */
/*
 * How the macros are built. Every public macro first finds the step's spec
 * (EARLYINIT_STEP_<step>), once, and unpacks it into arguments; if there is
 * none, the whole expansion is one static assertion in earlyinit's words,
 * so that nothing else (Boost.PP, the compiler) reports first. Then come
 * the checks, each a static assertion that names the macro, the bad token
 * and what was expected; they precede everything else the macro emits, and
 * what follows them cannot fail to compile on its own, so the first error
 * line is theirs (asm text is only assembled once the C code compiled).
 * Finally one never-called function per use holds one asm statement with
 * every entry, metadata record and parity symbol of that use: per subarch
 * only strings are pasted, and the enabled test is one token paste
 * (subarch_ids.h).
 */
/* Three of each, one per nesting level: a macro cannot expand itself. */
#define EARLYINIT_I_CALL_(macro, args) macro args
#define EARLYINIT_I_CALL_SET_(macro, args) macro args
#define EARLYINIT_I_CALL_LOOP_(macro, args) macro args
#define EARLYINIT_I_CALL_REP_(macro, args) macro args

/*
 * For each element e of a sequence: macro(data, e). BOOST_PP_REPEAT_1, not
 * BOOST_PP_SEQ_FOR_EACH: the latter first searches for a free recursion
 * level, about a millisecond of GCC's time per use, which was most of the
 * preprocessing of an EARLYINIT_IMPL. Not nestable; sequences are short.
 * Level 3, the one a user's own BOOST_PP_REPEAT around the macros is the
 * least likely to hold.
 */
#define EARLYINIT_I_FOR_SEQ_(macro, data, seq) \
  BOOST_PP_REPEAT_3(BOOST_PP_SEQ_SIZE(seq), EARLYINIT_I_FOR_SEQ_I_, (macro, data, seq))
#define EARLYINIT_I_FOR_SEQ_I_(z, i, mds) EARLYINIT_I_FOR_SEQ_II_(i, EARLYINIT_I_REM_ mds)
#define EARLYINIT_I_FOR_SEQ_II_(i, args) EARLYINIT_I_FOR_SEQ_III_(i, args)
#define EARLYINIT_I_FOR_SEQ_III_(i, macro, data, seq) \
  EARLYINIT_I_CALL_REP_(macro, (data, BOOST_PP_SEQ_ELEM(i, seq)))
#define EARLYINIT_I_APPLY_(macro, ...) macro(__VA_ARGS__)
#define EARLYINIT_I_REM_(...) __VA_ARGS__
#define EARLYINIT_I_NOTHING_(...)
#define EARLYINIT_I_STR_(x) BOOST_PP_STRINGIZE(x)

/* Probes: 1 if the token is a phase / policy, a 5-field spec. */
#define EARLYINIT_I_PROBE_(prefix, x) BOOST_PP_IS_BEGIN_PARENS(BOOST_PP_CAT(prefix, x))
#define EARLYINIT_I_IS_PHASE_early ()
#define EARLYINIT_I_IS_PHASE_setup_arch ()
#define EARLYINIT_I_IS_PHASE_late ()
#define EARLYINIT_I_IS_POLICY_required ()
#define EARLYINIT_I_IS_POLICY_optional ()
#define EARLYINIT_I_IS_5_5 ()
#define EARLYINIT_I_IS_OPTIONAL_optional ()
/* A phase's enum value, 0 for a bad phase (asserted separately, so that its
 * assertion is the only error). */
#define EARLYINIT_I_PHASE_VALUE_(phase)                              \
  BOOST_PP_IIF(EARLYINIT_I_PROBE_(EARLYINIT_I_IS_PHASE_, phase),     \
               BOOST_PP_CAT(EARLYINIT_PHASE_, phase), 0)

/* Policies: the entry's flags. */
#define EARLYINIT_I_POLICY_FLAG_required 0
#define EARLYINIT_I_POLICY_FLAG_optional EARLYINIT_ENTRY_OPTIONAL

/*
 * EARLYINIT_I_WITH_SPEC_(who, step, a, b, ok): ok(who, step, a, b, phase,
 * level, order, policy, deps) with the fields of EARLYINIT_STEP_<step>, or
 * an assertion that the step is unknown or its spec malformed.
 */
#define EARLYINIT_I_WITH_SPEC_(who, step, a, b, ok)                           \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(EARLYINIT_STEP_##step),               \
               EARLYINIT_I_WITH_SPEC_I_, EARLYINIT_I_UNKNOWN_STEP_)           \
  (who, step, a, b, ok, EARLYINIT_STEP_##step)
#define EARLYINIT_I_WITH_SPEC_I_(who, step, a, b, ok, spec)                   \
  BOOST_PP_IIF(EARLYINIT_I_PROBE_(EARLYINIT_I_IS_5_, BOOST_PP_TUPLE_SIZE(spec)), \
               EARLYINIT_I_CALL_, EARLYINIT_I_BAD_SPEC_)                      \
  (ok, (who, step, a, b, BOOST_PP_TUPLE_REM() spec))
#define EARLYINIT_I_UNKNOWN_STEP_(who, step, ...)                             \
  LINKTABLE_STATIC_ASSERT_(0, #who ": unknown step `" #step                   \
                              "` (no EARLYINIT_STEP_" #step ")");
#define EARLYINIT_I_BAD_SPEC_(ok, args) EARLYINIT_I_BAD_SPEC_I_ args
#define EARLYINIT_I_BAD_SPEC_I_(who, step, a, b, ...)                         \
  LINKTABLE_STATIC_ASSERT_(0, #who ": the spec of step `" #step "` is ("     \
                              #__VA_ARGS__ "): expected EARLYINIT_SPEC(phase, " \
                              "level, order, policy, deps)");

/* The checks of a spec's fields, for every macro that reads one. Phase and
 * policy are checked by the preprocessor: nothing to compile when right. */
#define EARLYINIT_I_CHECK_SPEC_(who, step, phase, level, order, policy)       \
  BOOST_PP_IIF(EARLYINIT_I_PROBE_(EARLYINIT_I_IS_PHASE_, phase),              \
               EARLYINIT_I_NOTHING_, EARLYINIT_I_BAD_PHASE_)(who, step, phase) \
  BOOST_PP_IIF(EARLYINIT_I_PROBE_(EARLYINIT_I_IS_POLICY_, policy),            \
               EARLYINIT_I_NOTHING_, EARLYINIT_I_BAD_POLICY_)(who, step, policy) \
  LINKTABLE_ASSERT_DIGITS_(#level, 2,                                         \
                           #who ": step `" #step "` has level `" #level       \
                           "` (expected two digits, e.g. 10)");               \
  LINKTABLE_ASSERT_DIGITS_(#order, 4,                                         \
                           #who ": step `" #step "` has order `" #order       \
                           "` (expected four digits, e.g. 0100)");
#define EARLYINIT_I_BAD_PHASE_(who, step, phase)                              \
  LINKTABLE_STATIC_ASSERT_(0, #who ": step `" #step "` has unknown phase `"   \
                              #phase "` (expected early, setup_arch or late)");
#define EARLYINIT_I_BAD_POLICY_(who, step, policy)                            \
  LINKTABLE_STATIC_ASSERT_(0, #who ": step `" #step "` has unknown policy `"  \
                              #policy "` (expected required or optional)");

/*
 * EARLYINIT_I_WITH_SET_(who, step, set, ok, args): ok args if `set` is a
 * sequence, else an assertion. Then every element must be a subarch, and
 * none twice: the sum of the known elements' bits has one bit per known
 * element (unknown ones have their own assertion).
 */
#define EARLYINIT_I_WITH_SET_(who, step, set, ok, args)                       \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(set), EARLYINIT_I_CALL_SET_,          \
               EARLYINIT_I_BAD_SET_)                                          \
  (ok, args)
#define EARLYINIT_I_SET_CHECKS_(who, step, set)                               \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(set), EARLYINIT_I_CHECK_SET_,         \
               EARLYINIT_I_BAD_SET_I_)(who, step, set)
#define EARLYINIT_I_BAD_SET_(ok, args)
#define EARLYINIT_I_BAD_SET_I_(who, step, set)                                \
  LINKTABLE_STATIC_ASSERT_(0, #who ": subarch set `" #set "` of step `" #step \
                              "` is not a sequence (expected (pc)(xen_pvh)"   \
                              " or EARLYINIT_ALL)");
#define EARLYINIT_I_CHECK_SET_(who, step, set)                                \
  EARLYINIT_I_ASSERT_KNOWN_(who, step,                                        \
                            EARLYINIT_I_FOR_SEQ_(EARLYINIT_I_IF_UNKNOWN_, ~, set)) \
  LINKTABLE_STATIC_ASSERT_(                                                   \
      LINKTABLE_EQ_(                                                          \
          __builtin_popcountll(0ull EARLYINIT_I_FOR_SEQ_(EARLYINIT_I_BIT_, ~, set)), \
          0 EARLYINIT_I_FOR_SEQ_(EARLYINIT_I_ONE_, ~, set)),                  \
      #who ": subarch set " #set " of step `" #step                           \
      "` names a subarch twice (expected each once)");
/* The unknown elements, as a sequence; the first is reported (outside the
 * loop: a shorter macro backtrace). */
#define EARLYINIT_I_IF_UNKNOWN_(data, s) BOOST_PP_IIF(EARLYINIT_IS_SUBARCH(s), , (s))
#define EARLYINIT_I_ASSERT_KNOWN_(who, step, unknowns)                         \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(unknowns), EARLYINIT_I_UNKNOWN_SUBARCH_, \
               EARLYINIT_I_NOTHING_)(who, step, BOOST_PP_SEQ_HEAD(unknowns))
#define EARLYINIT_I_UNKNOWN_SUBARCH_(who, step, s)                           \
  LINKTABLE_STATIC_ASSERT_(0, #who ": unknown subarch `" EARLYINIT_I_STR_(s) "` for step `" \
                              #step "` (no EARLYINIT_SUBARCH_ID_" EARLYINIT_I_STR_(s) \
                              "; enabled: " EARLYINIT_I_STR_(EARLYINIT_SUBARCHS) ")");
#define EARLYINIT_I_ONE_(data, s) +EARLYINIT_IS_SUBARCH(s)
#define EARLYINIT_I_BIT_(data, s) \
  BOOST_PP_IIF(EARLYINIT_IS_SUBARCH(s), +(1ull << EARLYINIT_SUBARCH_ID(s)), +0)

/* The step's entry in earlyinit_steps, as a C object. */
#define EARLYINIT_I_STEP_OBJ_(step) earlyinit_step_entry__##step
#define EARLYINIT_I_DECLARE_STEP_OBJ_(step)                                  \
  extern const struct earlyinit_step EARLYINIT_I_STEP_OBJ_(step) __asm__(    \
      EARLYINIT_STEP_SYMBOL_PREFIX #step) LINKTABLE_HIDDEN_

/* Keys, as strings: steps "A10_0100", chains "10_0100". */
#define EARLYINIT_I_CHAIN_KEY_S_(level, order) #level "_" #order
#define EARLYINIT_I_STEP_KEY_S_(phase, level, order)                  \
  BOOST_PP_IIF(EARLYINIT_I_PROBE_(EARLYINIT_I_IS_PHASE_, phase),       \
               EARLYINIT_I_PHASE_LETTER_(phase), "?") #level "_" #order

/* The parity symbol of (step, s), and its definition in a zero-size
 * section named after who provides it and the subarch
 * (.rodata.earlyinit.provided_by.<fn>.<s>), so that duplicates name both
 * providers and one pair can be removed from an object (tests/sweep). */
#define EARLYINIT_I_PARITY_SYM_(step_s, s)                                   \
  EARLYINIT_PARITY_SYMBOL_PREFIX step_s EARLYINIT_PARITY_SYMBOL_INFIX EARLYINIT_I_STR_(s)     \
  EARLYINIT_PARITY_SYMBOL_SUFFIX
#define EARLYINIT_I_PROVIDE_ASM_(step_s, s, who_s)                           \
  ".pushsection \"" EARLYINIT_PROVIDED_BY_PREFIX who_s "." EARLYINIT_I_STR_(s) \
  "\",\"a\",@progbits\n"                                                      \
  ".globl " EARLYINIT_I_PARITY_SYM_(step_s, s) "\n"                          \
  ".hidden " EARLYINIT_I_PARITY_SYM_(step_s, s) "\n"                         \
  EARLYINIT_I_PARITY_SYM_(step_s, s) ":\n"                                   \
  ".popsection\n"

/* For each subarch s of a set that is enabled: macro(d..., s), where
 * md is (macro, d...). */
#define EARLYINIT_I_FOR_ENABLED_(md, s)                                   \
  BOOST_PP_IIF(EARLYINIT_IS_ENABLED(s), EARLYINIT_I_CALL_LOOP_, BOOST_PP_TUPLE_EAT(2)) \
  (EARLYINIT_I_APPLY_, (BOOST_PP_TUPLE_REM() md, s))
/* For each dependency (deps may be empty). */
#define EARLYINIT_I_FOR_DEPS_(macro, data, deps)                             \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(deps), EARLYINIT_I_FOR_SEQ_,         \
               BOOST_PP_TUPLE_EAT(3))(macro, data, deps)
#define EARLYINIT_I_NDEPS_(deps) \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(deps), BOOST_PP_SEQ_SIZE, 0 BOOST_PP_TUPLE_EAT(1))(deps)

/* EARLYINIT_IMPL, after the checks: one entry and one parity definition
 * per enabled subarch. Operands (LINKTABLE_ASM_OP): 0 the function, 1 the
 * step. */
#define EARLYINIT_I_IMPL_(who, step, set, fn, phase, level, order, policy, deps) \
  EARLYINIT_I_CHECK_SPEC_(who, step, phase, level, order, policy)            \
  EARLYINIT_I_WITH_SET_(who, step, set, EARLYINIT_I_IMPL_SET_,               \
                        (who, step, set, fn, phase, level, order, policy, deps))
#define EARLYINIT_I_IMPL_SET_(who, step, set, fn, phase, level, order, policy, deps) \
  EARLYINIT_I_DECLARE_STEP_OBJ_(step);                                       \
  LINKTABLE_EMITTER_(BOOST_PP_CAT(earlyinit_impl__##step##__, __COUNTER__)) { \
    __asm__ __volatile__(                                                    \
        "" /* no enabled subarch: nothing */                                 \
        EARLYINIT_I_FOR_SEQ_(                                                \
            EARLYINIT_I_FOR_ENABLED_,                                        \
            (EARLYINIT_I_IMPL_ASM_, #step, #fn, #phase,                      \
             EARLYINIT_I_CHAIN_KEY_S_(level, order),                         \
             EARLYINIT_I_STR_(BOOST_PP_IS_BEGIN_PARENS(deps)) "+"            \
             EARLYINIT_I_STR_(BOOST_PP_CAT(EARLYINIT_I_POLICY_FLAG_, policy))), \
            set)                                                             \
        :                                                                    \
        : LINKTABLE_ASM_SYM_CONSTRAINT_(fn),                                   \
          LINKTABLE_ASM_SYM_CONSTRAINT_(&EARLYINIT_I_STEP_OBJ_(step)));                       \
  }
#define EARLYINIT_I_IMPL_ASM_(step_s, fn_s, phase_s, key_s, flags_s, s)      \
  LINKTABLE_ENTRY_ASM_(                                                      \
      EARLYINIT_CHAIN_TABLE_PREFIX phase_s "__" EARLYINIT_I_STR_(s), key_s, step_s,           \
      ".long " LINKTABLE_ASM_OP(0) " - . + 0\n.long " LINKTABLE_ASM_OP(1) " - . + " flags_s "\n", "2",               \
      EARLYINIT_I_STR_(EARLYINIT_CHAIN_KEY_WIDTH),                           \
      ".asciz \"ref0=" LINKTABLE_ASM_OP(0) "\", \"ref1=" LINKTABLE_ASM_OP(1) "\", \"earlyinit=impl\", \"step=" step_s \
      "\", \"subarch=" EARLYINIT_I_STR_(s) "\", \"phase=" phase_s "\", \"fn=" fn_s "\"\n") \
  EARLYINIT_I_PROVIDE_ASM_(step_s, s, fn_s)

/* EARLYINIT_EXEMPT, after the checks. A basic asm, without operands (the
 * step's symbol is known by name): a `%` in the reason is then no operand
 * escape, and Clang reports only the reason's own assertion. */
#define EARLYINIT_I_EXEMPT_(who, step, set, reason, phase, level, order, policy, deps) \
  EARLYINIT_I_CHECK_SPEC_(who, step, phase, level, order, policy)            \
  LINKTABLE_STATIC_ASSERT_(!LINKTABLE_EQ_(sizeof("" reason), 1),             \
                           #who ": the exemption of step `" #step            \
                           "` needs a reason (expected a non-empty string)"); \
  LINKTABLE_ASSERT_ASM_SAFE_(reason, #who ": the reason of the exemption of step `" \
                             #step "` contains a quote, backslash or % "     \
                             "(expected plain text)");                       \
  EARLYINIT_I_WITH_SET_(who, step, set, EARLYINIT_I_EXEMPT_SET_,             \
                        (who, step, set, reason, level, order))
#define EARLYINIT_I_EXEMPT_SET_(who, step, set, reason, level, order)        \
  EARLYINIT_I_DECLARE_STEP_OBJ_(step);                                       \
  LINKTABLE_EMITTER_(BOOST_PP_CAT(earlyinit_exempt__##step##__, __COUNTER__)) { \
    __asm__ __volatile__(                                                    \
        "" /* no enabled subarch: nothing */                                 \
        EARLYINIT_I_FOR_SEQ_(                                                \
            EARLYINIT_I_FOR_ENABLED_,                                        \
            (EARLYINIT_I_EXEMPT_ASM_, #step, reason,                         \
             EARLYINIT_I_CHAIN_KEY_S_(level, order)),                        \
            set)                                                             \
        );                                                                   \
  }
#define EARLYINIT_I_EXEMPT_ASM_(step_s, reason, key_s, s)                    \
  LINKTABLE_ENTRY_ASM_(                                                      \
      EARLYINIT_EXEMPT_TABLE_PREFIX EARLYINIT_I_STR_(s), key_s, step_s,                       \
      ".long " EARLYINIT_STEP_SYMBOL_PREFIX step_s " - . + 0\n", "1",        \
      EARLYINIT_I_STR_(EARLYINIT_CHAIN_KEY_WIDTH),                           \
      ".asciz \"ref0=" EARLYINIT_STEP_SYMBOL_PREFIX step_s "\"\n"            \
      ".asciz \"earlyinit=exempt\"\n"                                        \
      ".asciz \"step=" step_s "\"\n"                                         \
      ".asciz \"subarch=" EARLYINIT_I_STR_(s) "\"\n"                                          \
      ".asciz \"reason=" reason "\"\n")                                      \
  EARLYINIT_I_PROVIDE_ASM_(step_s, s,                                        \
                           EARLYINIT_EXEMPTION_PROVIDER_PREFIX step_s)

/* EARLYINIT_DEFINE_STEP, after the checks. */
#define EARLYINIT_I_DEFINE_(who, step, a, b, phase, level, order, policy, deps) \
  EARLYINIT_I_CHECK_SPEC_(who, step, phase, level, order, policy)            \
  BOOST_PP_IIF(EARLYINIT_I_DEPS_OK_(deps), EARLYINIT_I_DEFINE_DEPS_,         \
               EARLYINIT_I_BAD_DEPS_)(who, step, phase, level, order, policy, deps)
#define EARLYINIT_I_DEPS_OK_(deps) \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(deps), 1, BOOST_PP_IS_EMPTY(deps))
#define EARLYINIT_I_BAD_DEPS_(who, step, phase, level, order, policy, deps)   \
  LINKTABLE_STATIC_ASSERT_(0, #who ": step `" #step "` has dependencies `"    \
                              #deps "` (expected a sequence like (cr4_shadow)" \
                              " or nothing)");
#define EARLYINIT_I_DEFINE_DEPS_(who, step, phase, level, order, policy, deps) \
  EARLYINIT_I_ASSERT_DEPS_(who, step,                                        \
                           EARLYINIT_I_FOR_DEPS_(EARLYINIT_I_IF_UNKNOWN_DEP_, ~, deps)) \
  EARLYINIT_I_DEFINE_OK_(step, phase, level, order, policy,                  \
                         EARLYINIT_I_STEP_KEY_S_(phase, level, order), deps)
#define EARLYINIT_I_IF_UNKNOWN_DEP_(data, dep) \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(BOOST_PP_CAT(EARLYINIT_STEP_, dep)), , (dep))
#define EARLYINIT_I_ASSERT_DEPS_(who, step, unknowns)                          \
  BOOST_PP_IIF(BOOST_PP_IS_BEGIN_PARENS(unknowns), EARLYINIT_I_UNKNOWN_DEP_,  \
               EARLYINIT_I_NOTHING_)(who, step, BOOST_PP_SEQ_HEAD(unknowns))
#define EARLYINIT_I_UNKNOWN_DEP_(who, step, dep)                              \
  LINKTABLE_STATIC_ASSERT_(0, #who ": step `" #step "` depends on unknown step `" \
                              EARLYINIT_I_STR_(dep) "` (no EARLYINIT_STEP_"  \
                              EARLYINIT_I_STR_(dep) ")");

/*
 * The step's name array (defined first, in EARLYINIT_DEFINE_STEP itself,
 * for a short backtrace) doubles as the guard against defining a step twice
 * in one file: its identifier is what the compiler's "redefinition" names.
 * Operands (LINKTABLE_ASM_OP): 0 the name, 1 the info word; dependencies'
 * records use
 * their own emitter (they reference other steps).
 */
#define EARLYINIT_I_NAME_(step) \
  EARLYINIT_DEFINE_STEP__step_##step##__defined_twice__expected_once_per_program
#define EARLYINIT_I_DEFINE_OK_(step, phase, level, order, policy, key_s, deps) \
  EARLYINIT_I_DECLARE_STEP_OBJ_(step);                                       \
  LINKTABLE_EMITTER_(BOOST_PP_CAT(earlyinit_define__##step##__, __COUNTER__)) { \
    __asm__ __volatile__(                                                    \
        LINKTABLE_ENTRY_ASM_(                                                \
            EARLYINIT_STEPS_TABLE_NAME, key_s, #step,                        \
            ".long " LINKTABLE_ASM_OP(0) " - . + 0\n.long " LINKTABLE_ASM_OP(1) "\n", "2",                           \
            EARLYINIT_I_STR_(EARLYINIT_STEP_KEY_WIDTH),                      \
            ".asciz \"ref0=" LINKTABLE_ASM_OP(0) "\"\n.asciz \"u32_1=" LINKTABLE_ASM_OP(1) "\"\n"                    \
            ".asciz \"earlyinit=step\"\n"                                    \
            ".asciz \"step=" #step "\"\n"                                    \
            ".asciz \"phase=" #phase "\"\n"                                  \
            ".asciz \"level=" #level "\"\n"                                  \
            ".asciz \"order=" #order "\"\n"                                  \
            ".asciz \"policy=" #policy "\"\n"                                \
            EARLYINIT_I_FOR_DEPS_(EARLYINIT_I_DEP_ATTR_, ~, deps))           \
        ".pushsection " EARLYINIT_PARITY_SECTION ",\"aR\",@progbits\n"       \
        ".balign 4\n"                                                        \
        EARLYINIT_I_FOR_SEQ_(EARLYINIT_I_OWE_, #step, EARLYINIT_SUBARCHS)   \
        ".popsection\n"                                                      \
        :                                                                    \
        : LINKTABLE_ASM_SYM_CONSTRAINT_(EARLYINIT_I_NAME_(step)),                                      \
          "i"(EARLYINIT_STEP_INFO(EARLYINIT_I_PHASE_VALUE_(phase),           \
                                  EARLYINIT_I_PROBE_(EARLYINIT_I_IS_OPTIONAL_, policy), \
                                  EARLYINIT_I_NDEPS_(deps))));               \
  }                                                                          \
  EARLYINIT_I_FOR_DEPS_(EARLYINIT_I_DEP_, (step, key_s), deps)
#define EARLYINIT_I_DEP_ATTR_(data, dep) ".asciz \"dep=" EARLYINIT_I_STR_(dep) "\"\n"
#define EARLYINIT_I_OWE_(step_s, s) \
  ".long " EARLYINIT_I_PARITY_SYM_(step_s, s) " - .\n"
#define EARLYINIT_I_DEP_(sk, dep) \
  EARLYINIT_I_CALL_LOOP_(EARLYINIT_I_DEP_EMIT_, (BOOST_PP_TUPLE_REM() sk, dep))
#define EARLYINIT_I_DEP_EMIT_(step, key_s, dep)                               \
  EARLYINIT_I_DECLARE_STEP_OBJ_(dep);                                        \
  LINKTABLE_EMITTER_(BOOST_PP_CAT(earlyinit_dep__##step##__, __COUNTER__)) { \
    __asm__ __volatile__(                                                    \
        LINKTABLE_ENTRY_ASM_(                                                \
            EARLYINIT_DEPS_TABLE_NAME, key_s, #step "__" #dep,               \
            ".long " LINKTABLE_ASM_OP(0) " - . + 0\n.long " LINKTABLE_ASM_OP(1) " - . + 0\n", "2",                   \
            EARLYINIT_I_STR_(EARLYINIT_STEP_KEY_WIDTH),                      \
            ".asciz \"ref0=" LINKTABLE_ASM_OP(0) "\"\n.asciz \"ref1=" LINKTABLE_ASM_OP(1) "\"\n"                     \
            ".asciz \"earlyinit=dep\"\n"                                     \
            ".asciz \"step=" #step "\"\n"                                    \
            ".asciz \"dep=" #dep "\"\n")                                     \
        :                                                                    \
        : LINKTABLE_ASM_SYM_CONSTRAINT_(&EARLYINIT_I_STEP_OBJ_(step)),          \
          LINKTABLE_ASM_SYM_CONSTRAINT_(&EARLYINIT_I_STEP_OBJ_(dep))); \
  }
/* @endcond */

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
 *   EARLYINIT_DEFINE_STEP(kasan_early);
 * @endcode
 */
#define EARLYINIT_DEFINE_STEP(step)                                          \
  /* unused when the spec is bad: then its assertion is the only error */    \
  __attribute__((__unused__)) static const char EARLYINIT_I_NAME_(step)[] = #step; \
  EARLYINIT_I_WITH_SPEC_(EARLYINIT_DEFINE_STEP, step, ~, ~, EARLYINIT_I_DEFINE_) \
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
#define EARLYINIT_IMPL(step, subarchs, fn)                                   \
  LINKTABLE_STATIC_ASSERT_(                                                  \
      LINKTABLE_SAME_TYPE_(LINKTABLE_TYPEOF_(&*(fn)), earlyinit_fn *),       \
      "EARLYINIT_IMPL: " #fn ", implementation of step `" #step              \
      "`, must be int " #fn "(const earlyinit_context *)");                  \
  EARLYINIT_I_SET_CHECKS_(EARLYINIT_IMPL, step, subarchs)                    \
  EARLYINIT_I_WITH_SPEC_(EARLYINIT_IMPL, step, subarchs, fn, EARLYINIT_I_IMPL_) \
  LINKTABLE_STATIC_ASSERT_(1, "EARLYINIT_IMPL(" #step ", " #fn ")")

/**
 * Say that some subarchs do not need a step, and why (at file scope).
 *
 * @v step      Step name
 * @v subarchs  A Boost.PP sequence of subarchs (disabled ones are ignored)
 * @v reason    A non-empty string literal, kept in the metadata and shown
 *              by earlyinit-audit. No quote, backslash or percent sign: C++
 *              rejects them with a message naming the step; C does not
 *              check, and the compiler or assembler fails less clearly
 *              (a '%' gives "invalid 'asm': invalid %-code")
 *
 * @code
 *   EARLYINIT_EXEMPT(pvh_start_info, (pc)(lguest)(xen_pv)(intel_mid)(ce4100),
 *                    "only a PVH loader passes an hvm_start_info");
 * @endcode
 */
#define EARLYINIT_EXEMPT(step, subarchs, reason)                             \
  EARLYINIT_I_SET_CHECKS_(EARLYINIT_EXEMPT, step, subarchs)                  \
  EARLYINIT_I_WITH_SPEC_(EARLYINIT_EXEMPT, step, subarchs, reason, EARLYINIT_I_EXEMPT_) \
  LINKTABLE_STATIC_ASSERT_(1, "EARLYINIT_EXEMPT(" #step ")")

#endif /* EARLYINIT_STEP_H */
