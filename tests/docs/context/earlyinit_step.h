/* What the examples of earlyinit/step.h take as given: the steps they
 * name (as in examples/hosted/steps.h) and kasan_early_init. */
#define EARLYINIT_STEP_pvh_start_info EARLYINIT_SPEC(early, 05, 0100, required, )
#define EARLYINIT_STEP_cr4_shadow  EARLYINIT_SPEC(early, 10, 0100, required, )
#define EARLYINIT_STEP_kasan_early EARLYINIT_SPEC(early, 10, 0200, required, (cr4_shadow))
#define EARLYINIT_STEP_cmdline EARLYINIT_SPEC(setup_arch, 20, 0100, required, )
/* Defined in another file: hidden, since PIE code cannot name a
 * preemptible symbol as an asm constant (see the README). */
__attribute__((__visibility__("hidden"))) int kasan_early_init(const earlyinit_context *c);
