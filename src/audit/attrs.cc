#include "src/audit/attrs.h"

namespace audit {

namespace {

// In AttrName's order.
constexpr std::string_view kNames[] = {"earlyinit", "subarch", "step", "phase", "policy", "level", "order",
                                       "id",        "label",   "reason", "dep", "fn",     "ref0"};
static_assert(sizeof kNames / sizeof kNames[0] == static_cast<size_t>(AttrName::kCount), "one name per AttrName");

}  // namespace

Attrs::Attrs(const Record* r) {
  if (!r) return;
  for (const auto& a : r->attrs)
    for (unsigned i = 0; i < static_cast<unsigned>(AttrName::kCount); ++i) {
      if (a.first != kNames[i]) continue;
      if (!((has_ >> i) & 1)) value_[i] = a.second;
      has_ |= 1u << i;
      break;
    }
}

}  // namespace audit
