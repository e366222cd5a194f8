// The multiboot entry path in long mode: multiboot information ->
// boot_params with bootproto_from_multiboot (hardware_subarch PC), then
// the common entry.
//
// The command line: by multiboot convention (GRUB legacy, QEMU) the
// loader passes the kernel image's path as its first word, followed by the
// user's command line (QEMU: "<-kernel path> <-append string>"). This
// entry drops that first word and the one space after it, so that the
// kernel sees exactly what the user passed, as on the PVH path.
#include "bootproto/convert.h"
#include "examples/kernel/kernel.h"
#include "examples/kernel/log.h"

namespace {

void print_losses(const bootproto_report& rep) {
  for (uint32_t bit = 1; bit; bit <<= 1)
    if (rep.lost & bit) kout() << "multiboot: not carried over: " << bootproto_lost_str(bit);
}

// Removes the first word (the image path) and one separating space.
void drop_image_path(char* cmdline) {
  size_t word = 0;
  while (cmdline[word] && cmdline[word] != ' ') ++word;
  const size_t skip = cmdline[word] == ' ' ? word + 1 : word;
  kout() << "multiboot: image path in front of the command line: " << Bytes{cmdline, word};
  size_t i = 0;
  for (; cmdline[skip + i]; ++i) cmdline[i] = cmdline[skip + i];
  cmdline[i] = 0;
}

}  // namespace

// Called by entry_multiboot.S through boot32.S, in long mode.
extern "C" [[noreturn]] void multiboot_main(uint32_t magic, uint32_t info) {
  kout() << "kernel: multiboot entry, eax " << hex(magic, 8) << ", information at "
         << hex(info);
  bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_UNDEFINED);
  opt.cmdline_buf = kernel::boot_cmdline;
  opt.cmdline_buf_size = sizeof kernel::boot_cmdline;
  opt.cmdline_buf_paddr = reinterpret_cast<uintptr_t>(kernel::boot_cmdline);
  bootproto_report rep;
  const bootproto_status st =
      bootproto_from_multiboot(kernel::boot_mem(), magic, info, &opt, &kernel::boot_params, &rep);
  if (st != BOOTPROTO_OK) {
    klog::emergency();
    kout() << "kernel: fatal: multiboot information at " << hex(info)
           << " rejected: " << bootproto_strerror(st);
    kernel::die();
  }
  kout() << "kernel: multiboot information: " << rep.e820_entries << " memory map entries, "
         << rep.modules << " modules, command line " << rep.cmdline_len << " bytes";
  print_losses(rep);
  if (kernel::boot_params.hdr.cmd_line_ptr) drop_image_path(kernel::boot_cmdline);
  kernel::main(&kernel::boot_params);
}
