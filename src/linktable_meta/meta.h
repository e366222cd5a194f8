// linktable_meta: reads the records that linker-table entries leave in the
// non-allocated section .linktable_meta (format: docs/linktable-metadata.md).
// Hosted C++; used by earlyinit-audit and by tests.
#ifndef LINKTABLE_META_META_H
#define LINKTABLE_META_META_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace linktable_meta {

enum class Kind : uint16_t { kTable = 1, kEntry = 2 };

struct Record {
  size_t offset = 0;        // where the record starts in the section
  Kind kind = Kind::kEntry;
  uint32_t line = 0;
  uint64_t addr = 0;        // entry: the entry; table: the begin marker
  uint64_t addr2 = 0;       // table: the end marker; entry: 0
  uint32_t entry_size = 0;  // bytes per entry
  uint32_t key_width = 0;
  std::string table, key, name, file;
  std::vector<std::pair<std::string, std::string>> attrs;  // in order

  // The value of attribute `k`, or "" when absent.
  const std::string& Attr(const std::string& k) const;
  bool HasAttr(const std::string& k) const;
};

struct ParseResult {
  std::vector<Record> records;
  std::string error;  // empty when the whole section parsed
  bool ok() const { return error.empty(); }
};

// Parses a whole .linktable_meta section. Never reads outside [data,
// data+size); on malformed input returns the records before the fault and an
// error that says what is wrong and at which offset.
ParseResult Parse(const uint8_t* data, size_t size);

}  // namespace linktable_meta

#endif  // LINKTABLE_META_META_H
