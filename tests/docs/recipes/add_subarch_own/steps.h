/* The program "Add a subarch" (a preset of your own) starts from
 * (docs/recipes.md): the core, whose subarchs the recipe's configuration
 * header names, and one step for all of them. */
#ifndef STEPS_H
#define STEPS_H
#include "earlyinit/earlyinit.h"
#define EARLYINIT_STEP_clock EARLYINIT_SPEC(early, 10, 0100, required, )
#endif
