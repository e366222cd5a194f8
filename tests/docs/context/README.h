/* What the README's example takes as given: the boot_params the loader's
 * stub filled, a memory accessor, hooks, and KASAN's own function. */
#include "earlyinit/x86.h" /* first: the x86 subarchs, then the core */
#include "earlyinit/earlyinit.h"
/* Defined in another file: hidden, since PIE code cannot name a
 * preemptible symbol as an asm constant (see the README). */
__attribute__((__visibility__("hidden"))) int kasan_early_init(const earlyinit_context *c);
static const struct bootproto_boot_params *bp;
static bootproto_mem mem;
static earlyinit_hooks hooks;
