#include <stdio.h>
#include "cell.h"
/* Prints every table in walk order; exits 0 only on the exact expected
 * order and count. */
static const int expected_fns[] = {0, 100, 200, 301, 302, 500, 600, 700, 900, 999};
static const unsigned expected_recs[] = {10, 30, 50, 90};
static const int expected_rec_fns[] = {700, 0, 900, 200};

int main(void) {
  int ok = 1;
  size_t i = 0;
  printf("fns:");
  LINKTABLE_FOREACH(e, cell_fns) {
    int v = LINKTABLE_REF_TARGET(cell_fns, e)();
    printf(" %d", v);
    if (i >= sizeof expected_fns / sizeof expected_fns[0] || expected_fns[i] != v) ok = 0;
    ++i;
  }
  if (i != LINKTABLE_COUNT(cell_fns) || i != sizeof expected_fns / sizeof expected_fns[0]) ok = 0;
  printf("\nrecs:");
  i = 0;
  LINKTABLE_FOREACH(r, cell_recs) {
    int v = ((cell_fn *)linktable_rel_resolve(&r->fn))();
    printf(" %u:%d", (unsigned)r->id, v);
    if (i >= 4 || expected_recs[i] != r->id || expected_rec_fns[i] != v) ok = 0;
    ++i;
  }
  if (i != 4 || LINKTABLE_COUNT(cell_recs) != 4) ok = 0;
  printf("\nempty: %u\n", (unsigned)LINKTABLE_COUNT(cell_empty));
  if (LINKTABLE_COUNT(cell_empty) != 0) ok = 0;
  printf("%s\n", ok ? "ORDER OK" : "ORDER WRONG");
  return ok ? 0 : 1;
}
