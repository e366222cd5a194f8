// Step cr4_shadow: read CR4 into the shadow the rest of the kernel uses.
#include "examples/kernel/cpu.h"

#include "examples/kernel/error_codes.h"
#include "examples/kernel/log.h"
#include "examples/kernel/steps.h"
#include "examples/kernel/x86.h"

namespace cpu {

uint64_t cr4_shadow;

bool flush_tlb_all() {
  if (!(cr4_shadow & x86::kCr4Pae)) return false;
  if (cr4_shadow & x86::kCr4Pge) {
    x86::write_cr4(cr4_shadow & ~x86::kCr4Pge);
    x86::write_cr4(cr4_shadow);
  } else {
    __asm__ volatile("mov %%cr3, %%rax; mov %%rax, %%cr3" : : : "rax", "memory");
  }
  return true;
}

}  // namespace cpu

static int cr4_init_shadow(const earlyinit_context*) {
  cpu::cr4_shadow = x86::read_cr4();
  kout() << "cpu: cr4 " << hex(cpu::cr4_shadow) << (cpu::cr4_shadow & x86::kCr4Pae ? " PAE" : "")
         << (cpu::cr4_shadow & x86::kCr4Pge ? " PGE" : "");
  // In long mode PAE is always on: anything else is not CR4.
  return cpu::cr4_shadow & x86::kCr4Pae ? 0 : kernel::kEIO;
}
EARLYINIT_IMPL(cr4_shadow, EARLYINIT_ALL, cr4_init_shadow);
