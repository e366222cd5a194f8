/**
 * @file
 * earlyinit/step_internal.h: how EARLYINIT_DEFINE_STEP, EARLYINIT_IMPL and
 * EARLYINIT_EXEMPT (earlyinit/step.h) do their work: the spec's checks, the
 * assembler records of steps, implementations, exemptions and
 * dependencies, and the parity symbols the linker matches. Nothing here is
 * API; include earlyinit/step.h (or earlyinit/earlyinit.h).
 */
#ifndef EARLYINIT_STEP_INTERNAL_H
#define EARLYINIT_STEP_INTERNAL_H

#ifndef EARLYINIT_STEP_H
#error "earlyinit/step_internal.h: included on its own (expected earlyinit/step.h)"
#endif

/* @cond INTERNAL */
/*
 * How the macros are built. Every public macro first finds the step's spec
 * (EARLYINIT_STEP_<step>), once, and unpacks it into arguments; if there is
 * none, the whole expansion is one static assertion in earlyinit's words,
 * so that nothing else (the preprocessor, the compiler) reports first. Then come
 * the checks, each a static assertion that names the macro, the bad token
 * and what was expected; they precede everything else the macro emits, and
 * what follows them cannot fail to compile on its own, so the first error
 * line is theirs (asm text is only assembled once the C code compiled).
 * Finally one never-called function per use holds one asm statement with
 * every entry, metadata record and parity symbol of that use: per subarch
 * only strings are pasted, and the enabled test is one token paste
 * (subarch_ids.h).
 */
#define EARLYINIT_I_CALL_(macro, args) macro args
#define EARLYINIT_I_CALL_SET_(macro, args) macro args

/*
 * The walkers (earlyinit/pp.h) of the per-use macros. What depends on the
 * use (step, function, key) is written once around an assembler `.irp`
 * over a walk's output, so each element costs one macro call.
 */
/* Unknown subarchs, as a sequence. */
#define EARLYINIT_I_WALK_UNKNOWN_SUBARCHS_A(s) EARLYINIT_I_IF_UNKNOWN_(~, s) EARLYINIT_I_WALK_UNKNOWN_SUBARCHS_B
#define EARLYINIT_I_WALK_UNKNOWN_SUBARCHS_B(s) EARLYINIT_I_IF_UNKNOWN_(~, s) EARLYINIT_I_WALK_UNKNOWN_SUBARCHS_A
#define EARLYINIT_I_WALK_UNKNOWN_SUBARCHS_A_END
#define EARLYINIT_I_WALK_UNKNOWN_SUBARCHS_B_END
/* The known subarchs' bits, `+bit`. */
#define EARLYINIT_I_WALK_SUBARCH_BITS_A(s) EARLYINIT_I_BIT_(~, s) EARLYINIT_I_WALK_SUBARCH_BITS_B
#define EARLYINIT_I_WALK_SUBARCH_BITS_B(s) EARLYINIT_I_BIT_(~, s) EARLYINIT_I_WALK_SUBARCH_BITS_A
#define EARLYINIT_I_WALK_SUBARCH_BITS_A_END
#define EARLYINIT_I_WALK_SUBARCH_BITS_B_END
/* `+1` per known subarch. */
#define EARLYINIT_I_WALK_ONE_PER_SUBARCH_A(s) EARLYINIT_I_ONE_(~, s) EARLYINIT_I_WALK_ONE_PER_SUBARCH_B
#define EARLYINIT_I_WALK_ONE_PER_SUBARCH_B(s) EARLYINIT_I_ONE_(~, s) EARLYINIT_I_WALK_ONE_PER_SUBARCH_A
#define EARLYINIT_I_WALK_ONE_PER_SUBARCH_A_END
#define EARLYINIT_I_WALK_ONE_PER_SUBARCH_B_END
/* The enabled subarchs, as `.irp` values: ",board_a" ",board_b". */
#define EARLYINIT_I_WALK_ENABLED_IRP_A(s) EARLYINIT_I_IF_ENABLED_(s) EARLYINIT_I_WALK_ENABLED_IRP_B
#define EARLYINIT_I_WALK_ENABLED_IRP_B(s) EARLYINIT_I_IF_ENABLED_(s) EARLYINIT_I_WALK_ENABLED_IRP_A
#define EARLYINIT_I_WALK_ENABLED_IRP_A_END
#define EARLYINIT_I_WALK_ENABLED_IRP_B_END
#define EARLYINIT_I_IF_ENABLED_(s) \
  EARLYINIT_I_IIF_(EARLYINIT_IS_ENABLED(s), EARLYINIT_I_IRP_VALUE_, EARLYINIT_I_NOTHING_)(s)
