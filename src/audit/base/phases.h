// src/audit/base/phases.h: the phases of the audited program, in run order, as
// its metadata lists them (earlyinit/phase_record.h leaves one note record
// per phase; tables/model.cc reads them). The tool compiles in no list but the
// library's default, which only `trace` without --binary falls back on.
#ifndef EARLYINIT_SRC_AUDIT_BASE_PHASES_H
#define EARLYINIT_SRC_AUDIT_BASE_PHASES_H

#include <string>
#include <string_view>
#include <vector>

namespace audit {

struct Phase {
  std::string name;
  char letter = '?';  // the step key's letter
};

class PhaseList {
 public:
  // The library's own list (earlyinit/phases.h without a configuration).
  static const PhaseList& Default();

  void Add(std::string name, char letter) { phases_.push_back({std::move(name), letter}); }
  const std::vector<Phase>& all() const { return phases_; }
  bool empty() const { return phases_.empty(); }
  int Rank(std::string_view phase) const;     // -1 when unknown
  char Letter(std::string_view phase) const;  // '?' when unknown
  std::string Choices() const;                // "early|setup_arch|late"

 private:
  std::vector<Phase> phases_;
};

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_BASE_PHASES_H
