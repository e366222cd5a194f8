/*
 * src/bootproto/common.c: what both converters share: argument checks,
 * header constants, the command line, E820 entries, strerror.
 *
 * Freestanding C (also compiles as C++): no libc call, no heap.
 */
#include "src/bootproto/internal.h"

bootproto_status bootproto_ctx_init(bootproto_ctx *ctx, const bootproto_mem *mem,
                                    const bootproto_options *opt,
                                    struct bootproto_boot_params *bp,
                                    bootproto_report *report,
                                    bootproto_options *default_opt,
                                    bootproto_report *scratch_report) {
  if (bp == NULL) return BOOTPROTO_ERR_ARGUMENT;
  bootproto_zero(bp, sizeof *bp);
  if (report == NULL) report = scratch_report;
  bootproto_zero(report, sizeof *report);
  if (mem == NULL || mem->read == NULL) return BOOTPROTO_ERR_ARGUMENT;
  if (opt == NULL) {
    /* Field by field: a struct assignment may become a memcpy call
       (clang -O0), which a freestanding kernel need not have. */
    bootproto_zero(default_opt, sizeof *default_opt);
    default_opt->type_of_loader = BOOTPROTO_LOADER_UNDEFINED;
    opt = default_opt;
  }
  ctx->mem = mem;
  ctx->bp = bp;
  ctx->rep = report;
  ctx->opt = opt;
  return BOOTPROTO_OK;
}

void bootproto_fill_header(bootproto_ctx *ctx, uint32_t subarch,
                           uint64_t subarch_data) {
  struct bootproto_setup_header *h = &ctx->bp->hdr;
  h->boot_flag = BOOTPROTO_BOOT_FLAG;
  h->header = BOOTPROTO_HDRS_MAGIC;
  h->version = BOOTPROTO_PROTOCOL_VERSION;
  h->type_of_loader = ctx->opt->type_of_loader;
  h->hardware_subarch = subarch;
  h->hardware_subarch_data = subarch_data;
}

bootproto_status bootproto_check_array(const bootproto_mem *mem, uint64_t paddr,
                                       uint64_t count, uint64_t elem_size,
                                       bootproto_status null_err,
                                       bootproto_status unreadable_err,
                                       bootproto_status count_err) {
  unsigned char probe;
  uint64_t last;
  if (count == 0) return BOOTPROTO_OK;
  if (paddr == 0 && null_err != BOOTPROTO_OK) return null_err;
  /* The first element must be readable... */
  if (elem_size > 0 && paddr > UINT64_MAX - (elem_size - 1)) return unreadable_err;
  if (bootproto_mem_read(mem, paddr, &probe, 1) != 0 ||
      bootproto_mem_read(mem, paddr + (elem_size - 1), &probe, 1) != 0)
    return unreadable_err;
  /* ...and so must the end of the whole announced array. count and
     elem_size are at most 2^32 each: the product does not wrap. */
  if (count > UINT32_MAX || elem_size > UINT32_MAX) return count_err;
  last = count * elem_size - 1;
  if (paddr > UINT64_MAX - last) return count_err;
  if (bootproto_mem_read(mem, paddr + last, &probe, 1) != 0) return count_err;
  return BOOTPROTO_OK;
}

bootproto_status bootproto_carry_cmdline(bootproto_ctx *ctx, uint64_t paddr) {
  const bootproto_options *opt = ctx->opt;
  int copy = opt->cmdline_buf != NULL && opt->cmdline_buf_size > 0;
  uint64_t max; /* characters allowed before the NUL */
  uint64_t n = 0;
  uint64_t ptr;
  int terminated = 0;
  unsigned char c;

  if (paddr == 0) return BOOTPROTO_OK; /* no command line */
  if (copy) {
    max = (uint64_t)opt->cmdline_buf_size - 1;
  } else {
    max = opt->cmdline_max ? opt->cmdline_max : BOOTPROTO_CMDLINE_MAX;
    max -= 1;
  }
  if (bootproto_mem_read(ctx->mem, paddr, &c, 1) != 0)
    return BOOTPROTO_ERR_CMDLINE_UNREADABLE;
  /* Up to max characters, then one more byte that must be the NUL. */
  while (n <= max) {
    if (n > UINT64_MAX - paddr ||
        bootproto_mem_read(ctx->mem, paddr + n, &c, 1) != 0)
      break; /* runs out of accessible memory */
    if (c == 0) {
      terminated = 1;
      break;
    }
    if (n == max) break; /* no room for this character */
    if (copy) opt->cmdline_buf[n] = (char)c;
    n++;
  }
  if (copy) opt->cmdline_buf[n] = 0;
  if (!terminated) ctx->rep->lost |= BOOTPROTO_LOST_CMDLINE_TRUNCATED;
  ctx->rep->cmdline_len = (uint32_t)n;
  ptr = copy ? opt->cmdline_buf_paddr : paddr;
  ctx->bp->hdr.cmd_line_ptr = (uint32_t)ptr;
  ctx->bp->ext_cmd_line_ptr = (uint32_t)(ptr >> 32);
  return BOOTPROTO_OK;
}