/* Every element, as `.irp` values (subarchs of EARLYINIT_SUBARCHS,
 * dependencies). */
#define EARLYINIT_I_WALK_IRP_VALUES_A(x) EARLYINIT_I_IRP_VALUE_(x) EARLYINIT_I_WALK_IRP_VALUES_B
#define EARLYINIT_I_WALK_IRP_VALUES_B(x) EARLYINIT_I_IRP_VALUE_(x) EARLYINIT_I_WALK_IRP_VALUES_A
#define EARLYINIT_I_WALK_IRP_VALUES_A_END
#define EARLYINIT_I_WALK_IRP_VALUES_B_END
#define EARLYINIT_I_IRP_VALUE_(x) "," #x
/* Dependencies that are not steps, as a sequence. */
#define EARLYINIT_I_WALK_UNKNOWN_DEPS_A(d) EARLYINIT_I_IF_UNKNOWN_DEP_(~, d) EARLYINIT_I_WALK_UNKNOWN_DEPS_B
#define EARLYINIT_I_WALK_UNKNOWN_DEPS_B(d) EARLYINIT_I_IF_UNKNOWN_DEP_(~, d) EARLYINIT_I_WALK_UNKNOWN_DEPS_A
#define EARLYINIT_I_WALK_UNKNOWN_DEPS_A_END
#define EARLYINIT_I_WALK_UNKNOWN_DEPS_B_END

/*
 * An assembler loop over the values a walk produced: `body` once per value,
 * with the value as `\x\()` (the `\()` ends the name where a `.` or
 * letter follows). The `0` first value, skipped, keeps an empty walk from
 * running the body once with an empty value (what `.irp x` does).
 */
#define EARLYINIT_I_IRP_(x, values, body) \
  ".irp " #x ",0" values "\n.ifnc \\" #x ",0\n" body ".endif\n.endr\n"
/* 1 if the tuple has exactly five elements (up to sixteen are told apart). */
#define EARLYINIT_I_IS_5_TUPLE_(t) EARLYINIT_I_ARITY_IS_5_ t
#define EARLYINIT_I_ARITY_IS_5_(...) \
  EARLYINIT_I_PICK_17_(__VA_ARGS__, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, ~)
#define EARLYINIT_I_PICK_17_(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, \
                             _14, _15, _16, r, ...) r
/* More than one element in a sequence. */
#define EARLYINIT_I_SEQ_HAS_2_(seq) EARLYINIT_I_IS_PAREN_(EARLYINIT_I_NOTHING_ seq)

/* Probes: 1 if the token is a policy (phases: EARLYINIT_IS_PHASE). */
#define EARLYINIT_I_PROBE_(prefix, x) EARLYINIT_I_IS_PAREN_(EARLYINIT_I_CAT_(prefix, x))
#define EARLYINIT_I_IS_POLICY_required ()
#define EARLYINIT_I_IS_POLICY_optional ()
#define EARLYINIT_I_IS_OPTIONAL_optional ()
/* Policies: the entry's flags. */
#define EARLYINIT_I_POLICY_FLAG_required 0
#define EARLYINIT_I_POLICY_FLAG_optional EARLYINIT_ENTRY_OPTIONAL

/*
 * EARLYINIT_I_WITH_SPEC_(who, step, a, b, ok): ok(who, step, a, b, phase,
 * level, order, policy, deps) with the fields of EARLYINIT_STEP_<step>, or
 * an assertion that the step is unknown or its spec malformed.
 */
