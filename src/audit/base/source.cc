#include "src/audit/base/source.h"

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

size_t Digits(uint64_t v) {
  size_t n = 1;
  for (; v >= 10; v /= 10) ++n;
  return n;
}

size_t SourceWidth(std::string_view file, uint32_t line) {
  return file.empty() ? 1 : file.size() + 1 + Digits(line);
}

}  // namespace audit
