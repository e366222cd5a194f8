#include "src/audit/report/text_table.h"

#include <algorithm>

namespace audit {

void WidenColumns(const Row& row, std::vector<size_t>* width) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (width->size() <= i) width->push_back(0);
    (*width)[i] = std::max((*width)[i], row[i].text.size());
  }
}

void PrintRow(std::ostream& out, const Row& row, const std::vector<size_t>& width,
              const std::string& indent, bool colour) {
  std::string line;
  AppendRow(&line, row, width, indent, colour);
  out << line;
}

void AppendRow(std::string* text, const Row& row, const std::vector<size_t>& width,
               const std::string& indent, bool colour) {
  std::string& line = *text;
  const size_t start = line.size();
  line.append(indent);
  for (size_t i = 0; i < row.size(); ++i) {
    const bool last = i + 1 == row.size();
    const bool coloured = colour && !row[i].colour.empty();
    if (coloured) line.append("\033[").append(row[i].colour).append("m");
    line.append(row[i].text);
    if (coloured) line.append("\033[0m");
    if (!last) line.append(width[i] - row[i].text.size() + 2, ' ');
  }
  while (line.size() > start && line.back() == ' ') line.pop_back();
  line += '\n';
}

void PrintTable(std::ostream& out, const std::vector<Row>& rows, const std::string& indent,
                bool colour) {
  std::vector<size_t> width;
  for (const auto& r : rows) WidenColumns(r, &width);
  for (const auto& r : rows) PrintRow(out, r, width, indent, colour);
}

}  // namespace audit
