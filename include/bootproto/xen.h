/*
 * bootproto/xen.h: Xen boot ABI pieces: the PVH start info
 * (struct hvm_start_info, versions 0 and 1), its module list and memory
 * map entries, the Xen PV start_info magic, and macros that emit Xen ELF
 * notes from C, C++ and assembly (.S).
 *
 * Layouts are those of Xen's public header
 * xen/include/public/arch-x86/hvm/start_info.h; tests/bootproto/abi_test.cc
 * compares them against Debian's libxen-dev copy, and the note numbers
 * against xen/elfnote.h.
 *
 * This header can be included from a .S file: only the macros are visible
 * there.
 *
 * @code
 *   // kernel.c: a PVH kernel's notes
 *   #include "bootproto/xen.h"
 *   BOOTPROTO_XEN_NOTE_GUEST_OS("earlyinit");
 *   BOOTPROTO_XEN_NOTE_PHYS32_ENTRY(pvh_start);   // pvh_start: a 32-bit entry symbol
 * @endcode
 */
#ifndef BOOTPROTO_XEN_H
#define BOOTPROTO_XEN_H

/** hvm_start_info.magic ("xEn3" with the 0x80 bit of the "E" set). */
#define BOOTPROTO_XEN_HVM_START_MAGIC 0x336ec578
/** Size of hvm_start_info version 0 (up to rsdp_paddr) and version 1. */
#define BOOTPROTO_HVM_START_INFO_V0_SIZE 40
#define BOOTPROTO_HVM_START_INFO_V1_SIZE 56
/** The Xen PV start_info begins with a 32-byte string "xen-3.x-<arch>"
    (e.g. "xen-3.0-x86_64"); these are its first bytes. */
#define BOOTPROTO_XEN_PV_START_INFO_MAGIC "xen-3."
#define BOOTPROTO_XEN_PV_START_INFO_MAGIC_LEN 6
/** Size of the magic field of the PV start_info. */
#define BOOTPROTO_XEN_PV_START_INFO_MAGIC_FIELD 32

/** hvm_start_info.flags bits (SIF_*, Xen's public xen.h). */
#define BOOTPROTO_SIF_PRIVILEGED (1u << 0)
#define BOOTPROTO_SIF_INITDOMAIN (1u << 1)
#define BOOTPROTO_SIF_MULTIBOOT_MOD (1u << 2)
#define BOOTPROTO_SIF_MOD_START_PFN (1u << 3)
#define BOOTPROTO_SIF_VIRT_P2M_4TOOLS (1u << 4)

/** hvm_memmap_table_entry.type values; 1..7 equal the E820 types. */
#define BOOTPROTO_XEN_HVM_MEMMAP_TYPE_RAM 1
#define BOOTPROTO_XEN_HVM_MEMMAP_TYPE_RESERVED 2
#define BOOTPROTO_XEN_HVM_MEMMAP_TYPE_ACPI 3
#define BOOTPROTO_XEN_HVM_MEMMAP_TYPE_NVS 4
#define BOOTPROTO_XEN_HVM_MEMMAP_TYPE_UNUSABLE 5
#define BOOTPROTO_XEN_HVM_MEMMAP_TYPE_DISABLED 6
#define BOOTPROTO_XEN_HVM_MEMMAP_TYPE_PMEM 7

/*
 * Xen ELF note types (xen/include/public/elfnote.h). Plain decimal
 * literals: the note macros paste them into assembler text.
 */
#define BOOTPROTO_XEN_ELFNOTE_INFO 0
#define BOOTPROTO_XEN_ELFNOTE_ENTRY 1
#define BOOTPROTO_XEN_ELFNOTE_HYPERCALL_PAGE 2
#define BOOTPROTO_XEN_ELFNOTE_VIRT_BASE 3
#define BOOTPROTO_XEN_ELFNOTE_PADDR_OFFSET 4
#define BOOTPROTO_XEN_ELFNOTE_XEN_VERSION 5
#define BOOTPROTO_XEN_ELFNOTE_GUEST_OS 6
#define BOOTPROTO_XEN_ELFNOTE_GUEST_VERSION 7
#define BOOTPROTO_XEN_ELFNOTE_LOADER 8
#define BOOTPROTO_XEN_ELFNOTE_PAE_MODE 9
#define BOOTPROTO_XEN_ELFNOTE_FEATURES 10
#define BOOTPROTO_XEN_ELFNOTE_BSD_SYMTAB 11
#define BOOTPROTO_XEN_ELFNOTE_HV_START_LOW 12
#define BOOTPROTO_XEN_ELFNOTE_L1_MFN_VALID 13
#define BOOTPROTO_XEN_ELFNOTE_SUSPEND_CANCEL 14
#define BOOTPROTO_XEN_ELFNOTE_INIT_P2M 15
#define BOOTPROTO_XEN_ELFNOTE_MOD_START_PFN 16
#define BOOTPROTO_XEN_ELFNOTE_SUPPORTED_FEATURES 17
#define BOOTPROTO_XEN_ELFNOTE_PHYS32_ENTRY 18
#define BOOTPROTO_XEN_ELFNOTE_PHYS32_RELOC 19

