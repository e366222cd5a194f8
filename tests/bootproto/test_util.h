// tests/bootproto/test_util.h: shared helpers of the bootproto tests.
#ifndef EARLYINIT_TESTS_BOOTPROTO_TEST_UTIL_H
#define EARLYINIT_TESTS_BOOTPROTO_TEST_UTIL_H

#include <cstdint>
#include <cstring>
#include <string>

#include "bootproto/bootproto.h"
#include "gtest/gtest.h"
#include "tests/bootproto/fuzz/records.h"
#include "tests/support/process.h"

namespace bptest {

// A seed of tests/bootproto/corpus, parsed (records.h).
class Seed {
 public:
  explicit Seed(const std::string& relpath) {
    data_ = testsupport::ReadFile(testsupport::SourceRoot() +
                                  "/tests/bootproto/corpus/" + relpath);
    ok_ = bptest_input_parse(reinterpret_cast<const uint8_t*>(data_.data()),
                             data_.size(), &in_) == 0;
    EXPECT_TRUE(ok_) << relpath << " is not a valid records file";
  }
  ~Seed() {
    if (ok_) bptest_input_free(&in_);
  }
  Seed(const Seed&) = delete;
  Seed& operator=(const Seed&) = delete;
  bool ok() const { return ok_; }
  const bptest_input& in() const { return in_; }
  bootproto_mem mem() const {
    return bootproto_mem_buffer(in_.image, in_.base, in_.size);
  }

 private:
  std::string data_;
  bptest_input in_{};
  bool ok_ = false;
};

// A zero page filled with a pattern, to see that converters zero it.
inline void Poison(bootproto_boot_params* bp) { std::memset(bp, 0xa5, sizeof *bp); }

// The header fields every successful conversion writes.
inline void SetCommonHeader(bootproto_boot_params* bp, uint8_t loader) {
  bp->hdr.boot_flag = BOOTPROTO_BOOT_FLAG;
  bp->hdr.header = BOOTPROTO_HDRS_MAGIC;
  bp->hdr.version = BOOTPROTO_PROTOCOL_VERSION;
  bp->hdr.type_of_loader = loader;
}

// Compares two zero pages byte by byte and names the first differing offset.
inline ::testing::AssertionResult SameZeroPage(const bootproto_boot_params& a,
                                               const bootproto_boot_params& b) {
  const auto* x = reinterpret_cast<const uint8_t*>(&a);
  const auto* y = reinterpret_cast<const uint8_t*>(&b);
  for (size_t i = 0; i < sizeof a; i++) {
    if (x[i] != y[i]) {
      return ::testing::AssertionFailure()
             << "zero pages differ first at offset 0x" << std::hex << i << ": 0x"
             << int(x[i]) << " vs 0x" << int(y[i]);
    }
  }
  return ::testing::AssertionSuccess();
}

inline void AddE820(bootproto_boot_params* bp, uint64_t addr, uint64_t size,
                    uint32_t type) {
  auto& e = bp->e820_table[bp->e820_entries++];
  e.addr = addr;
  e.size = size;
  e.type = type;
}

}  // namespace bptest

#endif  // EARLYINIT_TESTS_BOOTPROTO_TEST_UTIL_H
