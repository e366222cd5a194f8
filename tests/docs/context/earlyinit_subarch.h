#include <stdio.h>
#include "earlyinit/earlyinit.h"
/* What the examples of earlyinit/subarch.h take as given: the step they
 * name and its function. */
#define EARLYINIT_STEP_page_tables EARLYINIT_SPEC(early, 10, 0200, required, )
/* Defined in another file: hidden, since PIE code cannot name a
 * preemptible symbol as an asm constant (see the README). */
__attribute__((__visibility__("hidden"))) int map_kernel(const earlyinit_context *c);
static unsigned id;
void panic(const char *why);
