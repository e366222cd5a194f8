// tests/bootproto/pvh_test.cc: bootproto_from_pvh, one test per behaviour
// and per bad input the converters must refuse.
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

constexpr uint64_t kBase = 0x8000;
constexpr uint64_t kSi = kBase;             // start info
constexpr uint64_t kMods = kBase + 0x100;   // module list
constexpr uint64_t kCmd = kBase + 0x200;    // command line
constexpr uint64_t kMap = kBase + 0x1000;   // memory map
constexpr size_t kSize = 0x10000;

// The memory map QEMU 7.2 passed on -machine pc -m 128M (corpus capture).
const bootproto_hvm_memmap_table_entry kQemuMap[7] = {
    {0x0, 0x9fc00, 1, 0},          {0x9fc00, 0x400, 2, 0},
    {0xf0000, 0x10000, 2, 0},      {0x100000, 0x7ee0000, 1, 0},
    {0x7fe0000, 0x20000, 2, 0},    {0xfffc0000, 0x40000, 2, 0},
    {0xfd00000000, 0x300000000, 2, 0},
};

class PvhTest : public ::testing::Test {
 protected:
  PvhTest() : img_(kBase, kSize) {
    si_.magic = BOOTPROTO_XEN_HVM_START_MAGIC;
    si_.version = 1;
    si_.cmdline_paddr = kCmd;
    si_.rsdp_paddr = 0xf59d0;
    si_.memmap_paddr = kMap;
    si_.memmap_entries = 7;
    img_.PutString(kCmd, "console=ttyS0");
    for (int i = 0; i < 7; i++) img_.Put(kMap + 24 * i, kQemuMap[i]);
    opt_ = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
    bptest::Poison(&bp_);
    std::memset(&rep_, 0xa5, sizeof rep_);
  }

  bootproto_status Convert() {
    img_.Put(kSi, si_);
    bootproto_mem m = img_.mem();
    return bootproto_from_pvh(&m, kSi, &opt_, &bp_, &rep_);
  }

  void PutMap(const std::vector<bootproto_hvm_memmap_table_entry>& map) {
    for (size_t i = 0; i < map.size(); i++) img_.Put(kMap + 24 * i, map[i]);
    si_.memmap_entries = static_cast<uint32_t>(map.size());
  }

  Image img_;
  bootproto_hvm_start_info si_{};
  bootproto_options opt_;
  bootproto_boot_params bp_;
  bootproto_report rep_;
};

// The whole zero page: exactly these fields, everything else zero.
TEST_F(PvhTest, QemuLayoutGivesExactZeroPage) {
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  bootproto_boot_params want;
  std::memset(&want, 0, sizeof want);
  bptest::SetCommonHeader(&want, BOOTPROTO_LOADER_QEMU);
  want.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
  want.hdr.hardware_subarch_data = kSi;
  want.hdr.cmd_line_ptr = kCmd;
  want.acpi_rsdp_addr = 0xf59d0;
  for (const auto& e : kQemuMap) bptest::AddE820(&want, e.addr, e.size, e.type);
  EXPECT_TRUE(bptest::SameZeroPage(bp_, want));
  EXPECT_EQ(bp_.sentinel, 0);
  EXPECT_EQ(rep_.lost, 0u);
  EXPECT_EQ(rep_.version, 1u);
  EXPECT_EQ(rep_.memmap_entries, 7u);
  EXPECT_EQ(rep_.e820_entries, 7u);
  EXPECT_EQ(rep_.cmdline_len, 13u);
}

