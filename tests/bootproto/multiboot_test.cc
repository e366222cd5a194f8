// tests/bootproto/multiboot_test.cc: bootproto_from_multiboot, one test per
// behaviour and per bad input the converters must refuse.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "bootproto/bootproto.h"
#include "gtest/gtest.h"
#include "tests/bootproto/image.h"
#include "tests/bootproto/test_util.h"

namespace {

using bptest::Image;

constexpr uint64_t kBase = 0x9000;
constexpr uint64_t kMmap = 0x9000;  // QEMU: E820 copy at 0x9000,
constexpr uint64_t kMbi = 0x9500;   // information at 0x9500
constexpr uint64_t kMods = 0x9600;
constexpr uint64_t kCmd = 0x9700;
constexpr size_t kSize = 0x1000;

struct E {
  uint64_t addr, len;
  uint32_t type;
};
const E kQemuMap[7] = {
    {0x0, 0x9fc00, 1},         {0x9fc00, 0x400, 2},      {0xf0000, 0x10000, 2},
    {0x100000, 0x7ee0000, 1},  {0x7fe0000, 0x20000, 2},  {0xfffc0000, 0x40000, 2},
    {0xfd00000000, 0x300000000, 2},
};

constexpr uint32_t kAbsentGarbage = 0xdead0000;  // outside memory

class MultibootTest : public ::testing::Test {
 protected:
  MultibootTest() : img_(kBase, kSize) {
    mbi_.flags = BOOTPROTO_MULTIBOOT_INFO_MEMORY | BOOTPROTO_MULTIBOOT_INFO_CMDLINE |
                 BOOTPROTO_MULTIBOOT_INFO_MEM_MAP;
    mbi_.mem_lower = 639;
    mbi_.mem_upper = 129920;
    mbi_.cmdline = kCmd;
    img_.PutString(kCmd, "kernel console=ttyS0");
    PutMmap(std::vector<E>(std::begin(kQemuMap), std::end(kQemuMap)));
    opt_ = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
    bptest::Poison(&bp_);
  }

  // Entries with the given size field (20 = standard).
  void PutMmap(const std::vector<E>& map, uint32_t size = 20) {
    uint64_t at = kMmap;
    for (const auto& e : map) {
      img_.Put<uint32_t>(at, size);
      img_.Put<uint64_t>(at + 4, e.addr);
      img_.Put<uint64_t>(at + 12, e.len);
      img_.Put<uint32_t>(at + 20, e.type);
      at += 4 + size;
    }
    mbi_.mmap_addr = kMmap;
    mbi_.mmap_length = static_cast<uint32_t>(at - kMmap);
  }

  bootproto_status Convert(uint32_t magic = BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC) {
    img_.Put(kMbi, mbi_);
    bootproto_mem m = img_.mem();
    return bootproto_from_multiboot(&m, magic, kMbi, &opt_, &bp_, &rep_);
  }

