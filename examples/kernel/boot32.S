/*
 * boot32.S: from 32-bit protected mode with paging off (the state both
 * the PVH and the multiboot loaders leave) to 64-bit long mode, then a
 * call to the entry path's C++ function. Shared by both images.
 *
 * boot32_to_long_mode, reached by jmp (there is no stack yet):
 *   %esi  first argument of the 64-bit function  (%edi there)
 *   %ebx  second argument                        (%esi there)
 *   %ebp  address of the 64-bit function: void f(uint32_t, uint32_t),
 *         which does not return
 *
 * It clears .bss (stack and page tables live there; neither loader
 * promises zeroed memory past the image), loads its own GDT, maps
 * [0, 4 GiB) identity with 2 MiB pages, turns on PAE, PGE, EFER.LME and
 * paging, and far-jumps into 64-bit code.
 */
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)
#define CR4_PGE (1 << 7)
#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)
#define PTE_P 0x001
#define PTE_W 0x002
#define PTE_PS 0x080
#define BOOT_CS64 0x08
#define BOOT_DS 0x10
#define BOOT_STACK_SIZE 16384

        .section .text.boot32, "ax"
        .code32
        .globl boot32_to_long_mode
boot32_to_long_mode:
        cli
        cld
        /* Clear .bss: %edi, %ecx, %eax are free (arguments in esi/ebx/ebp;
           rdmsr below writes %edx, so no argument lives there). */
        movl $__bss_start, %edi
        movl $__bss_end, %ecx
        subl %edi, %ecx
        xorl %eax, %eax
        rep stosb

        /* Our GDT, and data segments from it. */
        lgdt boot_gdt_pointer
        movl $BOOT_DS, %eax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %ss
        movl $boot_stack_top, %esp

        /* Page directories: 2048 entries of 2 MiB = [0, 4 GiB). */
        xorl %ecx, %ecx
1:      movl %ecx, %eax
        shll $21, %eax
        orl $(PTE_P | PTE_W | PTE_PS), %eax
        movl %eax, boot_pd(, %ecx, 8)
        incl %ecx
        cmpl $2048, %ecx
        jb 1b
        /* PDPT entries 0-3 -> the four page directories. */
        xorl %ecx, %ecx
2:      movl %ecx, %eax
        shll $12, %eax
        addl $(boot_pd + PTE_P + PTE_W), %eax
        movl %eax, boot_pdpt(, %ecx, 8)
        incl %ecx
        cmpl $4, %ecx
        jb 2b
        movl $(boot_pdpt + PTE_P + PTE_W), boot_pml4

        movl $boot_pml4, %eax
        movl %eax, %cr3
        movl %cr4, %eax
        orl $(CR4_PAE | CR4_PGE), %eax
        movl %eax, %cr4
        movl $MSR_EFER, %ecx
        rdmsr
        orl $EFER_LME, %eax
        wrmsr
        movl %cr0, %eax
        orl $CR0_PG, %eax
        movl %eax, %cr0
        ljmp $BOOT_CS64, $3f

        .code64
3:      movl $BOOT_DS, %eax
        movw %ax, %ds
        movw %ax, %es
        movw %ax, %ss
        movw %ax, %fs
        movw %ax, %gs
        movq $boot_stack_top, %rsp
        movl %esi, %edi           /* zero-extends: arguments as uint32_t */
        movl %ebx, %esi
        movl %ebp, %eax
        xorl %ebp, %ebp           /* end of frame-pointer chain */
        call *%rax
4:      cli
        hlt
        jmp 4b

        .section .rodata.boot32, "a"
        .balign 8
boot_gdt:
        .quad 0
        .quad 0x00af9a000000ffff  /* 0x08: 64-bit code, DPL 0 */
        .quad 0x00cf92000000ffff  /* 0x10: flat data */
boot_gdt_end:
boot_gdt_pointer:
        .word boot_gdt_end - boot_gdt - 1
        .quad boot_gdt

        .bss
        .balign 4096
        .globl boot_pml4
boot_pml4:
        .space 4096
boot_pdpt:
        .space 4096
boot_pd:
        .space 4 * 4096
        .balign 16
boot_stack:
        .space BOOT_STACK_SIZE
        .globl boot_stack_top
boot_stack_top:

        .section .note.GNU-stack, "", @progbits