// The bytes QEMU 7.2 really passed (corpus/capture/capture.sh).
TEST(PvhCapture, RealQemuBoot) {
  bptest::Seed seed("pvh/qemu_pc_v1.bin");
  ASSERT_TRUE(seed.ok());
  bootproto_mem m = seed.mem();
  bootproto_boot_params bp;
  bptest::Poison(&bp);
  bootproto_report rep;
  bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
  ASSERT_EQ(bootproto_from_pvh(&m, seed.in().ebx, &opt, &bp, &rep), BOOTPROTO_OK);
  EXPECT_EQ(seed.in().ebx, 0x21e0u);
  EXPECT_EQ(rep.version, 1u);
  EXPECT_EQ(bp.hdr.hardware_subarch, 2u);
  EXPECT_EQ(bp.hdr.hardware_subarch_data, 0x21e0u);
  EXPECT_EQ(bp.acpi_rsdp_addr, 0xf59d0u);
  ASSERT_EQ(bp.e820_entries, 7);
  for (int i = 0; i < 7; i++) {
    EXPECT_EQ(bp.e820_table[i].addr, kQemuMap[i].addr) << i;
    EXPECT_EQ(bp.e820_table[i].size, kQemuMap[i].size) << i;
    EXPECT_EQ(bp.e820_table[i].type, kQemuMap[i].type) << i;
  }
  ASSERT_NE(bp.hdr.cmd_line_ptr, 0u);
  EXPECT_STREQ(reinterpret_cast<const char*>(seed.in().image +
                                             (bp.hdr.cmd_line_ptr - seed.in().base)),
               "console=ttyS0 earlyinit.test=1");
  EXPECT_EQ(rep.cmdline_len, 30u);
  EXPECT_EQ(bp.hdr.ramdisk_image, 0x7fd7000u);  // -initrd, 16 bytes
  EXPECT_EQ(bp.hdr.ramdisk_size, 0x10u);
  EXPECT_EQ(rep.lost, 0u);
  EXPECT_EQ(bp.sentinel, 0);
}

TEST_F(PvhTest, TypeOfLoaderIsTheCallers) {
  opt_.type_of_loader = BOOTPROTO_LOADER_XEN;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.type_of_loader, 0x90);
}

TEST_F(PvhTest, NullOptionsMeanUndefinedLoaderAndNullReportIsFine) {
  img_.Put(kSi, si_);
  bootproto_mem m = img_.mem();
  ASSERT_EQ(bootproto_from_pvh(&m, kSi, nullptr, &bp_, nullptr), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.type_of_loader, BOOTPROTO_LOADER_UNDEFINED);
  EXPECT_EQ(bp_.e820_entries, 7);
}

TEST_F(PvhTest, NullArgumentsAreErrors) {
  img_.Put(kSi, si_);
  bootproto_mem m = img_.mem();
  EXPECT_EQ(bootproto_from_pvh(&m, kSi, &opt_, nullptr, &rep_), BOOTPROTO_ERR_ARGUMENT);
  EXPECT_EQ(bootproto_from_pvh(nullptr, kSi, &opt_, &bp_, &rep_), BOOTPROTO_ERR_ARGUMENT);
  bootproto_mem noread = m;
  noread.read = nullptr;
  EXPECT_EQ(bootproto_from_pvh(&noread, kSi, &opt_, &bp_, &rep_), BOOTPROTO_ERR_ARGUMENT);
}

TEST_F(PvhTest, BadMagic) {
  si_.magic = 0x336ec579;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_BAD_MAGIC);
  bootproto_boot_params zero;
  std::memset(&zero, 0, sizeof zero);
  EXPECT_TRUE(bptest::SameZeroPage(bp_, zero));  // zeroed, nothing else
}

TEST_F(PvhTest, StartInfoOutsideMemory) {
  img_.Put(kSi, si_);
  bootproto_mem m = img_.mem();
  EXPECT_EQ(bootproto_from_pvh(&m, kBase + kSize, &opt_, &bp_, &rep_),
            BOOTPROTO_ERR_INFO_UNREADABLE);
  EXPECT_EQ(bootproto_from_pvh(&m, 0x1000, &opt_, &bp_, &rep_),
            BOOTPROTO_ERR_INFO_UNREADABLE);
  EXPECT_EQ(bootproto_from_pvh(&m, 0, &opt_, &bp_, &rep_),
            BOOTPROTO_ERR_INFO_UNREADABLE);
  EXPECT_EQ(bootproto_from_pvh(&m, UINT64_MAX - 8, &opt_, &bp_, &rep_),
            BOOTPROTO_ERR_INFO_UNREADABLE);
}

