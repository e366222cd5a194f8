/* Boots every enabled subarch through every phase, printing the trace. */
#include "steps.h"
#include "recipe.h"

int main(void) {
  int stopped = 0;
  unsigned id;
  for (id = 0; id < EARLYINIT_MAX_SUBARCHS; ++id)
    if (earlyinit_subarch_enabled(id)) stopped |= recipe_boot(id);
  return stopped || recipe_fatals;
}
