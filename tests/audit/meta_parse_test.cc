// linktable_meta::ParseViews against a plain reference reader, on many
// random records: strings of every length across the reader's eight-byte
// steps, '=' anywhere (first, last, after the end of its string), strings
// that run off the record. The fixture binaries' records are in the goldens.
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "linktable/names.h"
#include "src/linktable_meta/meta.h"

namespace {

// The reference: one byte at a time, as the format says
// (docs/linktable-metadata.md). "" or "error".
std::string Reference(const std::string& strings, std::vector<std::string>* out) {
  size_t s = 0;
  while (true) {
    const size_t nul = strings.find('\0', s);
    if (nul == std::string::npos) return "error";
    const std::string str = strings.substr(s, nul - s);
    s = nul + 1;
    if (out->size() < 4) {
      out->push_back(str);
      continue;
    }
    if (str.empty()) return "";
    const size_t eq = str.find('=');
    if (eq == std::string::npos || eq == 0) return "error";
    out->push_back(str);
  }
}

std::vector<uint8_t> TableRecord(const std::string& strings) {
  const size_t size = (40 + strings.size() + 7) / 8 * 8;
  std::vector<uint8_t> r(size, 0);
  auto put = [&](size_t at, uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) r[at + i] = static_cast<uint8_t>(v >> (8 * i));
  };
  put(0, LINKTABLE_META_MAGIC, 4);
  put(4, LINKTABLE_META_VERSION, 2);
  put(6, LINKTABLE_META_KIND_TABLE, 2);
  put(8, size, 4);
  memcpy(r.data() + 40, strings.data(), strings.size());
  // Padding is zeros, so a record without its final "" ends in one unless
  // the strings fill it: fill it with 'x' to test strings that run off.
  for (size_t i = 40 + strings.size(); i < size; ++i) r[i] = 'x';
  return r;
}

TEST(MetaParse, AgreesWithAPlainReaderOnRandomRecords) {
  std::mt19937 rng(20261127);
  const char alphabet[] = {'a', 'b', 'a', '=', '\0', '\0', 'c'};
  int ok = 0, bad = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string strings(rng() % 90, 'a');
    for (char& c : strings) c = alphabet[rng() % sizeof alphabet];
    if (rng() % 2) strings = "t\0k\0n\0f\0" + strings;  // more records get past the fixed four
    if (round % 3 == 0) strings += std::string("\0", 1);
    std::vector<std::string> want;
    const std::string want_error = Reference(strings + std::string((8 - (40 + strings.size()) % 8) % 8, 'x'), &want);
    const auto bytes = TableRecord(strings);
    const auto got = linktable_meta::ParseViews(bytes.data(), bytes.size());
    if (want_error == "" && !want[0].empty() && !want[2].empty()) {  // a table and a name
      ASSERT_TRUE(got.ok()) << round << ": " << got.error;
      ASSERT_EQ(got.records.size(), 1u);
      const auto& r = got.records[0];
      std::vector<std::string> have = {std::string(r.table), std::string(r.key), std::string(r.name),
                                       std::string(r.file)};
      for (const auto& a : r.attrs) have.push_back(std::string(a.first) + "=" + std::string(a.second));
      ASSERT_EQ(have, want) << round;
      ++ok;
    } else {
      ASSERT_FALSE(got.ok()) << round;
      ++bad;
    }
  }
  EXPECT_GT(ok, 1000) << "the random records reach the attributes";
  EXPECT_GT(bad, 1000);
}

TEST(MetaParse, TheErrorsSayWhat) {
  auto error = [](const std::string& strings) {
    const auto bytes = TableRecord(strings);
    return linktable_meta::ParseViews(bytes.data(), bytes.size()).error;
  };
  EXPECT_EQ(error(std::string("t\0k\0n\0f\0a=1\0\0", 14)), "");
  EXPECT_EQ(error(std::string("t\0k\0n\0f\0=1\0\0", 12)),
            "attribute \"=1\" is not key=value in record at offset 0x0");
  EXPECT_EQ(error(std::string("t\0k\0n\0f\0abcdefghijk\0=\0", 22)),
            "attribute \"abcdefghijk\" is not key=value in record at offset 0x0")
      << "the '=' after the end of a string is not its";
  EXPECT_EQ(error(std::string("t\0k\0n\0f\0a=1", 11)), "unterminated strings in record at offset 0x0");
}

}  // namespace
