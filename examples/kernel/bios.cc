// Step bios_data_area, on the PC path only: read the BIOS Data Area at
// 0x400 (COM1's port, base memory, the EBDA's segment) and report the
// EBDA, which must stay reserved. Optional: a loader without a BIOS leaves
// no BDA, and the kernel boots without it.
#include "examples/kernel/error_codes.h"
#include "examples/kernel/kernel.h"
#include "examples/kernel/log.h"
#include "examples/kernel/steps.h"

namespace {

constexpr uint64_t kBdaCom1 = 0x400, kBdaEbdaSegment = 0x40e, kBdaBaseMemoryKib = 0x413;

bool read16(uint64_t pa, uint16_t* v) {
  return bootproto_mem_read(kernel::boot_mem(), pa, v, sizeof *v) == 0;
}

}  // namespace

static int bios_read_data_area(const earlyinit_context*) {
  uint16_t com1 = 0, ebda_segment = 0, base_kib = 0;
  if (!read16(kBdaCom1, &com1) || !read16(kBdaEbdaSegment, &ebda_segment) ||
      !read16(kBdaBaseMemoryKib, &base_kib))
    return kernel::kEIO;
  const uint64_t ebda = static_cast<uint64_t>(ebda_segment) << 4;
  kout() << "bios: BDA: COM1 at " << hex(com1) << ", base memory " << base_kib
         << " KiB, EBDA at " << hex(ebda);
  // Linux's reserve_bios_regions() trusts the EBDA only in [128 KiB, 640 KiB).
  if (ebda < 0x20000 || ebda >= 0xa0000) {
    kout() << "bios: no plausible EBDA";
    return kernel::kENOENT;
  }
  kout() << "bios: reserving EBDA [" << hex(ebda) << ", 0xa0000)";
  return 0;
}
EARLYINIT_IMPL(bios_data_area, (pc), bios_read_data_area);
EARLYINIT_EXEMPT(bios_data_area, (xen_pvh),
                 "the PVH boot ABI has no BIOS: no BIOS Data Area, no EBDA");