// A v1 start info whose version 1 part runs off the end of memory.
TEST_F(PvhTest, StartInfoV1TailOutsideMemory) {
  const uint64_t at = kBase + kSize - 48;  // 40 bytes fit, 56 do not
  Image small(kBase, kSize);
  small.PutBytes(at, &si_, 48);
  bootproto_mem m = small.mem();
  EXPECT_EQ(bootproto_from_pvh(&m, at, &opt_, &bp_, &rep_), BOOTPROTO_ERR_INFO_UNREADABLE);
}

// A version 0 start info that ends exactly at the end of memory is read
// as 40 bytes, never 56.
TEST_F(PvhTest, StartInfoV0AtEndOfMemoryReadsOnly40Bytes) {
  const uint64_t at = kBase + kSize - 40;
  si_.version = 0;
  Image small(kBase, kSize);
  small.PutBytes(at, &si_, 40);
  small.PutString(kCmd, "x");
  bootproto_mem m = small.mem();
  EXPECT_EQ(bootproto_from_pvh(&m, at, &opt_, &bp_, &rep_), BOOTPROTO_ERR_MEMMAP_V0);
}

// Version 0: no memory map. Everything else is converted so that the caller
// can supply the map (recoverable).
TEST_F(PvhTest, Version0WithoutMemoryMapIsRecoverable) {
  si_.version = 0;
  si_.nr_modules = 1;
  si_.modlist_paddr = kMods;
  img_.Put(kMods, bootproto_hvm_modlist_entry{0x7fd7000, 0x10, 0, 0});
  bootproto_status st = Convert();
  EXPECT_EQ(st, BOOTPROTO_ERR_MEMMAP_V0);
  EXPECT_TRUE(bootproto_status_memmap_missing(st));
  EXPECT_EQ(bp_.e820_entries, 0);
  EXPECT_EQ(bp_.hdr.header, BOOTPROTO_HDRS_MAGIC);
  EXPECT_EQ(bp_.hdr.hardware_subarch, 2u);
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, kCmd);
  EXPECT_EQ(bp_.hdr.ramdisk_image, 0x7fd7000u);
  EXPECT_EQ(bp_.acpi_rsdp_addr, 0xf59d0u);
  EXPECT_EQ(rep_.version, 0u);
}

// A newer version is read as version 1 (the ABI is backward compatible).
TEST_F(PvhTest, HigherVersionIsReadAsVersion1AndReported) {
  si_.version = 7;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_entries, 7);
  EXPECT_EQ(rep_.version, 7u);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_NEWER_VERSION);
}

TEST_F(PvhTest, MemmapEntries0) {
  si_.memmap_entries = 0;
  bootproto_status st = Convert();
  EXPECT_EQ(st, BOOTPROTO_ERR_MEMMAP_EMPTY);
  EXPECT_TRUE(bootproto_status_memmap_missing(st));
  EXPECT_EQ(bp_.e820_entries, 0);
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, kCmd);
}

TEST_F(PvhTest, MemmapEntries128IsNotTruncated) {
  std::vector<bootproto_hvm_memmap_table_entry> map;
  for (uint32_t i = 0; i < 128; i++) map.push_back({i * 0x10000ull, 0x1000, 1, 0});
  PutMap(map);
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_entries, 128);
  EXPECT_EQ(rep_.lost, 0u);
}

TEST_F(PvhTest, MemmapEntries129IsClampedTo128AndReported) {
  std::vector<bootproto_hvm_memmap_table_entry> map;
  for (uint32_t i = 0; i < 129; i++) map.push_back({i * 0x10000ull, 0x1000 + i, 1 + i % 7, 0});
  PutMap(map);
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  ASSERT_EQ(bp_.e820_entries, 128);
  for (uint32_t i = 0; i < 128; i++) {
    EXPECT_EQ(bp_.e820_table[i].addr, i * 0x10000ull);
    EXPECT_EQ(bp_.e820_table[i].size, 0x1000u + i);
    EXPECT_EQ(bp_.e820_table[i].type, 1 + i % 7);
  }
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_E820_TRUNCATED);
  EXPECT_EQ(rep_.memmap_entries, 129u);
  EXPECT_EQ(rep_.e820_dropped, 1u);
  // Nothing written past the table (Linux's PVH code has no bound).
  const auto* raw = reinterpret_cast<const uint8_t*>(&bp_);
  for (size_t i = 0xcd0; i < sizeof bp_; i++) ASSERT_EQ(raw[i], 0) << i;
}

