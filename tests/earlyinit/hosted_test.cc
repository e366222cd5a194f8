// The hosted mini kernel's chains: parity, the two steps Linux's Xen entry
// missed, order, which implementation runs where, and subarch detection
// from boot_params, good and bad.
#include <cstring>

#include "earlyinit/x86.h"  // first: the x86 subarchs, then the core

#include "bootproto/boot_params.h"
#include "bootproto/mem.h"
#include "bootproto/xen.h"
#include "earlyinit/testing.h"
#include "examples/hosted/steps.h"

namespace {

using earlyinit::testing::ChainContains;
using earlyinit::testing::ChainOrderIs;
using earlyinit::testing::Recorder;

TEST(HostedChains, EveryEnabledSubarchIsThere) {
  EXPECT_EQ(earlyinit::testing::EnabledSubarchs(), (std::vector<unsigned>{0, 1, 2, 3, 4, 5}));
}

TEST(HostedChains, Parity) { EXPECT_TRUE(earlyinit::testing::ChainsHaveParity()); }

class EachSubarch : public earlyinit::testing::SubarchTest {};

TEST_P(EachSubarch, HasCr4ShadowAndKasan) {
  EXPECT_TRUE(ChainContains(GetParam(), "cr4_shadow"));
  EXPECT_TRUE(ChainContains(GetParam(), "kasan_early"));
}

TEST_P(EachSubarch, RunsWhatTheTablesSay) {
  Recorder rec;
  bootproto_boot_params bp;
  std::memset(&bp, 0, sizeof bp);
  bp.hdr.hardware_subarch_data = 0x1000;  // pvh_start_info checks it is set
  earlyinit_summary s = earlyinit::testing::RunAllPhases(GetParam(), &rec, &bp);
  EXPECT_EQ(s.failed, 0u);
  EXPECT_EQ(s.skipped, 0u);
  EXPECT_EQ(s.stopped, 0u) << (rec.fatals.empty() ? "" : rec.fatals[0]);
  EXPECT_EQ(rec.Ran(), earlyinit::testing::ChainSteps(GetParam()));
  EXPECT_EQ(mini_kernel.kasan_shadow_ready, 1);
}

EARLYINIT_INSTANTIATE_FOR_EACH_SUBARCH(EachSubarch);

TEST(HostedChains, OrderFollowsLevelOrderThenName) {
  EXPECT_TRUE(ChainOrderIs(EARLYINIT_SUBARCH_ID_xen_pvh, EARLYINIT_PHASE_early,
                           {"pvh_start_info", "cr4_shadow", "kasan_early", "early_idt"}));
  EXPECT_TRUE(ChainOrderIs(EARLYINIT_SUBARCH_ID_pc, EARLYINIT_PHASE_early,
                           {"cr4_shadow", "kasan_early", "early_idt"}));
  EXPECT_TRUE(ChainOrderIs(EARLYINIT_SUBARCH_ID_pc, EARLYINIT_PHASE_setup_arch,
                           {"cmdline", "bios_ebda", "e820"}));
  EXPECT_TRUE(ChainOrderIs(EARLYINIT_SUBARCH_ID_xen_pv, EARLYINIT_PHASE_setup_arch,
                           {"cmdline", "e820"}));
}

TEST(HostedChains, ExemptionsAreWhereDeclared) {
  EXPECT_FALSE(ChainContains(EARLYINIT_SUBARCH_ID_pc, "pvh_start_info"));
  EXPECT_TRUE(ChainContains(EARLYINIT_SUBARCH_ID_xen_pvh, "pvh_start_info"));
  EXPECT_FALSE(ChainContains(EARLYINIT_SUBARCH_ID_xen_pv, "bios_ebda"));
}

TEST(HostedChains, XenPvRunsItsOwnCr4Implementation) {
  Recorder rec;
  earlyinit::testing::RunAllPhases(EARLYINIT_SUBARCH_ID_xen_pv, &rec);
  EXPECT_EQ(mini_kernel.cr4_shadow, 0x2660ul);
  earlyinit::testing::RunAllPhases(EARLYINIT_SUBARCH_ID_pc, &rec);
  EXPECT_EQ(mini_kernel.cr4_shadow, 0x6f0ul);
}

// Subarch detection from boot_params through a bounded accessor.
class Detect : public ::testing::Test {
 protected:
  void SetUp() override {
    std::memset(&bp_, 0, sizeof bp_);
    std::memset(mem_, 0, sizeof mem_);
    bp_.hdr.version = 0x020c;
    m_ = bootproto_mem_buffer(mem_, kBase, sizeof mem_);
  }
  // Runs the early phase; returns the subarch that ran, or -1.
  int Run() {
    rec_.Reset();
    earlyinit_state st;
    earlyinit_state_init(&st);
    earlyinit_summary s = earlyinit_x86_run(EARLYINIT_PHASE_early, &bp_, &m_, rec_.hooks(), &st);
    if (s.stopped && rec_.events.empty()) return -1;
    return rec_.events.empty() ? -2 : static_cast<int>(rec_.events[0].subarch);
  }
  static constexpr uint64_t kBase = 0x200000;
  bootproto_boot_params bp_;
  alignas(8) unsigned char mem_[512];
  bootproto_mem m_;
  Recorder rec_;
};

TEST_F(Detect, PcByDefault) { EXPECT_EQ(Run(), EARLYINIT_SUBARCH_ID_pc); }

TEST_F(Detect, Subarch5IsUnknownAndNamed) {
  bp_.hdr.hardware_subarch = 5;
  EXPECT_EQ(Run(), -1);
  ASSERT_EQ(rec_.fatals.size(), 1u);
  EXPECT_EQ(rec_.fatals[0], "earlyinit: unknown hardware_subarch 5 (0x5)");
}

TEST_F(Detect, SubarchAllOnesIsUnknownAndNamed) {
  bp_.hdr.hardware_subarch = 0xffffffffu;
  EXPECT_EQ(Run(), -1);
  ASSERT_EQ(rec_.fatals.size(), 1u);
  EXPECT_EQ(rec_.fatals[0], "earlyinit: unknown hardware_subarch 4294967295 (0xffffffff)");
}

TEST_F(Detect, OldProtocolIgnoresSubarch) {
  bp_.hdr.version = 0x0206;
  bp_.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
  EXPECT_EQ(Run(), EARLYINIT_SUBARCH_ID_pc);
  EXPECT_TRUE(rec_.fatals.empty());
}

TEST_F(Detect, XenWithoutSubarchData) {
  bp_.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
  EXPECT_EQ(Run(), -1);
  ASSERT_EQ(rec_.fatals.size(), 1u);
  EXPECT_EQ(rec_.fatals[0],
            "earlyinit: hardware_subarch is Xen (2) but hardware_subarch_data is 0");
}

TEST_F(Detect, XenDataOutsideMemory) {
  bp_.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
  bp_.hdr.hardware_subarch_data = 0xdead0000;
  EXPECT_EQ(Run(), -1);
  ASSERT_EQ(rec_.fatals.size(), 1u);
  EXPECT_EQ(rec_.fatals[0], "earlyinit: hardware_subarch_data 0xdead0000 is outside readable memory");
}

TEST_F(Detect, XenDataStraddlingTheEndOfMemory) {
  bp_.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
  bp_.hdr.hardware_subarch_data = kBase + sizeof mem_ - 2;
  EXPECT_EQ(Run(), -1);
  ASSERT_EQ(rec_.fatals.size(), 1u);
  EXPECT_NE(rec_.fatals[0].find("outside readable memory"), std::string::npos);
}

TEST_F(Detect, XenDataPointingAtGarbage) {
  bp_.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
  bp_.hdr.hardware_subarch_data = kBase + 64;
  std::memcpy(mem_ + 64, "\x11\x22\x33\x44garbage", 11);
  EXPECT_EQ(Run(), -1);
  ASSERT_EQ(rec_.fatals.size(), 1u);
  EXPECT_EQ(rec_.fatals[0],
            "earlyinit: unknown magic 0x44332211 at hardware_subarch_data 0x200040 (neither "
            "hvm_start_info nor Xen PV start_info)");
}

TEST_F(Detect, XenDataPointingAtPvStartInfo) {
  bp_.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
  bp_.hdr.hardware_subarch_data = kBase + 128;
  std::memcpy(mem_ + 128, "xen-3.0-x86_64", 15);
  EXPECT_EQ(Run(), EARLYINIT_SUBARCH_ID_xen_pv);
  EXPECT_TRUE(rec_.fatals.empty());
}

TEST_F(Detect, XenDataPointingAtHvmStartInfo) {
  bp_.hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
  bp_.hdr.hardware_subarch_data = kBase + 256;
  const uint32_t magic = BOOTPROTO_XEN_HVM_START_MAGIC;
  std::memcpy(mem_ + 256, &magic, 4);
  EXPECT_EQ(Run(), EARLYINIT_SUBARCH_ID_xen_pvh);
  EXPECT_TRUE(rec_.fatals.empty());
}

TEST_F(Detect, EachLinuxValueMapsToItsSubarch) {
  for (uint32_t v : {0u, 1u, 3u, 4u}) {
    bp_.hdr.hardware_subarch = v;
    EXPECT_EQ(Run(), static_cast<int>(v)) << v;
  }
}

}  // namespace
