/*
 * linktable/pp.h: the preprocessor helpers of the linktable macros
 * (internal), Boost-free. earlyinit's macros have their own
 * (earlyinit/pp.h): a macro cannot be expanded again inside its own
 * expansion, so separate walks let a linktable macro run inside an
 * earlyinit loop.
 *
 * Sequences are written (a)(b)(c).
 */
#ifndef LINKTABLE_PP_H
#define LINKTABLE_PP_H

/* A system header, as Boost's in /usr/include were: compilers then leave
 * these helpers' levels out of the macro backtrace of a misuse, which
 * stays short (tests/earlyinit/misuse_test.cc: 31 lines at most). */
#pragma GCC system_header

/* @cond INTERNAL */
#define LINKTABLE_I_CAT_(a, b) LINKTABLE_I_CAT_I_(a, b)
#define LINKTABLE_I_CAT_I_(a, b) a##b
#define LINKTABLE_I_STR_(x) LINKTABLE_I_STR_I_(x)
#define LINKTABLE_I_STR_I_(x) #x
#define LINKTABLE_I_REM_(...) __VA_ARGS__
#define LINKTABLE_I_CALL_(macro, args) macro args

/*
 * A walk over a sequence, as EARLYINIT_I_WALK_ (earlyinit/pp.h):
 * LINKTABLE_I_WALK_(W, (a)(b)(c)) is W_A(a) W_B(b) W_A(c), then the name
 * left over, W_B, becomes W_B_END. One macro call per element, unbounded.
 * LINKTABLE_I_WALK_FROM_(first, seq) starts at a walker of one macro per
 * position (first = W_0, ending in W_1, ...), which knows its index.
 */
#define LINKTABLE_I_WALK_(walker, seq) LINKTABLE_I_WALK_I_(walker##_A seq)
#define LINKTABLE_I_WALK_FROM_(first, seq) LINKTABLE_I_WALK_I_(first seq)
#define LINKTABLE_I_WALK_I_(...) LINKTABLE_I_WALK_II_(__VA_ARGS__)
#define LINKTABLE_I_WALK_II_(...) __VA_ARGS__##_END

/*
 * Sequences of up to LINKTABLE_I_PP_MAX_ (29) elements, by position: the
 * most fields an entry has (an entry's asm takes one operand per field and
 * one for the key width, and GCC takes 30; LINKTABLE_RECORD checks).
 *
 * LINKTABLE_I_ENUMERATE_(seq): (a)(b) -> (0, a)(1, b); elements past the
 * bound are dropped.
 * LINKTABLE_I_SIZE_(seq): the length as a number (0 to 29), or 30 for a
 * longer sequence.
 */
