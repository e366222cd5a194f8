/*
 * earlyinit/pp.h: the preprocessor helpers of earlyinit's macros (internal).
 *
 * Small, Boost-free replacements for the few Boost.PP facilities the
 * per-use macros need, written for cost: an EARLYINIT_IMPL runs each of
 * them a few times, and every macro call is preprocessing time in every
 * file that registers a step (docs/bench.md, "Compile time").
 */
#ifndef EARLYINIT_PP_H
#define EARLYINIT_PP_H

/* @cond INTERNAL */
#define EARLYINIT_I_CAT_(a, b) EARLYINIT_I_CAT_I_(a, b)
#define EARLYINIT_I_CAT_I_(a, b) a##b
#define EARLYINIT_I_REM_(...) __VA_ARGS__
#define EARLYINIT_I_NOTHING_(...)
#define EARLYINIT_I_STR_(x) EARLYINIT_I_STR_I_(x)
#define EARLYINIT_I_STR_I_(x) #x

/*
 * 1 if x begins with parentheses, else 0 (BOOST_PP_IS_BEGIN_PARENS in a
 * few macro calls): EARLYINIT_I_PAREN_PROBE_ only expands before `(`, and
 * then adds the argument that EARLYINIT_I_SECOND_ picks.
 */
#define EARLYINIT_I_IS_PAREN_(x) EARLYINIT_I_SECOND_(EARLYINIT_I_PAREN_PROBE_ x, 0, ~)
#define EARLYINIT_I_PAREN_PROBE_(...) ~, 1,
#define EARLYINIT_I_SECOND_(...) EARLYINIT_I_SECOND_I_(__VA_ARGS__)
#define EARLYINIT_I_SECOND_I_(a, b, ...) b

/*
 * A walk over a sequence (a)(b)(c): EARLYINIT_I_WALK_(W, seq) is
 * W_A(a) W_B(b) W_A(c) ... for a walker W that defines W_A and W_B (the
 * same body, each ending in the other's name) and W_A_END, W_B_END (empty):
 * the walk ends by pasting _END onto the name left over. One macro call per
 * element, where BOOST_PP_SEQ_FOR_EACH costs dozens. A walker takes no
 * data; what depends on the use goes around the walk's output.
 *
 *   #define MY_W_A(x) f_##x(); MY_W_B
 *   #define MY_W_B(x) f_##x(); MY_W_A
 *   #define MY_W_A_END
 *   #define MY_W_B_END
 *   EARLYINIT_I_WALK_(MY_W, (a)(b))   // f_a(); f_b();
 */
#define EARLYINIT_I_WALK_(walker, seq) EARLYINIT_I_CAT_(walker##_A seq, _END)
/* @endcond */

#endif /* EARLYINIT_PP_H */
