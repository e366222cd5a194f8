// earlyinit-audit: names to numbers, in one flat open-addressing table.
// The model looks a step up by name about twice per implementation; with
// 100,000 implementations std::unordered_map's nodes and hash calls were a
// third of `check`'s time (cache misses on every node). Here a look-up is
// one hash of the name and, nearly always, one slot and one compare.
#ifndef EARLYINIT_SRC_AUDIT_TABLES_NAME_INDEX_H
#define EARLYINIT_SRC_AUDIT_TABLES_NAME_INDEX_H

#include <cstdint>
#include <string_view>
#include <vector>

namespace audit {

class NameIndex {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // Room for n names without growing (optional).
  void Reserve(size_t n);
  // Maps `name` to `value` (not kNone) and returns true; if the name is
  // already there, returns false and keeps the first value. The view must
  // stay valid as long as the index.
  bool Add(std::string_view name, uint32_t value);
  // The value of `name`, or kNone.
  uint32_t Find(std::string_view name) const;
  size_t size() const { return entries_.size(); }
  void clear();

 private:
  struct Slot {
    uint32_t hash = 0;      // of the name, for a compare only on a likely hit
    uint32_t entry = kNone;  // into entries_; kNone: empty
  };
  struct Entry {
    std::string_view name;
    uint32_t value;
  };
  static uint32_t Hash(std::string_view s);
  // The slot of `name`: its own, or the empty one where it would go.
  size_t Probe(std::string_view name, uint32_t h) const;

  std::vector<Slot> slots_;              // a power of two, at most half full
  std::vector<Entry> entries_;  // in the order added
};

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_TABLES_NAME_INDEX_H
