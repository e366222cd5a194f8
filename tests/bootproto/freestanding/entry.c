/*
 * A tiny freestanding program that uses every bootproto entry point. It is
 * only linked, never run: freestanding_test.cc compiles it and the
 * converters with gcc and clang, as C and C++, -nostdlib, and links it with
 * -nostdlib -static -e entry, proving the library needs no libc (no
 * memcpy/memset calls), no runtime and no static constructors.
 */
#include "bootproto/bootproto.h"

static unsigned char ram[4096];
static struct bootproto_boot_params bp;
static char cmdline[256];
volatile int sink;

#ifdef __cplusplus
extern "C" {
#endif
void entry(void);
#ifdef __cplusplus
}
#endif

void entry(void) {
  bootproto_mem m = bootproto_mem_buffer(ram, 0x8000, sizeof ram);
  bootproto_mem id = bootproto_mem_identity(0, 0x100000000ull);
  bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
  bootproto_report rep;
  bootproto_status st;
  unsigned char b[16];
  opt.cmdline_buf = cmdline;
  opt.cmdline_buf_size = sizeof cmdline;
  opt.cmdline_buf_paddr = (uintptr_t)cmdline;
  opt.flags |= BOOTPROTO_OPT_ISA_RESERVED;
  st = bootproto_from_pvh(&m, 0x8000, &opt, &bp, &rep);
  sink = bootproto_strerror(st)[0];
  st = bootproto_from_multiboot(&m, BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC, 0x8000,
                                &opt, &bp, &rep);
  sink = bootproto_status_memmap_missing(st);
  sink = bootproto_lost_str(rep.lost & -rep.lost) != NULL;
  sink = (int)bootproto_xen_probe(&m, bp.hdr.hardware_subarch_data);
  sink = bootproto_mem_read(&id, 0x9000, b, sizeof b);
  for (;;) __asm__ volatile("hlt");
}
