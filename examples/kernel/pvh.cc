// The PVH entry path in long mode: hvm_start_info -> boot_params with
// bootproto_from_pvh, then the common entry. The converter reports Xen as
// hardware_subarch and points hardware_subarch_data at the start info, so
// the dispatcher runs the xen_pvh chain.
#include "bootproto/convert.h"
#include "bootproto/xen.h"
#include "examples/kernel/kernel.h"
#include "examples/kernel/log.h"
#include "examples/kernel/x86.h"

namespace {

// Linux's rule (arch/x86/platform/pvh/enlighten.c): type_of_loader says Xen
// only if CPUID shows Xen's signature; under QEMU it says QEMU.
uint8_t loader_type() {
  const x86::Cpuid max = x86::cpuid(0x40000000);
  const bool xen = max.ebx == 0x566e6558 && max.ecx == 0x65584d4d && max.edx == 0x4d4d566e;
  return xen ? BOOTPROTO_LOADER_XEN : BOOTPROTO_LOADER_QEMU;
}

// What the converter could not carry over.
void print_losses(const bootproto_report& rep) {
  for (uint32_t bit = 1; bit; bit <<= 1)
    if (rep.lost & bit) kout() << "pvh: not carried over: " << bootproto_lost_str(bit);
}

}  // namespace

// Called by entry_pvh.S through boot32.S, in long mode, on the boot stack.
extern "C" [[noreturn]] void pvh_main(uint32_t start_info, uint32_t) {
  kout() << "kernel: PVH entry, hvm_start_info at " << hex(start_info);
  bootproto_options opt = bootproto_options_default(loader_type());
  opt.cmdline_buf = kernel::boot_cmdline;
  opt.cmdline_buf_size = sizeof kernel::boot_cmdline;
  opt.cmdline_buf_paddr = reinterpret_cast<uintptr_t>(kernel::boot_cmdline);
  bootproto_report rep;
  const bootproto_status st =
      bootproto_from_pvh(kernel::boot_mem(), start_info, &opt, &kernel::boot_params, &rep);
  if (st != BOOTPROTO_OK) {
    // Say what the loader handed over, as far as it can be read.
    bootproto_hvm_start_info si = {};
    const bool readable =
        bootproto_mem_read(kernel::boot_mem(), start_info, &si, sizeof si) == 0;
    klog::emergency();
    kout() << "kernel: fatal: PVH start info at " << hex(start_info)
           << " rejected: " << bootproto_strerror(st);
    if (readable)
      kout() << "kernel: start info: magic " << hex(si.magic, 8) << " (expected "
             << hex(BOOTPROTO_XEN_HVM_START_MAGIC, 8) << "), version " << si.version
             << ", memmap_entries " << si.memmap_entries << " at " << hex(si.memmap_paddr);
    kernel::die();
  }
  kout() << "kernel: PVH start info v" << rep.version << ": " << rep.e820_entries
         << " memory map entries, " << rep.modules << " modules, command line "
         << rep.cmdline_len << " bytes";
  print_losses(rep);
  kernel::main(&kernel::boot_params);
}