// 0xffffffff entries of 24 bytes cannot lie in accessible memory.
TEST_F(PvhTest, MemmapEntriesFfffffffIsACountError) {
  si_.memmap_entries = 0xffffffff;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_COUNT);
  EXPECT_EQ(bp_.e820_entries, 0);
}

// A count slightly too large: the table's end runs out of memory.
TEST_F(PvhTest, MemmapTableRunningPastMemoryIsACountError) {
  si_.memmap_paddr = kBase + kSize - 24 * 6;
  si_.memmap_entries = 7;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_COUNT);
}

TEST_F(PvhTest, MemmapPaddr0) {
  si_.memmap_paddr = 0;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_NULL);
}

TEST_F(PvhTest, MemmapPaddrOutsideMemory) {
  si_.memmap_paddr = 0x100000000ull;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_UNREADABLE);
  si_.memmap_paddr = UINT64_MAX - 3;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_UNREADABLE);
}

TEST_F(PvhTest, EntryOfSize0IsSkippedAndReported) {
  PutMap({{0x0, 0x9fc00, 1, 0}, {0x100000, 0, 1, 0}, {0x100000, 0x7ee0000, 1, 0}});
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  ASSERT_EQ(bp_.e820_entries, 2);
  EXPECT_EQ(bp_.e820_table[1].addr, 0x100000u);
  EXPECT_EQ(bp_.e820_table[1].size, 0x7ee0000u);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_E820_EMPTY);
  EXPECT_EQ(rep_.e820_empty, 1u);
}

TEST_F(PvhTest, OnlyEntriesOfSize0IsAnEmptyMap) {
  PutMap({{0x0, 0, 1, 0}, {0x100000, 0, 1, 0}});
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_EMPTY);
  EXPECT_EQ(rep_.e820_empty, 2u);
}

TEST_F(PvhTest, EntryWhoseEndOverflowsIsAnError) {
  PutMap({{0x0, 0x9fc00, 1, 0}, {0xfffffffffffff000ull, 0x2000, 2, 0}});
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_ENTRY_OVERFLOW);
}

TEST_F(PvhTest, EntryEndingExactlyAt2To64IsAnOverflow) {
  PutMap({{0xfffffffffffff000ull, 0x1000, 2, 0}});
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MEMMAP_ENTRY_OVERFLOW);
}

TEST_F(PvhTest, EntryEndingJustBelow2To64IsFine) {
  PutMap({{0xfffffffffffff000ull, 0xfff, 2, 0}});
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_table[0].size, 0xfffu);
}

TEST_F(PvhTest, TypesAreCopiedVerbatimAndReservedIgnored) {
  PutMap({{0x1000, 0x1000, 0xf0000001u, 0xdeadbeef}, {0x2000, 0x1000, 7, 0}});
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_table[0].type, 0xf0000001u);
  EXPECT_EQ(bp_.e820_table[1].type, 7u);
}

TEST_F(PvhTest, IsaRangeOptionAppendsReservedEntry) {
  opt_.flags |= BOOTPROTO_OPT_ISA_RESERVED;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  ASSERT_EQ(bp_.e820_entries, 8);
  EXPECT_EQ(bp_.e820_table[7].addr, 0xa0000u);
  EXPECT_EQ(bp_.e820_table[7].size, 0x60000u);
  EXPECT_EQ(bp_.e820_table[7].type, 2u);
}

TEST_F(PvhTest, IsaRangeWithoutRoomIsReported) {
  opt_.flags |= BOOTPROTO_OPT_ISA_RESERVED;
  std::vector<bootproto_hvm_memmap_table_entry> map;
  for (uint32_t i = 0; i < 128; i++) map.push_back({i * 0x10000ull, 0x1000, 1, 0});
  PutMap(map);
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.e820_entries, 128);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_ISA_RANGE);
}

TEST_F(PvhTest, NoCommandLine) {
  si_.cmdline_paddr = 0;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, 0u);
  EXPECT_EQ(bp_.ext_cmd_line_ptr, 0u);
}

