// CPU steps. The CR4 shadow has one implementation on native paths and
// another on Xen PV, where the hypervisor owns CR4: the unit of parity is
// the step, not the function.
#include "examples/hosted/steps.h"

static int cr4_init_shadow_native(const earlyinit_context *) {
  mini_kernel.cr4_shadow = 0x6f0;  // what `mov %cr4, %rax` would return
  return 0;
}
static int cr4_init_shadow_xen_pv(const earlyinit_context *) {
  mini_kernel.cr4_shadow = 0x2660;  // the value Xen PV reports
  return 0;
}
EARLYINIT_IMPL(cr4_shadow, (pc)(lguest)(intel_mid)(ce4100)(xen_pvh), cr4_init_shadow_native);
EARLYINIT_IMPL(cr4_shadow, (xen_pv), cr4_init_shadow_xen_pv);

static int idt_setup_early_handler(const earlyinit_context *) {
  mini_kernel.idt_ready = 1;
  return 0;
}
EARLYINIT_IMPL(early_idt, EARLYINIT_ALL, idt_setup_early_handler);
