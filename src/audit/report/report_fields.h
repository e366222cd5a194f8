// earlyinit-audit: fields the text and JSON reports of list, matrix, diff
// and check write the same way.
#ifndef EARLYINIT_SRC_AUDIT_REPORT_REPORT_FIELDS_H
#define EARLYINIT_SRC_AUDIT_REPORT_REPORT_FIELDS_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/audit/report/json.h"
#include "src/audit/tables/program.h"

namespace audit {

std::string Source(std::string_view file, uint32_t line);  // "file:line" or "?"
void SourceInto(std::string_view file, uint32_t line, std::string* out);  // the same, into *out
std::string Pad(int v, size_t width);           // zero-padded, "??" when < 0
// The sizes of Source's and Pad's strings, without making them.
size_t SourceWidth(std::string_view file, uint32_t line);
size_t PadWidth(int v, size_t width);
// Opens the document's object and writes the fields every command's JSON
// starts with; the caller adds its own and closes it.
void Header(JsonWriter& w, const char* command, const Program& p);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_REPORT_FIELDS_H
