// earlyinit-audit: a text table whose cells may carry an ANSI colour.
#ifndef EARLYINIT_SRC_AUDIT_REPORT_TEXT_TABLE_H
#define EARLYINIT_SRC_AUDIT_REPORT_TEXT_TABLE_H

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace audit {

struct Cell {
  Cell() = default;
  Cell(std::string_view t, std::string_view c) : text(t), colour(c) {}
  std::string text, colour;  // colour: an SGR code such as "31;1", or ""
};
using Row = std::vector<Cell>;

// Columns padded to their widest cell, trailing spaces trimmed.
void PrintTable(std::ostream& out, const std::vector<Row>& rows, const std::string& indent,
                bool colour);

// The same in two passes, for tables too long to hold: widen `width` by
// every row first, then print each row with the final widths.
void WidenColumns(const Row& row, std::vector<size_t>* width);
void PrintRow(std::ostream& out, const Row& row, const std::vector<size_t>& width,
              const std::string& indent, bool colour);
// PrintRow's line, appended to *text (a buffer the caller writes out in
// large pieces: one ostream insertion per row cost as much as the row).
void AppendRow(std::string* text, const Row& row, const std::vector<size_t>& width,
               const std::string& indent, bool colour);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_REPORT_TEXT_TABLE_H
