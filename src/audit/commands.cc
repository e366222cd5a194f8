// What the commands share: the subarchs to show, run sequences, small
// formatting helpers and the JSON header.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <set>
#include <unordered_set>

#include "src/audit/vocabulary.h"
#include "src/audit/commands.h"

namespace audit {

std::vector<ShownSubarch> AllSubarchs(const Model& m) {
  std::vector<ShownSubarch> out;
  std::unordered_set<std::string> seen;
  for (const auto& s : m.subarchs) {
    out.push_back({s.name, s.label, s.id, true});
    seen.insert(s.name);
  }
  std::set<std::string> extra;
  for (const auto& c : m.chains)
    if (!seen.count(c.subarch)) extra.insert(c.subarch);
  for (const auto& x : m.exemptions)
    if (!seen.count(x.subarch)) extra.insert(x.subarch);
  for (const auto& n : extra) out.push_back({n, "", -1, false});
  return out;
}

std::string UnknownSubarch(const std::vector<ShownSubarch>& subs, const std::string& name) {
  std::string names;
  for (const auto& s : subs) {
    if (s.name == name) return "";
    names += (names.empty() ? "" : ", ") + s.name;
  }
  return "unknown subarch " + name + " (known: " + (names.empty() ? "none" : names) + ")";
}

std::vector<RunItem> RunSequence(const Model& m, const std::string& subarch) {
  std::vector<RunItem> seq;
  for (const auto& phase : m.phases.all())
    if (const Chain* c = m.FindChain(phase.name, subarch))
      for (const auto& im : c->impls) seq.push_back({c, &im});
  return seq;
}

namespace {

int ParseKeyPart(std::string_view key, size_t from, size_t len) {
  if (key.size() < from + len) return -1;
  int v = 0;
  for (size_t i = from; i < from + len; ++i) {
    if (key[i] < '0' || key[i] > '9') return -1;
    v = v * 10 + (key[i] - '0');
  }
  return v;
}

}  // namespace

void LevelOrder(const Model& m, const Impl& im, int* level, int* order) {
  *level = ParseKeyPart(im.key, 0, 2);
  *order = ParseKeyPart(im.key, 3, 4);
  if ((*level < 0 || *order < 0) && m.FindStep(im.step)) {
    *level = m.FindStep(im.step)->level;
    *order = m.FindStep(im.step)->order;
  }
}

bool IsBlank(const std::string& reason) { return reason.find_first_not_of(" \t") == std::string::npos; }

std::string Source(std::string_view file, uint32_t line) {
  std::string s;
  SourceInto(file, line, &s);
  return s;
}

// Into a string the caller reuses: `list` makes one per row, twice.
void SourceInto(std::string_view file, uint32_t line, std::string* out) {
  if (file.empty()) {
    out->assign("?");
    return;
  }
  char digits[16];
  const char* end = std::to_chars(digits, digits + sizeof digits, line).ptr;
  out->assign(file).append(1, ':').append(digits, static_cast<size_t>(end - digits));
}

namespace {

size_t Digits(uint64_t v) {
  size_t n = 1;
  for (; v >= 10; v /= 10) ++n;
  return n;
}

}  // namespace

size_t SourceWidth(std::string_view file, uint32_t line) {
  return file.empty() ? 1 : file.size() + 1 + Digits(line);
}

size_t PadWidth(int v, size_t width) {
  return v < 0 ? width : std::max(width, Digits(static_cast<uint64_t>(v)));
}

std::string Pad(int v, size_t width) {
  if (v < 0) return std::string(width, '?');
  char digits[16];
  const size_t n = static_cast<size_t>(std::to_chars(digits, digits + sizeof digits, v).ptr - digits);
  std::string s(n < width ? width - n : 0, '0');
  return s.append(digits, n);
}

void Header(JsonWriter& w, const char* command, const Program& p) {
  BeginToolDocument(w, command, p.files);
  w.Key("input_kind").Str(p.executable ? "executable" : "objects");
  w.Key("elf_class").Int(p.elf_class);
}

}  // namespace audit
