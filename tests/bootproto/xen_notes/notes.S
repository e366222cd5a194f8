/* Xen ELF notes from assembly (read back by xen_notes_test.cc). */
#include "bootproto/xen.h"

BOOTPROTO_XEN_NOTE_GUEST_OS("earlyinit");
BOOTPROTO_XEN_NOTE_GUEST_VERSION("asm");
BOOTPROTO_XEN_NOTE_XEN_VERSION("xen-3.0");
BOOTPROTO_XEN_NOTE_LOADER("generic");
BOOTPROTO_XEN_NOTE_FEATURES("!writable_page_tables|pae_pgdir_above_4gb");
BOOTPROTO_XEN_NOTE_PAE_MODE("yes");
BOOTPROTO_XEN_NOTE_PADDR_OFFSET(0);
BOOTPROTO_XEN_NOTE_PHYS32_ENTRY(pvh_start);
BOOTPROTO_XEN_ELFNOTE(BOOTPROTO_XEN_ELFNOTE_PHYS32_RELOC, .long 0x200000, 0x1000000, 0xffffffff);

        .text
        .globl entry, pvh_start
entry:
        ret
        .balign 16
pvh_start:
        hlt
