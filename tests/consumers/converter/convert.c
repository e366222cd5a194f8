/* A consumer of bootproto's converters, which are not header-only: a
 * multiboot information structure (memory flag only: 639 KiB low, 130048
 * KiB high) in a buffer standing for physical memory at 0x9000, converted
 * to a zero page. Prints the E820 table it got; exits 0 only if it is the
 * two expected entries. Links only with the converters' code
 * (libearlyinit_bootproto.a, or its installed sources). */
#include <stdio.h>
#include <string.h>

#include "bootproto/bootproto.h"

static struct bootproto_boot_params bp;

int main(void) {
  struct bootproto_multiboot_info mbi;
  bootproto_mem mem;
  bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
  bootproto_report report;
  bootproto_status st;
  unsigned i;

  memset(&mbi, 0, sizeof mbi);
  mbi.flags = BOOTPROTO_MULTIBOOT_INFO_MEMORY;
  mbi.mem_lower = 639;
  mbi.mem_upper = 130048;
  mem = bootproto_mem_buffer(&mbi, 0x9000, sizeof mbi);
  st = bootproto_from_multiboot(&mem, 0x2BADB002u, 0x9000, &opt, &bp, &report);
  printf("status: %s\n", bootproto_strerror(st));
  for (i = 0; i < bp.e820_entries; i++)
    printf("e820 %#llx +%#llx type %u\n", (unsigned long long)bp.e820_table[i].addr,
           (unsigned long long)bp.e820_table[i].size, (unsigned)bp.e820_table[i].type);
  if (st != BOOTPROTO_OK || bp.e820_entries != 2 || bp.e820_table[0].size != 639 * 1024ull ||
      bp.e820_table[1].addr != 0x100000 || bp.e820_table[1].size != 130048 * 1024ull) {
    puts("CONVERTER WRONG");
    return 1;
  }
  puts("CONVERTER OK");
  return 0;
}
