/* The tables, the step, and its one implementation. */
#include "steps.h"
EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(clock);
static int clock_init(const earlyinit_context *c) { (void)c; return 0; }
EARLYINIT_IMPL(clock, EARLYINIT_ALL, clock_init);
