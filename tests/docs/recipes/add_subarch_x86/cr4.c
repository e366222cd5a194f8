/* A step for every subarch: the new one owes it nothing more. */
#include "steps.h"
static int cr4_init_shadow(const earlyinit_context *c) { (void)c; return 0; }
EARLYINIT_IMPL(cr4_shadow, EARLYINIT_ALL, cr4_init_shadow);
