// The mini kernel's early-init steps, declared once. Each line gives the
// phase, level, order, policy and the steps that must run before it.
#ifndef EXAMPLES_HOSTED_STEPS_H
#define EXAMPLES_HOSTED_STEPS_H
#include "earlyinit/x86.h"  // first: the x86 subarchs, then the core
#include "earlyinit/earlyinit.h"

#define EARLYINIT_STEP_pvh_start_info EARLYINIT_SPEC(early, 05, 0100, required, )
#define EARLYINIT_STEP_cr4_shadow     EARLYINIT_SPEC(early, 10, 0100, required, )
#define EARLYINIT_STEP_kasan_early    EARLYINIT_SPEC(early, 10, 0200, required, (cr4_shadow))
#define EARLYINIT_STEP_early_idt      EARLYINIT_SPEC(early, 10, 0300, required, )
#define EARLYINIT_STEP_cmdline        EARLYINIT_SPEC(setup_arch, 20, 0100, required, )
#define EARLYINIT_STEP_bios_ebda      EARLYINIT_SPEC(setup_arch, 20, 0150, optional, )
#define EARLYINIT_STEP_e820           EARLYINIT_SPEC(setup_arch, 20, 0200, required, (cmdline))
#define EARLYINIT_STEP_console        EARLYINIT_SPEC(late, 30, 0100, optional, (cmdline))

// What the steps of the mini kernel record, for the demo and the tests.
struct mini_kernel {
  unsigned long cr4_shadow;
  int kasan_shadow_ready;
  int idt_ready;
  char cmdline[64];
  unsigned e820_entries;
  int console_ready;
};
extern struct mini_kernel mini_kernel;
#endif
