#include "cell.h"
/* Lives in a static archive; nothing references this member. */
static int f_0600(void) { return 600; }
static int f_0000(void) { return 0; }
LINKTABLE_ADD(cell_fns, 0600, e0600, f_0600);
LINKTABLE_ADD(cell_fns, 0000, e0000, f_0000);
LINKTABLE_RECORD(cell_recs, 30, r30, (LINKTABLE_REL(f_0000))(LINKTABLE_U32(30)), );
