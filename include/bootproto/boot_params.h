/*
 * bootproto/boot_params.h: the Linux x86 boot protocol's "zero page"
 * (struct boot_params, 4096 bytes) and its setup header, ABI-exact.
 *
 * Field names and offsets are those of Linux's
 * arch/x86/include/uapi/asm/bootparam.h; sub-structures the project does
 * not interpret (screen_info, edid_info, eddbuf, ...) are opaque byte
 * arrays of the right size. Every field the converters or the dispatcher
 * use has its offset checked at compile time below, and
 * tests/bootproto/abi_test.cc compares every field against the header
 * Debian's linux-libc-dev ships.
 *
 * Usable from C (gnu11) and C++ (17, 20), freestanding.
 *
 * @code
 *   #include "bootproto/boot_params.h"
 *
 *   void start_kernel_common(const struct bootproto_boot_params *bp) {
 *     if (bp->hdr.version >= 0x0207 &&
 *         bp->hdr.hardware_subarch == BOOTPROTO_X86_SUBARCH_XEN) {
 *       // Xen: hdr.hardware_subarch_data is the loader's structure
 *     }
 *   }
 * @endcode
 */
#ifndef BOOTPROTO_BOOT_PARAMS_H
#define BOOTPROTO_BOOT_PARAMS_H

#ifndef __ASSEMBLER__
#include "linktable/types.h"
#endif

/**
 * Compile-time assertion usable at file scope in C and C++.
 *
 * @code
 *   BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_boot_params) == 4096,
 *                           "zero page is one page");
 * @endcode
 */
#ifdef __cplusplus
#define BOOTPROTO_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#else
#define BOOTPROTO_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#endif

/**
 * Asserts at compile time that field `field` of `type` sits at byte offset
 * `off` and is `size` bytes wide.
 *
 * @code
 *   BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, sentinel, 0x1ef, 1);
 * @endcode
 */
#define BOOTPROTO_CHECK_FIELD(type, field, off, size)                      \
  BOOTPROTO_STATIC_ASSERT(offsetof(type, field) == (off) &&                \
                              sizeof(((type *)0)->field) == (size),        \
                          #type "." #field " is not at " #off " (" #size   \
                                " bytes)")

/** Number of E820 entries the zero page holds (e820_table). */
#define BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE 128
/** hdr.header: "HdrS", little-endian. */
#define BOOTPROTO_HDRS_MAGIC 0x53726448
/** hdr.boot_flag. */
#define BOOTPROTO_BOOT_FLAG 0xAA55
/** hdr.type_of_loader for Xen (loader id 9, version 0). */
#define BOOTPROTO_LOADER_XEN 0x90
/** hdr.type_of_loader for QEMU (loader id 0xB, version 0). */
#define BOOTPROTO_LOADER_QEMU 0xB0
/** hdr.type_of_loader when the loader is unknown. */
#define BOOTPROTO_LOADER_UNDEFINED 0xFF
/** hdr.version the converters write: 2.12, as Linux's PVH code does
    (2.07+ has hardware_subarch, 2.12+ the ext_* fields). */
#define BOOTPROTO_PROTOCOL_VERSION 0x020c
/** First protocol version with hardware_subarch / hardware_subarch_data. */
#define BOOTPROTO_PROTOCOL_SUBARCH 0x0207

/** E820 types (the ACPI address range types). */
#define BOOTPROTO_E820_RAM 1
#define BOOTPROTO_E820_RESERVED 2
#define BOOTPROTO_E820_ACPI 3
#define BOOTPROTO_E820_NVS 4
#define BOOTPROTO_E820_UNUSABLE 5
#define BOOTPROTO_E820_DISABLED 6
#define BOOTPROTO_E820_PMEM 7

/** The legacy ISA hole Linux's PVH code reserves: [0xA0000, 0x100000). */
#define BOOTPROTO_ISA_START 0xA0000
#define BOOTPROTO_ISA_END 0x100000

#ifndef __ASSEMBLER__

