// tests/bootproto/image.h: a buffer that stands for physical memory, with
// helpers to lay out loader structures in it (little-endian, as on x86).
#ifndef EARLYINIT_TESTS_BOOTPROTO_IMAGE_H
#define EARLYINIT_TESTS_BOOTPROTO_IMAGE_H

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "bootproto/mem.h"
#include "gtest/gtest.h"

namespace bptest {

class Image {
 public:
  Image(uint64_t base, size_t size) : base_(base), bytes_(size, 0) {}

  uint64_t base() const { return base_; }
  uint64_t end() const { return base_ + bytes_.size(); }
  size_t size() const { return bytes_.size(); }
  bootproto_mem mem() const {
    return bootproto_mem_buffer(bytes_.data(), base_, bytes_.size());
  }
  uint8_t* at(uint64_t paddr) {
    EXPECT_GE(paddr, base_);
    EXPECT_LT(paddr - base_, bytes_.size());
    return &bytes_[paddr - base_];
  }
  template <typename T>
  void Put(uint64_t paddr, const T& value) {
    EXPECT_LE(paddr - base_ + sizeof(T), bytes_.size());
    std::memcpy(at(paddr), &value, sizeof(T));
  }
  void PutBytes(uint64_t paddr, const void* data, size_t n) {
    EXPECT_LE(paddr - base_ + n, bytes_.size());
    std::memcpy(at(paddr), data, n);
  }
  // Writes s and its NUL.
  void PutString(uint64_t paddr, const std::string& s) {
    PutBytes(paddr, s.c_str(), s.size() + 1);
  }
  void Fill(uint64_t paddr, uint8_t byte, size_t n) {
    EXPECT_LE(paddr - base_ + n, bytes_.size());
    std::memset(at(paddr), byte, n);
  }
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  uint64_t base_;
  std::vector<uint8_t> bytes_;
};

}  // namespace bptest

#endif  // EARLYINIT_TESTS_BOOTPROTO_IMAGE_H
