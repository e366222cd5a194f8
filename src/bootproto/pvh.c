/*
 * src/bootproto/pvh.c: PVH hvm_start_info -> boot_params.
 *
 * Order: start info, header constants, RSDP, command line, module 0, and
 * the memory map last, so that when only the memory map is missing
 * (version 0, or no entries) everything else is already in place and the
 * caller can supply the map (Xen: XENMEM_memory_map).
 */
#include "bootproto/xen.h"
#include "src/bootproto/internal.h"

static bootproto_status pvh_modules(bootproto_ctx *ctx,
                                    const struct bootproto_hvm_start_info *si) {
  struct bootproto_hvm_modlist_entry mod;
  bootproto_status st;
  ctx->rep->modules = si->nr_modules;
  if (si->nr_modules == 0) return BOOTPROTO_OK;
  st = bootproto_check_array(ctx->mem, si->modlist_paddr, si->nr_modules,
                             sizeof mod, BOOTPROTO_ERR_MODLIST_NULL,
                             BOOTPROTO_ERR_MODLIST_UNREADABLE,
                             BOOTPROTO_ERR_MODULES_COUNT);
  if (st != BOOTPROTO_OK) return st;
  if (bootproto_mem_read(ctx->mem, si->modlist_paddr, &mod, sizeof mod) != 0)
    return BOOTPROTO_ERR_MODLIST_UNREADABLE;
  /* "The first module is always ramdisk" (Linux, QEMU). */
  if (mod.paddr + mod.size < mod.paddr) return BOOTPROTO_ERR_RAMDISK_RANGE;
  bootproto_set_ramdisk(ctx->bp, mod.paddr, mod.size);
  if (mod.cmdline_paddr != 0) ctx->rep->lost |= BOOTPROTO_LOST_MODULE_CMDLINE;
  if (si->nr_modules > 1) ctx->rep->lost |= BOOTPROTO_LOST_MODULES;
  return BOOTPROTO_OK;
}

static bootproto_status pvh_memmap(bootproto_ctx *ctx,
                                   const struct bootproto_hvm_start_info *si) {
  struct bootproto_hvm_memmap_table_entry e;
  bootproto_status st;
  uint32_t i;
  if (si->version == 0) return BOOTPROTO_ERR_MEMMAP_V0;
  ctx->rep->memmap_entries = si->memmap_entries;
  if (si->memmap_entries == 0) return BOOTPROTO_ERR_MEMMAP_EMPTY;
  st = bootproto_check_array(ctx->mem, si->memmap_paddr, si->memmap_entries,
                             sizeof e, BOOTPROTO_ERR_MEMMAP_NULL,
                             BOOTPROTO_ERR_MEMMAP_UNREADABLE,
                             BOOTPROTO_ERR_MEMMAP_COUNT);
  if (st != BOOTPROTO_OK) return st;
  for (i = 0; i < si->memmap_entries; i++) {
    if (ctx->bp->e820_entries >= BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE) {
      /* Full: the rest is not read (nor validated), only counted. */
      ctx->rep->e820_dropped += si->memmap_entries - i;
      ctx->rep->lost |= BOOTPROTO_LOST_E820_TRUNCATED;
      break;
    }
    /* 24-byte entries into 20-byte ones: field by field. */
    if (bootproto_mem_read(ctx->mem, si->memmap_paddr + (uint64_t)i * sizeof e,
                           &e, sizeof e) != 0)
      return BOOTPROTO_ERR_MEMMAP_UNREADABLE;
    st = bootproto_add_e820(ctx, e.addr, e.size, e.type);
    if (st != BOOTPROTO_OK) return st;
  }
  return bootproto_finish_e820(ctx);
}

bootproto_status bootproto_from_pvh(const bootproto_mem *mem,
                                    uint64_t start_info_paddr,
                                    const bootproto_options *opt,
                                    struct bootproto_boot_params *bp,
                                    bootproto_report *report) {
  bootproto_ctx ctx;
  bootproto_options default_opt;
  bootproto_report scratch;
  struct bootproto_hvm_start_info si;
  bootproto_status st;

  st = bootproto_ctx_init(&ctx, mem, opt, bp, report, &default_opt, &scratch);
  if (st != BOOTPROTO_OK) return st;

  bootproto_zero(&si, sizeof si);
  if (start_info_paddr == 0 ||
      bootproto_mem_read(mem, start_info_paddr, &si,
                         BOOTPROTO_HVM_START_INFO_V0_SIZE) != 0)
    return BOOTPROTO_ERR_INFO_UNREADABLE;
  if (si.magic != BOOTPROTO_XEN_HVM_START_MAGIC) return BOOTPROTO_ERR_BAD_MAGIC;
  ctx.rep->version = si.version;
  if (si.version >= 1) {
    /* Version 1 fields. Newer versions are backward compatible: read
       them as version 1. */
    if (start_info_paddr > UINT64_MAX - BOOTPROTO_HVM_START_INFO_V0_SIZE ||
        bootproto_mem_read(
            mem, start_info_paddr + BOOTPROTO_HVM_START_INFO_V0_SIZE,
            (unsigned char *)&si + BOOTPROTO_HVM_START_INFO_V0_SIZE,
            BOOTPROTO_HVM_START_INFO_V1_SIZE - BOOTPROTO_HVM_START_INFO_V0_SIZE) != 0)
      return BOOTPROTO_ERR_INFO_UNREADABLE;
    if (si.version > 1) ctx.rep->lost |= BOOTPROTO_LOST_NEWER_VERSION;
  }
  if (si.flags != 0) ctx.rep->lost |= BOOTPROTO_LOST_START_INFO_FLAGS;

  bootproto_fill_header(&ctx, BOOTPROTO_X86_SUBARCH_XEN, start_info_paddr);
  bp->acpi_rsdp_addr = si.rsdp_paddr;

  st = bootproto_carry_cmdline(&ctx, si.cmdline_paddr);
  if (st != BOOTPROTO_OK) return st;
  st = pvh_modules(&ctx, &si);
  if (st != BOOTPROTO_OK) return st;
  return pvh_memmap(&ctx, &si);
}
