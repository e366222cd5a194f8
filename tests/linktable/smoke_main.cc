#include "linktable/linktable.h"
#include <stdio.h>
typedef int frob_fn(void);
LINKTABLE_DECLARE_REFS(frobs, frob_fn, 4);
LINKTABLE_DEFINE(frobs);
static int f1(void) { return 1; }
static int f2(void) { return 2; }
LINKTABLE_ADD(frobs, 0002, two, f2);
LINKTABLE_ADD(frobs, 0001, one, f1);
struct rec { linktable_rel fn; uint32_t v; };
LINKTABLE_DECLARE(recs, struct rec, 2);
LINKTABLE_DEFINE(recs);
LINKTABLE_RECORD(recs, 10, b, (LINKTABLE_REL(f2))(LINKTABLE_U32(7)), ("k=v")("fn=%c0"));
LINKTABLE_DECLARE(empty, struct rec, 2);
LINKTABLE_DEFINE(empty);
int main(void) {
  LINKTABLE_FOREACH(e, frobs) printf("%d ", LINKTABLE_REF_TARGET(frobs, e)());
  LINKTABLE_FOREACH(r, recs) printf("[%d %u] ", ((frob_fn*)linktable_rel_resolve(&r->fn))(), r->v);
  printf("count=%zu empty=%zu\n", LINKTABLE_COUNT(frobs), LINKTABLE_COUNT(empty));
  return 0;
}
