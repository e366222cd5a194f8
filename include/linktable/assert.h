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

#include <boost/preprocessor/cat.hpp>
#include <boost/preprocessor/repetition/repeat.hpp>

/* @cond INTERNAL */
#ifdef __cplusplus
#define LINKTABLE_STATIC_ASSERT_(cond, msg) static_assert(cond, msg)
#else
#define LINKTABLE_STATIC_ASSERT_(cond, msg) _Static_assert(cond, msg)
#endif

/* Character sets of keys and digits. */
#define LINKTABLE_KEY_CHARS_ \
  "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"
#define LINKTABLE_DIGITS_ "0123456789"
/* Characters an assembler string cannot carry as written. */
#define LINKTABLE_ASM_UNSAFE_CHARS_ "\"\\%"

/* Equality for assertions. In C++ a function: GCC follows a failed
 * static_assert on `a == b` with a note of what the comparison reduced to,
 * as long again as the error. */
#ifdef __cplusplus
constexpr bool linktable_eq_(unsigned long long a, unsigned long long b) { return a == b; }
#define LINKTABLE_EQ_(a, b) linktable_eq_(a, b)
#else
#define LINKTABLE_EQ_(a, b) ((a) == (b))
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
#define LINKTABLE_ASSERT_ONLY_CHARS_(s, set, msg) \
  LINKTABLE_STATIC_ASSERT_(linktable_only_chars_(s, set), msg)
#define LINKTABLE_ASSERT_ASM_SAFE_(s, msg) \
  LINKTABLE_STATIC_ASSERT_(linktable_no_chars_(s, LINKTABLE_ASM_UNSAFE_CHARS_), msg)
/* Exactly n digits (a function, not `&&` of comparisons: see LINKTABLE_EQ_). */
constexpr bool linktable_digits_(const char *s, unsigned long long len, unsigned long long n) {
  return len == n && linktable_only_chars_(s, LINKTABLE_DIGITS_);
}
#define LINKTABLE_ASSERT_DIGITS_(s, n, msg) \
  LINKTABLE_STATIC_ASSERT_(linktable_digits_(s, sizeof(s) - 1, n), msg)

#elif defined(__clang__)
/* Clang folds s[i] and __builtin_strchr only in an enumerator. Strings are
 * checked up to LINKTABLE_CHECKED_CHARS_ characters (keys are shorter);
 * LINKTABLE_ASSERT_DIGITS_ up to four. */
#define LINKTABLE_CHECKED_CHARS_ 32
#define LINKTABLE_CLANG_FOLD_(name, expr, msg)                         \
  _Pragma("clang diagnostic push")                                     \
  _Pragma("clang diagnostic ignored \"-Wgnu-folding-constant\"")       \
  enum { name = (expr) };                                              \
  _Pragma("clang diagnostic pop")                                      \
  LINKTABLE_STATIC_ASSERT_(name, msg)
#define LINKTABLE_ONLY_CHAR_II_(i, s, set) \
  &&(i >= sizeof(s) - 1 || __builtin_strchr(set, (s)[i < sizeof(s) ? i : 0]) != 0)
#define LINKTABLE_ASSERT_ONLY_CHARS_(s, set, msg)                          \
  LINKTABLE_CLANG_FOLD_(                                                   \
      BOOST_PP_CAT(linktable_chars_ok_, __COUNTER__),                      \
      1 BOOST_PP_REPEAT(LINKTABLE_CHECKED_CHARS_, LINKTABLE_ONLY_CHAR_J_, (s, set)), msg)
#define LINKTABLE_ONLY_CHAR_J_(z, i, args) \
  LINKTABLE_CALL_(LINKTABLE_ONLY_CHAR_II_, (i, LINKTABLE_REM_ args))
#define LINKTABLE_CALL_(macro, args) macro args
#define LINKTABLE_REM_(...) __VA_ARGS__
#define LINKTABLE_ASSERT_DIGITS_(s, n, msg)                                  \
  LINKTABLE_CLANG_FOLD_(BOOST_PP_CAT(linktable_chars_ok_, __COUNTER__),     \
                        sizeof(s) == (n) + 1 LINKTABLE_DIGIT_AT_(s, 0)      \
                            LINKTABLE_DIGIT_AT_(s, 1) LINKTABLE_DIGIT_AT_(s, 2) \
                                LINKTABLE_DIGIT_AT_(s, 3),                  \
                        msg)
#define LINKTABLE_DIGIT_AT_(s, i) \
  &&(i >= sizeof(s) - 1 || ((s)[i < sizeof(s) ? i : 0] >= '0' && (s)[i < sizeof(s) ? i : 0] <= '9'))
#define LINKTABLE_ASSERT_ASM_SAFE_(s, msg)                                  \
  LINKTABLE_CLANG_FOLD_(BOOST_PP_CAT(linktable_chars_ok_, __COUNTER__),     \
                        !__builtin_strchr(s, '"') && !__builtin_strchr(s, '\\') && \
                            !__builtin_strchr(s, '%'),                      \
                        msg)

#else /* GCC, C */
#define LINKTABLE_ASSERT_ONLY_CHARS_(s, set, msg) \
  LINKTABLE_STATIC_ASSERT_(__builtin_strspn(s, set) == sizeof(s) - 1, msg)
#define LINKTABLE_ASSERT_ASM_SAFE_(s, msg) \
  LINKTABLE_STATIC_ASSERT_(__builtin_strpbrk(s, LINKTABLE_ASM_UNSAFE_CHARS_) == 0, msg)
#define LINKTABLE_ASSERT_DIGITS_(s, n, msg) \
  LINKTABLE_STATIC_ASSERT_(sizeof(s) == (n) + 1 && __builtin_strspn(s, LINKTABLE_DIGITS_) == (n), msg)
#endif
/* @endcond */

#endif /* LINKTABLE_ASSERT_H */
