/*
 * src/bootproto/multiboot.c: multiboot v1 information -> boot_params, for
 * the PC subarch.
 *
 * Only fields whose flag is set are read. The mmap is walked by each
 * entry's own size field (next = entry + 4 + size), never by a fixed
 * stride. Order: header, command line, module 0, memory last (see pvh.c).
 */
#include "bootproto/multiboot.h"
#include "src/bootproto/internal.h"

/* Bytes of the information structure the converter reads: flags up to and
   including mmap_addr. QEMU writes 88 bytes, GRUB 116. */
#define MB_INFO_READ 52

/* Flags of fields that have no place in the zero page. */
#define MB_UNCARRIED_FLAGS                                                   \
  (BOOTPROTO_MULTIBOOT_INFO_BOOTDEV | BOOTPROTO_MULTIBOOT_INFO_AOUT_SYMS |  \
   BOOTPROTO_MULTIBOOT_INFO_ELF_SHDR | BOOTPROTO_MULTIBOOT_INFO_DRIVE_INFO | \
   BOOTPROTO_MULTIBOOT_INFO_CONFIG_TABLE |                                  \
   BOOTPROTO_MULTIBOOT_INFO_BOOT_LOADER_NAME |                              \
   BOOTPROTO_MULTIBOOT_INFO_APM_TABLE | BOOTPROTO_MULTIBOOT_INFO_VBE_INFO |  \
   BOOTPROTO_MULTIBOOT_INFO_FRAMEBUFFER_INFO)

/* The spec: "The maximum possible value for lower memory is 640 kilobytes". */
#define MB_MEM_LOWER_MAX_KIB 640

static bootproto_status mb_modules(bootproto_ctx *ctx,
                                   const struct bootproto_multiboot_info *mbi) {
  struct bootproto_multiboot_module mod;
  bootproto_status st;
  if (!(mbi->flags & BOOTPROTO_MULTIBOOT_INFO_MODS)) return BOOTPROTO_OK;
  ctx->rep->modules = mbi->mods_count;
  if (mbi->mods_count == 0) return BOOTPROTO_OK;
  st = bootproto_check_array(ctx->mem, mbi->mods_addr, mbi->mods_count,
                             sizeof mod, BOOTPROTO_OK,
                             BOOTPROTO_ERR_MODLIST_UNREADABLE,
                             BOOTPROTO_ERR_MODULES_COUNT);
  if (st != BOOTPROTO_OK) return st;
  if (bootproto_mem_read(ctx->mem, mbi->mods_addr, &mod, sizeof mod) != 0)
    return BOOTPROTO_ERR_MODLIST_UNREADABLE;
  if (mod.mod_end < mod.mod_start) return BOOTPROTO_ERR_RAMDISK_RANGE;
  bootproto_set_ramdisk(ctx->bp, mod.mod_start,
                        (uint64_t)(mod.mod_end - mod.mod_start));
  if (mod.cmdline != 0) ctx->rep->lost |= BOOTPROTO_LOST_MODULE_CMDLINE;
  if (mbi->mods_count > 1) ctx->rep->lost |= BOOTPROTO_LOST_MODULES;
  return BOOTPROTO_OK;
}

