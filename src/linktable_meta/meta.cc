#include "src/linktable_meta/meta.h"

#include <cstdio>
#include <cstring>

#include "linktable/linktable.h"

namespace linktable_meta {

namespace {

constexpr size_t kHeaderSize = 40;
// The note kind: earlyinit/phase_record.h emits it (as LINKTABLE_META_KIND_NOTE).
constexpr uint16_t kKindNote = static_cast<uint16_t>(Kind::kNote);

uint16_t Le16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
uint32_t Le32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 |
         static_cast<uint32_t>(p[2]) << 16 | static_cast<uint32_t>(p[3]) << 24;
}
uint64_t Le64(const uint8_t* p) {
  return static_cast<uint64_t>(Le32(p)) | static_cast<uint64_t>(Le32(p + 4)) << 32;
}

std::string Hex(size_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "0x%zx", v);
  return buf;
}

AttrList::Attr SplitAttr(std::string_view s) {
  const size_t eq = s.find('=');
  return {s.substr(0, eq), s.substr(eq + 1)};
}

// The fixed header of the record at `off`; "" or the error.
std::string ReadHeader(const uint8_t* data, size_t size, size_t off, RecordView* r) {
  const uint8_t* p = data + off;
  if (Le32(p) != LINKTABLE_META_MAGIC) return "bad record magic at offset " + Hex(off);
  const uint16_t version = Le16(p + 4);
  if (version != LINKTABLE_META_VERSION)
    return "unknown record version " + std::to_string(version) + " at offset " + Hex(off) +
           " (this reader knows version " + std::to_string(LINKTABLE_META_VERSION) + ")";
  const uint16_t kind = Le16(p + 6);
  if (kind != LINKTABLE_META_KIND_TABLE && kind != LINKTABLE_META_KIND_ENTRY && kind != kKindNote)
    return "unknown record kind " + std::to_string(kind) + " at offset " + Hex(off);
  r->offset = off;
  r->kind = static_cast<Kind>(kind);
  const uint32_t rsize = Le32(p + 8);
  if (rsize < kHeaderSize || rsize % 8 != 0 || rsize > size - off)
    return "record size " + std::to_string(rsize) + " at offset " + Hex(off) +
           " is not a multiple of 8 within the section";
  r->line = Le32(p + 12);
  r->addr = Le64(p + 16);
  r->addr2 = Le64(p + 24);
  r->entry_size = Le32(p + 32);
  r->key_width = Le32(p + 36);
  return "";
}

// Strings: table, key, name, file, then "k=v" attributes up to "". Read in
// place. "" or the error.
std::string ReadStrings(const uint8_t* data, size_t off, size_t end, RecordView* r) {
  size_t s = off + kHeaderSize;
  std::string_view* const fixed[4] = {&r->table, &r->key, &r->name, &r->file};
  const char* attrs = nullptr;
  size_t n = 0;
  while (s < end) {
    const char* str = reinterpret_cast<const char*>(data + s);
    const void* nul = memchr(str, 0, end - s);
    if (!nul) break;
    const size_t len = static_cast<size_t>(static_cast<const char*>(nul) - str);
    s += len + 1;
    if (n < 4) {
      *fixed[n++] = std::string_view(str, len);
      attrs = str + len + 1;
      continue;
    }
    if (len == 0) {
      r->attrs = AttrList(attrs, str);
      return "";
    }
    const void* eq = memchr(str, '=', len);
    if (!eq || eq == str)
      return "attribute \"" + std::string(str, len) + "\" is not key=value in record at offset " + Hex(off);
  }
  return "unterminated strings in record at offset " + Hex(off);
}

// The record at `off` of `rsize` bytes, its header read; "" or the error.
std::string ReadRecord(const uint8_t* data, size_t off, size_t rsize, RecordView* r) {
  std::string error = ReadStrings(data, off, off + rsize, r);
  if (!error.empty()) return error;
  if (r->table.empty() || r->name.empty()) return "record at offset " + Hex(off) + " has no table or name";
  if (r->kind == Kind::kEntry && r->key.size() != r->key_width)
    return "key \"" + std::string(r->key) + "\" of entry " + std::string(r->table) + "." + std::string(r->name) +
           " does not have the declared width " + std::to_string(r->key_width);
  return "";
}

// Records are 8-aligned; the assembler pads between them with zeros.
bool AllZero(const uint8_t* data, size_t from, size_t size) {
  for (size_t i = from; i < size; ++i)
    if (data[i] != 0) return false;
  return true;
}

}  // namespace

AttrList::Attr AttrList::Iterator::operator*() const { return SplitAttr(std::string_view(p_)); }

AttrList::Iterator& AttrList::Iterator::operator++() {
  p_ += strlen(p_) + 1;
  return *this;
}

std::string_view RecordView::Attr(std::string_view k) const {
  for (const auto& a : attrs)
    if (a.first == k) return a.second;
  return std::string_view();
}

bool RecordView::HasAttr(std::string_view k) const {
  for (const auto& a : attrs)
    if (a.first == k) return true;
  return false;
}

ViewParseResult ParseViews(const uint8_t* data, size_t size) {
  ViewParseResult result;
  result.records.reserve(size / 192);  // a typical record is 100-250 bytes
  size_t off = 0;
  while (off < size) {
    if (size - off < kHeaderSize) {
      if (!AllZero(data, off, size)) result.error = "truncated record header at offset " + Hex(off);
      return result;
    }
    RecordView r;
    result.error = ReadHeader(data, size, off, &r);
    if (result.error.empty()) result.error = ReadRecord(data, off, Le32(data + off + 8), &r);
    if (!result.error.empty()) return result;
    result.records.push_back(r);
    off += Le32(data + off + 8);
  }
  return result;
}

}  // namespace linktable_meta
