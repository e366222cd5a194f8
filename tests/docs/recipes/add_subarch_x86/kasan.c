/* A step whose implementations name their subarchs: the recipe's kasan.c
 * part names the new one too. */
#include "steps.h"
static int kasan_native(const earlyinit_context *c) { (void)c; return 0; }
static int kasan_xen_pv(const earlyinit_context *c) { (void)c; return 0; }
/* @recipe kasan.c */
EARLYINIT_IMPL(kasan_early, (xen_pv), kasan_xen_pv);
