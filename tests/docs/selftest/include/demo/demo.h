/* A header whose second example is broken: doc_examples_test expects the
 * harness to fail and to name demo.h and the broken block's line. */
#ifndef DEMO_H
#define DEMO_H
/**
 * Twice a number.
 *
 * @code
 *   int four = demo_twice(2);
 * @endcode
 */
static inline int demo_twice(int x) { return 2 * x; }

/**
 * Broken on purpose (the function does not exist).
 *
 * @code
 *   int six = demo_thrice(2);
 * @endcode
 */
#endif
