/* The step definitions and the tables: exactly one file of the program. */
#include "steps.h"

EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(clock);
EARLYINIT_DEFINE_STEP(uart);
EARLYINIT_DEFINE_STEP(mmu_quirk);

char consumer_log[16];

void consumer_note(char c) {
  unsigned i = 0;
  while (i + 1 < sizeof consumer_log && consumer_log[i]) ++i;
  if (i + 1 < sizeof consumer_log) consumer_log[i] = c;
}
