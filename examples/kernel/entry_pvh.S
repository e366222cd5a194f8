/*
 * entry_pvh.S: the PVH entry (XEN_ELFNOTE_PHYS32_ENTRY, see pvh_note.S).
 *
 * Machine state (Xen's docs/misc/pvh.pandoc; QEMU's pvh.bin matches it):
 * 32-bit protected mode, paging off, %ebx = physical address of the
 * hvm_start_info, flat CS/DS/ES, no usable stack. Continues in pvh.cc's
 * pvh_main(start_info, 0) in long mode.
 */
        .section .text.entry, "ax"
        .code32
        .globl pvh_start, kernel_elf_entry
pvh_start:
kernel_elf_entry:                 /* e_entry; the loaders do not use it */
        movl %ebx, %esi
        xorl %ebx, %ebx
        movl $pvh_main, %ebp
        jmp boot32_to_long_mode

        .section .note.GNU-stack, "", @progbits
