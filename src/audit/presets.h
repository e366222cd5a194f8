// earlyinit-audit paths --preset NAME: named entries and stops, as data
// (presets.txt, embedded in the tool when it is built).
#ifndef EARLYINIT_SRC_AUDIT_PRESETS_H
#define EARLYINIT_SRC_AUDIT_PRESETS_H

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "src/audit/dwarf/call_tree.h"

namespace audit {

struct Preset {
  std::string name;
  std::vector<PathEntry> entries;  // optional: left out where the file lacks a symbol
  std::set<std::string> stops;
};

// Parses presets.txt's language; "" or the first error ("line N: ...").
std::string ParsePresets(std::string_view text, std::vector<Preset>* out);

// The presets of presets.txt (a malformed file is caught by the tests).
const std::vector<Preset>& Presets();
const Preset* FindPreset(const std::string& name);  // null when unknown
std::string PresetNames();                          // "linux-x86_64" or "a, b"

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_PRESETS_H