TEST_F(PvhTest, CommandLineOutsideMemory) {
  si_.cmdline_paddr = 0x200000;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_CMDLINE_UNREADABLE);
}

TEST_F(PvhTest, CommandLineIsCopiedIntoTheCallersBuffer) {
  char buf[64];
  std::memset(buf, 'x', sizeof buf);
  opt_.cmdline_buf = buf;
  opt_.cmdline_buf_size = sizeof buf;
  opt_.cmdline_buf_paddr = 0x123456789abcull;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_STREQ(buf, "console=ttyS0");
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, 0x56789abcu);
  EXPECT_EQ(bp_.ext_cmd_line_ptr, 0x1234u);
  EXPECT_EQ(rep_.lost, 0u);
}

// No NUL within the bound: truncated, terminated and reported.
TEST_F(PvhTest, CommandLineWithoutNulWithinBufferIsTruncated) {
  img_.Fill(kCmd, 'a', 0x400);  // no NUL for 1 KiB
  char buf[16];
  opt_.cmdline_buf = buf;
  opt_.cmdline_buf_size = sizeof buf;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(std::string(buf), std::string(15, 'a'));
  EXPECT_EQ(rep_.cmdline_len, 15u);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_CMDLINE_TRUNCATED);
}

TEST_F(PvhTest, CommandLineThatExactlyFitsIsNotTruncated) {
  img_.PutString(kCmd, std::string(15, 'b'));
  char buf[16];
  opt_.cmdline_buf = buf;
  opt_.cmdline_buf_size = sizeof buf;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(std::string(buf), std::string(15, 'b'));
  EXPECT_EQ(rep_.lost, 0u);
}

TEST_F(PvhTest, CommandLineRunningOffMemoryIsTruncated) {
  const uint64_t at = kBase + kSize - 5;
  img_.Fill(at, 'c', 5);
  si_.cmdline_paddr = at;
  char buf[64];
  opt_.cmdline_buf = buf;
  opt_.cmdline_buf_size = sizeof buf;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_STREQ(buf, "ccccc");
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_CMDLINE_TRUNCATED);
}

// Without a buffer the pointer is passed on; the bound is cmdline_max.
TEST_F(PvhTest, CommandLinePointerModeChecksBound) {
  img_.Fill(kCmd, 'a', 100);
  img_.Put<uint8_t>(kCmd + 100, 0);
  opt_.cmdline_max = 101;  // 100 characters and the NUL
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, kCmd);
  EXPECT_EQ(rep_.cmdline_len, 100u);
  EXPECT_EQ(rep_.lost, 0u);
  opt_.cmdline_max = 100;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.cmd_line_ptr, kCmd);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_CMDLINE_TRUNCATED);
}

TEST_F(PvhTest, CommandLinePointerModeDefaultBoundIs2048) {
  img_.Fill(kCmd, 'a', 3000);
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(rep_.cmdline_len, 2047u);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_CMDLINE_TRUNCATED);
}

TEST_F(PvhTest, Module0IsTheRamdisk) {
  si_.nr_modules = 1;
  si_.modlist_paddr = kMods;
  img_.Put(kMods, bootproto_hvm_modlist_entry{0x7fd7000, 0x1234, 0, 0});
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.ramdisk_image, 0x7fd7000u);
  EXPECT_EQ(bp_.hdr.ramdisk_size, 0x1234u);
  EXPECT_EQ(bp_.ext_ramdisk_image, 0u);
  EXPECT_EQ(bp_.ext_ramdisk_size, 0u);
  EXPECT_EQ(rep_.modules, 1u);
  EXPECT_EQ(rep_.lost, 0u);
}

TEST_F(PvhTest, RamdiskAbove4GiBUsesExtFields) {
  si_.nr_modules = 1;
  si_.modlist_paddr = kMods;
  img_.Put(kMods, bootproto_hvm_modlist_entry{0x123456789000ull, 0x200000010ull, 0, 0});
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.ramdisk_image, 0x56789000u);
  EXPECT_EQ(bp_.ext_ramdisk_image, 0x1234u);
  EXPECT_EQ(bp_.hdr.ramdisk_size, 0x10u);
  EXPECT_EQ(bp_.ext_ramdisk_size, 0x2u);
}

