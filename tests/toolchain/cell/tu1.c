#include "cell.h"
/* Keys out of order on purpose; "0300" has two entries, ordered by name. */
static int f_0900(void) { return 900; }
static int f_0300_zulu(void) { return 302; }
static int f_0100(void) { return 100; }
LINKTABLE_ADD(cell_fns, 0900, e0900, f_0900);
LINKTABLE_ADD(cell_fns, 0300, zulu, f_0300_zulu);
LINKTABLE_ADD(cell_fns, 0100, e0100, f_0100);
LINKTABLE_DEFINE(cell_recs);
LINKTABLE_RECORD(cell_recs, 50, r50, (LINKTABLE_REL(f_0900))(LINKTABLE_U32(50)), ("origin=tu1"));
