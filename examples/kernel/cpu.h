// cpu.h: the CR4 shadow. The kernel reads CR4 once (step cr4_shadow) and
// from then on changes CR4 only through the shadow, as Linux does with
// cpu_tlbstate.cr4. A shadow that was never initialised is 0: writing it
// back would clear PAE in long mode, the failure Xen PV guests had when
// their entry path missed cr4_init_shadow().
#ifndef EXAMPLES_KERNEL_CPU_H
#define EXAMPLES_KERNEL_CPU_H

#include <stdint.h>

namespace cpu {

// CR4 as last read or written by the kernel; 0 until step cr4_shadow.
extern uint64_t cr4_shadow;

// Flushes every TLB entry, global ones too, by toggling CR4.PGE through the
// shadow. Returns false, changing nothing, if the shadow is not set up.
bool flush_tlb_all();

}  // namespace cpu

#endif  // EXAMPLES_KERNEL_CPU_H
