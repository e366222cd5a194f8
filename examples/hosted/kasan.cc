// KASAN's early shadow: the step Linux's Xen PV entry silently missed for
// years. Here it is declared once and implemented for every subarch.
#include "examples/hosted/steps.h"

static int kasan_early_init(const earlyinit_context *) {
  if (!mini_kernel.cr4_shadow) return -22;  // needs the CR4 shadow first
  mini_kernel.kasan_shadow_ready = 1;
  return 0;
}
EARLYINIT_IMPL(kasan_early, EARLYINIT_ALL, kasan_early_init);
