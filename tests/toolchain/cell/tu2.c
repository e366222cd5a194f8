#include "cell.h"
static int f_0700(void) { return 700; }
static int f_0300_alpha(void) { return 301; }
LINKTABLE_ADD(cell_fns, 0700, e0700, f_0700);
LINKTABLE_ADD(cell_fns, 0300, alpha, f_0300_alpha);
LINKTABLE_RECORD(cell_recs, 10, r10, (LINKTABLE_REL(f_0700))(LINKTABLE_U32(10)), );