/** The section the notes go to (allocated, SHT_NOTE, 4-byte aligned). Keep
    it in a PT_NOTE of its own with p_align 4: QEMU rounds note name and
    descriptor by the segment's p_align. */
#define BOOTPROTO_XEN_NOTE_SECTION .note.Xen

/* Internal: stringify after expansion. */
#define BOOTPROTO_XEN_STR_(...) #__VA_ARGS__
#define BOOTPROTO_XEN_STR(...) BOOTPROTO_XEN_STR_(__VA_ARGS__)

/** Pointer-sized data directive of the build: .quad on x86_64, .long on
    i386 (Linux's _ASM_PTR). A numeric note descriptor is 4 or 8 bytes. */
#if defined(__x86_64__) && !defined(__ILP32__)
#define BOOTPROTO_XEN_ASM_PTR .quad
#else
#define BOOTPROTO_XEN_ASM_PTR .long
#endif

#ifdef __ASSEMBLER__
/**
 * BOOTPROTO_XEN_ELFNOTE(type, desc...): one Xen note, as in Linux's
 * ELFNOTE(Xen, type, desc): name "Xen", 4-byte aligned name and descriptor.
 * `desc` is assembler data. In a .S file it expands to statements separated
 * by ';'; in C and C++ it is a file-scope asm statement. Write a ';' after
 * it in both.
 *
 * @code
 *   // .S or .c / .cc at file scope
 *   BOOTPROTO_XEN_ELFNOTE(BOOTPROTO_XEN_ELFNOTE_GUEST_OS, .asciz "linux");
 *   BOOTPROTO_XEN_ELFNOTE(BOOTPROTO_XEN_ELFNOTE_PHYS32_RELOC, .long 0x200000, 0x1000000, 0xffffffff);
 * @endcode
 */
#define BOOTPROTO_XEN_ELFNOTE(type, ...)                                \
  .pushsection BOOTPROTO_XEN_NOTE_SECTION, "a", @note;                  \
  .balign 4;                                                            \
  .long 9972f - 9971f;                                                  \
  .long 9974f - 9973f;                                                  \
  .long type;                                                           \
  9971 : .asciz "Xen";                                                  \
  9972 : .balign 4;                                                     \
  9973 : __VA_ARGS__;                                                   \
  9974 : .balign 4;                                                     \
  .popsection
#else
#define BOOTPROTO_XEN_ELFNOTE(type, ...)                                \
  __asm__(".pushsection " BOOTPROTO_XEN_STR(BOOTPROTO_XEN_NOTE_SECTION) \
          ",\"a\",@note\n\t"                                            \
          ".balign 4\n\t"                                               \
          ".long 9972f - 9971f\n\t"                                     \
          ".long 9974f - 9973f\n\t"                                     \
          ".long " BOOTPROTO_XEN_STR(type) "\n"                         \
          "9971: .asciz \"Xen\"\n"                                      \
          "9972: .balign 4\n"                                           \
          "9973: " BOOTPROTO_XEN_STR(__VA_ARGS__) "\n"                                    \
          "9974: .balign 4\n\t"                                         \
          ".popsection")
#endif

