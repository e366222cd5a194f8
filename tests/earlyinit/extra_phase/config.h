/* A test configuration with a fourth phase, `final`, after `late`: the
 * record and the sequence, and nothing else (earlyinit/phases.h). */
#define EARLYINIT_PHASE_INFO_final (3, D)
#define EARLYINIT_PHASES (early)(setup_arch)(late)(final)