static bootproto_status mb_mmap(bootproto_ctx *ctx,
                                const struct bootproto_multiboot_info *mbi) {
  struct bootproto_multiboot_mmap_entry e;
  const uint64_t base = mbi->mmap_addr;
  const uint64_t length = mbi->mmap_length;
  uint64_t off = 0;
  bootproto_status st;

  st = bootproto_check_array(ctx->mem, base, length, 1, BOOTPROTO_OK,
                             BOOTPROTO_ERR_MEMMAP_UNREADABLE,
                             BOOTPROTO_ERR_MEMMAP_COUNT);
  if (st != BOOTPROTO_OK) return st;
  while (off < length) {
    uint32_t size;
    if (length - off < 4 ||
        bootproto_mem_read(ctx->mem, base + off, &size, sizeof size) != 0)
      return BOOTPROTO_ERR_MEMMAP_ENTRY_SIZE;
    if (size < BOOTPROTO_MULTIBOOT_MMAP_ENTRY_MIN ||
        (uint64_t)size > length - off - 4)
      return BOOTPROTO_ERR_MEMMAP_ENTRY_SIZE;
    ctx->rep->memmap_entries++;
    if (ctx->bp->e820_entries >= BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE) {
      ctx->rep->e820_dropped++;
      ctx->rep->lost |= BOOTPROTO_LOST_E820_TRUNCATED;
    } else {
      if (bootproto_mem_read(ctx->mem, base + off, &e, sizeof e) != 0)
        return BOOTPROTO_ERR_MEMMAP_UNREADABLE;
      st = bootproto_add_e820(ctx, e.addr, e.len, e.type);
      if (st != BOOTPROTO_OK) return st;
    }
    off += 4 + (uint64_t)size;
  }
  return bootproto_finish_e820(ctx);
}

static bootproto_status mb_memory(bootproto_ctx *ctx,
                                  const struct bootproto_multiboot_info *mbi) {
  bootproto_status st;
  uint32_t lower;
  if ((mbi->flags & BOOTPROTO_MULTIBOOT_INFO_MEM_MAP) && mbi->mmap_length != 0)
    return mb_mmap(ctx, mbi);
  if (!(mbi->flags & BOOTPROTO_MULTIBOOT_INFO_MEMORY))
    return BOOTPROTO_ERR_MB_NO_MEMORY;
  /* Fallback: conventional memory at 0, extended memory at 1 MiB. */
  ctx->rep->lost |= BOOTPROTO_LOST_MEMMAP_COARSE;
  lower = mbi->mem_lower < MB_MEM_LOWER_MAX_KIB ? mbi->mem_lower
                                                : MB_MEM_LOWER_MAX_KIB;
  st = bootproto_add_e820(ctx, 0, (uint64_t)lower * 1024, BOOTPROTO_E820_RAM);
  if (st != BOOTPROTO_OK) return st;
  st = bootproto_add_e820(ctx, 0x100000, (uint64_t)mbi->mem_upper * 1024,
                          BOOTPROTO_E820_RAM);
  if (st != BOOTPROTO_OK) return st;
  return bootproto_finish_e820(ctx);
}

bootproto_status bootproto_from_multiboot(const bootproto_mem *mem,
                                          uint32_t magic, uint64_t info_paddr,
                                          const bootproto_options *opt,
                                          struct bootproto_boot_params *bp,
                                          bootproto_report *report) {
  bootproto_ctx ctx;
  bootproto_options default_opt;
  bootproto_report scratch;
  struct bootproto_multiboot_info mbi;
  bootproto_status st;

  st = bootproto_ctx_init(&ctx, mem, opt, bp, report, &default_opt, &scratch);
  if (st != BOOTPROTO_OK) return st;
  if (magic != BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC) return BOOTPROTO_ERR_BAD_MAGIC;
  bootproto_zero(&mbi, sizeof mbi);
  if (bootproto_mem_read(mem, info_paddr, &mbi, MB_INFO_READ) != 0)
    return BOOTPROTO_ERR_INFO_UNREADABLE;

  bootproto_fill_header(&ctx, BOOTPROTO_X86_SUBARCH_PC, 0);
  if (mbi.flags & MB_UNCARRIED_FLAGS) ctx.rep->lost |= BOOTPROTO_LOST_MB_FIELDS;
  if (mbi.flags & BOOTPROTO_MULTIBOOT_INFO_MEMORY) bp->alt_mem_k = mbi.mem_upper;

  if (mbi.flags & BOOTPROTO_MULTIBOOT_INFO_CMDLINE) {
    st = bootproto_carry_cmdline(&ctx, mbi.cmdline);
    if (st != BOOTPROTO_OK) return st;
  }
  st = mb_modules(&ctx, &mbi);
  if (st != BOOTPROTO_OK) return st;
  return mb_memory(&ctx, &mbi);
}
