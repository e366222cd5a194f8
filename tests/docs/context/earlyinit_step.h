/* What the examples of earlyinit/step.h take as given: the steps they
 * name, and the functions of the one-line examples. */
#define EARLYINIT_STEP_early_console EARLYINIT_SPEC(early, 10, 0100, required, )
#define EARLYINIT_STEP_page_tables EARLYINIT_SPEC(early, 10, 0200, required, (early_console))
#define EARLYINIT_STEP_cmdline EARLYINIT_SPEC(setup_arch, 20, 0100, required, )
/* Defined in another file: hidden, since PIE code cannot name a
 * preemptible symbol as an asm constant (see the README). */
#ifndef DOC_HAS_map_kernel
__attribute__((__visibility__("hidden"))) int map_kernel(const earlyinit_context *c);
#endif