#define LINKTABLE_I_PP_MAX_ 29
#define LINKTABLE_I_ENUMERATE_(seq) LINKTABLE_I_WALK_FROM_(LINKTABLE_I_ENUM_0, seq)
#define LINKTABLE_I_SIZE_(seq) LINKTABLE_I_WALK_FROM_(LINKTABLE_I_SIZE_0, seq)
#define LINKTABLE_I_ENUM_0(x) (0, x) LINKTABLE_I_ENUM_1
#define LINKTABLE_I_ENUM_0_END
#define LINKTABLE_I_ENUM_1(x) (1, x) LINKTABLE_I_ENUM_2
#define LINKTABLE_I_ENUM_1_END
#define LINKTABLE_I_ENUM_2(x) (2, x) LINKTABLE_I_ENUM_3
#define LINKTABLE_I_ENUM_2_END
#define LINKTABLE_I_ENUM_3(x) (3, x) LINKTABLE_I_ENUM_4
#define LINKTABLE_I_ENUM_3_END
#define LINKTABLE_I_ENUM_4(x) (4, x) LINKTABLE_I_ENUM_5
#define LINKTABLE_I_ENUM_4_END
#define LINKTABLE_I_ENUM_5(x) (5, x) LINKTABLE_I_ENUM_6
#define LINKTABLE_I_ENUM_5_END
#define LINKTABLE_I_ENUM_6(x) (6, x) LINKTABLE_I_ENUM_7
#define LINKTABLE_I_ENUM_6_END
#define LINKTABLE_I_ENUM_7(x) (7, x) LINKTABLE_I_ENUM_8
#define LINKTABLE_I_ENUM_7_END
#define LINKTABLE_I_ENUM_8(x) (8, x) LINKTABLE_I_ENUM_9
#define LINKTABLE_I_ENUM_8_END
#define LINKTABLE_I_ENUM_9(x) (9, x) LINKTABLE_I_ENUM_10
#define LINKTABLE_I_ENUM_9_END
#define LINKTABLE_I_ENUM_10(x) (10, x) LINKTABLE_I_ENUM_11
#define LINKTABLE_I_ENUM_10_END
#define LINKTABLE_I_ENUM_11(x) (11, x) LINKTABLE_I_ENUM_12
#define LINKTABLE_I_ENUM_11_END
#define LINKTABLE_I_ENUM_12(x) (12, x) LINKTABLE_I_ENUM_13
#define LINKTABLE_I_ENUM_12_END
#define LINKTABLE_I_ENUM_13(x) (13, x) LINKTABLE_I_ENUM_14
#define LINKTABLE_I_ENUM_13_END
#define LINKTABLE_I_ENUM_14(x) (14, x) LINKTABLE_I_ENUM_15
#define LINKTABLE_I_ENUM_14_END
#define LINKTABLE_I_ENUM_15(x) (15, x) LINKTABLE_I_ENUM_16
#define LINKTABLE_I_ENUM_15_END
#define LINKTABLE_I_ENUM_16(x) (16, x) LINKTABLE_I_ENUM_17
#define LINKTABLE_I_ENUM_16_END
#define LINKTABLE_I_ENUM_17(x) (17, x) LINKTABLE_I_ENUM_18
#define LINKTABLE_I_ENUM_17_END
#define LINKTABLE_I_ENUM_18(x) (18, x) LINKTABLE_I_ENUM_19
#define LINKTABLE_I_ENUM_18_END
#define LINKTABLE_I_ENUM_19(x) (19, x) LINKTABLE_I_ENUM_20
#define LINKTABLE_I_ENUM_19_END
#define LINKTABLE_I_ENUM_20(x) (20, x) LINKTABLE_I_ENUM_21
#define LINKTABLE_I_ENUM_20_END
#define LINKTABLE_I_ENUM_21(x) (21, x) LINKTABLE_I_ENUM_22
#define LINKTABLE_I_ENUM_21_END
#define LINKTABLE_I_ENUM_22(x) (22, x) LINKTABLE_I_ENUM_23
#define LINKTABLE_I_ENUM_22_END
#define LINKTABLE_I_ENUM_23(x) (23, x) LINKTABLE_I_ENUM_24
#define LINKTABLE_I_ENUM_23_END
#define LINKTABLE_I_ENUM_24(x) (24, x) LINKTABLE_I_ENUM_25
#define LINKTABLE_I_ENUM_24_END
#define LINKTABLE_I_ENUM_25(x) (25, x) LINKTABLE_I_ENUM_26
#define LINKTABLE_I_ENUM_25_END
#define LINKTABLE_I_ENUM_26(x) (26, x) LINKTABLE_I_ENUM_27
#define LINKTABLE_I_ENUM_26_END
#define LINKTABLE_I_ENUM_27(x) (27, x) LINKTABLE_I_ENUM_28
#define LINKTABLE_I_ENUM_27_END
#define LINKTABLE_I_ENUM_28(x) (28, x) LINKTABLE_I_ENUM_29
#define LINKTABLE_I_ENUM_28_END
#define LINKTABLE_I_ENUM_29(x) LINKTABLE_I_PP_EAT_A
#define LINKTABLE_I_ENUM_29_END
#define LINKTABLE_I_SIZE_0(x) LINKTABLE_I_SIZE_1
#define LINKTABLE_I_SIZE_0_END 0
#define LINKTABLE_I_SIZE_1(x) LINKTABLE_I_SIZE_2
#define LINKTABLE_I_SIZE_1_END 1
#define LINKTABLE_I_SIZE_2(x) LINKTABLE_I_SIZE_3
#define LINKTABLE_I_SIZE_2_END 2
#define LINKTABLE_I_SIZE_3(x) LINKTABLE_I_SIZE_4
#define LINKTABLE_I_SIZE_3_END 3
#define LINKTABLE_I_SIZE_4(x) LINKTABLE_I_SIZE_5
#define LINKTABLE_I_SIZE_4_END 4
#define LINKTABLE_I_SIZE_5(x) LINKTABLE_I_SIZE_6
#define LINKTABLE_I_SIZE_5_END 5
#define LINKTABLE_I_SIZE_6(x) LINKTABLE_I_SIZE_7
#define LINKTABLE_I_SIZE_6_END 6
#define LINKTABLE_I_SIZE_7(x) LINKTABLE_I_SIZE_8
#define LINKTABLE_I_SIZE_7_END 7
#define LINKTABLE_I_SIZE_8(x) LINKTABLE_I_SIZE_9
#define LINKTABLE_I_SIZE_8_END 8
#define LINKTABLE_I_SIZE_9(x) LINKTABLE_I_SIZE_10
#define LINKTABLE_I_SIZE_9_END 9
#define LINKTABLE_I_SIZE_10(x) LINKTABLE_I_SIZE_11
#define LINKTABLE_I_SIZE_10_END 10
#define LINKTABLE_I_SIZE_11(x) LINKTABLE_I_SIZE_12
#define LINKTABLE_I_SIZE_11_END 11
#define LINKTABLE_I_SIZE_12(x) LINKTABLE_I_SIZE_13
#define LINKTABLE_I_SIZE_12_END 12
#define LINKTABLE_I_SIZE_13(x) LINKTABLE_I_SIZE_14
#define LINKTABLE_I_SIZE_13_END 13
#define LINKTABLE_I_SIZE_14(x) LINKTABLE_I_SIZE_15
#define LINKTABLE_I_SIZE_14_END 14
#define LINKTABLE_I_SIZE_15(x) LINKTABLE_I_SIZE_16
#define LINKTABLE_I_SIZE_15_END 15
#define LINKTABLE_I_SIZE_16(x) LINKTABLE_I_SIZE_17
#define LINKTABLE_I_SIZE_16_END 16
#define LINKTABLE_I_SIZE_17(x) LINKTABLE_I_SIZE_18
#define LINKTABLE_I_SIZE_17_END 17
#define LINKTABLE_I_SIZE_18(x) LINKTABLE_I_SIZE_19
#define LINKTABLE_I_SIZE_18_END 18
#define LINKTABLE_I_SIZE_19(x) LINKTABLE_I_SIZE_20
#define LINKTABLE_I_SIZE_19_END 19
#define LINKTABLE_I_SIZE_20(x) LINKTABLE_I_SIZE_21
#define LINKTABLE_I_SIZE_20_END 20
#define LINKTABLE_I_SIZE_21(x) LINKTABLE_I_SIZE_22
#define LINKTABLE_I_SIZE_21_END 21
#define LINKTABLE_I_SIZE_22(x) LINKTABLE_I_SIZE_23
#define LINKTABLE_I_SIZE_22_END 22
#define LINKTABLE_I_SIZE_23(x) LINKTABLE_I_SIZE_24
#define LINKTABLE_I_SIZE_23_END 23
#define LINKTABLE_I_SIZE_24(x) LINKTABLE_I_SIZE_25
#define LINKTABLE_I_SIZE_24_END 24
#define LINKTABLE_I_SIZE_25(x) LINKTABLE_I_SIZE_26
#define LINKTABLE_I_SIZE_25_END 25
#define LINKTABLE_I_SIZE_26(x) LINKTABLE_I_SIZE_27
#define LINKTABLE_I_SIZE_26_END 26
#define LINKTABLE_I_SIZE_27(x) LINKTABLE_I_SIZE_28
#define LINKTABLE_I_SIZE_27_END 27
#define LINKTABLE_I_SIZE_28(x) LINKTABLE_I_SIZE_29
#define LINKTABLE_I_SIZE_28_END 28
#define LINKTABLE_I_SIZE_29(x) LINKTABLE_I_SIZE_30
#define LINKTABLE_I_SIZE_29_END 29
#define LINKTABLE_I_SIZE_30(x) LINKTABLE_I_SIZE_MORE_A
#define LINKTABLE_I_SIZE_30_END 30
/* LINKTABLE_I_IF_FITS_(n, m): m if n (a LINKTABLE_I_SIZE_) is within the
 * bound, else nothing: what cannot compile is left out, so that the
 * bound's own assertion is the only error. */