/**
 * A string note (NUL-terminated descriptor).
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_STRING(BOOTPROTO_XEN_ELFNOTE_LOADER, "generic");
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_STRING(type, str) \
  BOOTPROTO_XEN_ELFNOTE(type, .asciz str)

/**
 * A numeric note, pointer-sized (8 bytes on x86_64, 4 on i386), like
 * Linux's _ASM_PTR notes. `value` is an assembler expression: a number or
 * a symbol (in C++ the symbol must be extern "C" or have its assembler
 * name).
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_NUMBER(BOOTPROTO_XEN_ELFNOTE_VIRT_BASE, 0xffffffff80000000);
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_NUMBER(type, value) \
  BOOTPROTO_XEN_ELFNOTE(type, BOOTPROTO_XEN_ASM_PTR value)

/**
 * XEN_ELFNOTE_PHYS32_ENTRY (18): the 32-bit physical entry point of a PVH
 * kernel (Xen and QEMU start it in 32-bit protected mode, paging off, with
 * %ebx = physical address of the hvm_start_info).
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_PHYS32_ENTRY(pvh_start32);
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_PHYS32_ENTRY(addr) \
  BOOTPROTO_XEN_NOTE_NUMBER(BOOTPROTO_XEN_ELFNOTE_PHYS32_ENTRY, addr)

/**
 * XEN_ELFNOTE_GUEST_OS (6): the guest OS name, e.g. "linux".
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_GUEST_OS("earlyinit");
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_GUEST_OS(str) \
  BOOTPROTO_XEN_NOTE_STRING(BOOTPROTO_XEN_ELFNOTE_GUEST_OS, str)

/**
 * XEN_ELFNOTE_GUEST_VERSION (7): the guest OS version string.
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_GUEST_VERSION("2.6");
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_GUEST_VERSION(str) \
  BOOTPROTO_XEN_NOTE_STRING(BOOTPROTO_XEN_ELFNOTE_GUEST_VERSION, str)

/**
 * XEN_ELFNOTE_XEN_VERSION (5): the Xen interface version, e.g. "xen-3.0".
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_XEN_VERSION("xen-3.0");
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_XEN_VERSION(str) \
  BOOTPROTO_XEN_NOTE_STRING(BOOTPROTO_XEN_ELFNOTE_XEN_VERSION, str)

/**
 * XEN_ELFNOTE_LOADER (8): the loader type, "generic".
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_LOADER("generic");
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_LOADER(str) \
  BOOTPROTO_XEN_NOTE_STRING(BOOTPROTO_XEN_ELFNOTE_LOADER, str)

/**
 * XEN_ELFNOTE_FEATURES (10): '|'-separated features, '!' marks required.
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_FEATURES("!writable_page_tables|pae_pgdir_above_4gb");
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_FEATURES(str) \
  BOOTPROTO_XEN_NOTE_STRING(BOOTPROTO_XEN_ELFNOTE_FEATURES, str)

/**
 * XEN_ELFNOTE_PAE_MODE (9): "yes", "no" or "bimodal".
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_PAE_MODE("yes");
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_PAE_MODE(str) \
  BOOTPROTO_XEN_NOTE_STRING(BOOTPROTO_XEN_ELFNOTE_PAE_MODE, str)

/**
 * XEN_ELFNOTE_PADDR_OFFSET (4): pointer-sized number (Linux emits 0).
 *
 * @code
 *   BOOTPROTO_XEN_NOTE_PADDR_OFFSET(0);
 * @endcode
 */
#define BOOTPROTO_XEN_NOTE_PADDR_OFFSET(value) \
  BOOTPROTO_XEN_NOTE_NUMBER(BOOTPROTO_XEN_ELFNOTE_PADDR_OFFSET, value)

#ifndef __ASSEMBLER__

#include "linktable/types.h"

#include "bootproto/boot_params.h"
#include "bootproto/mem.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * The PVH start info (%ebx at the PVH entry point). Version 0 ends after
 * rsdp_paddr (40 bytes); version 1 adds the memory map (56 bytes). Newer
 * versions are backward compatible. Address 0 means "not present".
 *
 * @code
 *   struct bootproto_hvm_start_info si;
 *   bootproto_mem_read(m, ebx, &si, BOOTPROTO_HVM_START_INFO_V0_SIZE);
 * @endcode
 */
struct bootproto_hvm_start_info {
  uint32_t magic;          /* BOOTPROTO_XEN_HVM_START_MAGIC */
  uint32_t version;        /* 0, 1, ... */
  uint32_t flags;          /* BOOTPROTO_SIF_* */
  uint32_t nr_modules;     /* entries at modlist_paddr */
  uint64_t modlist_paddr;  /* struct bootproto_hvm_modlist_entry[] */
  uint64_t cmdline_paddr;  /* NUL-terminated ASCII */
  uint64_t rsdp_paddr;     /* ACPI RSDP */
  /* version 1 and newer: */
  uint64_t memmap_paddr;   /* struct bootproto_hvm_memmap_table_entry[] */
  uint32_t memmap_entries; /* 0: no memory map */
  uint32_t reserved;       /* must be zero */
};

