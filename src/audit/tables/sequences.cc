#include "src/audit/tables/sequences.h"

#include <set>
#include <unordered_set>

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

}  // namespace audit