TEST_F(PvhTest, ExtraModulesAndModuleCommandLineAreReported) {
  si_.nr_modules = 3;
  si_.modlist_paddr = kMods;
  img_.Put(kMods, bootproto_hvm_modlist_entry{0x200000, 0x1000, kCmd, 0});
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(bp_.hdr.ramdisk_image, 0x200000u);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_MODULES | BOOTPROTO_LOST_MODULE_CMDLINE);
  EXPECT_EQ(rep_.modules, 3u);
}

TEST_F(PvhTest, NrModulesHuge) {
  si_.nr_modules = 0xffffffff;
  si_.modlist_paddr = kMods;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MODULES_COUNT);
  EXPECT_EQ(bp_.hdr.ramdisk_image, 0u);
}

TEST_F(PvhTest, ModlistPaddrOutsideMemory) {
  si_.nr_modules = 1;
  si_.modlist_paddr = 0x7fd7000;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MODLIST_UNREADABLE);
}

TEST_F(PvhTest, ModlistPaddr0) {
  si_.nr_modules = 1;
  si_.modlist_paddr = 0;
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_MODLIST_NULL);
}

TEST_F(PvhTest, RamdiskRangeOverflow) {
  si_.nr_modules = 1;
  si_.modlist_paddr = kMods;
  img_.Put(kMods, bootproto_hvm_modlist_entry{0xfffffffffffff000ull, 0x2000, 0, 0});
  EXPECT_EQ(Convert(), BOOTPROTO_ERR_RAMDISK_RANGE);
}

TEST_F(PvhTest, StartInfoFlagsAreReported) {
  si_.flags = BOOTPROTO_SIF_PRIVILEGED | BOOTPROTO_SIF_INITDOMAIN;
  ASSERT_EQ(Convert(), BOOTPROTO_OK);
  EXPECT_EQ(rep_.lost, BOOTPROTO_LOST_START_INFO_FLAGS);
}

// Structures above 4 GiB (corpus seed): 64-bit addresses survive.
TEST(PvhCapture, StructuresAbove4GiB) {
  bptest::Seed seed("pvh/above_4g.bin");
  ASSERT_TRUE(seed.ok());
  bootproto_mem m = seed.mem();
  bootproto_boot_params bp;
  bootproto_report rep;
  ASSERT_EQ(bootproto_from_pvh(&m, seed.in().ebx, nullptr, &bp, &rep), BOOTPROTO_OK);
  EXPECT_EQ(bp.hdr.hardware_subarch_data, 0x100010000ull);
  EXPECT_EQ(bp.hdr.cmd_line_ptr, 0x10200u);
  EXPECT_EQ(bp.ext_cmd_line_ptr, 1u);
  EXPECT_EQ(bp.e820_entries, 7);
  EXPECT_EQ(rep.lost, BOOTPROTO_LOST_MODULES);
}

// Every seed of the corpus converts with the status it was made for.
TEST(PvhCapture, SeedStatuses) {
  const struct {
    const char* seed;
    bootproto_status want;
    uint32_t lost;
  } cases[] = {
      {"pvh/qemu_pc_v1_copy_isa.bin", BOOTPROTO_OK, 0},
      {"pvh/v0_no_memmap.bin", BOOTPROTO_ERR_MEMMAP_V0, 0},
      {"pvh/v2_129_entries.bin", BOOTPROTO_OK,
       BOOTPROTO_LOST_NEWER_VERSION | BOOTPROTO_LOST_E820_TRUNCATED |
           BOOTPROTO_LOST_CMDLINE_TRUNCATED},
      {"pvh/bad_magic.bin", BOOTPROTO_ERR_BAD_MAGIC, 0},
      {"pvh/entries_ffffffff.bin", BOOTPROTO_ERR_MEMMAP_COUNT, 0},
      {"pvh/overflow_and_empty.bin", BOOTPROTO_ERR_MEMMAP_ENTRY_OVERFLOW,
       BOOTPROTO_LOST_E820_EMPTY},
  };
  for (const auto& c : cases) {
    bptest::Seed seed(c.seed);
    ASSERT_TRUE(seed.ok());
    bootproto_mem m = seed.mem();
    bootproto_boot_params bp;
    bootproto_report rep;
    char buf[64];
    bootproto_options opt = bootproto_options_default(BOOTPROTO_LOADER_QEMU);
    if (seed.in().options & BPTEST_OPT_COPY_CMDLINE) {
      opt.cmdline_buf = buf;
      opt.cmdline_buf_size = sizeof buf;
    }
    if (seed.in().options & BPTEST_OPT_ISA) opt.flags |= BOOTPROTO_OPT_ISA_RESERVED;
    EXPECT_EQ(bootproto_from_pvh(&m, seed.in().ebx, &opt, &bp, &rep), c.want) << c.seed;
    EXPECT_EQ(rep.lost, c.lost) << c.seed;
  }
}

