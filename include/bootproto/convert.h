/*
 * bootproto/convert.h: converters from a loader's boot structure to the
 * Linux zero page (struct bootproto_boot_params).
 *
 *  - bootproto_from_pvh(): Xen / QEMU PVH hvm_start_info -> boot_params,
 *    hardware_subarch = XEN, hardware_subarch_data = address of the start
 *    info;
 *  - bootproto_from_multiboot(): multiboot v1 information -> boot_params,
 *    hardware_subarch = PC.
 *
 * Converters never trust the loader: every byte is read through a
 * bootproto_mem (bootproto/mem.h), counts are checked against accessible
 * memory, the memory map is clamped to the 128 entries the zero page holds,
 * and what could not be carried over is reported in a bootproto_report.
 * Each kind of bad input has its own status (bootproto_strerror() names
 * it). docs/bootproto.md describes every rule.
 *
 * Implemented in src/bootproto/ (freestanding C, also valid C++).
 *
 * @code
 *   // PVH entry, after the assembly stub set up a stack (ebx saved):
 *   static struct bootproto_boot_params bp;
 *   static char cmdline[2048];
 *   bootproto_mem m = bootproto_mem_identity(0, 1ull << 32);
 *   bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
 *   opt.cmdline_buf = cmdline;
 *   opt.cmdline_buf_size = sizeof cmdline;
 *   opt.cmdline_buf_paddr = (uintptr_t)cmdline;
 *   bootproto_report rep;
 *   bootproto_status st = bootproto_from_pvh(&m, ebx, &opt, &bp, &rep);
 *   if (st != BOOTPROTO_OK) panic(bootproto_strerror(st));
 * @endcode
 */
#ifndef BOOTPROTO_CONVERT_H
#define BOOTPROTO_CONVERT_H

#include "linktable/types.h"

#include "bootproto/boot_params.h"
#include "bootproto/mem.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Result of a conversion. BOOTPROTO_OK: the zero page is complete (maybe
 * with losses listed in the report). Any other value names the first
 * problem found. After the "memory map missing" statuses
 * (bootproto_status_memmap_missing()) everything but the E820 table has
 * been converted and the caller may supply the map itself (Xen: the
 * XENMEM_memory_map hypercall). After the others, do not boot with the
 * zero page.
 *
 * @code
 *   bootproto_status st = bootproto_from_pvh(&m, ebx, &opt, &bp, &rep);
 *   if (bootproto_status_memmap_missing(st)) st = fill_e820_by_hypercall(&bp);
 * @endcode
 */
typedef enum bootproto_status {
  BOOTPROTO_OK = 0,
  /** A required argument is NULL, or the accessor has no read function. */
  BOOTPROTO_ERR_ARGUMENT,
  /** The loader's structure (hvm_start_info, multiboot information) is not
      in accessible memory. */
  BOOTPROTO_ERR_INFO_UNREADABLE,
  /** Wrong magic (hvm_start_info.magic, or multiboot %eax). */
  BOOTPROTO_ERR_BAD_MAGIC,
  /** PVH start info version 0: it has no memory map. Recoverable. */
  BOOTPROTO_ERR_MEMMAP_V0,
  /** No usable memory map entry: memmap_entries is 0, or every entry has
      size 0. Recoverable. */
  BOOTPROTO_ERR_MEMMAP_EMPTY,
  /** memmap_entries is not 0 but memmap_paddr is 0 ("not present"). */
  BOOTPROTO_ERR_MEMMAP_NULL,
  /** The memory map starts outside accessible memory. */
  BOOTPROTO_ERR_MEMMAP_UNREADABLE,
  /** The memory map's announced size runs past accessible memory (entry
      count too large, e.g. 0xffffffff). */
  BOOTPROTO_ERR_MEMMAP_COUNT,
  /** A memory map entry's addr + size passes 2^64. */
  BOOTPROTO_ERR_MEMMAP_ENTRY_OVERFLOW,
  /** Multiboot: an mmap entry's size field is below 20, or the entry runs
      past mmap_length. */
  BOOTPROTO_ERR_MEMMAP_ENTRY_SIZE,
  /** The command line address is not in accessible memory. */
  BOOTPROTO_ERR_CMDLINE_UNREADABLE,
  /** nr_modules is not 0 but modlist_paddr is 0 ("not present"). */
  BOOTPROTO_ERR_MODLIST_NULL,
  /** The module list starts outside accessible memory. */
  BOOTPROTO_ERR_MODLIST_UNREADABLE,
  /** The module list's announced size runs past accessible memory (module
      count too large). */
  BOOTPROTO_ERR_MODULES_COUNT,
  /** Module 0 (the ramdisk): paddr + size passes 2^64, or (multiboot)
      mod_end < mod_start. */
  BOOTPROTO_ERR_RAMDISK_RANGE,
  /** Multiboot: the flags give neither a memory map nor
      mem_lower/mem_upper. Recoverable. */
  BOOTPROTO_ERR_MB_NO_MEMORY,
  /** Number of statuses (not a status). */
  BOOTPROTO_STATUS_COUNT
} bootproto_status;

