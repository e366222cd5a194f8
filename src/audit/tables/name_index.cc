#include "src/audit/tables/name_index.h"

namespace audit {

// FNV-1a, 32 bits: names are short (step names), and their bytes are read
// once.
uint32_t NameIndex::Hash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) h = (h ^ c) * 16777619u;
  return h;
}

size_t NameIndex::Probe(std::string_view name, uint32_t h) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.entry == kNone || (s.hash == h && entries_[s.entry].name == name)) return i;
  }
}

void NameIndex::Reserve(size_t n) {
  entries_.reserve(n);
  size_t want = 16;
  while (want < 2 * n) want *= 2;
  if (want <= slots_.size()) return;
  std::vector<Slot> old(want);
  old.swap(slots_);
  const size_t mask = want - 1;
  for (const Slot& s : old) {
    if (s.entry == kNone) continue;
    size_t i = s.hash & mask;
    while (slots_[i].entry != kNone) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

bool NameIndex::Add(std::string_view name, uint32_t value) {
  if (2 * (entries_.size() + 1) > slots_.size()) Reserve(slots_.empty() ? 8 : slots_.size());
  const uint32_t h = Hash(name);
  Slot& s = slots_[Probe(name, h)];
  if (s.entry != kNone) return false;
  s.hash = h;
  s.entry = static_cast<uint32_t>(entries_.size());
  entries_.push_back({name, value});
  return true;
}

uint32_t NameIndex::Find(std::string_view name) const {
  if (slots_.empty()) return kNone;
  const Slot& s = slots_[Probe(name, Hash(name))];
  return s.entry == kNone ? kNone : entries_[s.entry].value;
}

void NameIndex::clear() {
  slots_.clear();
  entries_.clear();
}

}  // namespace audit