#define LINKTABLE_I_IF_FITS_(n, m) \
  LINKTABLE_I_CAT_(LINKTABLE_I_IF_FITS_, LINKTABLE_I_SECOND_(LINKTABLE_I_CAT_(LINKTABLE_I_OVER_, n), 1, ~))(m)
#define LINKTABLE_I_OVER_30 ~, 0
#define LINKTABLE_I_IF_FITS_1(m) m
#define LINKTABLE_I_IF_FITS_0(m) LINKTABLE_I_PP_EAT_ARGS_
#define LINKTABLE_I_PP_EAT_ARGS_(...)
#define LINKTABLE_I_SECOND_(...) LINKTABLE_I_SECOND_I_(__VA_ARGS__)
#define LINKTABLE_I_SECOND_I_(a, b, ...) b
/* Walkers that drop what is left; their ends are nothing, or, for sizes, 30. */
#define LINKTABLE_I_PP_EAT_A(x) LINKTABLE_I_PP_EAT_B
#define LINKTABLE_I_PP_EAT_B(x) LINKTABLE_I_PP_EAT_A
#define LINKTABLE_I_PP_EAT_A_END
#define LINKTABLE_I_PP_EAT_B_END
#define LINKTABLE_I_SIZE_MORE_A(x) LINKTABLE_I_SIZE_MORE_B
#define LINKTABLE_I_SIZE_MORE_B(x) LINKTABLE_I_SIZE_MORE_A
#define LINKTABLE_I_SIZE_MORE_A_END 30
#define LINKTABLE_I_SIZE_MORE_B_END 30
/* @endcond */

#endif /* LINKTABLE_PP_H */
