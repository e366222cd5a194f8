#include "src/audit/attrs.h"

#include <cstring>
#include <initializer_list>

namespace audit {

namespace {

// In AttrName's order.
constexpr std::string_view kNames[] = {"earlyinit", "subarch", "step", "phase", "policy", "level", "order",
                                       "id",        "label",   "reason", "dep", "fn",     "ref0"};
constexpr unsigned kCount = static_cast<unsigned>(AttrName::kCount);
static_assert(sizeof kNames / sizeof kNames[0] == kCount, "one name per AttrName");

// The AttrName of a key, or kCount for another: by length, then by name.
unsigned Lookup(const char* key, size_t len) {
  auto is = [&](AttrName n) { return memcmp(key, kNames[static_cast<unsigned>(n)].data(), len) == 0; };
  auto pick = [&](std::initializer_list<AttrName> names) {
    for (AttrName n : names)
      if (kNames[static_cast<unsigned>(n)].size() == len && is(n)) return static_cast<unsigned>(n);
    return kCount;
  };
  switch (len) {
    case 2: return pick({AttrName::kId, AttrName::kFn});
    case 3: return pick({AttrName::kDep});
    case 4: return pick({AttrName::kStep, AttrName::kRef0});
    case 5: return pick({AttrName::kPhase, AttrName::kLevel, AttrName::kOrder, AttrName::kLabel});
    case 6: return pick({AttrName::kPolicy, AttrName::kReason});
    case 7: return pick({AttrName::kSubarch});
    case 9: return pick({AttrName::kEarlyinit});
    default: return kCount;
  }
}

}  // namespace

// One pass over the bytes: the parser checked that each attribute is a
// NUL-terminated "k=v" with a non-empty k, within them.
Attrs::Attrs(const Record* r) {
  if (!r) return;
  const std::string_view bytes = r->attrs.bytes();
  const char* p = bytes.data();
  const char* const end = p + bytes.size();
  while (p < end) {
    const char* key = p;
    while (*p != '=') ++p;
    const char* eq = p;
    while (*p) ++p;
    const unsigned i = Lookup(key, static_cast<size_t>(eq - key));
    if (i < kCount && !((has_ >> i) & 1)) {
      value_[i] = std::string_view(eq + 1, static_cast<size_t>(p - eq - 1));
      has_ |= 1u << i;
    }
    ++p;
  }
}

}  // namespace audit
