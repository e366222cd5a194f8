// earlyinit-audit: text helpers for messages: std::string + std::string_view
// (C++26 has it, P2591), for the messages built from the model's names,
// which are views; Str, Hex and Split.
#ifndef EARLYINIT_SRC_AUDIT_BASE_TEXT_H
#define EARLYINIT_SRC_AUDIT_BASE_TEXT_H

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace audit {

// A view as a string, for messages.
inline std::string Str(std::string_view v) { return std::string(v); }

// "0x1139": addresses and values in messages, and link-time addresses in
// JSON (a string: JSON numbers lose precision above 2^53).
inline std::string Hex(uint64_t v) {
  char b[24];
  std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
  return b;
}

// s cut at each sep: "a,,b" is {"a", "", "b"}.
inline std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> v;
  size_t from = 0;
  for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + 1) v.push_back(s.substr(from, at - from));
  v.push_back(s.substr(from));
  return v;
}

inline std::string operator+(std::string a, std::string_view b) { return a.append(b); }
inline std::string operator+(std::string_view a, const std::string& b) {
  return std::string(a).append(b);
}
inline std::string operator+(std::string_view a, const char* b) { return std::string(a).append(b); }
inline std::string operator+(const char* a, std::string_view b) { return std::string(a).append(b); }

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_BASE_TEXT_H
