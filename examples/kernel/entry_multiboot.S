/*
 * entry_multiboot.S: the multiboot v1 header and entry.
 *
 * QEMU refuses an EM_X86_64 ELF through multiboot unless the header
 * carries the load addresses itself (flag bit 16, the "a.out kludge"); it
 * then loads the file flat: the bytes from the header's file offset minus
 * (header_addr - load_addr), up to load_end_addr, zero up to bss_end_addr.
 * The linker script keeps the image in one PT_LOAD so that file and memory
 * layout agree, with this header first.
 *
 * Entry state (Multiboot 0.6.96, section 3.2): 32-bit protected mode,
 * paging off, %eax = 0x2BADB002, %ebx = physical address of the multiboot
 * information, no stack, GDTR undefined. Continues in multiboot.cc's
 * multiboot_main(magic, info) in long mode.
 */
#include "bootproto/multiboot.h"

#define MB_FLAGS (BOOTPROTO_MULTIBOOT_PAGE_ALIGN | BOOTPROTO_MULTIBOOT_MEMORY_INFO | \
                  BOOTPROTO_MULTIBOOT_AOUT_KLUDGE)

        .section .multiboot, "a"
        .balign 4
multiboot_header:
        .long BOOTPROTO_MULTIBOOT_HEADER_MAGIC
        .long MB_FLAGS
        .long -(BOOTPROTO_MULTIBOOT_HEADER_MAGIC + MB_FLAGS)
        .long multiboot_header    /* header_addr */
        .long _kernel_start       /* load_addr */
        .long _load_end           /* load_end_addr */
        .long _end                /* bss_end_addr */
        .long multiboot_start     /* entry_addr */

        .section .text.entry, "ax"
        .code32
        .globl multiboot_start, kernel_elf_entry
multiboot_start:
kernel_elf_entry:                 /* e_entry; the loaders do not use it */
        movl %eax, %esi           /* %ebx, the information, stays */
        movl $multiboot_main, %ebp
        jmp boot32_to_long_mode

        .section .note.GNU-stack, "", @progbits
