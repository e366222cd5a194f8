// earlyinit-audit paths, the rule: on each entry, a call into KASAN's
// runtime (__asan_*, __kasan_*: the caller is instrumented and touches the
// shadow) that comes, in path order, before kasan_early_init maps that
// shadow is a finding: the boot faults there (Linux 6.1's Xen PV and PVH
// entries with KASAN, docs/audit.md).
#ifndef EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_RULES_H
#define EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_RULES_H

#include <string>
#include <vector>

#include "src/audit/base/finding.h"
#include "src/audit/dwarf/call_tree.h"

namespace audit {

constexpr char kKasanEarlyInit[] = "kasan_early_init";
// The earlyinit step that maps the early shadow, in a kernel that uses earlyinit.
constexpr char kKasanEarlyStep[] = "kasan_early";

// One finding per entry and instrumented function: Finding::subarch is the
// entry, ::name the function, ::message the whole sentence with the chain.
struct KasanFinding {
  Finding finding;
  std::string entry, function;
  std::vector<std::string> runtime_calls;  // __asan_* it calls, first seen order
  std::vector<std::string> chain;          // entry symbol ... function
  bool early_init_later = false;           // the entry reaches kasan_early_init after it
};

std::vector<KasanFinding> KasanRule(const std::vector<EntryTree>& trees);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_COMMANDS_PATHS_RULES_H
