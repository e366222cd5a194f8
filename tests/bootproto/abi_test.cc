// tests/bootproto/abi_test.cc: bootproto's structures against the headers
// Debian ships: linux-libc-dev's asm/bootparam.h, libxen-dev's
// xen/arch-x86/hvm/start_info.h, xen/elfnote.h and xen/xen.h. Every field:
// same offset, same size. Only this test includes those headers.
#include <asm/bootparam.h>
#include <stddef.h>
#include <stdint.h>
#include <xen/arch-x86/hvm/start_info.h>
#include <xen/elfnote.h>
#include <xen/xen.h>

#include "bootproto/bootproto.h"
#include "gtest/gtest.h"

namespace {

#define SAME_FIELD(ours, theirs, field)                                   \
  do {                                                                    \
    EXPECT_EQ(offsetof(ours, field), offsetof(theirs, field)) << #field;  \
    EXPECT_EQ(sizeof(((ours*)0)->field), sizeof(((theirs*)0)->field))     \
        << #field;                                                        \
    fields++;                                                             \
  } while (0)

TEST(Abi, E820Entry) {
  int fields = 0;
  EXPECT_EQ(sizeof(bootproto_e820_entry), sizeof(boot_e820_entry));
  SAME_FIELD(bootproto_e820_entry, boot_e820_entry, addr);
  SAME_FIELD(bootproto_e820_entry, boot_e820_entry, size);
  SAME_FIELD(bootproto_e820_entry, boot_e820_entry, type);
  EXPECT_EQ(fields, 3);
}

TEST(Abi, SetupHeaderEveryField) {
  int fields = 0;
  EXPECT_EQ(sizeof(bootproto_setup_header), sizeof(setup_header));
#define F(f) SAME_FIELD(bootproto_setup_header, setup_header, f)
  F(setup_sects); F(root_flags); F(syssize); F(ram_size); F(vid_mode);
  F(root_dev); F(boot_flag); F(jump); F(header); F(version);
  F(realmode_swtch); F(start_sys_seg); F(kernel_version); F(type_of_loader);
  F(loadflags); F(setup_move_size); F(code32_start); F(ramdisk_image);
  F(ramdisk_size); F(bootsect_kludge); F(heap_end_ptr); F(ext_loader_ver);
  F(ext_loader_type); F(cmd_line_ptr); F(initrd_addr_max);
  F(kernel_alignment); F(relocatable_kernel); F(min_alignment);
  F(xloadflags); F(cmdline_size); F(hardware_subarch);
  F(hardware_subarch_data); F(payload_offset); F(payload_length);
  F(setup_data); F(pref_address); F(init_size); F(handover_offset);
  F(kernel_info_offset);
#undef F
  EXPECT_EQ(fields, 39);
}

TEST(Abi, BootParamsEveryField) {
  int fields = 0;
  EXPECT_EQ(sizeof(bootproto_boot_params), sizeof(boot_params));
  EXPECT_EQ(sizeof(bootproto_boot_params), 4096u);
#define F(f) SAME_FIELD(bootproto_boot_params, boot_params, f)
  F(screen_info); F(apm_bios_info); F(_pad2); F(tboot_addr); F(ist_info);
  F(acpi_rsdp_addr); F(_pad3); F(hd0_info); F(hd1_info); F(sys_desc_table);
  F(olpc_ofw_header); F(ext_ramdisk_image); F(ext_ramdisk_size);
  F(ext_cmd_line_ptr); F(_pad4); F(cc_blob_address); F(edid_info);
  F(efi_info); F(alt_mem_k); F(scratch); F(e820_entries); F(eddbuf_entries);
  F(edd_mbr_sig_buf_entries); F(kbd_status); F(secure_boot); F(_pad5);
  F(sentinel); F(_pad6); F(hdr); F(_pad7); F(edd_mbr_sig_buffer);
  F(e820_table); F(_pad8); F(eddbuf); F(_pad9);
#undef F
  EXPECT_EQ(fields, 35);
}

TEST(Abi, BootParamsConstants) {
  EXPECT_EQ(BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE, E820_MAX_ENTRIES_ZEROPAGE);
  EXPECT_EQ(int(BOOTPROTO_X86_SUBARCH_PC), int(X86_SUBARCH_PC));
  EXPECT_EQ(int(BOOTPROTO_X86_SUBARCH_LGUEST), int(X86_SUBARCH_LGUEST));
  EXPECT_EQ(int(BOOTPROTO_X86_SUBARCH_XEN), int(X86_SUBARCH_XEN));
  EXPECT_EQ(int(BOOTPROTO_X86_SUBARCH_INTEL_MID), int(X86_SUBARCH_INTEL_MID));
  EXPECT_EQ(int(BOOTPROTO_X86_SUBARCH_CE4100), int(X86_SUBARCH_CE4100));
  EXPECT_EQ(int(BOOTPROTO_X86_NR_SUBARCHS), int(X86_NR_SUBARCHS));
}

TEST(Abi, HvmStartInfoEveryField) {
  int fields = 0;
  EXPECT_EQ(sizeof(bootproto_hvm_start_info), sizeof(hvm_start_info));
#define F(f) SAME_FIELD(bootproto_hvm_start_info, hvm_start_info, f)
  F(magic); F(version); F(flags); F(nr_modules); F(modlist_paddr);
  F(cmdline_paddr); F(rsdp_paddr); F(memmap_paddr); F(memmap_entries);
  F(reserved);
#undef F
  EXPECT_EQ(fields, 10);
  // Version 0 ends where memmap_paddr begins.
  EXPECT_EQ(offsetof(hvm_start_info, memmap_paddr),
            size_t(BOOTPROTO_HVM_START_INFO_V0_SIZE));
  EXPECT_EQ(sizeof(hvm_start_info), size_t(BOOTPROTO_HVM_START_INFO_V1_SIZE));
}

TEST(Abi, HvmModlistAndMemmapEntries) {
  int fields = 0;
  EXPECT_EQ(sizeof(bootproto_hvm_modlist_entry), sizeof(hvm_modlist_entry));
  SAME_FIELD(bootproto_hvm_modlist_entry, hvm_modlist_entry, paddr);
  SAME_FIELD(bootproto_hvm_modlist_entry, hvm_modlist_entry, size);
  SAME_FIELD(bootproto_hvm_modlist_entry, hvm_modlist_entry, cmdline_paddr);
  SAME_FIELD(bootproto_hvm_modlist_entry, hvm_modlist_entry, reserved);
  EXPECT_EQ(sizeof(bootproto_hvm_memmap_table_entry), sizeof(hvm_memmap_table_entry));
  SAME_FIELD(bootproto_hvm_memmap_table_entry, hvm_memmap_table_entry, addr);
  SAME_FIELD(bootproto_hvm_memmap_table_entry, hvm_memmap_table_entry, size);
  SAME_FIELD(bootproto_hvm_memmap_table_entry, hvm_memmap_table_entry, type);
  SAME_FIELD(bootproto_hvm_memmap_table_entry, hvm_memmap_table_entry, reserved);
  EXPECT_EQ(fields, 8);
}

TEST(Abi, XenConstants) {
  EXPECT_EQ(BOOTPROTO_XEN_HVM_START_MAGIC, XEN_HVM_START_MAGIC_VALUE);
  EXPECT_EQ(BOOTPROTO_XEN_HVM_MEMMAP_TYPE_RAM, XEN_HVM_MEMMAP_TYPE_RAM);
  EXPECT_EQ(BOOTPROTO_XEN_HVM_MEMMAP_TYPE_RESERVED, XEN_HVM_MEMMAP_TYPE_RESERVED);
  EXPECT_EQ(BOOTPROTO_XEN_HVM_MEMMAP_TYPE_ACPI, XEN_HVM_MEMMAP_TYPE_ACPI);
  EXPECT_EQ(BOOTPROTO_XEN_HVM_MEMMAP_TYPE_NVS, XEN_HVM_MEMMAP_TYPE_NVS);
  EXPECT_EQ(BOOTPROTO_XEN_HVM_MEMMAP_TYPE_UNUSABLE, XEN_HVM_MEMMAP_TYPE_UNUSABLE);
  EXPECT_EQ(BOOTPROTO_XEN_HVM_MEMMAP_TYPE_DISABLED, XEN_HVM_MEMMAP_TYPE_DISABLED);
  EXPECT_EQ(BOOTPROTO_XEN_HVM_MEMMAP_TYPE_PMEM, XEN_HVM_MEMMAP_TYPE_PMEM);
  EXPECT_EQ(BOOTPROTO_SIF_PRIVILEGED, unsigned(SIF_PRIVILEGED));
  EXPECT_EQ(BOOTPROTO_SIF_INITDOMAIN, unsigned(SIF_INITDOMAIN));
  EXPECT_EQ(BOOTPROTO_SIF_MULTIBOOT_MOD, unsigned(SIF_MULTIBOOT_MOD));
  EXPECT_EQ(BOOTPROTO_SIF_MOD_START_PFN, unsigned(SIF_MOD_START_PFN));
  EXPECT_EQ(BOOTPROTO_SIF_VIRT_P2M_4TOOLS, unsigned(SIF_VIRT_P2M_4TOOLS));
}

TEST(Abi, XenPvStartInfoMagic) {
  // The PV start_info begins with char magic[32], "xen-<version>-<platform>".
  EXPECT_EQ(offsetof(start_info, magic), 0u);
  EXPECT_EQ(sizeof(((start_info*)0)->magic), size_t(BOOTPROTO_XEN_PV_START_INFO_MAGIC_FIELD));
  EXPECT_EQ(sizeof(BOOTPROTO_XEN_PV_START_INFO_MAGIC) - 1,
            size_t(BOOTPROTO_XEN_PV_START_INFO_MAGIC_LEN));
}

TEST(Abi, XenElfNoteNumbers) {
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_INFO, XEN_ELFNOTE_INFO);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_ENTRY, XEN_ELFNOTE_ENTRY);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_HYPERCALL_PAGE, XEN_ELFNOTE_HYPERCALL_PAGE);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_VIRT_BASE, XEN_ELFNOTE_VIRT_BASE);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_PADDR_OFFSET, XEN_ELFNOTE_PADDR_OFFSET);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_XEN_VERSION, XEN_ELFNOTE_XEN_VERSION);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_GUEST_OS, XEN_ELFNOTE_GUEST_OS);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_GUEST_VERSION, XEN_ELFNOTE_GUEST_VERSION);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_LOADER, XEN_ELFNOTE_LOADER);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_PAE_MODE, XEN_ELFNOTE_PAE_MODE);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_FEATURES, XEN_ELFNOTE_FEATURES);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_BSD_SYMTAB, XEN_ELFNOTE_BSD_SYMTAB);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_HV_START_LOW, XEN_ELFNOTE_HV_START_LOW);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_L1_MFN_VALID, XEN_ELFNOTE_L1_MFN_VALID);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_SUSPEND_CANCEL, XEN_ELFNOTE_SUSPEND_CANCEL);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_INIT_P2M, XEN_ELFNOTE_INIT_P2M);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_MOD_START_PFN, XEN_ELFNOTE_MOD_START_PFN);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_SUPPORTED_FEATURES, XEN_ELFNOTE_SUPPORTED_FEATURES);
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_PHYS32_ENTRY, XEN_ELFNOTE_PHYS32_ENTRY);
#ifdef XEN_ELFNOTE_PHYS32_RELOC
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_PHYS32_RELOC, XEN_ELFNOTE_PHYS32_RELOC);
#else
  // Debian bookworm's libxen-dev (4.17) predates PHYS32_RELOC; newer Xen
  // elfnote.h gives 19 (reference/boot-protocols.md, section 2.4).
  EXPECT_EQ(BOOTPROTO_XEN_ELFNOTE_PHYS32_RELOC, XEN_ELFNOTE_PHYS32_ENTRY + 1);
#endif
}

}  // namespace
