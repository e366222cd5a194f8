// steps.h: the kernel's early-init steps, declared once: phase, level,
// order, policy, and the steps that must have run before.
//
// The kernel is built for two subarchs only, -DEARLYINIT_SUBARCHS=(pc)(xen_pvh)
// (see BUILD): it has a PVH entry and a multiboot (PC) entry, and owes
// nothing to Xen PV, lguest, Intel MID or CE4100.
#ifndef EXAMPLES_KERNEL_STEPS_H
#define EXAMPLES_KERNEL_STEPS_H

#include "earlyinit/x86.h"  // first: the x86 subarchs, then the core
#include "earlyinit/earlyinit.h"

// clang-format off
#define EARLYINIT_STEP_console        EARLYINIT_SPEC(early,      05, 0100, required, )
#define EARLYINIT_STEP_pvh_start_info EARLYINIT_SPEC(early,      05, 0200, required, )
#define EARLYINIT_STEP_bios_data_area EARLYINIT_SPEC(early,      05, 0300, optional, )
#define EARLYINIT_STEP_cr4_shadow     EARLYINIT_SPEC(early,      10, 0100, required, )
#define EARLYINIT_STEP_kasan_early    EARLYINIT_SPEC(early,      10, 0200, required, (cr4_shadow))
#define EARLYINIT_STEP_early_idt      EARLYINIT_SPEC(early,      10, 0300, required, )
#define EARLYINIT_STEP_cmdline        EARLYINIT_SPEC(setup_arch, 20, 0100, required, )
#define EARLYINIT_STEP_e820           EARLYINIT_SPEC(setup_arch, 20, 0200, required, (cmdline))
// clang-format on

#endif  // EXAMPLES_KERNEL_STEPS_H