  Image img_;
  bootproto_multiboot_info mbi_{};
  bootproto_options opt_;
  bootproto_boot_params bp_;
  bootproto_report rep_{};
};

TEST_F(MultibootTest, QemuLayoutGivesExactZeroPage) {
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  bootproto_boot_params want;
  std::memset(&want, 0, sizeof want);
  bptest::SetCommonHeader(&want, BOOTPROTO_LOADER_QEMU);
  want.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_PC;
  want.hdr.hardware_subarch_data = 0;
  want.hdr.cmd_line_ptr = kCmd;
  want.alt_mem_k = 129920;
  for (const auto& e : kQemuMap) bptest::AddE820(&want, e.addr, e.len, e.type);
  EXPECT_TRUE(bptest::SameZeroPage(bp_, want));
  EXPECT_EQ(rep_.lost, 0u);
  EXPECT_EQ(rep_.memmap_entries, 7u);
  EXPECT_EQ(rep_.cmdline_len, 20u);
}

// The bytes QEMU 7.2 really passed (corpus/capture/capture.sh).
TEST(MultibootCapture, RealQemuBoot) {
  bptest::Seed seed("multiboot/qemu_pc.bin");
  ASSERT_TRUE(seed.ok());
  EXPECT_EQ(seed.in().eax, 0x2badb002u);
  EXPECT_EQ(seed.in().ebx, 0x9500u);
  bootproto_mem m = seed.mem();
  bootproto_boot_params bp;
  bptest::Poison(&bp);
  bootproto_report rep;
  ASSERT_EQ(bootproto_from_multiboot(&m, seed.in().eax, seed.in().ebx, nullptr, &bp, &rep),
            BOOTPROTO_OK);
  EXPECT_EQ(bp.hdr.hardware_subarch, 0u);
  ASSERT_EQ(bp.e820_entries, 7);
  for (int i = 0; i < 7; i++) {
    EXPECT_EQ(bp.e820_table[i].addr, kQemuMap[i].addr) << i;
    EXPECT_EQ(bp.e820_table[i].size, kQemuMap[i].len) << i;
    EXPECT_EQ(bp.e820_table[i].type, kQemuMap[i].type) << i;
  }
  ASSERT_NE(bp.hdr.cmd_line_ptr, 0u);
  // QEMU prepends the kernel's path.
  EXPECT_STREQ(reinterpret_cast<const char*>(seed.in().image +
                                             (bp.hdr.cmd_line_ptr - seed.in().base)),
               "kernel console=ttyS0 earlyinit.test=1");
  EXPECT_EQ(bp.hdr.ramdisk_image, 0x104000u);
  EXPECT_EQ(bp.hdr.ramdisk_size, 16u);
  EXPECT_EQ(bp.alt_mem_k, 129920u);
  // QEMU passes a boot device and its name ("qemu"), and the module's
  // command line ("initrd"): no place for them in the zero page.
  EXPECT_EQ(rep.lost, BOOTPROTO_LOST_MB_FIELDS | BOOTPROTO_LOST_MODULE_CMDLINE);
  EXPECT_EQ(bp.sentinel, 0);
}

TEST_F(MultibootTest, BadMagic) {
  EXPECT_EQ(Convert(BOOTPROTO_MULTIBOOT_HEADER_MAGIC), BOOTPROTO_ERR_BAD_MAGIC);
  EXPECT_EQ(bp_.hdr.header, 0u);
}

TEST_F(MultibootTest, InformationOutsideMemory) {
  bootproto_mem m = img_.mem();
  EXPECT_EQ(bootproto_from_multiboot(&m, BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC,
                                     kBase + kSize - 40, &opt_, &bp_, &rep_),
            BOOTPROTO_ERR_INFO_UNREADABLE);
  EXPECT_EQ(bootproto_from_multiboot(&m, BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC,
                                     0x100000, &opt_, &bp_, &rep_),
            BOOTPROTO_ERR_INFO_UNREADABLE);
}

TEST_F(MultibootTest, NullArguments) {
  bootproto_mem m = img_.mem();
  EXPECT_EQ(bootproto_from_multiboot(nullptr, BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC, kMbi,
                                     &opt_, &bp_, &rep_),
            BOOTPROTO_ERR_ARGUMENT);
  EXPECT_EQ(bootproto_from_multiboot(&m, BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC, kMbi,
                                     &opt_, nullptr, &rep_),
            BOOTPROTO_ERR_ARGUMENT);
}

// Flags say the memory map is absent: its (garbage) fields are not read;
// mem_lower / mem_upper give a coarse map.
TEST_F(MultibootTest, MmapFlagAbsentFallsBackToMemLowerUpper) {
  mbi_.flags &= ~BOOTPROTO_MULTIBOOT_INFO_MEM_MAP;
  mbi_.mmap_addr = kAbsentGarbage;
  mbi_.mmap_length = 0xffffffff;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  ASSERT_EQ(bp_.e820_entries, 2);
  EXPECT_EQ(bp_.e820_table[0].addr, 0u);
  EXPECT_EQ(bp_.e820_table[0].size, 639u * 1024);
  EXPECT_EQ(bp_.e820_table[0].type, 1u);
  EXPECT_EQ(bp_.e820_table[1].addr, 0x100000u);
  EXPECT_EQ(bp_.e820_table[1].size, 129920ull * 1024);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_MEMMAP_COARSE);
}

TEST_F(MultibootTest, EmptyMmapFallsBackToMemLowerUpper) {
  mbi_.mmap_length = 0;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_entries, 2);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_MEMMAP_COARSE);
}

TEST_F(MultibootTest, MemLowerIsCappedAt640KiB) {
  mbi_.flags &= ~BOOTPROTO_MULTIBOOT_INFO_MEM_MAP;
  mbi_.mem_lower = 0xffffffff;
  mbi_.mem_upper = 0xffffffff;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_table[0].size, 640u * 1024);
  EXPECT_EQ(bp_.e820_table[1].size, 0xffffffffull * 1024);
}