#define EARLYINIT_I_WITH_SPEC_(who, step, a, b, ok)                           \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(EARLYINIT_STEP_##step),             \
                   EARLYINIT_I_WITH_SPEC_I_, EARLYINIT_I_UNKNOWN_STEP_)       \
  (who, step, a, b, ok, EARLYINIT_STEP_##step)
#define EARLYINIT_I_WITH_SPEC_I_(who, step, a, b, ok, spec)                   \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_5_TUPLE_(spec), EARLYINIT_I_CALL_, EARLYINIT_I_BAD_SPEC_) \
  (ok, (who, step, a, b, EARLYINIT_I_REM_ spec))
#define EARLYINIT_I_UNKNOWN_STEP_(who, step, ...)                             \
  LINKTABLE_I_STATIC_ASSERT_(0, #who ": unknown step `" #step                   \
                              "` (no EARLYINIT_STEP_" #step ")");
#define EARLYINIT_I_BAD_SPEC_(ok, args) EARLYINIT_I_BAD_SPEC_I_ args
#define EARLYINIT_I_BAD_SPEC_I_(who, step, a, b, ...)                         \
  LINKTABLE_I_STATIC_ASSERT_(0, #who ": the spec of step `" #step "` is ("     \
                              #__VA_ARGS__ "): expected EARLYINIT_SPEC(phase, " \
                              "level, order, policy, deps)");

/* The checks of a spec's fields, for every macro that reads one. Phase and
 * policy are checked by the preprocessor: nothing to compile when right. */
#define EARLYINIT_I_CHECK_SPEC_(who, step, phase, level, order, policy)       \
  EARLYINIT_I_IIF_(EARLYINIT_IS_PHASE(phase),                                \
                   EARLYINIT_I_NOTHING_, EARLYINIT_I_BAD_PHASE_)(who, step, phase) \
  EARLYINIT_I_IIF_(EARLYINIT_I_PROBE_(EARLYINIT_I_IS_POLICY_, policy),        \
                   EARLYINIT_I_NOTHING_, EARLYINIT_I_BAD_POLICY_)(who, step, policy) \
  LINKTABLE_I_ASSERT_DIGITS_PAIR_(                                            \
      #level, 2, #who ": step `" #step "` has level `" #level "` (expected two digits, e.g. 10)", \
      #order, 4, #who ": step `" #step "` has order `" #order                 \
      "` (expected four digits, e.g. 0100)");
#define EARLYINIT_I_BAD_PHASE_(who, step, phase)                              \
  LINKTABLE_I_STATIC_ASSERT_(0, #who ": step `" #step "` has unknown phase `"   \
                              #phase "` (expected one of "                \
                              EARLYINIT_I_STR_(EARLYINIT_PHASES) ")");
#define EARLYINIT_I_BAD_POLICY_(who, step, policy)                            \
  LINKTABLE_I_STATIC_ASSERT_(0, #who ": step `" #step "` has unknown policy `"  \
                              #policy "` (expected required or optional)");

/*
 * EARLYINIT_I_WITH_SET_(who, step, set, ok, args): ok args if `set` is a
 * sequence, else an assertion. Then every element must be a subarch, and
 * none twice: the sum of the known elements' bits has one bit per known
 * element (unknown ones have their own assertion).
 */
#define EARLYINIT_I_WITH_SET_(who, step, set, ok, args)                       \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(set), EARLYINIT_I_CALL_SET_,        \
                   EARLYINIT_I_BAD_SET_)                                      \
  (ok, args)
#define EARLYINIT_I_SET_CHECKS_(who, step, set)                               \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(set), EARLYINIT_I_CHECK_SET_,       \
                   EARLYINIT_I_BAD_SET_I_)(who, step, set)
#define EARLYINIT_I_BAD_SET_(ok, args)
#define EARLYINIT_I_BAD_SET_I_(who, step, set)                                \
  LINKTABLE_I_STATIC_ASSERT_(0, #who ": subarch set `" #set "` of step `" #step \
                              "` is not a sequence (expected one like ("       \
                              EARLYINIT_I_STR_(EARLYINIT_I_SEQ_HEAD_(EARLYINIT_SUBARCHS)) \
                              "), or EARLYINIT_ALL)");
#define EARLYINIT_I_CHECK_SET_(who, step, set)                                \
  EARLYINIT_I_ASSERT_KNOWN_(who, step, EARLYINIT_I_WALK_(EARLYINIT_I_WALK_UNKNOWN_SUBARCHS, set)) \
  EARLYINIT_I_IIF_(EARLYINIT_I_SEQ_HAS_2_(set), EARLYINIT_I_CHECK_TWICE_,    \
                   EARLYINIT_I_NOTHING_)(who, step, set)
/* Only a set of two or more can name a subarch twice. */
#define EARLYINIT_I_CHECK_TWICE_(who, step, set)                              \
  LINKTABLE_I_STATIC_ASSERT_(                                                 \
      LINKTABLE_I_EQ_(__builtin_popcountll(0ull EARLYINIT_I_WALK_(EARLYINIT_I_WALK_SUBARCH_BITS, set)), \
                      0 EARLYINIT_I_WALK_(EARLYINIT_I_WALK_ONE_PER_SUBARCH, set)),              \
      #who ": subarch set " #set " of step `" #step                           \
      "` names a subarch twice (expected each once)");
/* The unknown elements, as a sequence; the first is reported (outside the
 * loop: a shorter macro backtrace). */
#define EARLYINIT_I_IF_UNKNOWN_(data, s) EARLYINIT_I_IIF_(EARLYINIT_IS_SUBARCH(s), , (s))
#define EARLYINIT_I_ASSERT_KNOWN_(who, step, unknowns)                         \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(unknowns), EARLYINIT_I_UNKNOWN_SUBARCH_, \
                   EARLYINIT_I_NOTHING_)(who, step, EARLYINIT_I_SEQ_HEAD_(unknowns))
