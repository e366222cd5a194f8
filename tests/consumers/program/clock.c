/* One implementation for every board (an archive member). */
#include "steps.h"

static int clock_init(const earlyinit_context *c) {
  (void)c;
  consumer_note('c');
  return 0;
}
EARLYINIT_IMPL(clock, EARLYINIT_ALL, clock_init);