// Neither mmap nor mem_*: an error the caller can handle; the rest is done.
TEST_F(MultibootTest, NoMemoryFlagsAtAll) {
  mbi_.flags = BOOTPROTO_MULTIBOOT_INFO_CMDLINE;
  bootproto_status st = Convert();
  EXPECT_EQ(st, BOOTPROTO_ERR_MB_NO_MEMORY);
  EXPECT_TRUE(bootproto_status_memmap_missing(st));
  EXPECT_EQ(bp_.e820_entries, 0);
  EXPECT_EQ(bp_.alt_mem_k, 0u);
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, kCmd);
  EXPECT_EQ(bp_.hdr.header, BOOTPROTO_HDRS_MAGIC);
}

TEST_F(MultibootTest, MemoryFlagWithZeroSizesIsAnEmptyMap) {
  mbi_.flags = BOOTPROTO_MULTIBOOT_INFO_MEMORY;
  mbi_.mem_lower = 0;
  mbi_.mem_upper = 0;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_EMPTY);
}

TEST_F(MultibootTest, CmdlineFlagAbsentLeavesNoCommandLine) {
  mbi_.flags &= ~BOOTPROTO_MULTIBOOT_INFO_CMDLINE;
  mbi_.cmdline = kAbsentGarbage;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, 0u);
  EXPECT_EQ(rep_.cmdline_len, 0u);
}

TEST_F(MultibootTest, ModsFlagAbsentLeavesNoRamdisk) {
  mbi_.mods_count = 0xffffffff;
  mbi_.mods_addr = kAbsentGarbage;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.ramdisk_image, 0u);
  EXPECT_EQ(rep_.modules, 0u);
}

TEST_F(MultibootTest, OtherFlagsAreReportedNotRead) {
  mbi_.flags |= BOOTPROTO_MULTIBOOT_INFO_BOOT_LOADER_NAME | BOOTPROTO_MULTIBOOT_INFO_VBE_INFO;
  mbi_.boot_loader_name = kAbsentGarbage;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_MB_FIELDS);
}

TEST_F(MultibootTest, CommandLineOutsideMemory) {
  mbi_.cmdline = kAbsentGarbage;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_CMDLINE_UNREADABLE);
}

TEST_F(MultibootTest, CommandLineWithoutNulIsTruncated) {
  img_.Fill(kCmd, 'k', 0x100);
  char buf[8];
  opt_.cmdline_buf = buf;
  opt_.cmdline_buf_size = sizeof buf;
  opt_.cmdline_buf_paddr = 0x5000;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_STREQ(buf, "kkkkkkk");
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, 0x5000u);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_CMDLINE_TRUNCATED);
}

TEST_F(MultibootTest, Module0IsTheRamdisk) {
  mbi_.flags |= BOOTPROTO_MULTIBOOT_INFO_MODS;
  mbi_.mods_count = 2;
  mbi_.mods_addr = kMods;
  img_.Put(kMods, bootproto_multiboot_module{0x104000, 0x105234, 0, 0});
  img_.Put(kMods + 16, bootproto_multiboot_module{0x200000, 0x201000, 0, 0});
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.ramdisk_image, 0x104000u);
  EXPECT_EQ(bp_.hdr.ramdisk_size, 0x1234u);
  EXPECT_EQ(rep_.modules, 2u);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_MODULES);
}

TEST_F(MultibootTest, ModsCountHuge) {
  mbi_.flags |= BOOTPROTO_MULTIBOOT_INFO_MODS;
  mbi_.mods_count = 0xffffffff;
  mbi_.mods_addr = kMods;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MODULES_COUNT);
}

TEST_F(MultibootTest, ModsAddrOutsideMemory) {
  mbi_.flags |= BOOTPROTO_MULTIBOOT_INFO_MODS;
  mbi_.mods_count = 1;
  mbi_.mods_addr = kAbsentGarbage;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MODLIST_UNREADABLE);
}

TEST_F(MultibootTest, ModuleEndBeforeStart) {
  mbi_.flags |= BOOTPROTO_MULTIBOOT_INFO_MODS;
  mbi_.mods_count = 1;
  mbi_.mods_addr = kMods;
  img_.Put(kMods, bootproto_multiboot_module{0x200000, 0x1fffff, 0, 0});
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_RAMDISK_RANGE);
}

// The per-entry size field sets the stride, not sizeof(entry).
TEST_F(MultibootTest, MmapStrideComesFromEachEntrysSize) {
  PutMmap(std::vector<E>(std::begin(kQemuMap), std::end(kQemuMap)), 28);
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  ASSERT_EQ(bp_.e820_entries, 7);
  for (int i = 0; i < 7; i++) {
    EXPECT_EQ(bp_.e820_table[i].addr, kQemuMap[i].addr) << i;
    EXPECT_EQ(bp_.e820_table[i].size, kQemuMap[i].len) << i;
  }
}