#define EARLYINIT_I_UNKNOWN_SUBARCH_(who, step, s)                           \
  LINKTABLE_I_STATIC_ASSERT_(0, #who ": unknown subarch `" EARLYINIT_I_STR_(s) "` for step `" \
                              #step "` (no EARLYINIT_SUBARCH_ID_" EARLYINIT_I_STR_(s) \
                              "; enabled: " EARLYINIT_I_STR_(EARLYINIT_SUBARCHS) ")");
#define EARLYINIT_I_ONE_(data, s) +EARLYINIT_IS_SUBARCH(s)
#define EARLYINIT_I_BIT_(data, s) \
  EARLYINIT_I_IIF_(EARLYINIT_IS_SUBARCH(s), +(1ull << EARLYINIT_SUBARCH_ID(s)), +0)

/* Keys, as strings: steps "A10_0100", chains "10_0100". */
#define EARLYINIT_I_CHAIN_KEY_S_(level, order) #level "_" #order
#define EARLYINIT_I_STEP_KEY_S_(phase, level, order)                  \
  EARLYINIT_I_IIF_(EARLYINIT_IS_PHASE(phase), EARLYINIT_PHASE_LETTER, "?" EARLYINIT_I_NOTHING_)(phase) \
  #level "_" #order

/* The parity symbol of (step, s), and its definition in a zero-size
 * section named after who provides it and the subarch
 * (.rodata.earlyinit.provided_by.<fn>.<s>), so that duplicates name both
 * providers and one pair can be removed from an object (tests/sweep). */
#define EARLYINIT_I_PARITY_SYM_(step_s, s_s)                                 \
  EARLYINIT_PARITY_SYMBOL_PREFIX step_s EARLYINIT_PARITY_SYMBOL_INFIX s_s    \
  EARLYINIT_PARITY_SYMBOL_SUFFIX
/* Inside an EARLYINIT_I_IRP_(s, ...) body. */
#define EARLYINIT_I_PROVIDE_ASM_(step_s, who_s)                              \
  ".pushsection \"" EARLYINIT_PROVIDED_BY_PREFIX who_s "." EARLYINIT_I_S_    \
  "\",\"a\",@progbits\n"                                                      \
  ".globl " EARLYINIT_I_PARITY_SYM_(step_s, EARLYINIT_I_S_) "\n"             \
  ".hidden " EARLYINIT_I_PARITY_SYM_(step_s, EARLYINIT_I_S_) "\n"            \
  EARLYINIT_I_PARITY_SYM_(step_s, EARLYINIT_I_S_) ":\n"                      \
  ".popsection\n"

/* The number of dependencies, an expression: (0 +1 +1). */
#define EARLYINIT_I_NDEPS_(deps) \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(deps), EARLYINIT_I_SEQ_SIZE_, 0 EARLYINIT_I_NOTHING_)(deps)

/* EARLYINIT_IMPL, after the checks: one entry and one parity definition
 * per enabled subarch, from one assembler loop. Operand 0
 * (LINKTABLE_ASM_OP) is the function; steps are named by their symbol. */
#define EARLYINIT_I_IMPL_(who, step, set, fn, phase, level, order, policy, deps) \
  EARLYINIT_I_CHECK_SPEC_(who, step, phase, level, order, policy)            \
  EARLYINIT_I_WITH_SET_(who, step, set, EARLYINIT_I_IMPL_SET_,               \
                        (who, step, set, fn, phase, level, order, policy, deps))