#ifdef __cplusplus
extern "C" {
#endif

/**
 * hdr.hardware_subarch (protocol 2.07+), as Linux's
 * enum x86_hardware_subarch. Linux reports PVH boots as PC; earlyinit's
 * PVH converter reports XEN and points hardware_subarch_data at the
 * hvm_start_info (see docs/bootproto.md).
 *
 * @code
 *   switch ((enum bootproto_x86_subarch)bp->hdr.hardware_subarch) {
 *   case BOOTPROTO_X86_SUBARCH_XEN: ...
 *   }
 * @endcode
 */
enum bootproto_x86_subarch {
  BOOTPROTO_X86_SUBARCH_PC = 0,
  BOOTPROTO_X86_SUBARCH_LGUEST = 1,
  BOOTPROTO_X86_SUBARCH_XEN = 2,
  BOOTPROTO_X86_SUBARCH_INTEL_MID = 3,
  BOOTPROTO_X86_SUBARCH_CE4100 = 4,
  BOOTPROTO_X86_NR_SUBARCHS = 5
};

/**
 * One zero-page memory map entry: 20 bytes, packed (a Xen memmap entry is
 * 24 bytes: copy field by field, never the array).
 *
 * @code
 *   struct bootproto_e820_entry *e = &bp->e820_table[bp->e820_entries++];
 *   e->addr = 0x100000; e->size = 0x7ee0000; e->type = BOOTPROTO_E820_RAM;
 * @endcode
 */
struct bootproto_e820_entry {
  uint64_t addr;
  uint64_t size;
  uint32_t type;
} __attribute__((__packed__));

/**
 * The setup header, at offset 0x1f1 of the zero page (123 bytes, packed).
 *
 * @code
 *   if (bp->hdr.header != BOOTPROTO_HDRS_MAGIC) panic("no setup header");
 * @endcode
 */
struct bootproto_setup_header {
  uint8_t setup_sects;
  uint16_t root_flags;
  uint32_t syssize;
  uint16_t ram_size;
  uint16_t vid_mode;
  uint16_t root_dev;
  uint16_t boot_flag;
  uint16_t jump;
  uint32_t header;
  uint16_t version;
  uint32_t realmode_swtch;
  uint16_t start_sys_seg;
  uint16_t kernel_version;
  uint8_t type_of_loader;
  uint8_t loadflags;
  uint16_t setup_move_size;
  uint32_t code32_start;
  uint32_t ramdisk_image;
  uint32_t ramdisk_size;
  uint32_t bootsect_kludge;
  uint16_t heap_end_ptr;
  uint8_t ext_loader_ver;
  uint8_t ext_loader_type;
  uint32_t cmd_line_ptr;
  uint32_t initrd_addr_max;
  uint32_t kernel_alignment;
  uint8_t relocatable_kernel;
  uint8_t min_alignment;
  uint16_t xloadflags;
  uint32_t cmdline_size;
  uint32_t hardware_subarch;
  uint64_t hardware_subarch_data;
  uint32_t payload_offset;
  uint32_t payload_length;
  uint64_t setup_data;
  uint64_t pref_address;
  uint32_t init_size;
  uint32_t handover_offset;
  uint32_t kernel_info_offset;
} __attribute__((__packed__));

/**
 * The zero page (4096 bytes, packed). Converters zero it, then fill the
 * fields they carry over; `sentinel` stays 0.
 *
 * @code
 *   static struct bootproto_boot_params bp;   // in .bss, or zeroed
 *   uint64_t cmdline = bp.hdr.cmd_line_ptr | (uint64_t)bp.ext_cmd_line_ptr << 32;
 * @endcode
 */
struct bootproto_boot_params {
  uint8_t screen_info[0x40];         /* 0x000 */
  uint8_t apm_bios_info[0x14];       /* 0x040 */
  uint8_t _pad2[4];                  /* 0x054 */
  uint64_t tboot_addr;               /* 0x058 */
  uint8_t ist_info[0x10];            /* 0x060 */
  uint64_t acpi_rsdp_addr;           /* 0x070 */
  uint8_t _pad3[8];                  /* 0x078 */
  uint8_t hd0_info[16];              /* 0x080, obsolete */
  uint8_t hd1_info[16];              /* 0x090, obsolete */
  uint8_t sys_desc_table[16];        /* 0x0a0, obsolete */
  uint8_t olpc_ofw_header[16];       /* 0x0b0 */
  uint32_t ext_ramdisk_image;        /* 0x0c0: bits 63..32 */
  uint32_t ext_ramdisk_size;         /* 0x0c4: bits 63..32 */
  uint32_t ext_cmd_line_ptr;         /* 0x0c8: bits 63..32 */
  uint8_t _pad4[112];                /* 0x0cc */
  uint32_t cc_blob_address;          /* 0x13c */
  uint8_t edid_info[0x80];           /* 0x140 */
  uint8_t efi_info[0x20];            /* 0x1c0 */
  uint32_t alt_mem_k;                /* 0x1e0 */
  uint32_t scratch;                  /* 0x1e4 */
  uint8_t e820_entries;              /* 0x1e8 */
  uint8_t eddbuf_entries;            /* 0x1e9 */
  uint8_t edd_mbr_sig_buf_entries;   /* 0x1ea */
  uint8_t kbd_status;                /* 0x1eb */
  uint8_t secure_boot;               /* 0x1ec */
  uint8_t _pad5[2];                  /* 0x1ed */
  uint8_t sentinel;                  /* 0x1ef */
  uint8_t _pad6[1];                  /* 0x1f0 */
  struct bootproto_setup_header hdr; /* 0x1f1 */
  uint8_t _pad7[0x290 - 0x1f1 - 123];
  uint32_t edd_mbr_sig_buffer[16];   /* 0x290 */
  struct bootproto_e820_entry
      e820_table[BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE]; /* 0x2d0 */
  uint8_t _pad8[48];                 /* 0xcd0 */
  uint8_t eddbuf[6 * 82];            /* 0xd00 */
  uint8_t _pad9[276];                /* 0xeec */
} __attribute__((__packed__));

#ifdef __cplusplus
}
#endif

BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_e820_entry) == 20,
                        "boot_e820_entry is 20 bytes");
BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_setup_header) == 123,
                        "setup_header is 123 bytes");
BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_boot_params) == 4096,
                        "boot_params is 4096 bytes");

BOOTPROTO_CHECK_FIELD(struct bootproto_e820_entry, addr, 0, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_e820_entry, size, 8, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_e820_entry, type, 16, 4);

/* Setup header offsets are relative to the header (absolute - 0x1f1). */
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, boot_flag, 0x1fe - 0x1f1, 2);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, header, 0x202 - 0x1f1, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, version, 0x206 - 0x1f1, 2);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, type_of_loader, 0x210 - 0x1f1, 1);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, ramdisk_image, 0x218 - 0x1f1, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, ramdisk_size, 0x21c - 0x1f1, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, cmd_line_ptr, 0x228 - 0x1f1, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, cmdline_size, 0x238 - 0x1f1, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, hardware_subarch, 0x23c - 0x1f1, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, hardware_subarch_data, 0x240 - 0x1f1, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_setup_header, kernel_info_offset, 0x268 - 0x1f1, 4);

BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, acpi_rsdp_addr, 0x070, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, ext_ramdisk_image, 0x0c0, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, ext_ramdisk_size, 0x0c4, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, ext_cmd_line_ptr, 0x0c8, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, alt_mem_k, 0x1e0, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, e820_entries, 0x1e8, 1);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, sentinel, 0x1ef, 1);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, hdr, 0x1f1, 123);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, e820_table, 0x2d0, 0xa00);
BOOTPROTO_CHECK_FIELD(struct bootproto_boot_params, eddbuf, 0xd00, 0x1ec);

#endif /* !__ASSEMBLER__ */

#endif /* BOOTPROTO_BOOT_PARAMS_H */
