// The step definitions and the tables: exactly one file of the kernel.
#include "examples/kernel/steps.h"

EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(console);
EARLYINIT_DEFINE_STEP(pvh_start_info);
EARLYINIT_DEFINE_STEP(bios_data_area);
EARLYINIT_DEFINE_STEP(cr4_shadow);
EARLYINIT_DEFINE_STEP(kasan_early);
EARLYINIT_DEFINE_STEP(early_idt);
EARLYINIT_DEFINE_STEP(cmdline);
EARLYINIT_DEFINE_STEP(e820);