#define EARLYINIT_I_IMPL_SET_(who, step, set, fn, phase, level, order, policy, deps) \
  LINKTABLE_I_EMITTER_(EARLYINIT_I_CAT_(earlyinit_impl__##step##__, __COUNTER__)) { \
    __asm__ __volatile__(                                                    \
        EARLYINIT_I_IRP_(s, EARLYINIT_I_WALK_(EARLYINIT_I_WALK_ENABLED_IRP, set),          \
                         EARLYINIT_I_IMPL_ASM_(#step, #fn, #phase,           \
                                               EARLYINIT_I_CHAIN_KEY_S_(level, order), \
                                               EARLYINIT_I_IMPL_FLAGS_S_(policy, deps))) \
        :                                                                    \
        : LINKTABLE_I_ASM_SYM_CONSTRAINT_(fn));                                \
  }
/* The flags added to the entry's step reference: has-deps and optional. */
#define EARLYINIT_I_IMPL_FLAGS_S_(policy, deps)                              \
  EARLYINIT_I_STR_(EARLYINIT_I_IS_PAREN_(deps)) "+"                       \
  EARLYINIT_I_STR_(EARLYINIT_I_CAT_(EARLYINIT_I_POLICY_FLAG_, policy))
/* The subarch inside an EARLYINIT_I_IRP_(s, ...) body. */
#define EARLYINIT_I_S_ "\\s\\()"
#define EARLYINIT_I_IMPL_ASM_(step_s, fn_s, phase_s, key_s, flags_s)         \
  LINKTABLE_I_ENTRY_ASM_(                                                      \
      EARLYINIT_CHAIN_TABLE_PREFIX phase_s "__" EARLYINIT_I_S_, key_s, step_s, \
      ".long " LINKTABLE_ASM_OP(0) " - . + 0\n"                              \
      ".long " EARLYINIT_STEP_SYMBOL_PREFIX step_s " - . + " flags_s "\n", "2", \
      EARLYINIT_I_STR_(EARLYINIT_CHAIN_KEY_WIDTH),                           \
      ".asciz \"ref0=" LINKTABLE_ASM_OP(0) "\", \"ref1=" EARLYINIT_STEP_SYMBOL_PREFIX \
      step_s "\", \"earlyinit=impl\", \"step=" step_s "\", \"subarch="        \
      EARLYINIT_I_S_ "\", \"phase=" phase_s "\", \"fn=" fn_s "\"\n")         \
  EARLYINIT_I_PROVIDE_ASM_(step_s, fn_s)

/* EARLYINIT_EXEMPT, after the checks. A basic asm, without operands (the
 * step's symbol is known by name): a `%` in the reason is then no operand
 * escape, and Clang reports only the reason's own assertion. */
#define EARLYINIT_I_EXEMPT_(who, step, set, reason, phase, level, order, policy, deps) \
  EARLYINIT_I_CHECK_SPEC_(who, step, phase, level, order, policy)            \
  LINKTABLE_I_STATIC_ASSERT_(!LINKTABLE_I_EQ_(sizeof("" reason), 1),             \
                           #who ": the exemption of step `" #step            \
                           "` needs a reason (expected a non-empty string)"); \
  LINKTABLE_I_ASSERT_ASM_SAFE_(reason, #who ": the reason of the exemption of step `" \
                             #step "` contains a quote, backslash or % "     \
                             "(expected plain text)");                       \
  EARLYINIT_I_WITH_SET_(who, step, set, EARLYINIT_I_EXEMPT_SET_,             \
                        (who, step, set, reason, level, order))
/* A file-scope asm: an exemption names nothing by a C symbol (the step by
 * its asm name), so it needs no emitter function. */
#define EARLYINIT_I_EXEMPT_SET_(who, step, set, reason, level, order)        \
  __asm__(EARLYINIT_I_IRP_(s, EARLYINIT_I_WALK_(EARLYINIT_I_WALK_ENABLED_IRP, set),        \
                           EARLYINIT_I_EXEMPT_ASM_(#step, reason,            \
                                                   EARLYINIT_I_CHAIN_KEY_S_(level, order))));
#define EARLYINIT_I_EXEMPT_ASM_(step_s, reason, key_s)                       \
  LINKTABLE_I_ENTRY_ASM_(                                                      \
      EARLYINIT_EXEMPT_TABLE_PREFIX EARLYINIT_I_S_, key_s, step_s,           \
      ".long " EARLYINIT_STEP_SYMBOL_PREFIX step_s " - . + 0\n", "1",        \
      EARLYINIT_I_STR_(EARLYINIT_CHAIN_KEY_WIDTH),                           \
      ".asciz \"ref0=" EARLYINIT_STEP_SYMBOL_PREFIX step_s "\", "            \
      "\"earlyinit=exempt\", \"step=" step_s "\", \"subarch=" EARLYINIT_I_S_ \
      "\", \"reason=" reason "\"\n")                                         \
  EARLYINIT_I_PROVIDE_ASM_(step_s, EARLYINIT_EXEMPTION_PROVIDER_PREFIX step_s)

/* EARLYINIT_DEFINE_STEP, after the checks. */
#define EARLYINIT_I_DEFINE_(who, step, a, b, phase, level, order, policy, deps) \
  EARLYINIT_I_CHECK_SPEC_(who, step, phase, level, order, policy)            \
  EARLYINIT_I_IIF_(EARLYINIT_I_DEPS_OK_(deps), EARLYINIT_I_DEFINE_DEPS_,     \
                   EARLYINIT_I_BAD_DEPS_)(who, step, phase, level, order, policy, deps)
#define EARLYINIT_I_DEPS_OK_(deps) \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(deps), 1 EARLYINIT_I_NOTHING_, EARLYINIT_I_IS_EMPTY_)(deps)
#define EARLYINIT_I_BAD_DEPS_(who, step, phase, level, order, policy, deps)   \
  LINKTABLE_I_STATIC_ASSERT_(0, #who ": step `" #step "` has dependencies `"    \
                              #deps "` (expected a sequence like (" #deps     \
                              ") or nothing)");
#define EARLYINIT_I_DEFINE_DEPS_(who, step, phase, level, order, policy, deps) \
  EARLYINIT_I_ASSERT_DEPS_(who, step, EARLYINIT_I_WALK_(EARLYINIT_I_WALK_UNKNOWN_DEPS, deps)) \
  EARLYINIT_I_DEFINE_OK_(step, phase, level, order, policy,                  \
                         EARLYINIT_I_STEP_KEY_S_(phase, level, order), deps)
#define EARLYINIT_I_IF_UNKNOWN_DEP_(data, dep) \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(EARLYINIT_I_CAT_(EARLYINIT_STEP_, dep)), , (dep))
#define EARLYINIT_I_ASSERT_DEPS_(who, step, unknowns)                          \
  EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(unknowns), EARLYINIT_I_UNKNOWN_DEP_, \
                   EARLYINIT_I_NOTHING_)(who, step, EARLYINIT_I_SEQ_HEAD_(unknowns))
