/* Xen ELF notes from C at file scope (read back by xen_notes_test.cc). */
#include "bootproto/xen.h"

void entry(void);
void entry(void) {}

__asm__(".text\n\t.balign 16\n\t.globl pvh_start\npvh_start:\n\thlt\n");

BOOTPROTO_XEN_NOTE_GUEST_OS("earlyinit");
BOOTPROTO_XEN_NOTE_GUEST_VERSION("c");
BOOTPROTO_XEN_NOTE_XEN_VERSION("xen-3.0");
BOOTPROTO_XEN_NOTE_LOADER("generic");
BOOTPROTO_XEN_NOTE_FEATURES("!writable_page_tables|pae_pgdir_above_4gb");
BOOTPROTO_XEN_NOTE_PAE_MODE("yes");
BOOTPROTO_XEN_NOTE_PADDR_OFFSET(0);
BOOTPROTO_XEN_NOTE_PHYS32_ENTRY(pvh_start);
BOOTPROTO_XEN_ELFNOTE(BOOTPROTO_XEN_ELFNOTE_PHYS32_RELOC, .long 0x200000, 0x1000000, 0xffffffff);
