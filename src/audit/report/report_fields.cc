#include "src/audit/report/report_fields.h"

#include <algorithm>
#include <charconv>

#include "src/audit/base/source.h"  // Digits

namespace audit {

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
