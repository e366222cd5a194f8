/* The hooks and the boot of every recipe program (common/recipe.h). */
#include <stdio.h>

#include "steps.h"
#include "recipe.h"

int recipe_fatals;

static void on_fatal(const earlyinit_fatal *f, void *user) {
  char line[EARLYINIT_TRACE_LINE_SIZE];
  (void)user;
  ++recipe_fatals;
  earlyinit_format_fatal(line, sizeof line, f);
  printf("%s\n", line);
}

static void on_trace(const earlyinit_trace *t, void *user) {
  char line[EARLYINIT_TRACE_LINE_SIZE];
  (void)user;
  if (t->status == EARLYINIT_STARTING) return;
  earlyinit_format_trace(line, sizeof line, t);
  printf("%s\n", line);
}

const earlyinit_hooks recipe_hooks = {on_fatal, on_trace, 0, 0};

int recipe_boot(unsigned id) {
  earlyinit_state state;
  int p;
  earlyinit_state_init(&state);
  for (p = 0; p < EARLYINIT_NR_PHASES; ++p)
    if (earlyinit_run_chain((enum earlyinit_phase)p, id, 0, &recipe_hooks, &state).stopped)
      return 1;
  return 0;
}
