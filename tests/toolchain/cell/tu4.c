#include "cell.h"
static int f_0200(void) { return 200; }
static int f_0999(void) { return 999; }
LINKTABLE_ADD(cell_fns, 0999, e0999, f_0999);
LINKTABLE_ADD(cell_fns, 0200, e0200, f_0200);
LINKTABLE_RECORD(cell_recs, 90, r90, (LINKTABLE_REL(f_0200))(LINKTABLE_U32(90)), );
