/*
 * earlyinit/pp.h: the preprocessor helpers of earlyinit's macros (internal).
 *
 * Everything earlyinit's macros compute at preprocessing time, without
 * Boost or any other library: the kernel-facing headers include nothing
 * but their own and <stdint.h>/<stddef.h> (tests/earlyinit/no_boost_test.sh).
 * Written for cost: an EARLYINIT_IMPL runs each of them a few times, and
 * every macro call is preprocessing time in every file that registers a
 * step (docs/bench.md, "Compile time"). linktable/ has its own, smaller set
 * (linktable/pp.h), so that its loops may run inside earlyinit's: a macro
 * cannot be expanded again inside its own expansion.
 *
 * Sequences are Boost.PP's notation, (a)(b)(c), and nothing else of Boost:
 * the walks below read them directly.
 */
#ifndef EARLYINIT_PP_H
#define EARLYINIT_PP_H

/* A system header, as Boost's in /usr/include were: compilers then leave
 * these helpers' levels out of the macro backtrace of a misuse, which
 * stays short (tests/earlyinit/misuse_test.cc: 31 lines at most). */
#pragma GCC system_header

/* @cond INTERNAL */
#define EARLYINIT_I_CAT_(a, b) EARLYINIT_I_CAT_I_(a, b)
#define EARLYINIT_I_CAT_I_(a, b) a##b
#define EARLYINIT_I_REM_(...) __VA_ARGS__
#define EARLYINIT_I_NOTHING_(...)
#define EARLYINIT_I_STR_(x) EARLYINIT_I_STR_I_(x)
#define EARLYINIT_I_STR_I_(x) #x

/* t if c is 1, f if c is 0 (c a preprocessor 0 or 1, after expansion). */
#define EARLYINIT_I_IIF_(c, t, f) EARLYINIT_I_IIF_I_(c, t, f)
#define EARLYINIT_I_IIF_I_(c, t, f) EARLYINIT_I_IIF_##c(t, f)
#define EARLYINIT_I_IIF_0(t, f) f
#define EARLYINIT_I_IIF_1(t, f) t

/*
 * 1 if x begins with parentheses, else 0 (BOOST_PP_IS_BEGIN_PARENS in a
 * few macro calls): EARLYINIT_I_PAREN_PROBE_ only expands before `(`, and
 * then adds the argument that EARLYINIT_I_SECOND_ picks.
 */
#define EARLYINIT_I_IS_PAREN_(x) EARLYINIT_I_SECOND_(EARLYINIT_I_PAREN_PROBE_ x, 0, ~)
#define EARLYINIT_I_PAREN_PROBE_(...) ~, 1,
#define EARLYINIT_I_SECOND_(...) EARLYINIT_I_SECOND_I_(__VA_ARGS__)
#define EARLYINIT_I_SECOND_I_(a, b, ...) b

/* 1 if x is empty, else 0, for x of identifiers, numbers and sequences:
 * EARLYINIT_I_EMPTY_PROBE_ meets the `()` only when nothing comes between. */
#define EARLYINIT_I_IS_EMPTY_(x) EARLYINIT_I_IS_PAREN_(EARLYINIT_I_EMPTY_PROBE_ x ())
#define EARLYINIT_I_EMPTY_PROBE_(...) ()

/* The first element of a non-empty sequence: (a)(b)(c) -> a. */
#define EARLYINIT_I_SEQ_HEAD_(seq) EARLYINIT_I_FIRST_(EARLYINIT_I_SEQ_HEAD_I_ seq)
#define EARLYINIT_I_SEQ_HEAD_I_(x) x, ~
#define EARLYINIT_I_FIRST_(...) EARLYINIT_I_FIRST_I_(__VA_ARGS__, ~)
#define EARLYINIT_I_FIRST_I_(a, ...) a

/*
 * A walk over a sequence (a)(b)(c): EARLYINIT_I_WALK_(W, seq) is
 * W_A(a) W_B(b) W_A(c) ... for a walker W that defines W_A and W_B (the
 * same body, each ending in the other's name) and W_A_END, W_B_END (empty):
 * the walk ends by pasting _END onto the name left over (the last token of
 * __VA_ARGS__, so the output may hold commas). One macro call per
 * element, where BOOST_PP_SEQ_FOR_EACH costs dozens, and no bound on the
 * length. A walker takes no data; what depends on the use goes around the
 * walk's output. A walker's body cannot walk again with EARLYINIT_I_WALK_
 * (a macro is not expanded inside its own expansion): the inner loop takes
 * EARLYINIT_I_FOR_PHASES_, or linktable's walks (linktable/pp.h).
 *
 *   #define MY_W_A(x) f_##x(); MY_W_B
 *   #define MY_W_B(x) f_##x(); MY_W_A
 *   #define MY_W_A_END
 *   #define MY_W_B_END
 *   EARLYINIT_I_WALK_(MY_W, (a)(b))   // f_a(); f_b();
 */
#define EARLYINIT_I_WALK_(walker, seq) EARLYINIT_I_WALK_I_(walker##_A seq)
/* A walk whose walker has one macro per position, first, first's
 * successor, ... (each ending in the next one's name, and each with an
 * _END): each element's macro knows its index, up to as many as defined. */
#define EARLYINIT_I_WALK_FROM_(first, seq) EARLYINIT_I_WALK_I_(first seq)
#define EARLYINIT_I_WALK_I_(...) EARLYINIT_I_WALK_II_(__VA_ARGS__)
#define EARLYINIT_I_WALK_II_(...) __VA_ARGS__##_END

/* The length of a sequence, as an expression: (0 +1 +1 +1). */
#define EARLYINIT_I_SEQ_SIZE_(seq) (0 EARLYINIT_I_WALK_(EARLYINIT_I_WALK_PLUS_ONE, seq))
#define EARLYINIT_I_WALK_PLUS_ONE_A(x) +1 EARLYINIT_I_WALK_PLUS_ONE_B
#define EARLYINIT_I_WALK_PLUS_ONE_B(x) +1 EARLYINIT_I_WALK_PLUS_ONE_A
#define EARLYINIT_I_WALK_PLUS_ONE_A_END
#define EARLYINIT_I_WALK_PLUS_ONE_B_END
/* @endcond */

#endif /* EARLYINIT_PP_H */
