#include "src/audit/presets.h"

#include <sstream>

#include "src/audit/base/text.h"

namespace audit {

namespace {

constexpr char kPresetsText[] =
#include "src/audit/presets.txt"
    ;

std::vector<std::string> Words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// One line's words into *out; "" or what is wrong with them.
std::string ParseLine(const std::vector<std::string>& w, std::vector<Preset>* out) {
  if (w[0] == "preset" && w.size() == 2) {
    out->push_back({w[1], {}, {}});
    return "";
  }
  if (out->empty()) return "\"" + w[0] + "\" before the first preset";
  Preset& p = out->back();
  if (w[0] == "entry" && w.size() == 4) {
    p.entries.push_back({w[1], Split(w[3], ','), w[2], true});
    return "";
  }
  if (w[0] == "stop" && w.size() == 2) {
    p.stops.insert(w[1]);
    return "";
  }
  return "want \"preset NAME\", \"entry NAME SUBARCH SYMBOL[,SYMBOL...]\" or \"stop SYMBOL\"";
}

}  // namespace

std::string ParsePresets(std::string_view text, std::vector<Preset>* out) {
  std::istringstream in{std::string(text)};
  size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    const std::vector<std::string> w = Words(line);
    if (w.empty() || w[0][0] == '#') continue;
    const std::string e = ParseLine(w, out);
    if (!e.empty()) return "line " + std::to_string(n) + ": " + e;
  }
  return "";
}

const std::vector<Preset>& Presets() {
  static const std::vector<Preset>* presets = [] {
    auto* v = new std::vector<Preset>;
    ParsePresets(kPresetsText, v);
    return v;
  }();
  return *presets;
}

const Preset* FindPreset(const std::string& name) {
  for (const Preset& p : Presets())
    if (p.name == name) return &p;
  return nullptr;
}

std::string PresetNames() {
  std::string names;
  for (const Preset& p : Presets()) names += (names.empty() ? "" : ", ") + p.name;
  return names;
}

}  // namespace audit
