#include "src/audit/report/svg_text.h"

namespace audit {

namespace {

// What a byte becomes in the SVG's text: itself (nullptr), an entity, or
// "?" for a control byte or one that is not ASCII. By table, and copied in
// runs: the fuzz target renders every input.
struct XmlBytes {
  const char* as[256] = {};
  constexpr XmlBytes() {
    for (int c = 0; c < 256; ++c)
      if (c < 0x20 || c >= 0x80) as[c] = "?";
    as[static_cast<unsigned char>('&')] = "&amp;";
    as[static_cast<unsigned char>('<')] = "&lt;";
    as[static_cast<unsigned char>('>')] = "&gt;";
    as[static_cast<unsigned char>('"')] = "&quot;";
  }
};
constexpr XmlBytes kXmlBytes;

}  // namespace

std::string Xml(const std::string& s) {
  std::string out;
  size_t plain = 0;  // start of the run of bytes kept as they are
  for (size_t i = 0; i < s.size(); ++i) {
    const char* as = kXmlBytes.as[static_cast<unsigned char>(s[i])];
    if (!as) continue;
    out.append(s, plain, i - plain);
    out += as;
    plain = i + 1;
  }
  out.append(s, plain, std::string::npos);
  return out;
}

}  // namespace audit
