// linktable_meta: reads the records that linker-table entries leave in the
// non-allocated section .linktable_meta (format: docs/linktable-metadata.md).
// Hosted C++; used by earlyinit-audit and by tests.
//
// Records' strings are views into the section's bytes: no allocation per
// record (earlyinit-audit reads 100,000 of them).
#ifndef LINKTABLE_META_META_H
#define LINKTABLE_META_META_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace linktable_meta {

// kNote: a fact with no bytes at run time (earlyinit's phase list); its
// addresses, entry size and key width are 0.
enum class Kind : uint16_t { kTable = 1, kEntry = 2, kNote = 3 };

// The "k=v" attributes of a record, in order, read in place from the
// record's bytes (checked by the parser: each is a NUL-terminated "k=v",
// the list ends with an empty string).
class AttrList {
 public:
  using Attr = std::pair<std::string_view, std::string_view>;
  class Iterator {
   public:
    explicit Iterator(const char* p) : p_(p) {}
    Attr operator*() const;
    Iterator& operator++();
    bool operator!=(const Iterator& o) const { return p_ != o.p_; }

   private:
    const char* p_;  // at an attribute; at the terminating "" when done
  };
  AttrList() = default;
  AttrList(const char* begin, const char* end) : begin_(begin), end_(end) {}
  Iterator begin() const { return Iterator(begin_); }
  Iterator end() const { return Iterator(end_); }
  // The attributes' bytes: "k=v\0" strings, each with its '=' (checked).
  std::string_view bytes() const { return std::string_view(begin_, static_cast<size_t>(end_ - begin_)); }

 private:
  const char* begin_ = nullptr;
  const char* end_ = nullptr;
};

// A record whose strings point into the parsed bytes (valid while they are).
struct RecordView {
  size_t offset = 0;        // where the record starts in the section
  Kind kind = Kind::kEntry;
  uint32_t line = 0;
  uint64_t addr = 0;        // entry: the entry; table: the begin marker
  uint64_t addr2 = 0;       // table: the end marker; entry: 0
  uint32_t entry_size = 0;  // bytes per entry
  uint32_t key_width = 0;
  std::string_view table, key, name, file;
  AttrList attrs;           // in order

  // The value of the first attribute `k`, or "" when absent.
  std::string_view Attr(std::string_view k) const;
  bool HasAttr(std::string_view k) const;
};

struct ViewParseResult {
  std::vector<RecordView> records;
  std::string error;  // empty when the whole section parsed
  bool ok() const { return error.empty(); }
};

// Parses a whole .linktable_meta section. Never reads outside [data,
// data+size); on malformed input returns the records before the fault and an
// error that says what is wrong and at which offset.
ViewParseResult ParseViews(const uint8_t* data, size_t size);

}  // namespace linktable_meta

#endif  // LINKTABLE_META_META_H
