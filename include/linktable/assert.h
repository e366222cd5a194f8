/*
 * linktable/assert.h: compile-time assertions for the macros, in C and C++,
 * including assertions on the characters of a string literal (a key, an
 * exemption's reason), so that misuse fails with the macro's own words.
 *
 * C has no constexpr: GCC folds __builtin_strspn and __builtin_strpbrk in a
 * _Static_assert, Clang folds character tests only in an enumerator (a GNU
 * extension it warns about, silenced here), C++ uses constexpr functions.
 *
 * Usable from C (gnu11) and C++ (17, 20), freestanding. Internal: the
 * macros end in `_`.
 */
#ifndef LINKTABLE_ASSERT_H
#define LINKTABLE_ASSERT_H

#include "linktable/pp.h"

/* @cond INTERNAL */
#ifdef __cplusplus
#define LINKTABLE_I_STATIC_ASSERT_(cond, msg) static_assert(cond, msg)
#else
#define LINKTABLE_I_STATIC_ASSERT_(cond, msg) _Static_assert(cond, msg)
#endif

/* Character sets of keys and digits. */
#define LINKTABLE_I_KEY_CHARS_ \
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"
#define LINKTABLE_I_DIGITS_ "0123456789"
/* Characters an assembler string cannot carry as written. */
#define LINKTABLE_I_ASM_UNSAFE_CHARS_ "\"\\%"

/* Equality for assertions. In C++ a function: GCC follows a failed
 * static_assert on `a == b` with a note of what the comparison reduced to,
 * as long again as the error. */
#ifdef __cplusplus
constexpr bool linktable_eq_(unsigned long long a, unsigned long long b) { return a == b; }
#define LINKTABLE_I_EQ_(a, b) linktable_eq_(a, b)
#else
#define LINKTABLE_I_EQ_(a, b) ((a) == (b))
#endif

#if defined(__cplusplus)
constexpr bool linktable_has_char_(const char *set, char c) {
  for (; *set; ++set)
    if (*set == c) return true;
  return false;
}
/* Every character of s is in set. */
constexpr bool linktable_only_chars_(const char *s, const char *set) {
  for (; *s; ++s)
    if (!linktable_has_char_(set, *s)) return false;
  return true;
}
/* No character of s is in set. */
constexpr bool linktable_no_chars_(const char *s, const char *set) {
  for (; *s; ++s)
    if (linktable_has_char_(set, *s)) return false;
  return true;
}
#define LINKTABLE_I_ASSERT_ONLY_CHARS_(s, set, msg) \
  LINKTABLE_I_STATIC_ASSERT_(linktable_only_chars_(s, set), msg)
#define LINKTABLE_I_ASSERT_ASM_SAFE_(s, msg) \
  LINKTABLE_I_STATIC_ASSERT_(linktable_no_chars_(s, LINKTABLE_I_ASM_UNSAFE_CHARS_), msg)
/* Exactly n digits (a function, not `&&` of comparisons: see LINKTABLE_I_EQ_). */
constexpr bool linktable_digits_(const char *s, unsigned long long len, unsigned long long n) {
  return len == n && linktable_only_chars_(s, LINKTABLE_I_DIGITS_);
}
#define LINKTABLE_I_ASSERT_DIGITS_(s, n, msg) \
  LINKTABLE_I_STATIC_ASSERT_(linktable_digits_(s, sizeof(s) - 1, n), msg)
#define LINKTABLE_I_ASSERT_DIGITS_PAIR_(s1, n1, msg1, s2, n2, msg2) \
  LINKTABLE_I_ASSERT_DIGITS_(s1, n1, msg1);                           \
  LINKTABLE_I_ASSERT_DIGITS_(s2, n2, msg2)

#elif defined(__clang__)
/* Clang folds s[i] and __builtin_strchr only in an enumerator. Strings are
 * checked up to LINKTABLE_I_CHECKED_CHARS_ characters (keys are shorter);
 * LINKTABLE_I_ASSERT_DIGITS_ up to four. */
#define LINKTABLE_I_CHECKED_CHARS_ 32
#define LINKTABLE_I_CLANG_FOLD_(name, expr, msg)                         \
  _Pragma("clang diagnostic push")                                     \
  _Pragma("clang diagnostic ignored \"-Wgnu-folding-constant\"")       \
  enum { name = (expr) };                                              \
  _Pragma("clang diagnostic pop")                                      \
  LINKTABLE_I_STATIC_ASSERT_(name, msg)
#define LINKTABLE_I_ONLY_CHAR_II_(i, s, set) \
  &&(i >= sizeof(s) - 1 || __builtin_strchr(set, (s)[i < sizeof(s) ? i : 0]) != 0)
#define LINKTABLE_I_ASSERT_ONLY_CHARS_(s, set, msg)                          \
  LINKTABLE_I_CLANG_FOLD_(LINKTABLE_I_CAT_(linktable_chars_ok_, __COUNTER__), \
                          1 LINKTABLE_I_ONLY_CHARS_32_(s, set), msg)
