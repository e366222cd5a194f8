/* The tables and the steps; page_tables' one implementation. */
#include "steps.h"
EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(page_tables);
/* @recipe steps.c */
static int map_kernel(const earlyinit_context *c) { (void)c; return 0; }
EARLYINIT_IMPL(page_tables, EARLYINIT_ALL, map_kernel);
