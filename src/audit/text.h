// earlyinit-audit: std::string + std::string_view (C++26 has it, P2591), for
// the messages built from the model's names, which are views.
#ifndef EARLYINIT_SRC_AUDIT_TEXT_H
#define EARLYINIT_SRC_AUDIT_TEXT_H

#include <string>
#include <string_view>

namespace audit {

inline std::string operator+(std::string a, std::string_view b) { return a.append(b); }
inline std::string operator+(std::string_view a, const std::string& b) {
  return std::string(a).append(b);
}
inline std::string operator+(std::string_view a, const char* b) { return std::string(a).append(b); }
inline std::string operator+(const char* a, std::string_view b) { return std::string(a).append(b); }

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_TEXT_H
