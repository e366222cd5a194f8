/* The program "Add a step" starts from (docs/recipes.md): the x86 preset
 * and one step; the recipe's steps.h part goes at the marker. */
#ifndef STEPS_H
#define STEPS_H
#include "earlyinit/x86.h"
#define EARLYINIT_STEP_cr4_shadow EARLYINIT_SPEC(early, 10, 0100, required, )
/* @recipe steps.h */
#endif
