// Step pvh_start_info, on the PVH path only: read the hvm_start_info that
// hardware_subarch_data points at and report what the zero page cannot
// hold (start info version and flags, the module list, the RSDP).
#include "bootproto/xen.h"
#include "examples/kernel/error_codes.h"
#include "examples/kernel/kernel.h"
#include "examples/kernel/log.h"
#include "examples/kernel/steps.h"

static int pvh_read_start_info(const earlyinit_context* ctx) {
  const uint64_t pa = earlyinit_x86_boot_params(ctx)->hdr.hardware_subarch_data;
  bootproto_hvm_start_info si = {};
  if (bootproto_mem_read(kernel::boot_mem(), pa, &si, BOOTPROTO_HVM_START_INFO_V0_SIZE) != 0)
    return kernel::kEIO;
  if (si.magic != BOOTPROTO_XEN_HVM_START_MAGIC) return kernel::kEINVAL;
  if (si.version >= 1 &&
      bootproto_mem_read(kernel::boot_mem(), pa, &si, BOOTPROTO_HVM_START_INFO_V1_SIZE) != 0)
    return kernel::kEIO;
  kout() << "pvh: hvm_start_info v" << si.version << " at " << hex(pa) << ": flags "
         << hex(si.flags) << ", " << si.nr_modules << " modules, rsdp " << hex(si.rsdp_paddr)
         << ", memory map " << si.memmap_entries << " entries at " << hex(si.memmap_paddr);
  return 0;
}
EARLYINIT_IMPL(pvh_start_info, (xen_pvh), pvh_read_start_info);
EARLYINIT_EXEMPT(pvh_start_info, (pc), "only the PVH entry receives an hvm_start_info");
