/* A kernel's dispatch points, one per phase, in run order; the recipe's
 * main.c part is the new one. */
#include "steps.h"
#include "recipe.h"

int main(void) {
  const void *boot = 0;
  earlyinit_hooks hooks = recipe_hooks;
  earlyinit_state state;
  unsigned id = EARLYINIT_SUBARCH_ID_generic;
  earlyinit_state_init(&state);
  earlyinit_run_chain(EARLYINIT_PHASE_early, id, boot, &hooks, &state);
  earlyinit_run_chain(EARLYINIT_PHASE_setup_arch, id, boot, &hooks, &state);
  earlyinit_run_chain(EARLYINIT_PHASE_late, id, boot, &hooks, &state);
  /* @recipe main.c */
  return recipe_fatals != 0;
}
