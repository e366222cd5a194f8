// earlyinit-audit: where a record was declared, as "file:line": in check's
// messages and in the reports' source columns alike, so it sits below both.
#ifndef EARLYINIT_SRC_AUDIT_BASE_SOURCE_H
#define EARLYINIT_SRC_AUDIT_BASE_SOURCE_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace audit {

std::string Source(std::string_view file, uint32_t line);  // "file:line" or "?"
void SourceInto(std::string_view file, uint32_t line, std::string* out);  // the same, into *out
// The size of Source's string, without making it.
size_t SourceWidth(std::string_view file, uint32_t line);

// The decimal digits of v (SourceWidth's and the reports' padded numbers').
size_t Digits(uint64_t v);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_BASE_SOURCE_H
