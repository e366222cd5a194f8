#include "src/linktable_meta/meta.h"

#include <cstdio>
#include <cstring>

#include "linktable/linktable.h"

namespace linktable_meta {

namespace {

constexpr size_t kHeaderSize = 40;

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

}  // namespace

const std::string& Record::Attr(const std::string& k) const {
  static const std::string kAbsent;
  for (const auto& a : attrs)
    if (a.first == k) return a.second;
  return kAbsent;
}

bool Record::HasAttr(const std::string& k) const {
  for (const auto& a : attrs)
    if (a.first == k) return true;
  return false;
}

ParseResult Parse(const uint8_t* data, size_t size) {
  ParseResult result;
  result.records.reserve(size / 128);  // a typical record is 100-200 bytes
  size_t off = 0;
  while (off < size) {
    // Records are 8-aligned; the assembler pads between them with zeros.
    if (size - off < kHeaderSize) {
      bool zeros = true;
      for (size_t i = off; i < size; ++i) zeros = zeros && data[i] == 0;
      if (!zeros)
        result.error = "truncated record header at offset " + Hex(off);
      return result;
    }
    const uint8_t* p = data + off;
    if (Le32(p) != LINKTABLE_META_MAGIC) {
      result.error = "bad record magic at offset " + Hex(off);
      return result;
    }
    Record r;
    r.offset = off;
    const uint16_t version = Le16(p + 4);
    if (version != LINKTABLE_META_VERSION) {
      result.error = "unknown record version " + std::to_string(version) +
                     " at offset " + Hex(off) + " (this reader knows version " +
                     std::to_string(LINKTABLE_META_VERSION) + ")";
      return result;
    }
    const uint16_t kind = Le16(p + 6);
    if (kind != LINKTABLE_META_KIND_TABLE && kind != LINKTABLE_META_KIND_ENTRY) {
      result.error = "unknown record kind " + std::to_string(kind) +
                     " at offset " + Hex(off);
      return result;
    }
    r.kind = static_cast<Kind>(kind);
    const uint32_t rsize = Le32(p + 8);
    if (rsize < kHeaderSize || rsize % 8 != 0 || rsize > size - off) {
      result.error = "record size " + std::to_string(rsize) + " at offset " +
                     Hex(off) + " is not a multiple of 8 within the section";
      return result;
    }
    r.line = Le32(p + 12);
    r.addr = Le64(p + 16);
    r.addr2 = Le64(p + 24);
    r.entry_size = Le32(p + 32);
    r.key_width = Le32(p + 36);

    // Strings: table, key, name, file, then "k=v" attributes up to "".
    // Read in place (no intermediate copies: 100,000 records are common).
    size_t s = off + kHeaderSize;
    const size_t end = off + rsize;
    std::string* const fixed[4] = {&r.table, &r.key, &r.name, &r.file};
    r.attrs.reserve(8);  // earlyinit's records carry 5 to 8
    size_t n = 0;
    bool terminated = false;
    while (s < end) {
      const char* str = reinterpret_cast<const char*>(data + s);
      const void* nul = memchr(str, 0, end - s);
      if (!nul) break;
      const size_t len = static_cast<size_t>(static_cast<const char*>(nul) - str);
      s += len + 1;
      if (n < 4) {
        fixed[n++]->assign(str, len);
        continue;
      }
      if (len == 0) {
        terminated = true;
        break;
      }
      const void* eq = memchr(str, '=', len);
      if (!eq || eq == str) {
        result.error = "attribute \"" + std::string(str, len) +
                       "\" is not key=value in record at offset " + Hex(off);
        return result;
      }
      const size_t k = static_cast<size_t>(static_cast<const char*>(eq) - str);
      r.attrs.emplace_back(std::string(str, k), std::string(str + k + 1, len - k - 1));
    }
    if (!terminated) {
      result.error = "unterminated strings in record at offset " + Hex(off);
      return result;
    }
    if (r.table.empty() || r.name.empty()) {
      result.error = "record at offset " + Hex(off) + " has no table or name";
      return result;
    }
    if (r.kind == Kind::kEntry && r.key.size() != r.key_width) {
      result.error = "key \"" + r.key + "\" of entry " + r.table + "." + r.name +
                     " does not have the declared width " +
                     std::to_string(r.key_width);
      return result;
    }
    result.records.push_back(std::move(r));
    off += rsize;
  }
  return result;
}

}  // namespace linktable_meta
