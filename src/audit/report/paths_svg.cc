// The SVG renderer of `paths`: one block per entry, one row per call,
// indented by depth, a square whose colour says how the call is made, and
// KASAN's runtime calls that the rule flags in red. Whole-pixel
// coordinates and crisp edges, as trace_svg.cc.
#include <algorithm>
#include <string>

#include "src/audit/report/paths_report.h"
#include "src/audit/report/svg_text.h"

namespace audit {

namespace {

constexpr int kMargin = 16, kRow = 16, kIndent = 14, kBox = 10, kHeading = 24;
constexpr int kCharWidth = 7;  // 11 px monospace

const char* Colour(const PathNode& n, bool flagged) {
  if (flagged) return "#c62828";
  if (n.name == kKasanEarlyInit) return "#2e7d32";
  switch (n.kind) {
    case PathNode::Kind::kEntry: return "#000000";
    case PathNode::Kind::kCall: return "#1565c0";
    case PathNode::Kind::kTailCall: return "#00838f";
    case PathNode::Kind::kInline: return "#6a1b9a";
    case PathNode::Kind::kIndirect: return "#ef6c00";
    case PathNode::Kind::kStep: return "#2e7d32";
  }
  return "#000000";
}

struct Line {
  int level;
  const PathNode* node;
  bool flagged;
};

// Rows in path order; a KASAN runtime call before kasan_early_init is flagged.
void Lines(const PathNode& n, int level, bool* armed, std::vector<Line>* out) {
  if (n.name == kKasanEarlyInit) *armed = false;
  out->push_back({level, &n, *armed && IsKasanRuntime(n.name)});
  for (const PathNode& c : n.children) Lines(c, level + 1, armed, out);
}

std::string Text(const PathNode& n) {
  std::string s = NodeKindName(n.kind);
  if (!n.step.empty()) s += " " + n.step + ":";
  s += " " + (n.name.empty() ? n.through.empty() ? std::string("?") : n.through : n.name);
  if (n.mark != NodeMark::kNone) s += std::string(" [") + NodeMarkName(n.mark) + "]";
  if (!n.where.empty()) s += "  " + n.where;
  return s;
}

// One square per kind of line, as in the trees below.
void Legend(std::ostream& out, int y) {
  int x = kMargin;
  for (PathNode::Kind k : {PathNode::Kind::kCall, PathNode::Kind::kTailCall, PathNode::Kind::kInline,
                           PathNode::Kind::kIndirect, PathNode::Kind::kStep}) {
    PathNode n;
    n.kind = k;
    out << "<rect class=\"legend\" x=\"" << x << "\" y=\"" << y << "\" width=\"" << kBox << "\" height=\""
        << kBox << "\" fill=\"" << Colour(n, false) << "\"/>\n<text x=\"" << x + kBox + 4 << "\" y=\""
        << y + 9 << "\">" << NodeKindName(k) << "</text>\n";
    x += 80;
  }
}

}  // namespace

void RenderPathsSvg(const PathsResult& r, std::ostream& out) {
  std::vector<std::vector<Line>> blocks;
  size_t widest = 40;
  int height = kMargin * 2 + 40;
  for (const EntryTree& t : r.trees) {
    std::vector<Line> lines;
    bool armed = true;
    for (const PathNode& n : t.roots) Lines(n, 0, &armed, &lines);
    for (const Line& l : lines)
      widest = std::max(widest, static_cast<size_t>(l.level * kIndent / kCharWidth + 3) + Text(*l.node).size());
    height += kHeading + kRow * static_cast<int>(lines.size()) + kRow / 2;
    blocks.push_back(std::move(lines));
  }
  const int width = kMargin * 2 + static_cast<int>(widest) * kCharWidth;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height << "\" shape-rendering=\"crispEdges\""
      << " font-family=\"monospace\" font-size=\"11\">\n"
      << "<title>earlyinit-audit paths: " << Xml(r.file) << "</title>\n"
      << "<rect x=\"0\" y=\"0\" width=\"" << width << "\" height=\"" << height << "\" fill=\"#ffffff\"/>\n"
      << "<text class=\"heading\" x=\"" << kMargin << "\" y=\"" << kMargin + 10 << "\">" << r.findings.size()
      << (r.findings.size() == 1 ? " finding" : " findings") << " (red: KASAN runtime before kasan_early_init)</text>\n";
  Legend(out, kMargin + 20);
  int y = kMargin + 40;
  for (size_t b = 0; b < blocks.size(); ++b) {
    const EntryTree& t = r.trees[b];
    out << "<g class=\"entry\">\n<text class=\"heading\" x=\"" << kMargin << "\" y=\"" << y + 16
        << "\">entry " << Xml(t.entry.name)
        << (t.entry.subarch.empty() || t.entry.subarch == t.entry.name ? "" : " (subarch " + Xml(t.entry.subarch) + ")")
        << "</text>\n";
    y += kHeading;
    for (const Line& l : blocks[b]) {
      const int x = kMargin + l.level * kIndent;
      out << "<rect class=\"" << (l.flagged ? "finding" : NodeKindName(l.node->kind)) << "\" x=\"" << x
          << "\" y=\"" << y + 2 << "\" width=\"" << kBox << "\" height=\"" << kBox << "\" fill=\""
          << Colour(*l.node, l.flagged) << "\"/>\n<text x=\"" << x + kBox + 4 << "\" y=\"" << y + 11 << "\">"
          << Xml(Text(*l.node)) << "</text>\n";
      y += kRow;
    }
    out << "</g>\n";
    y += kRow / 2;
  }
  out << "</svg>\n";
}

}  // namespace audit
