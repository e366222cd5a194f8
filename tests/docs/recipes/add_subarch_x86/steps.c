/* The one file that defines the tables and the steps. */
#include "steps.h"
EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(cr4_shadow);
EARLYINIT_DEFINE_STEP(kasan_early);