TEST_F(MultibootTest, MmapEntrySizeBelow20) {
  PutMmap({{0x0, 0x9fc00, 1}, {0x100000, 0x100000, 1}});
  img_.Put<uint32_t>(kMmap + 24, 16);  // second entry's size
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_ENTRY_SIZE);
}

TEST_F(MultibootTest, MmapEntryPastMmapLength) {
  PutMmap({{0x0, 0x9fc00, 1}, {0x100000, 0x100000, 1}});
  mbi_.mmap_length -= 1;  // the last entry sticks out by one byte
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_ENTRY_SIZE);
}

TEST_F(MultibootTest, MmapAddrOutsideMemory) {
  mbi_.mmap_addr = kAbsentGarbage;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_UNREADABLE);
}

TEST_F(MultibootTest, MmapLengthHuge) {
  mbi_.mmap_length = 0xffffffff;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_COUNT);
}

TEST_F(MultibootTest, MmapWith130EntriesIsClampedTo128) {
  Image big(0x10000, 0x2000);
  std::vector<uint8_t> mm;
  for (uint32_t i = 0; i < 130; i++) {
    bootproto_multiboot_mmap_entry e{20, i * 0x10000ull, 0x1000, 1};
    const auto* p = reinterpret_cast<const uint8_t*>(&e);
    mm.insert(mm.end(), p, p + sizeof e);
  }
  big.PutBytes(0x10000, mm.data(), mm.size());
  bootproto_multiboot_info mbi{};
  mbi.flags = BOOTPROTO_MULTIBOOT_INFO_MEM_MAP;
  mbi.mmap_addr = 0x10000;
  mbi.mmap_length = static_cast<uint32_t>(mm.size());
  big.Put(0x11f00, mbi);
  bootproto_mem m = big.mem();
  ASSERT_EQ(bootproto_from_multiboot(&m, BOOTPROTO_MULTIBOOT_BOOTLOADER_MAGIC, 0x11f00,
                                     &opt_, &bp_, &rep_),
            BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_entries, 128);
  EXPECT_EQ(bp_.e820_table[127].addr, 127 * 0x10000ull);
  EXPECT_EQ(rep_.memmap_entries, 130u);
  EXPECT_EQ(rep_.e820_dropped, 2u);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_E820_TRUNCATED);
}

TEST_F(MultibootTest, MmapEntryOfSize0IsSkipped) {
  PutMmap({{0x0, 0x9fc00, 1}, {0x9fc00, 0, 2}, {0x100000, 0x100000, 1}});
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_entries, 2);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_E820_EMPTY);
}

TEST_F(MultibootTest, MmapEntryOverflow) {
  PutMmap({{0x0, 0x9fc00, 1}, {0xffffffffffff0000ull, 0x10000, 2}});
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_ENTRY_OVERFLOW);
}

TEST(MultibootCapture, SeedStatuses) {
  const struct {
    const char* seed;
    bootproto_status want;
    uint32_t lost;
  } cases[] = {
      {"multiboot/no_mmap_fallback.bin", BOOTPROTO_OK, BOOTPROTO_LOST_MEMMAP_COARSE},
      {"multiboot/no_memory_flags.bin", BOOTPROTO_ERR_MB_NO_MEMORY, BOOTPROTO_LOST_MB_FIELDS},
      {"multiboot/wide_entries.bin", BOOTPROTO_OK, BOOTPROTO_LOST_MODULES},
      {"multiboot/short_entry.bin", BOOTPROTO_ERR_MEMMAP_ENTRY_SIZE, 0},
      {"multiboot/bad_magic.bin", BOOTPROTO_ERR_BAD_MAGIC, 0},
  };
  for (const auto& c : cases) {
    bptest::Seed seed(c.seed);
    ASSERT_TRUE(seed.ok());
    bootproto_mem m = seed.mem();
    bootproto_boot_params bp;
    bootproto_report rep;
    bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
    if (seed.in().options & BPTEST_OPT_ISA) opt.flags |= BOOTPROTO_OPT_ISA_RESERVED;
    EXPECT_EQ(bootproto_from_multiboot(&m, seed.in().eax, seed.in().ebx, &opt, &bp, &rep),
              c.want)
        << c.seed;
    EXPECT_EQ(rep.lost, c.lost) << c.seed;
  }
}

}  // namespace
