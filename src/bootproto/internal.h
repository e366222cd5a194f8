/*
 * src/bootproto/internal.h: helpers shared by the converters. Not part of
 * the public API.
 */
#ifndef BOOTPROTO_SRC_INTERNAL_H
#define BOOTPROTO_SRC_INTERNAL_H

#include "bootproto/convert.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One conversion in progress. rep and opt are never NULL here. */
typedef struct bootproto_ctx {
  const bootproto_mem *mem;
  struct bootproto_boot_params *bp;
  bootproto_report *rep;
  const bootproto_options *opt;
} bootproto_ctx;

/* Checks arguments, zeroes bp and *report, fills ctx (with defaults for a
   NULL opt or report). Returns BOOTPROTO_ERR_ARGUMENT or BOOTPROTO_OK. */
bootproto_status bootproto_ctx_init(bootproto_ctx *ctx, const bootproto_mem *mem,
                                    const bootproto_options *opt,
                                    struct bootproto_boot_params *bp,
                                    bootproto_report *report,
                                    bootproto_options *default_opt,
                                    bootproto_report *scratch_report);

/* Writes boot_flag, "HdrS", version 0x020c, type_of_loader, subarch. */
void bootproto_fill_header(bootproto_ctx *ctx, uint32_t subarch,
                           uint64_t subarch_data);

/* An array of count elements of elem_size bytes at paddr: OK if count is 0
   or first and last byte are readable; null_err if paddr is 0 and null_err
   is not BOOTPROTO_OK; unreadable_err if the first element is not
   readable; count_err if the end is not. */
bootproto_status bootproto_check_array(const bootproto_mem *mem, uint64_t paddr,
                                       uint64_t count, uint64_t elem_size,
                                       bootproto_status null_err,
                                       bootproto_status unreadable_err,
                                       bootproto_status count_err);

/* Carries the command line at paddr (0: none) over to cmd_line_ptr. */
bootproto_status bootproto_carry_cmdline(bootproto_ctx *ctx, uint64_t paddr);

/* Appends one E820 entry: size 0 skipped and counted, addr + size past
   2^64 an error, beyond 128 entries dropped and counted. */
bootproto_status bootproto_add_e820(bootproto_ctx *ctx, uint64_t addr,
                                    uint64_t size, uint32_t type);

/* After the memory map: BOOTPROTO_ERR_MEMMAP_EMPTY if no entry was
   written, else applies BOOTPROTO_OPT_ISA_RESERVED. */
bootproto_status bootproto_finish_e820(bootproto_ctx *ctx);

/* ramdisk_image/size with their ext_* high halves. */
void bootproto_set_ramdisk(struct bootproto_boot_params *bp, uint64_t paddr,
                           uint64_t size);

#ifdef __cplusplus
}
#endif

#endif /* BOOTPROTO_SRC_INTERNAL_H */
