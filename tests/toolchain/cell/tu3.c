#include "cell.h"
/* A global function (default visibility) as a target. */
int cell_f_0500(void) { return 500; }
LINKTABLE_ADD(cell_fns, 0500, e0500, cell_f_0500);
LINKTABLE_DEFINE(cell_fns);
LINKTABLE_DEFINE(cell_empty);