/* One test per position, 0 to LINKTABLE_I_CHECKED_CHARS_ - 1. */
#define LINKTABLE_I_ONLY_CHARS_32_(s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(0, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(1, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(2, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(3, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(4, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(5, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(6, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(7, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(8, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(9, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(10, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(11, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(12, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(13, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(14, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(15, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(16, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(17, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(18, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(19, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(20, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(21, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(22, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(23, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(24, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(25, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(26, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(27, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(28, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(29, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(30, s, set) \
  LINKTABLE_I_ONLY_CHAR_II_(31, s, set)
#define LINKTABLE_I_ASSERT_DIGITS_(s, n, msg)                                  \
  LINKTABLE_I_CLANG_FOLD_(LINKTABLE_I_CAT_(linktable_chars_ok_, __COUNTER__),     \
                          LINKTABLE_I_DIGITS_EXPR_(s, n), msg)
/* Past the string's end the padding reads as digits; its length is
 * checked apart. */
#define LINKTABLE_I_DIGIT_AT_(s, i) && (s "0000")[i] >= '0' && (s "0000")[i] <= '9'
#define LINKTABLE_I_DIGITS_EXPR_(s, n)                                      \
  (sizeof(s) == (n) + 1 LINKTABLE_I_DIGIT_AT_(s, 0) LINKTABLE_I_DIGIT_AT_(s, 1) \
       LINKTABLE_I_DIGIT_AT_(s, 2) LINKTABLE_I_DIGIT_AT_(s, 3))
/* Two strings of digits, under one pragma region (the pragmas are most of
 * the check's preprocessing). */
#define LINKTABLE_I_ASSERT_DIGITS_PAIR_(s1, n1, msg1, s2, n2, msg2)            \
  LINKTABLE_I_ASSERT_DIGITS_PAIR_I_(LINKTABLE_I_CAT_(linktable_chars_ok_, __COUNTER__), \
                                    s1, n1, msg1, s2, n2, msg2)
#define LINKTABLE_I_ASSERT_DIGITS_PAIR_I_(name, ...) LINKTABLE_I_ASSERT_DIGITS_PAIR_II_(name, __VA_ARGS__)
#define LINKTABLE_I_ASSERT_DIGITS_PAIR_II_(name, s1, n1, msg1, s2, n2, msg2)   \
  _Pragma("clang diagnostic push")                                            \
  _Pragma("clang diagnostic ignored \"-Wgnu-folding-constant\"")              \
  enum { name##_1 = LINKTABLE_I_DIGITS_EXPR_(s1, n1),                         \
         name##_2 = LINKTABLE_I_DIGITS_EXPR_(s2, n2) };                       \
  _Pragma("clang diagnostic pop")                                             \
  LINKTABLE_I_STATIC_ASSERT_(name##_1, msg1);                                 \
  LINKTABLE_I_STATIC_ASSERT_(name##_2, msg2)
#define LINKTABLE_I_ASSERT_ASM_SAFE_(s, msg)                                  \
  LINKTABLE_I_CLANG_FOLD_(LINKTABLE_I_CAT_(linktable_chars_ok_, __COUNTER__),     \
                        !__builtin_strchr(s, '"') && !__builtin_strchr(s, '\\') && \
                            !__builtin_strchr(s, '%'),                      \
                        msg)

#else /* GCC, C */
#define LINKTABLE_I_ASSERT_ONLY_CHARS_(s, set, msg) \
  LINKTABLE_I_STATIC_ASSERT_(__builtin_strspn(s, set) == sizeof(s) - 1, msg)
#define LINKTABLE_I_ASSERT_ASM_SAFE_(s, msg) \
  LINKTABLE_I_STATIC_ASSERT_(__builtin_strpbrk(s, LINKTABLE_I_ASM_UNSAFE_CHARS_) == 0, msg)
#define LINKTABLE_I_ASSERT_DIGITS_(s, n, msg) \
  LINKTABLE_I_STATIC_ASSERT_(sizeof(s) == (n) + 1 && __builtin_strspn(s, LINKTABLE_I_DIGITS_) == (n), msg)
/* Spelled out, not through LINKTABLE_I_ASSERT_DIGITS_: two macro levels
 * less in GCC's backtrace of a misuse. */
#define LINKTABLE_I_ASSERT_DIGITS_PAIR_(s1, n1, msg1, s2, n2, msg2)                      \
  _Static_assert(sizeof(s1) == (n1) + 1 && __builtin_strspn(s1, LINKTABLE_I_DIGITS_) == (n1), \
                 msg1);                                                                    \
  _Static_assert(sizeof(s2) == (n2) + 1 && __builtin_strspn(s2, LINKTABLE_I_DIGITS_) == (n2), \
                 msg2)
#endif
/* @endcond */

#endif /* LINKTABLE_ASSERT_H */
