/*
 * capture.S: a tiny 32-bit kernel that dumps what the loader passed, byte
 * for byte, to QEMU's debugcon (port 0xe9), then exits QEMU through
 * isa-debug-exit (port 0xf4). Built twice by capture.sh: -DPVH (entered
 * through XEN_ELFNOTE_PHYS32_ENTRY, %ebx = hvm_start_info) and -DMULTIBOOT
 * (%eax = 0x2BADB002, %ebx = multiboot information).
 *
 * Dump format (all little-endian), read by gen_corpus.py:
 *   repeated records { u32 paddr; u32 len; u8 data[len]; }
 * the first record has paddr 0 and 8 bytes: the entry %eax and %ebx.
 */
#include "bootproto/multiboot.h"
#include "bootproto/xen.h"

#define DEBUGCON 0xe9
#define DEBUG_EXIT 0xf4

#ifdef PVH
BOOTPROTO_XEN_ELFNOTE(BOOTPROTO_XEN_ELFNOTE_PHYS32_ENTRY, .long start);
#endif

#ifdef MULTIBOOT
#define MB_FLAGS (BOOTPROTO_MULTIBOOT_PAGE_ALIGN | BOOTPROTO_MULTIBOOT_MEMORY_INFO)
        .text                     /* first in .text: inside the first 8 KiB */
        .balign 4
        .long BOOTPROTO_MULTIBOOT_HEADER_MAGIC, MB_FLAGS
        .long -(BOOTPROTO_MULTIBOOT_HEADER_MAGIC + MB_FLAGS)
#endif

        .text
        .code32
        .globl start
start:
        cli
        cld
        movl $stack_top, %esp
        movl %eax, regs
        movl %ebx, regs + 4
        /* record 0: registers */
        pushl $8
        pushl $regs
        pushl $0
        call record
        addl $12, %esp
        movl regs + 4, %ebx
#ifdef PVH
        /* start info, 56 bytes */
        pushl $56
        pushl %ebx
        pushl %ebx
        call record
        addl $12, %esp
        /* memory map: memmap_entries * 24 at memmap_paddr */
        movl 48(%ebx), %eax
        imull $24, %eax
        pushl %eax
        pushl 40(%ebx)
        pushl 40(%ebx)
        call record
        addl $12, %esp
        /* module list: nr_modules * 32 at modlist_paddr */
        movl 12(%ebx), %eax
        shll $5, %eax
        pushl %eax
        pushl 16(%ebx)
        pushl 16(%ebx)
        call record
        addl $12, %esp
        /* command line */
        pushl 24(%ebx)
        call record_string
        addl $4, %esp
#endif
#ifdef MULTIBOOT
        /* information structure, 88 bytes (what QEMU writes) */
        pushl $88
        pushl %ebx
        pushl %ebx
        call record
        addl $12, %esp
        /* mmap */
        pushl 44(%ebx)
        pushl 48(%ebx)
        pushl 48(%ebx)
        call record
        addl $12, %esp
        /* modules: mods_count * 16 */
        movl 20(%ebx), %eax
        shll $4, %eax
        pushl %eax
        pushl 24(%ebx)
        pushl 24(%ebx)
        call record
        addl $12, %esp
        /* command line, boot loader name */
        pushl 16(%ebx)
        call record_string
        addl $4, %esp
        pushl 64(%ebx)
        call record_string
        addl $4, %esp
        /* module 0's command line, if any module */
        cmpl $0, 20(%ebx)
        je 1f
        movl 24(%ebx), %eax
        pushl 8(%eax)
        call record_string
        addl $4, %esp
1:
#endif
        movb $0x10, %al           /* QEMU exits with (0x10 << 1) | 1 = 33 */
        outb %al, $DEBUG_EXIT
2:      hlt
        jmp 2b

/* record(paddr, src, len): header then bytes */
record:
        pushl %esi
        pushl %ecx
        leal 12(%esp), %esi       /* paddr */
        movl $4, %ecx
        call out_bytes
        leal 20(%esp), %esi       /* len */
        movl $4, %ecx
        call out_bytes
        movl 16(%esp), %esi       /* src */
        movl 20(%esp), %ecx
        call out_bytes
        popl %ecx
        popl %esi
        ret

/* record_string(paddr): the string and its NUL, at most 4096 bytes */
record_string:
        movl 4(%esp), %edx
        testl %edx, %edx
        jz 9f
        xorl %ecx, %ecx
3:      cmpb $0, (%edx,%ecx)
        je 4f
        incl %ecx
        cmpl $4095, %ecx
        jb 3b
4:      incl %ecx
        pushl %ecx
        pushl %edx
        pushl %edx
        call record
        addl $12, %esp
9:      ret

/* out_bytes: %ecx bytes from %esi to the debugcon */
out_bytes:
        testl %ecx, %ecx
        jz 6f
5:      lodsb
        outb %al, $DEBUGCON
        loop 5b
6:      ret

        .data
regs:   .long 0, 0
        .bss
        .balign 16
        .space 4096
stack_top:
