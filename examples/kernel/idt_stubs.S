/*
 * idt_stubs.S: the early exception entry points (vectors 0-31). Each
 * pushes a zero where the CPU pushes no error code, then its vector, and
 * jumps to the common part, which saves the general registers and calls
 * early_fault(frame) (idt.cc) on the same stack. early_fault never
 * returns: an early fault is fatal.
 */
        .section .text, "ax"
        .code64

.macro STUB vector, has_error
        .balign 16
fault_stub_\vector:
        .if \has_error == 0
        pushq $0
        .endif
        pushq $\vector
        jmp fault_common
.endm

/* Vectors with an error code: #DF 8, #TS 10, #NP 11, #SS 12, #GP 13,
   #PF 14, #AC 17, #CP 21, #VC 29, #SX 30. */
STUB 0, 0
STUB 1, 0
STUB 2, 0
STUB 3, 0
STUB 4, 0
STUB 5, 0
STUB 6, 0
STUB 7, 0
STUB 8, 1
STUB 9, 0
STUB 10, 1
STUB 11, 1
STUB 12, 1
STUB 13, 1
STUB 14, 1
STUB 15, 0
STUB 16, 0
STUB 17, 1
STUB 18, 0
STUB 19, 0
STUB 20, 0
STUB 21, 1
STUB 22, 0
STUB 23, 0
STUB 24, 0
STUB 25, 0
STUB 26, 0
STUB 27, 0
STUB 28, 0
STUB 29, 1
STUB 30, 1
STUB 31, 0

/* Stack on entry to fault_common: vector, error code, then the CPU's
   frame (rip, cs, rflags, rsp, ss). Layout = struct FaultFrame (idt.cc). */
fault_common:
        pushq %rax
        pushq %rbx
        pushq %rcx
        pushq %rdx
        pushq %rsi
        pushq %rdi
        pushq %rbp
        pushq %r8
        pushq %r9
        pushq %r10
        pushq %r11
        pushq %r12
        pushq %r13
        pushq %r14
        pushq %r15
        movq %rsp, %rdi
        cld
        andq $-16, %rsp
        call early_fault
1:      cli
        hlt
        jmp 1b

        .section .rodata, "a"
        .balign 8
        .globl early_fault_stubs
early_fault_stubs:
        .irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        .quad fault_stub_\v
        .endr

        .section .note.GNU-stack, "", @progbits
