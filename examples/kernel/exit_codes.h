/*
 * exit_codes.h: what the kernel writes to QEMU's isa-debug-exit device
 * (-device isa-debug-exit,iobase=0xf4,iosize=0x04). QEMU then exits with
 * status (value << 1) | 1, so a status is always odd and never 0.
 *
 * Shared by the kernel, tools/demo (by value) and tests/kernel.
 */
#ifndef EXAMPLES_KERNEL_EXIT_CODES_H
#define EXAMPLES_KERNEL_EXIT_CODES_H

/** I/O port of the isa-debug-exit device. */
#define KERNEL_DEBUG_EXIT_PORT 0xf4
/** Every step of the chain ran, or failed only as an optional step. */
#define KERNEL_EXIT_SUCCESS 0x10 /* QEMU exits with 33 */
/** The fatal hook, a CPU fault, or a boot structure the kernel refused. */
#define KERNEL_EXIT_FAILURE 0x11 /* QEMU exits with 35 */

/** The status QEMU's process ends with after the kernel wrote `value`. */
#define KERNEL_QEMU_STATUS(value) (((value) << 1) | 1)

#endif /* EXAMPLES_KERNEL_EXIT_CODES_H */
