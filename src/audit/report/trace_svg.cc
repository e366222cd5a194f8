// The SVG renderer of `trace`: one block per boot, one row per step, bars
// laid end to end in proportion to their cycles on one scale shared by all
// boots (so two boots compare by length). Coordinates are whole pixels
// and edges crisp, so a rendered PNG holds each bar's colour exactly where
// the SVG puts it (tests/audit/svg_test.py checks that).
#include <algorithm>
#include <string>

#include "src/audit/base/text.h"
#include "src/audit/report/svg_text.h"
#include "src/audit/report/trace_report.h"

namespace audit {

namespace {

constexpr int kWidth = 960, kMargin = 16, kRow = 18, kBar = 14, kHeading = 26;
constexpr int kPlot = kWidth - 2 * kMargin;
constexpr int kMinBar = 2;      // a zero-cycle step (SKIPPED) stays visible
constexpr int kCharWidth = 7;   // 11 px monospace, for label placement

const char* Colour(TraceStatus s) {
  switch (s) {
    case TraceStatus::kOk: return "#2e7d32";
    case TraceStatus::kFailed: return "#c62828";
    case TraceStatus::kSkipped: return "#757575";
    case TraceStatus::kUnfinished: return "#ef6c00";
  }
  return "#000000";
}

int Px(double v) { return static_cast<int>(v + 0.5); }

void Legend(std::ostream& out, int y) {
  int x = kMargin;
  for (TraceStatus s : {TraceStatus::kOk, TraceStatus::kFailed, TraceStatus::kSkipped,
                        TraceStatus::kUnfinished}) {
    out << "<rect class=\"legend\" x=\"" << x << "\" y=\"" << y << "\" width=\"12\" height=\"12\" fill=\""
        << Colour(s) << "\"/>\n<text x=\"" << x + 16 << "\" y=\"" << y + 10 << "\">" << StatusName(s)
        << "</text>\n";
    x += 110;
  }
}

// One step: its bar (with a <title>) and its label beside it.
void StepRow(std::ostream& out, const TraceStep& s, uint64_t total, double scale, uint64_t before,
             int y) {
  const int x = kMargin + Px(static_cast<double>(before) * scale);
  const uint64_t cycles = s.has_cycles ? s.cycles : 0;
  const int end = kMargin + Px(static_cast<double>(before + cycles) * scale);
  const int w = std::max(kMinBar, end - x);
  const int share = SharePermille(s, total);
  const std::string cyc = s.has_cycles ? std::to_string(s.cycles) + " cycles" : "cycles unknown";
  const std::string pct = share < 0 ? "" : " (" + std::to_string(share / 10) + "." +
                                               std::to_string(share % 10) + "%)";
  out << "<rect class=\"bar\" x=\"" << x << "\" y=\"" << y << "\" width=\"" << w << "\" height=\""
      << kBar << "\" fill=\"" << Colour(s.status) << "\"><title>" << Xml(s.phase + " " + s.step)
      << ": " << Xml(StatusText(s)) << ", " << cyc << pct
      << (s.has_fn ? ", fn " + Hex(s.fn) : "") << "</title></rect>\n";
  const std::string label = s.step + " " + (s.status == TraceStatus::kOk ? "" : StatusText(s) + " ") +
                            (s.has_cycles ? std::to_string(s.cycles) : "?") + pct;
  const bool fits_right = x + w + 4 + static_cast<int>(label.size()) * kCharWidth <= kWidth - kMargin;
  out << "<text x=\"" << (fits_right ? x + w + 4 : x - 4) << "\" y=\"" << y + 11 << "\""
      << (fits_right ? "" : " text-anchor=\"end\"") << ">" << Xml(label) << "</text>\n";
}

int BootBlock(std::ostream& out, const Boot& b, size_t i, double scale, int y) {
  const BootTotals t = TotalsOf(b);
  out << "<g class=\"boot\">\n<text class=\"heading\" x=\"" << kMargin << "\" y=\"" << y + 16 << "\">boot " << i + 1
      << ": " << Xml(b.subarch) << " (" << Xml(b.log) << ":" << b.first_line << "), "
      << b.steps.size() << " steps, " << t.cycles << " cycles</text>\n";
  y += kHeading;
  uint64_t before = 0;
  for (const TraceStep& s : b.steps) {
    StepRow(out, s, t.cycles, scale, before, y);
    if (s.has_cycles) before += s.cycles;
    y += kRow;
  }
  out << "</g>\n";
  return y + kRow / 2;
}

}  // namespace

void RenderTraceSvg(const TraceResult& r, std::ostream& out) {
  uint64_t longest = 1;
  int height = kMargin + 20 + kMargin;
  for (const Boot& b : r.log.boots) {
    longest = std::max(longest, TotalsOf(b).cycles);
    height += kHeading + kRow * static_cast<int>(b.steps.size()) + kRow / 2;
  }
  const double scale = static_cast<double>(kPlot) / static_cast<double>(longest);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << kWidth << " " << height << "\" shape-rendering=\"crispEdges\""
      << " font-family=\"monospace\" font-size=\"11\">\n"
      << "<title>earlyinit boot timeline</title>\n"
      << "<rect x=\"0\" y=\"0\" width=\"" << kWidth << "\" height=\"" << height << "\" fill=\"#ffffff\"/>\n";
  Legend(out, kMargin);
  int y = kMargin + 20;
  for (size_t i = 0; i < r.log.boots.size(); ++i) y = BootBlock(out, r.log.boots[i], i, scale, y);
  out << "</svg>\n";
}

}  // namespace audit
