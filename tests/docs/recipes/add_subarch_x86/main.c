/* Boots the preset's six subarchs, then the new one from its own entry
 * (the recipe's main.c part). */
#include "steps.h"
#include "recipe.h"

int main(void) {
  const void *boot = 0;
  earlyinit_hooks hooks = recipe_hooks;
  earlyinit_state state;
  int stopped = 0;
  unsigned id;
  for (id = 0; id <= EARLYINIT_SUBARCH_ID_xen_pvh; ++id) stopped |= recipe_boot(id);
  earlyinit_state_init(&state);
  /* @recipe main.c */
  return stopped || recipe_fatals;
}