/**
 * Non-zero for the statuses after which only the E820 table is missing.
 *
 * @code
 *   if (bootproto_status_memmap_missing(st)) xen_fill_e820(&bp);
 * @endcode
 */
static inline int bootproto_status_memmap_missing(bootproto_status st) {
  return st == BOOTPROTO_ERR_MEMMAP_V0 || st == BOOTPROTO_ERR_MEMMAP_EMPTY ||
         st == BOOTPROTO_ERR_MB_NO_MEMORY;
}

/* What could not be carried over (bootproto_report.lost bits). */
/** More memory map entries than the zero page's 128: the rest dropped. */
#define BOOTPROTO_LOST_E820_TRUNCATED (1u << 0)
/** Memory map entries of size 0 skipped. */
#define BOOTPROTO_LOST_E820_EMPTY (1u << 1)
/** No NUL within the command line's bound (buffer size, cmdline_max or end
    of accessible memory): the copy was cut and terminated; without a
    buffer, the kernel must bound its own copy. */
#define BOOTPROTO_LOST_CMDLINE_TRUNCATED (1u << 2)
/** Modules after the first (the zero page has one ramdisk). */
#define BOOTPROTO_LOST_MODULES (1u << 3)
/** Module 0's command line (the zero page has no place for it). */
#define BOOTPROTO_LOST_MODULE_CMDLINE (1u << 4)
/** PVH start info newer than version 1: read as version 1. */
#define BOOTPROTO_LOST_NEWER_VERSION (1u << 5)
/** BOOTPROTO_OPT_ISA_RESERVED asked for the ISA range, no slot was free. */
#define BOOTPROTO_LOST_ISA_RANGE (1u << 6)
/** Multiboot without mmap: E820 built from mem_lower/mem_upper only. */
#define BOOTPROTO_LOST_MEMMAP_COARSE (1u << 7)
/** Multiboot fields with no place in the zero page (boot device, symbols,
    drives, config table, loader name, APM, VBE, framebuffer). */
#define BOOTPROTO_LOST_MB_FIELDS (1u << 8)
/** PVH start info flags (SIF_*) were not 0: no place in the zero page. */
#define BOOTPROTO_LOST_START_INFO_FLAGS (1u << 9)
/** Number of BOOTPROTO_LOST_* bits. */
#define BOOTPROTO_LOST_COUNT 10

/**
 * What a conversion carried over and what it could not.
 *
 * @code
 *   if (rep.lost & BOOTPROTO_LOST_E820_TRUNCATED)
 *     log("memory map: %u of %u entries", rep.e820_entries, rep.memmap_entries);
 * @endcode
 */
typedef struct bootproto_report {
  uint32_t lost;           /**< BOOTPROTO_LOST_* bits */
  uint32_t version;        /**< PVH: start info version as read */
  uint32_t memmap_entries; /**< entries the loader announced (multiboot: found) */
  uint32_t e820_entries;   /**< entries written to e820_table */
  uint32_t e820_empty;     /**< size-0 entries skipped */
  uint32_t e820_dropped;   /**< entries not carried over for lack of room */
  uint32_t modules;        /**< modules the loader announced */
  uint32_t cmdline_len;    /**< command line bytes carried over, NUL excluded */
} bootproto_report;

/** Options bit: append the ISA range [0xA0000, 0x100000) as reserved, as
    Linux's PVH code does. */
#define BOOTPROTO_OPT_ISA_RESERVED (1u << 0)

