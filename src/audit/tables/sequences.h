// earlyinit-audit: what the commands read from the model the same way:
// the subarchs to show, a subarch's run sequence, level and order.
#ifndef EARLYINIT_SRC_AUDIT_TABLES_SEQUENCES_H
#define EARLYINIT_SRC_AUDIT_TABLES_SEQUENCES_H

#include <cstdint>
#include <string>
#include <vector>

#include "src/audit/tables/model.h"

namespace audit {

// Enabled subarchs in id order, then subarchs that only have chains or
// exemptions (not enabled), by name.
struct ShownSubarch {
  std::string name, label;
  int64_t id = -1;
  bool enabled = false;
};
std::vector<ShownSubarch> AllSubarchs(const Model& m);
// "unknown subarch S (known: a, b)" when name is not among them, else "".
std::string UnknownSubarch(const std::vector<ShownSubarch>& subs, const std::string& name);

// A subarch's run sequence: its chains in phase order.
struct RunItem {
  const Chain* chain;
  const Impl* impl;
};
std::vector<RunItem> RunSequence(const Model& m, const std::string& subarch);

// Level and order of an implementation: from its key, else its step.
void LevelOrder(const Model& m, const Impl& im, int* level, int* order);

// Whether an exemption's reason is missing (empty or blanks only).
bool IsBlank(const std::string& reason);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_TABLES_SEQUENCES_H
