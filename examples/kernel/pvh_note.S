/*
 * pvh_note.S: the note that makes an ELF a PVH kernel: QEMU (and Xen)
 * enter it at pvh_start in 32-bit mode with %ebx = hvm_start_info. The
 * linker script gives .note.Xen a PT_NOTE of its own with 4-byte alignment,
 * which QEMU needs to find the descriptor.
 */
#include "bootproto/xen.h"

BOOTPROTO_XEN_NOTE_GUEST_OS("earlyinit-kernel");
BOOTPROTO_XEN_NOTE_PHYS32_ENTRY(pvh_start);

        .section .note.GNU-stack, "", @progbits
