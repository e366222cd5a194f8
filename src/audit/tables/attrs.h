// earlyinit-audit: the earlyinit attributes of one metadata record, read in
// one pass over its "k=v" strings (the model asks for several of each of
// 100,000 records). For each name the first value counts, as with
// RecordView::Attr.
#ifndef EARLYINIT_SRC_AUDIT_TABLES_ATTRS_H
#define EARLYINIT_SRC_AUDIT_TABLES_ATTRS_H

#include <cstdint>
#include <string_view>

#include "src/audit/tables/program.h"

namespace audit {

enum class AttrName {
  kEarlyinit, kSubarch, kStep, kPhase, kPolicy, kLevel, kOrder, kId, kLabel, kReason, kDep, kFn,
  kRef0, kCount
};

class Attrs {
 public:
  explicit Attrs(const Record* r);  // nullptr: no attributes

  bool Has(AttrName n) const { return (has_ >> Index(n)) & 1; }
  std::string_view Get(AttrName n) const { return value_[Index(n)]; }  // "" when absent
  std::string_view Or(AttrName n, std::string_view fallback) const { return Has(n) ? Get(n) : fallback; }

 private:
  static unsigned Index(AttrName n) { return static_cast<unsigned>(n); }
  std::string_view value_[static_cast<unsigned>(AttrName::kCount)];
  uint32_t has_ = 0;
};

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_TABLES_ATTRS_H