#define EARLYINIT_I_UNKNOWN_DEP_(who, step, dep)                              \
  LINKTABLE_I_STATIC_ASSERT_(0, #who ": step `" #step "` depends on unknown step `" \
                              EARLYINIT_I_STR_(dep) "` (no EARLYINIT_STEP_"  \
                              EARLYINIT_I_STR_(dep) ")");

/*
 * EARLYINIT_DEFINE_STEP, after the checks: a file-scope asm (no emitter
 * function) with the step's name, its entry and record, the parity
 * references of every enabled subarch, and one record per dependency (an
 * assembler loop each). The info word is an assembler expression of
 * preprocessor numbers (EARLYINIT_STEP_INFO's layout, names.h's shifts).
 *
 * EARLYINIT_DEFINE_STEP's own guard array is what the compiler's
 * "redefinition" names when a file defines a step twice.
 */
#define EARLYINIT_I_NAME_(step) \
  EARLYINIT_DEFINE_STEP__step_##step##__defined_twice__expected_once_per_program
#define EARLYINIT_I_DEFINE_OK_(step, phase, level, order, policy, key_s, deps) \
  __asm__(                                                                   \
      ".pushsection " EARLYINIT_STEP_NAME_SECTION ",\"a\",@progbits\n"       \
      EARLYINIT_STEP_NAME_PREFIX #step ":\n.asciz \"" #step "\"\n"           \
      ".popsection\n"                                                        \
      LINKTABLE_I_ENTRY_ASM_(                                                \
          EARLYINIT_STEPS_TABLE_NAME, key_s, #step,                          \
          ".long " EARLYINIT_STEP_NAME_PREFIX #step " - . + 0\n"             \
          ".long " EARLYINIT_I_INFO_S_(phase, policy, deps) "\n", "2",       \
          EARLYINIT_I_STR_(EARLYINIT_STEP_KEY_WIDTH),                        \
          ".asciz \"ref0=" EARLYINIT_STEP_NAME_PREFIX #step "\", \"earlyinit=step\", \"step=" \
          #step "\", \"phase=" #phase "\", \"level=" #level "\", \"order=" #order \
          "\", \"policy=" #policy "\"\n" EARLYINIT_I_WALK_(EARLYINIT_I_WALK_DEP_ATTRS, deps)) \
      ".pushsection " EARLYINIT_PARITY_SECTION ",\"aR\",@progbits\n"         \
      ".balign 4\n"                                                          \
      EARLYINIT_I_IRP_(s, EARLYINIT_I_WALK_(EARLYINIT_I_WALK_IRP_VALUES, EARLYINIT_SUBARCHS), \
                       ".long " EARLYINIT_I_PARITY_SYM_(#step, EARLYINIT_I_S_) " - .\n") \
      ".popsection\n"                                                        \
      EARLYINIT_I_IIF_(EARLYINIT_I_IS_PAREN_(deps), EARLYINIT_I_DEPS_ASM_,    \
                       EARLYINIT_I_NOTHING_)(#step, key_s, deps));
/* The dependencies' records; not even preprocessed for a step without. */
#define EARLYINIT_I_DEPS_ASM_(step_s, key_s, deps)                           \
  EARLYINIT_I_IRP_(d, EARLYINIT_I_WALK_(EARLYINIT_I_WALK_IRP_VALUES, deps), EARLYINIT_I_DEP_ASM_(step_s, key_s))
/* The info word, for the assembler: phase | optional << s1 | ndeps << s2. */
#define EARLYINIT_I_INFO_S_(phase, policy, deps)                             \
  EARLYINIT_I_STR_(EARLYINIT_PHASE_NUM(phase)) " | ("                        \
  EARLYINIT_I_STR_(EARLYINIT_I_PROBE_(EARLYINIT_I_IS_OPTIONAL_, policy)) " << " \
  EARLYINIT_I_STR_(EARLYINIT_STEP_INFO_OPTIONAL_SHIFT) ") | ("               \
  EARLYINIT_I_STR_(EARLYINIT_I_NDEPS_(deps)) " << "                          \
  EARLYINIT_I_STR_(EARLYINIT_STEP_INFO_NDEPS_SHIFT) ")"
/* A dependency's attribute in the step's record. */
#define EARLYINIT_I_WALK_DEP_ATTRS_A(d) ".asciz \"dep=" #d "\"\n" EARLYINIT_I_WALK_DEP_ATTRS_B
#define EARLYINIT_I_WALK_DEP_ATTRS_B(d) ".asciz \"dep=" #d "\"\n" EARLYINIT_I_WALK_DEP_ATTRS_A
#define EARLYINIT_I_WALK_DEP_ATTRS_A_END
#define EARLYINIT_I_WALK_DEP_ATTRS_B_END
/* A dependency's record, inside EARLYINIT_I_IRP_(d, ...). */
#define EARLYINIT_I_D_ "\\d\\()"
#define EARLYINIT_I_DEP_ASM_(step_s, key_s)                                  \
  LINKTABLE_I_ENTRY_ASM_(                                                      \
      EARLYINIT_DEPS_TABLE_NAME, key_s, step_s "__" EARLYINIT_I_D_,          \
      ".long " EARLYINIT_STEP_SYMBOL_PREFIX step_s " - . + 0\n"              \
      ".long " EARLYINIT_STEP_SYMBOL_PREFIX EARLYINIT_I_D_ " - . + 0\n", "2", \
      EARLYINIT_I_STR_(EARLYINIT_STEP_KEY_WIDTH),                            \
      ".asciz \"ref0=" EARLYINIT_STEP_SYMBOL_PREFIX step_s "\", \"ref1="     \
      EARLYINIT_STEP_SYMBOL_PREFIX EARLYINIT_I_D_ "\", \"earlyinit=dep\", \"step=" \
      step_s "\", \"dep=" EARLYINIT_I_D_ "\"\n")
/* @endcond */

#endif /* EARLYINIT_STEP_INTERNAL_H */
