// tests/bootproto/mem_test.cc: the bounded accessor (bootproto/mem.h).
#include "bootproto/mem.h"

#include <cstdint>
#include <cstring>

#include "gtest/gtest.h"

namespace {

class BufferTest : public ::testing::Test {
 protected:
  BufferTest() {
    for (size_t i = 0; i < sizeof buf_; i++) buf_[i] = static_cast<uint8_t>(i);
    m_ = bootproto_mem_buffer(buf_, 0x1000, sizeof buf_);
  }
  uint8_t buf_[256];
  bootproto_mem m_;
};

TEST_F(BufferTest, ReadsInside) {
  uint8_t out[4] = {};
  ASSERT_EQ(bootproto_mem_read(&m_, 0x1010, out, 4), 0);
  EXPECT_EQ(out[0], 0x10);
  EXPECT_EQ(out[3], 0x13);
}

TEST_F(BufferTest, ReadsTheLastByteButNotOnePast) {
  uint8_t out[2] = {};
  EXPECT_EQ(bootproto_mem_read(&m_, 0x10ff, out, 1), 0);
  EXPECT_EQ(out[0], 0xff);
  EXPECT_EQ(bootproto_mem_read(&m_, 0x10ff, out, 2), -1);
  EXPECT_EQ(bootproto_mem_read(&m_, 0x1100, out, 1), -1);
  EXPECT_EQ(bootproto_mem_read(&m_, 0x1000, out, 0), 0);
  EXPECT_EQ(bootproto_mem_read(&m_, 0x1100, out, 0), 0);  // empty range at the end
  EXPECT_EQ(bootproto_mem_read(&m_, 0x1101, out, 0), -1);
}

TEST_F(BufferTest, RefusesBelowTheWindow) {
  uint8_t out;
  EXPECT_EQ(bootproto_mem_read(&m_, 0xfff, &out, 1), -1);
  EXPECT_EQ(bootproto_mem_read(&m_, 0xfff, &out, 2), -1);  // straddles the start
}

TEST_F(BufferTest, OverflowingRangesAreRefused) {
  uint8_t out[16];
  EXPECT_EQ(bootproto_mem_read(&m_, UINT64_MAX, out, 2), -1);
  EXPECT_EQ(bootproto_mem_read(&m_, 0x1010, out, SIZE_MAX), -1);
  bootproto_mem top = bootproto_mem_buffer(buf_, UINT64_MAX - 15, 256);
  EXPECT_EQ(top.size, 15u);  // cut at 2^64 - 1
  EXPECT_EQ(bootproto_mem_read(&top, UINT64_MAX - 15, out, 15), 0);
  EXPECT_EQ(bootproto_mem_read(&top, UINT64_MAX - 15, out, 16), -1);
}

TEST_F(BufferTest, NullMemOrReadIsRefused) {
  uint8_t out;
  EXPECT_EQ(bootproto_mem_read(nullptr, 0x1000, &out, 1), -1);
  bootproto_mem noread = m_;
  noread.read = nullptr;
  EXPECT_EQ(bootproto_mem_read(&noread, 0x1000, &out, 1), -1);
  EXPECT_EQ(bootproto_mem_read(&m_, 0x1000, nullptr, 1), -1);
  bootproto_mem nullbuf = bootproto_mem_buffer(nullptr, 0x1000, 100);
  EXPECT_EQ(nullbuf.size, 0u);
  EXPECT_EQ(bootproto_mem_read(&nullbuf, 0x1000, &out, 1), -1);
}

TEST_F(BufferTest, ContainsIsOverflowSafe) {
  EXPECT_TRUE(bootproto_mem_contains(&m_, 0x1000, 256));
  EXPECT_FALSE(bootproto_mem_contains(&m_, 0x1000, 257));
  EXPECT_FALSE(bootproto_mem_contains(&m_, 0x1001, UINT64_MAX));
  EXPECT_FALSE(bootproto_mem_contains(&m_, UINT64_MAX, 1));
}

// Identity map: physical address p is read at virtual address p. A local
// array's own address stands for "physical memory".
TEST(Identity, ReadsAtTheSameAddress) {
  static const char data[] = "identity";
  const uint64_t lo = reinterpret_cast<uintptr_t>(data);
  bootproto_mem m = bootproto_mem_identity(lo, lo + sizeof data);
  char out[sizeof data] = {};
  ASSERT_EQ(bootproto_mem_read(&m, lo, out, sizeof data), 0);
  EXPECT_STREQ(out, "identity");
  EXPECT_EQ(bootproto_mem_read(&m, lo + 1, out, sizeof data), -1);
  EXPECT_EQ(bootproto_mem_read(&m, lo - 1, out, 1), -1);
}

TEST(Identity, EmptyWhenHiIsNotAboveLo) {
  bootproto_mem m = bootproto_mem_identity(0x2000, 0x1000);
  EXPECT_EQ(m.size, 0u);
  char out;
  EXPECT_EQ(bootproto_mem_read(&m, 0x1800, &out, 1), -1);
}

TEST(Identity, FromAddressZero) {
  bootproto_mem m = bootproto_mem_identity(0, 1ull << 32);
  EXPECT_EQ(m.paddr, 0u);
  EXPECT_EQ(m.size, 1ull << 32);
  EXPECT_TRUE(bootproto_mem_contains(&m, 0x9000, 0x100));
  EXPECT_FALSE(bootproto_mem_contains(&m, 0xffffffff, 2));
}

// A custom accessor: only the read function is called.
TEST(Custom, ReadFunctionIsUsed) {
  bootproto_mem m{};
  m.read = [](const bootproto_mem*, uint64_t paddr, void* dst, size_t len) -> int {
    if (paddr != 42 || len != 1) return 7;  // any non-zero means refused
    *static_cast<uint8_t*>(dst) = 0x5a;
    return 0;
  };
  uint8_t out = 0;
  EXPECT_EQ(bootproto_mem_read(&m, 42, &out, 1), 0);
  EXPECT_EQ(out, 0x5a);
  EXPECT_EQ(bootproto_mem_read(&m, 43, &out, 1), -1);
}

TEST(Helpers, CopyAndZero) {
  uint8_t a[5] = {1, 2, 3, 4, 5}, b[5] = {};
  bootproto_copy(b, a, 5);
  EXPECT_EQ(std::memcmp(a, b, 5), 0);
  bootproto_zero(a + 1, 3);
  const uint8_t want[5] = {1, 0, 0, 0, 5};
  EXPECT_EQ(std::memcmp(a, want, 5), 0);
}

}  // namespace
