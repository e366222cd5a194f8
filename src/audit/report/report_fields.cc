#include "src/audit/report/report_fields.h"

#include <algorithm>
#include <charconv>

namespace audit {

std::string Source(std::string_view file, uint32_t line) {
  std::string s;
  SourceInto(file, line, &s);
  return s;
}

// Into a string the caller reuses: `list` makes one per row, twice.
void SourceInto(std::string_view file, uint32_t line, std::string* out) {
  if (file.empty()) {
    out->assign("?");
    return;
  }
  char digits[16];
  const char* end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  out->assign(file).append(1, ':').append(digits, static_cast<size_t>(end - digits));
}

namespace {

size_t Digits(uint64_t v) {
  size_t n = 1;
  for (; v >= 10; v /= 10) ++n;
  return n;
}

}  // namespace

size_t SourceWidth(std::string_view file, uint32_t line) {
  return file.empty() ? 1 : file.size() + 1 + Digits(line);
}

size_t PadWidth(int v, size_t width) {
  return v < 0 ? width : std::max(width, Digits(static_cast<uint64_t>(v)));
}

std::string Pad(int v, size_t width) {
  if (v < 0) return std::string(width, '?');
  char digits[16];
  const size_t n = static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, v).ptr - digits);
  std::string s(n < width ? width - n : 0, '0');
  return s.append(digits, n);
}

void Header(JsonWriter& w, const char* command, const Program& p) {
  BeginToolDocument(w, command, p.files);
  w.Key("input_kind").Str(p.executable ? "executable" : "objects");
  w.Key("elf_class").Int(p.elf_class);
}

}  // namespace audit
