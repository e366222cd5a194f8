// earlyinit-audit: fields the text and JSON reports of list, matrix, diff
// and check write the same way (and Source, in base/source.h: check's
// messages write it too).
#ifndef EARLYINIT_SRC_AUDIT_REPORT_REPORT_FIELDS_H
#define EARLYINIT_SRC_AUDIT_REPORT_REPORT_FIELDS_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/audit/base/source.h"
#include "src/audit/report/json.h"
#include "src/audit/tables/program.h"

namespace audit {

std::string Pad(int v, size_t width);  // zero-padded, "??" when < 0
size_t PadWidth(int v, size_t width);  // the size of Pad's string, without making it
// Opens the document's object and writes the fields every command's JSON
// starts with; the caller adds its own and closes it.
void Header(JsonWriter& w, const char* command, const Program& p);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_REPORT_FIELDS_H
