/* The entry of one board (the recipe's main.c part). */
#include "steps.h"
#include "recipe.h"

int main(void) {
  const void *boot = 0;
  earlyinit_hooks hooks = recipe_hooks;
  earlyinit_state state;
  earlyinit_state_init(&state);
  /* @recipe main.c */
  return recipe_fatals != 0;
}
