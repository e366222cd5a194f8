/* The program "Add a phase" starts from (docs/recipes.md): the core's one
 * subarch, generic, and a step of the first phase; the recipe's steps.h
 * part goes at the marker. */
#ifndef STEPS_H
#define STEPS_H
#include "earlyinit/earlyinit.h"
#define EARLYINIT_STEP_page_tables EARLYINIT_SPEC(early, 10, 0100, required, )
/* @recipe steps.h */
#endif
