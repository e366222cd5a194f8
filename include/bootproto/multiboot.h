/*
 * bootproto/multiboot.h: Multiboot (version 0.6.96, "multiboot 1") header,
 * information structure, memory map and module entries, and their
 * constants, as in the Multiboot Specification.
 *
 * A multiboot loader (GRUB legacy, QEMU -kernel) enters the kernel in
 * 32-bit protected mode with %eax = BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC and
 * %ebx = physical address of the information structure. Each group of
 * fields of the information structure is valid only if its flag is set.
 *
 * This header can be included from a .S file: only the constants are
 * visible there.
 *
 * @code
 *   // boot.S: a multiboot header for an ELF32 kernel
 *   #include "bootproto/multiboot.h"
 *   #define MB_FLAGS (BOOTPROTO_MULTIBOOT_PAGE_ALIGN | BOOTPROTO_MULTIBOOT_MEMORY_INFO)
 *           .section .multiboot, "a"
 *           .balign 4
 *           .long BOOTPROTO_MULTIBOOT_HEADER_MAGIC, MB_FLAGS
 *           .long -(BOOTPROTO_MULTIBOOT_HEADER_MAGIC + MB_FLAGS)
 * @endcode
 */
#ifndef BOOTPROTO_MULTIBOOT_H
#define BOOTPROTO_MULTIBOOT_H

/** Magic at the start of the multiboot header in the kernel image. */
#define BOOTPROTO_MULTIBOOT_HEADER_MAGIC 0x1BADB002
/** Value of %eax when a multiboot loader enters the kernel. */
#define BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
/** The header must lie in the first 8192 bytes, 4-byte aligned. */
#define BOOTPROTO_MULTIBOOT_SEARCH 8192

/* Multiboot header flags. */
/** Align modules on 4 KiB pages. */
#define BOOTPROTO_MULTIBOOT_PAGE_ALIGN 0x00000001
/** Ask for mem_* and mmap_* in the information structure. */
#define BOOTPROTO_MULTIBOOT_MEMORY_INFO 0x00000002
/** Ask for video mode information. */
#define BOOTPROTO_MULTIBOOT_VIDEO_MODE 0x00000004
/** Address fields of the header are valid ("a.out kludge"): the loader
    ignores the ELF headers (QEMU needs it to load an ELF64). */
#define BOOTPROTO_MULTIBOOT_AOUT_KLUDGE 0x00010000

/* Information structure flags: which fields are valid. */
#define BOOTPROTO_MULTIBOOT_INFO_MEMORY 0x00000001       /**< mem_lower, mem_upper */
#define BOOTPROTO_MULTIBOOT_INFO_BOOTDEV 0x00000002      /**< boot_device */
#define BOOTPROTO_MULTIBOOT_INFO_CMDLINE 0x00000004      /**< cmdline */
#define BOOTPROTO_MULTIBOOT_INFO_MODS 0x00000008         /**< mods_count, mods_addr */
#define BOOTPROTO_MULTIBOOT_INFO_AOUT_SYMS 0x00000010    /**< syms (a.out) */
#define BOOTPROTO_MULTIBOOT_INFO_ELF_SHDR 0x00000020     /**< syms (ELF sections) */
#define BOOTPROTO_MULTIBOOT_INFO_MEM_MAP 0x00000040      /**< mmap_length, mmap_addr */
#define BOOTPROTO_MULTIBOOT_INFO_DRIVE_INFO 0x00000080   /**< drives_* */
#define BOOTPROTO_MULTIBOOT_INFO_CONFIG_TABLE 0x00000100 /**< config_table */
#define BOOTPROTO_MULTIBOOT_INFO_BOOT_LOADER_NAME 0x00000200
#define BOOTPROTO_MULTIBOOT_INFO_APM_TABLE 0x00000400
#define BOOTPROTO_MULTIBOOT_INFO_VBE_INFO 0x00000800
#define BOOTPROTO_MULTIBOOT_INFO_FRAMEBUFFER_INFO 0x00001000

/** Memory map entry types (= E820 types). */
#define BOOTPROTO_MULTIBOOT_MEMORY_AVAILABLE 1
#define BOOTPROTO_MULTIBOOT_MEMORY_RESERVED 2
#define BOOTPROTO_MULTIBOOT_MEMORY_ACPI_RECLAIMABLE 3
#define BOOTPROTO_MULTIBOOT_MEMORY_NVS 4
#define BOOTPROTO_MULTIBOOT_MEMORY_BADRAM 5

/** Bytes of an mmap entry after its `size` field, for the standard entry
    (base_addr, length, type). Loaders may use a larger `size`. */
#define BOOTPROTO_MULTIBOOT_MMAP_ENTRY_MIN 20

#ifndef __ASSEMBLER__

#include "linktable/types.h"

