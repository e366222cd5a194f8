#include "src/audit/text_table.h"

#include <algorithm>

namespace audit {

void PrintTable(std::ostream& out, const std::vector<Row>& rows, const std::string& indent,
                bool colour) {
  std::vector<size_t> width;
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], r[i].text.size());
    }
  for (const auto& r : rows) {
    std::string line = indent;
    for (size_t i = 0; i < r.size(); ++i) {
      const bool last = i + 1 == r.size();
      std::string t = r[i].text;
      if (colour && !r[i].colour.empty()) t = "\033[" + r[i].colour + "m" + t + "\033[0m";
      line += t;
      if (!last) line += std::string(width[i] - r[i].text.size() + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

}  // namespace audit
