/* The program every toolchain-matrix cell builds: two tables filled from
 * four translation units and one archive member, compiled as C or C++. */
#ifndef CELL_H
#define CELL_H
#include "linktable/linktable.h"

typedef int cell_fn(void);
/* Entries reference functions; each function returns its entry's id. */
LINKTABLE_DECLARE_REFS(cell_fns, cell_fn, 4);

/* Entries carry a reference and a constant. */
struct cell_rec {
  linktable_rel fn;
  uint32_t id;
};
LINKTABLE_DECLARE(cell_recs, struct cell_rec, 2);

/* Declared, defined, never filled. */
LINKTABLE_DECLARE(cell_empty, struct cell_rec, 2);
#endif