// The accessor is the only way in: a read function that refuses
// everything makes every conversion fail cleanly.
TEST_F(PvhTest, ReadsOnlyThroughTheAccessor) {
  img_.Put(kSi, si_);
  struct Counting {
    bootproto_mem mem;
    int calls;
  } c;
  c.mem = img_.mem();
  c.calls = 0;
  c.mem.read = [](const bootproto_mem* m, uint64_t, void*, size_t) -> int {
    reinterpret_cast<Counting*>(const_cast<bootproto_mem*>(m))->calls++;
    return -1;
  };
  EXPECT_EQ(bootproto_from_pvh(&c.mem, kSi, &opt_, &bp_, &rep_),
            BOOTPROTO_ERR_INFO_UNREADABLE);
  EXPECT_EQ(c.calls, 1);
}

TEST(XenProbe, TellsPvhFromPvFromNothing) {
  Image img(0x1000, 0x1000);
  img.Put<uint32_t>(0x1000, BOOTPROTO_XEN_HVM_START_MAGIC);
  img.PutString(0x1100, "xen-3.0-x86_64");
  img.PutString(0x1200, "xen-4.0-x86_64");
  bootproto_mem m = img.mem();
  EXPECT_EQ(bootproto_xen_probe(&m, 0x1000), BOOTPROTO_XEN_KIND_PVH);
  EXPECT_EQ(bootproto_xen_probe(&m, 0x1100), BOOTPROTO_XEN_KIND_PV);
  EXPECT_EQ(bootproto_xen_probe(&m, 0x1200), BOOTPROTO_XEN_KIND_UNKNOWN);
  EXPECT_EQ(bootproto_xen_probe(&m, 0x1ffe), BOOTPROTO_XEN_KIND_UNKNOWN);  // unreadable
  EXPECT_EQ(bootproto_xen_probe(&m, 0), BOOTPROTO_XEN_KIND_UNKNOWN);
}

TEST(Strerror, EveryStatusHasItsOwnMessage) {
  std::vector<std::string> seen;
  for (int s = 0; s < BOOTPROTO_STATUS_COUNT; s++) {
    const char* msg = bootproto_strerror(static_cast<bootproto_status>(s));
    ASSERT_NE(msg, nullptr);
    EXPECT_STRNE(msg, "unknown status") << s;
    for (const auto& other : seen) EXPECT_NE(other, msg) << s;
    seen.push_back(msg);
  }
  EXPECT_STREQ(bootproto_strerror(BOOTPROTO_STATUS_COUNT), "unknown status");
  EXPECT_STREQ(bootproto_strerror(static_cast<bootproto_status>(-1)), "unknown status");
}

TEST(LostStr, EveryBitHasItsOwnName) {
  std::vector<std::string> seen;
  for (int b = 0; b < BOOTPROTO_LOST_COUNT; b++) {
    const char* name = bootproto_lost_str(1u << b);
    ASSERT_NE(name, nullptr) << b;
    for (const auto& other : seen) EXPECT_NE(other, name) << b;
    seen.push_back(name);
  }
  EXPECT_EQ(bootproto_lost_str(1u << BOOTPROTO_LOST_COUNT), nullptr);
  EXPECT_EQ(bootproto_lost_str(3), nullptr);
  EXPECT_EQ(bootproto_lost_str(0), nullptr);
}

}  // namespace