#include "bootproto/boot_params.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The multiboot header embedded in the kernel image (48 bytes with the
 * address and video fields).
 *
 * @code
 *   __attribute__((section(".multiboot"), used, aligned(4)))
 *   static const struct bootproto_multiboot_header mbh = {
 *     BOOTPROTO_MULTIBOOT_HEADER_MAGIC, BOOTPROTO_MULTIBOOT_MEMORY_INFO,
 *     (uint32_t)-(BOOTPROTO_MULTIBOOT_HEADER_MAGIC + BOOTPROTO_MULTIBOOT_MEMORY_INFO)};
 * @endcode
 */
struct bootproto_multiboot_header {
  uint32_t magic;
  uint32_t flags;
  uint32_t checksum; /* magic + flags + checksum == 0 */
  /* valid if BOOTPROTO_MULTIBOOT_AOUT_KLUDGE */
  uint32_t header_addr;
  uint32_t load_addr;
  uint32_t load_end_addr;
  uint32_t bss_end_addr;
  uint32_t entry_addr;
  /* valid if BOOTPROTO_MULTIBOOT_VIDEO_MODE */
  uint32_t mode_type;
  uint32_t width;
  uint32_t height;
  uint32_t depth;
};

/**
 * The information structure (%ebx at entry), 116 bytes. A field group is
 * valid only if its BOOTPROTO_MULTIBOOT_INFO_* flag is set.
 *
 * @code
 *   if (mbi.flags & BOOTPROTO_MULTIBOOT_INFO_CMDLINE) use(mbi.cmdline);
 * @endcode
 */
struct bootproto_multiboot_info {
  uint32_t flags;
  uint32_t mem_lower; /* KiB below 1 MiB (INFO_MEMORY) */
  uint32_t mem_upper; /* KiB from 1 MiB to the first hole (INFO_MEMORY) */
  uint32_t boot_device;
  uint32_t cmdline;
  uint32_t mods_count;
  uint32_t mods_addr;
  uint32_t syms[4]; /* a.out symbol table or ELF section header table */
  uint32_t mmap_length;
  uint32_t mmap_addr;
  uint32_t drives_length;
  uint32_t drives_addr;
  uint32_t config_table;
  uint32_t boot_loader_name;
  uint32_t apm_table;
  uint32_t vbe_control_info;
  uint32_t vbe_mode_info;
  uint16_t vbe_mode;
  uint16_t vbe_interface_seg;
  uint16_t vbe_interface_off;
  uint16_t vbe_interface_len;
  uint64_t framebuffer_addr;
  uint32_t framebuffer_pitch;
  uint32_t framebuffer_width;
  uint32_t framebuffer_height;
  uint8_t framebuffer_bpp;
  uint8_t framebuffer_type;
  uint8_t color_info[6];
} __attribute__((__packed__));

/**
 * One memory map entry. `size` counts the bytes after itself (20 for this
 * layout, possibly more): the next entry starts at entry + size + 4.
 *
 * @code
 *   uint64_t next = at + 4 + (uint64_t)e.size;
 * @endcode
 */
struct bootproto_multiboot_mmap_entry {
  uint32_t size;
  uint64_t addr;
  uint64_t len;
  uint32_t type;
} __attribute__((__packed__));

/**
 * One module: [mod_start, mod_end), an optional command line.
 *
 * @code
 *   uint32_t ramdisk_size = mod.mod_end - mod.mod_start;
 * @endcode
 */
struct bootproto_multiboot_module {
  uint32_t mod_start;
  uint32_t mod_end;
  uint32_t cmdline;
  uint32_t pad;
};

#ifdef __cplusplus
}
#endif

BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_multiboot_header) == 48,
                        "multiboot header is 48 bytes");
BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_multiboot_info) == 116,
                        "multiboot_info is 116 bytes");
BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_multiboot_mmap_entry) == 24,
                        "multiboot mmap entry is 24 bytes");
BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_multiboot_module) == 16,
                        "multiboot module is 16 bytes");
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, flags, 0, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, mem_lower, 4, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, mem_upper, 8, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, boot_device, 12, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, cmdline, 16, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, mods_count, 20, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, mods_addr, 24, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, syms, 28, 16);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, mmap_length, 44, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, mmap_addr, 48, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, drives_length, 52, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, boot_loader_name, 64, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, vbe_mode, 80, 2);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, framebuffer_addr, 88, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_info, framebuffer_bpp, 108, 1);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_mmap_entry, size, 0, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_mmap_entry, addr, 4, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_mmap_entry, len, 12, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_mmap_entry, type, 20, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_module, mod_end, 4, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_multiboot_module, cmdline, 8, 4);

#endif /* !__ASSEMBLER__ */

#endif /* BOOTPROTO_MULTIBOOT_H */
