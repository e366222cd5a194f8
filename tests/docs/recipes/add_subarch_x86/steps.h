/* The program "Add a subarch" (x86) starts from (docs/recipes.md): the x86
 * preset, through the recipe's my_hv.h, and two steps, one implemented for
 * EARLYINIT_ALL, one for its subarchs by name. */
#ifndef STEPS_H
#define STEPS_H
#include "my_hv.h"
#define EARLYINIT_STEP_cr4_shadow EARLYINIT_SPEC(early, 10, 0100, required, )
#define EARLYINIT_STEP_kasan_early EARLYINIT_SPEC(early, 10, 0200, required, (cr4_shadow))
#endif
