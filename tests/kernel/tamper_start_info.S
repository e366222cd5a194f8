/*
 * tamper_start_info.S (test only): a PVH entry that damages the
 * hvm_start_info QEMU passed, then jumps to the kernel's real entry,
 * pvh_start, with the same registers: from there the real entry path runs
 * as if the loader had handed over the damaged structure.
 *
 *   -DTAMPER_BAD_MAGIC      magic = 0xdeadbeef
 *   -DTAMPER_MEMMAP_COUNT   memmap_entries = 0xffffffff
 */
#include "bootproto/xen.h"

BOOTPROTO_XEN_NOTE_PHYS32_ENTRY(pvh_tamper_start);

#define START_INFO_MAGIC 0
#define START_INFO_MEMMAP_ENTRIES 48

        .section .text.entry, "ax"
        .code32
        .globl pvh_tamper_start
pvh_tamper_start:
#if defined(TAMPER_BAD_MAGIC)
        movl $0xdeadbeef, START_INFO_MAGIC(%ebx)
#elif defined(TAMPER_MEMMAP_COUNT)
        movl $0xffffffff, START_INFO_MEMMAP_ENTRIES(%ebx)
#else
#error "define TAMPER_BAD_MAGIC or TAMPER_MEMMAP_COUNT"
#endif
        jmp pvh_start

        .section .note.GNU-stack, "", @progbits