bootproto_status bootproto_add_e820(bootproto_ctx *ctx, uint64_t addr,
                                    uint64_t size, uint32_t type) {
  struct bootproto_boot_params *bp = ctx->bp;
  struct bootproto_e820_entry *e;
  if (size == 0) {
    ctx->rep->e820_empty++;
    ctx->rep->lost |= BOOTPROTO_LOST_E820_EMPTY;
    return BOOTPROTO_OK;
  }
  /* Wraps, or ends exactly at 2^64 (Linux's e820 code treats
     addr + size < addr as bad). */
  if (addr + size < addr) return BOOTPROTO_ERR_MEMMAP_ENTRY_OVERFLOW;
  if (bp->e820_entries >= BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE) {
    ctx->rep->e820_dropped++;
    ctx->rep->lost |= BOOTPROTO_LOST_E820_TRUNCATED;
    return BOOTPROTO_OK;
  }
  e = &bp->e820_table[bp->e820_entries];
  e->addr = addr;
  e->size = size;
  e->type = type;
  bp->e820_entries++;
  ctx->rep->e820_entries = bp->e820_entries;
  return BOOTPROTO_OK;
}

bootproto_status bootproto_finish_e820(bootproto_ctx *ctx) {
  if (ctx->bp->e820_entries == 0) return BOOTPROTO_ERR_MEMMAP_EMPTY;
  if (ctx->opt->flags & BOOTPROTO_OPT_ISA_RESERVED) {
    if (ctx->bp->e820_entries < BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE) {
      bootproto_status st = bootproto_add_e820(
          ctx, BOOTPROTO_ISA_START, BOOTPROTO_ISA_END - BOOTPROTO_ISA_START,
          BOOTPROTO_E820_RESERVED);
      if (st != BOOTPROTO_OK) return st;
    } else {
      ctx->rep->lost |= BOOTPROTO_LOST_ISA_RANGE;
    }
  }
  return BOOTPROTO_OK;
}

void bootproto_set_ramdisk(struct bootproto_boot_params *bp, uint64_t paddr,
                           uint64_t size) {
  bp->hdr.ramdisk_image = (uint32_t)paddr;
  bp->ext_ramdisk_image = (uint32_t)(paddr >> 32);
  bp->hdr.ramdisk_size = (uint32_t)size;
  bp->ext_ramdisk_size = (uint32_t)(size >> 32);
}

const char *bootproto_strerror(bootproto_status st) {
  switch (st) {
    case BOOTPROTO_OK: return "ok";
    case BOOTPROTO_ERR_ARGUMENT: return "bad argument (NULL pointer or accessor without read)";
    case BOOTPROTO_ERR_INFO_UNREADABLE: return "loader structure outside accessible memory";
    case BOOTPROTO_ERR_BAD_MAGIC: return "bad magic";
    case BOOTPROTO_ERR_MEMMAP_V0: return "PVH start info version 0 has no memory map";
    case BOOTPROTO_ERR_MEMMAP_EMPTY: return "memory map has no usable entry";
    case BOOTPROTO_ERR_MEMMAP_NULL: return "memory map entries announced at address 0";
    case BOOTPROTO_ERR_MEMMAP_UNREADABLE: return "memory map outside accessible memory";
    case BOOTPROTO_ERR_MEMMAP_COUNT: return "memory map count runs past accessible memory";
    case BOOTPROTO_ERR_MEMMAP_ENTRY_OVERFLOW: return "memory map entry address + size overflows";
    case BOOTPROTO_ERR_MEMMAP_ENTRY_SIZE: return "multiboot mmap entry size too small or past mmap_length";
    case BOOTPROTO_ERR_CMDLINE_UNREADABLE: return "command line outside accessible memory";
    case BOOTPROTO_ERR_MODLIST_NULL: return "modules announced at address 0";
    case BOOTPROTO_ERR_MODLIST_UNREADABLE: return "module list outside accessible memory";
    case BOOTPROTO_ERR_MODULES_COUNT: return "module count runs past accessible memory";
    case BOOTPROTO_ERR_RAMDISK_RANGE: return "ramdisk (module 0) range is invalid";
    case BOOTPROTO_ERR_MB_NO_MEMORY: return "multiboot flags give no memory information";
    case BOOTPROTO_STATUS_COUNT: break;
  }
  return "unknown status";
}

const char *bootproto_lost_str(uint32_t bit) {
  switch (bit) {
    case BOOTPROTO_LOST_E820_TRUNCATED: return "e820 truncated to 128 entries";
    case BOOTPROTO_LOST_E820_EMPTY: return "e820 entries of size 0 skipped";
    case BOOTPROTO_LOST_CMDLINE_TRUNCATED: return "command line not terminated within its bound";
    case BOOTPROTO_LOST_MODULES: return "modules after the first ignored";
    case BOOTPROTO_LOST_MODULE_CMDLINE: return "module command line ignored";
    case BOOTPROTO_LOST_NEWER_VERSION: return "start info newer than version 1 read as version 1";
    case BOOTPROTO_LOST_ISA_RANGE: return "no e820 slot for the ISA range";
    case BOOTPROTO_LOST_MEMMAP_COARSE: return "no multiboot mmap: e820 from mem_lower/mem_upper";
    case BOOTPROTO_LOST_MB_FIELDS: return "multiboot fields without a place in boot_params";
    case BOOTPROTO_LOST_START_INFO_FLAGS: return "start info flags not carried over";
    default: break;
  }
  return NULL;
}