/** Default bound of a command line without a copy buffer (Linux x86's
    COMMAND_LINE_SIZE). */
#define BOOTPROTO_CMDLINE_MAX 2048

/**
 * Caller's choices.
 *
 * Command line: with cmdline_buf (size > 0) the converter copies the
 * command line into it, always NUL-terminated, and points cmd_line_ptr /
 * ext_cmd_line_ptr at cmdline_buf_paddr (the buffer's physical address).
 * Without it, cmd_line_ptr points at the loader's string, which is checked
 * for a NUL within cmdline_max bytes (0: BOOTPROTO_CMDLINE_MAX).
 *
 * @code
 *   bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_XEN);
 *   opt.flags |= BOOTPROTO_OPT_ISA_RESERVED;
 * @endcode
 */
typedef struct bootproto_options {
  uint8_t type_of_loader;     /**< hdr.type_of_loader, e.g. BOOTPROTO_LOADER_XEN */
  uint32_t flags;             /**< BOOTPROTO_OPT_* */
  char *cmdline_buf;          /**< optional copy of the command line */
  uint32_t cmdline_buf_size;  /**< bytes of cmdline_buf, NUL included */
  uint64_t cmdline_buf_paddr; /**< physical address of cmdline_buf */
  uint32_t cmdline_max;       /**< bound without a buffer; 0: default */
} bootproto_options;

/**
 * Options with the given type_of_loader and nothing else.
 *
 * @code
 *   bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
 * @endcode
 */
static inline bootproto_options bootproto_options_default(uint8_t loader) {
  bootproto_options o;
  o.type_of_loader = loader;
  o.flags = 0;
  o.cmdline_buf = NULL;
  o.cmdline_buf_size = 0;
  o.cmdline_buf_paddr = 0;
  o.cmdline_max = 0;
  return o;
}

/**
 * PVH: reads the hvm_start_info at start_info_paddr through mem and fills
 * bp (zeroed first): E820 from the memory map (at most 128 entries,
 * size-0 entries skipped), command line, module 0 as ramdisk (with the
 * ext_* high halves), acpi_rsdp_addr, hdr.version 0x020c, boot_flag,
 * "HdrS", type_of_loader from opt, hardware_subarch XEN,
 * hardware_subarch_data = start_info_paddr; sentinel stays 0. opt and
 * report may be NULL (type_of_loader is then 0xFF).
 *
 * @code
 *   bootproto_status st = bootproto_from_pvh(&m, ebx, &opt, &bp, &rep);
 * @endcode
 */
bootproto_status bootproto_from_pvh(const bootproto_mem *mem,
                                    uint64_t start_info_paddr,
                                    const bootproto_options *opt,
                                    struct bootproto_boot_params *bp,
                                    bootproto_report *report);

/**
 * Multiboot v1: checks magic (%eax, 0x2BADB002), reads the information
 * structure at info_paddr (%ebx) through mem and fills bp (zeroed first)
 * for the PC subarch: E820 from mmap (each entry's own size field gives
 * its stride), or from mem_lower/mem_upper when there is no mmap; command
 * line; module 0 as ramdisk. Fields whose flag is clear are not read.
 * opt and report may be NULL.
 *
 * @code
 *   bootproto_status st = bootproto_from_multiboot(&m, eax, ebx, &opt, &bp, &rep);
 * @endcode
 */
bootproto_status bootproto_from_multiboot(const bootproto_mem *mem,
                                          uint32_t magic, uint64_t info_paddr,
                                          const bootproto_options *opt,
                                          struct bootproto_boot_params *bp,
                                          bootproto_report *report);

/**
 * A short English description of a status; never NULL ("unknown status"
 * for values out of range).
 *
 * @code
 *   early_puts(bootproto_strerror(st));
 * @endcode
 */
const char *bootproto_strerror(bootproto_status st);

/**
 * The name of one BOOTPROTO_LOST_* bit ("e820 truncated", ...), or NULL if
 * `bit` is not exactly one known bit.
 *
 * @code
 *   for (uint32_t b = 1; b; b <<= 1)
 *     if (rep.lost & b) early_puts(bootproto_lost_str(b));
 * @endcode
 */
const char *bootproto_lost_str(uint32_t bit);

#ifdef __cplusplus
}
#endif

#endif /* BOOTPROTO_CONVERT_H */