/**
 * One module (32 bytes). Module 0 is the ramdisk.
 *
 * @code
 *   struct bootproto_hvm_modlist_entry mod0;
 *   bootproto_mem_read(m, si.modlist_paddr, &mod0, sizeof mod0);
 * @endcode
 */
struct bootproto_hvm_modlist_entry {
  uint64_t paddr;
  uint64_t size;
  uint64_t cmdline_paddr;
  uint64_t reserved;
};

/**
 * One memory map entry (24 bytes; the zero page's are 20).
 *
 * @code
 *   struct bootproto_hvm_memmap_table_entry e;
 *   bootproto_mem_read(m, si.memmap_paddr + i * sizeof e, &e, sizeof e);
 * @endcode
 */
struct bootproto_hvm_memmap_table_entry {
  uint64_t addr;
  uint64_t size;
  uint32_t type;     /* BOOTPROTO_XEN_HVM_MEMMAP_TYPE_* */
  uint32_t reserved; /* must be zero */
};

BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_hvm_start_info) ==
                            BOOTPROTO_HVM_START_INFO_V1_SIZE,
                        "hvm_start_info v1 is 56 bytes");
BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_hvm_modlist_entry) == 32,
                        "hvm_modlist_entry is 32 bytes");
BOOTPROTO_STATIC_ASSERT(sizeof(struct bootproto_hvm_memmap_table_entry) == 24,
                        "hvm_memmap_table_entry is 24 bytes");
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, magic, 0, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, version, 4, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, flags, 8, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, nr_modules, 12, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, modlist_paddr, 16, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, cmdline_paddr, 24, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, rsdp_paddr, 32, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, memmap_paddr, 40, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, memmap_entries, 48, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_start_info, reserved, 52, 4);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_modlist_entry, paddr, 0, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_modlist_entry, size, 8, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_modlist_entry, cmdline_paddr, 16, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_memmap_table_entry, addr, 0, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_memmap_table_entry, size, 8, 8);
BOOTPROTO_CHECK_FIELD(struct bootproto_hvm_memmap_table_entry, type, 16, 4);

/**
 * What a physical address passed by a Xen-style loader points at
 * (bootproto_xen_probe).
 */
enum bootproto_xen_kind {
  BOOTPROTO_XEN_KIND_UNKNOWN = 0, /**< unreadable, or neither magic */
  BOOTPROTO_XEN_KIND_PVH = 1,     /**< an hvm_start_info (magic 0x336ec578) */
  BOOTPROTO_XEN_KIND_PV = 2       /**< a PV start_info ("xen-3.") */
};

/**
 * Tells a PVH hvm_start_info from a Xen PV start_info by its magic, reading
 * through mem. The dispatcher uses it on hdr.hardware_subarch_data when
 * hardware_subarch is BOOTPROTO_X86_SUBARCH_XEN.
 *
 * @code
 *   switch (bootproto_xen_probe(&m, bp->hdr.hardware_subarch_data)) {
 *   case BOOTPROTO_XEN_KIND_PVH: run_chain(PVH); break;
 *   case BOOTPROTO_XEN_KIND_PV:  run_chain(XEN_PV); break;
 *   default: panic("Xen subarch without start info");
 *   }
 * @endcode
 */
static inline enum bootproto_xen_kind bootproto_xen_probe(
    const bootproto_mem *mem, uint64_t paddr) {
  unsigned char b[BOOTPROTO_XEN_PV_START_INFO_MAGIC_LEN];
  const char *pv = BOOTPROTO_XEN_PV_START_INFO_MAGIC;
  size_t i;
  uint32_t magic;
  if (paddr == 0) return BOOTPROTO_XEN_KIND_UNKNOWN;
  if (bootproto_mem_read(mem, paddr, b, sizeof b) != 0)
    return BOOTPROTO_XEN_KIND_UNKNOWN;
  magic = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
          (uint32_t)b[3] << 24;
  if (magic == BOOTPROTO_XEN_HVM_START_MAGIC) return BOOTPROTO_XEN_KIND_PVH;
  for (i = 0; i < sizeof b; i++)
    if (b[i] != (unsigned char)pv[i]) return BOOTPROTO_XEN_KIND_UNKNOWN;
  return BOOTPROTO_XEN_KIND_PV;
}

#ifdef __cplusplus
}
#endif

#endif /* !__ASSEMBLER__ */

#endif /* BOOTPROTO_XEN_H */
