#include "src/audit/tables/attrs.h"

#include <cstring>

namespace audit {

namespace {

constexpr unsigned kCount = static_cast<unsigned>(AttrName::kCount);
static_assert(kCount == 13, "a new AttrName needs its case in Lookup (and in model_index_test)");

// The AttrName of a key, or kCount for another: by length, then by name.
// Each compare has a constant length, so the compiler inlines it: a call
// to memcmp per attribute was a tenth of `check`'s time.
unsigned Lookup(const char* key, size_t len) {
#define ATTRS_IS(lit) (memcmp(key, lit, sizeof lit - 1) == 0)
#define ATTRS_NAME(n) static_cast<unsigned>(AttrName::n)
  switch (len) {
    case 2: return ATTRS_IS("id") ? ATTRS_NAME(kId) : ATTRS_IS("fn") ? ATTRS_NAME(kFn) : kCount;
    case 3: return ATTRS_IS("dep") ? ATTRS_NAME(kDep) : kCount;
    case 4: return ATTRS_IS("step") ? ATTRS_NAME(kStep) : ATTRS_IS("ref0") ? ATTRS_NAME(kRef0) : kCount;
    case 5:
      return ATTRS_IS("phase")   ? ATTRS_NAME(kPhase)
             : ATTRS_IS("level") ? ATTRS_NAME(kLevel)
             : ATTRS_IS("order") ? ATTRS_NAME(kOrder)
             : ATTRS_IS("label") ? ATTRS_NAME(kLabel)
                                 : kCount;
    case 6: return ATTRS_IS("policy") ? ATTRS_NAME(kPolicy) : ATTRS_IS("reason") ? ATTRS_NAME(kReason) : kCount;
    case 7: return ATTRS_IS("subarch") ? ATTRS_NAME(kSubarch) : kCount;
    case 9: return ATTRS_IS("earlyinit") ? ATTRS_NAME(kEarlyinit) : kCount;
    default: return kCount;
  }
#undef ATTRS_IS
#undef ATTRS_NAME
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
    p = eq + 1 + strlen(eq + 1);  // values are longer than keys: a vector scan
    const unsigned i = Lookup(key, static_cast<size_t>(eq - key));
    if (i < kCount && !((has_ >> i) & 1)) {
      value_[i] = std::string_view(eq + 1, static_cast<size_t>(p - eq - 1));
      has_ |= 1u << i;
    }
    ++p;
  }
}

}  // namespace audit
