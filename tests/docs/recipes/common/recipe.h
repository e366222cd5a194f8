/* What every recipe program shares (tests/docs/recipes.py builds them):
 * hooks that print each step's trace line and a fatal report, and a boot
 * that runs every phase of one subarch. A program whose fatal hook ran
 * exits 1. */
#ifndef RECIPE_H
#define RECIPE_H

extern const earlyinit_hooks recipe_hooks;

/* How many times the fatal hook ran. */
extern int recipe_fatals;

/* Runs every phase of subarch `id` in order; 0 unless a phase stopped. */
int recipe_boot(unsigned id);

#endif
