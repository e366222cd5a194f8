// Step kasan_early: KASAN's early shadow, for real. The memory the linker
// script reserves (.kasan_shadow) becomes the shadow of the kernel's 2 MiB
// at 1 MiB: it is mapped at the shadow addresses through new page tables,
// the TLB is flushed through the CR4 shadow (hence the dependency on
// cr4_shadow), the image is marked accessible and the rest poisoned, and
// both are read back through the mapping and through the reserved region.
//
// shadow(a) = kShadowOffset + a / 8, one shadow byte per 8 bytes: 0 means
// accessible. Linux puts the shadow of kernel-half addresses at
// KASAN_SHADOW_START (0xffffec0000000000); this kernel runs identity-mapped
// in the low half, so that is where its offset is.
#include <stdint.h>

#include "examples/kernel/cpu.h"
#include "examples/kernel/error_codes.h"
#include "examples/kernel/log.h"
#include "examples/kernel/steps.h"
#include "examples/kernel/x86.h"

extern "C" char _kernel_start[], _end[], kasan_shadow_start[], kasan_shadow_end[];

namespace {

constexpr uint64_t kShadowOffset = 0xffffec0000000000ull;
constexpr uint8_t kPoisonNotKernel = 0xfe;  // Linux's KASAN_PAGE_REDZONE
constexpr uint64_t kPage = 4096;

// Page tables for the shadow mapping (one PML4 slot, one 2 MiB page table).
alignas(4096) uint64_t shadow_pdpt[512];
alignas(4096) uint64_t shadow_pd[512];
alignas(4096) uint64_t shadow_pt[512];

uint64_t addr(const void* p) { return reinterpret_cast<uintptr_t>(p); }
uint8_t* shadow_of(uint64_t a) { return reinterpret_cast<uint8_t*>(kShadowOffset + a / 8); }
unsigned table_index(uint64_t va, int level) { return (va >> (12 + 9 * level)) & 511; }

// Maps [va, va + size) to physical [pa, pa + size), inside one page table.
int map_shadow(uint64_t va, uint64_t pa, uint64_t size) {
  uint64_t* pml4 = reinterpret_cast<uint64_t*>(x86::read_cr3() & x86::kPteAddrMask);
  const uint64_t last = va + size - 1;
  if (table_index(va, 1) != table_index(last, 1) || table_index(va, 2) != table_index(last, 2) ||
      table_index(va, 3) != table_index(last, 3))
    return kernel::kEINVAL;  // more than one page table: not needed here
  if (pml4[table_index(va, 3)] & x86::kPtePresent) return kernel::kEINVAL;  // slot taken
  const uint64_t table = x86::kPtePresent | x86::kPteWrite;
  shadow_pdpt[table_index(va, 2)] = addr(shadow_pd) | table;
  shadow_pd[table_index(va, 1)] = addr(shadow_pt) | table;
  for (uint64_t off = 0; off < size; off += kPage)
    shadow_pt[table_index(va + off, 0)] = (pa + off) | table;
  pml4[table_index(va, 3)] = addr(shadow_pdpt) | table;
  return 0;
}

}  // namespace

static int kasan_early_init(const earlyinit_context*) {
  const uint64_t base = addr(_kernel_start);
  const uint64_t shadow_size = addr(kasan_shadow_end) - addr(kasan_shadow_start);
  const uint64_t covered_end = base + shadow_size * 8;
  const uint64_t image_end = addr(_end);
  if (base % (8 * kPage) || shadow_size % kPage || image_end % 8 || image_end >= covered_end) {
    kout() << "kasan: bad layout: kernel at " << hex(base) << ", shadow " << shadow_size
           << " bytes, image end " << hex(image_end);
    return kernel::kEINVAL;
  }
  int err = map_shadow(addr(shadow_of(base)), addr(kasan_shadow_start), shadow_size);
  if (err) {
    kout() << "kasan: cannot map the shadow at " << hex(addr(shadow_of(base)));
    return err;
  }
  if (!cpu::flush_tlb_all()) {
    kout() << "kasan: the CR4 shadow is not initialised: cannot flush the TLB";
    return kernel::kEINVAL;
  }

  // Poison through the shadow mapping: the image accessible, the rest not.
  for (uint64_t a = base; a < covered_end; a += 8) {
    volatile uint8_t* s = shadow_of(a);
    *s = a < image_end ? 0 : kPoisonNotKernel;
  }
  // Verify through the reserved region itself: the mapping points there.
  const volatile uint8_t* reserved = reinterpret_cast<uint8_t*>(kasan_shadow_start);
  uint64_t accessible = 0, poisoned = 0;
  for (uint64_t i = 0; i < shadow_size; ++i) {
    const uint64_t a = base + i * 8;
    const uint8_t want = a < image_end ? 0 : kPoisonNotKernel;
    const uint8_t got = reserved[i];
    if (got != want) {
      kout() << "kasan: shadow byte of " << hex(a) << " reads " << hex(got) << ", wrote "
             << hex(want);
      return kernel::kEIO;
    }
    (got == 0 ? accessible : poisoned) += 8;
  }
  // And the check KASAN instrumentation would make, on both sides of _end.
  if (*shadow_of(addr(&cpu::cr4_shadow)) != 0 || *shadow_of(image_end) != kPoisonNotKernel) {
    kout() << "kasan: shadow check of the image end failed";
    return kernel::kEIO;
  }
  kout() << "kasan: shadow of [" << hex(base) << ", " << hex(covered_end) << ") mapped at "
         << hex(addr(shadow_of(base))) << " onto " << shadow_size / 1024 << " KiB at "
         << hex(addr(kasan_shadow_start)) << ": " << accessible / 1024 << " KiB accessible, "
         << poisoned / 1024 << " KiB poisoned, verified";
  return 0;
}
EARLYINIT_IMPL(kasan_early, EARLYINIT_ALL, kasan_early_init);
