// The step definitions and the tables: exactly one file of the program.
#include "examples/hosted/steps.h"

EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(pvh_start_info);
EARLYINIT_DEFINE_STEP(cr4_shadow);
EARLYINIT_DEFINE_STEP(kasan_early);
EARLYINIT_DEFINE_STEP(early_idt);
EARLYINIT_DEFINE_STEP(cmdline);
EARLYINIT_DEFINE_STEP(bios_ebda);
EARLYINIT_DEFINE_STEP(e820);
EARLYINIT_DEFINE_STEP(console);

struct mini_kernel mini_kernel;
