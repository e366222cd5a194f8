// src/audit/phases.h: the phases in run order, as earlyinit/phases.h lists
// them (phases.cc).
#ifndef EARLYINIT_SRC_AUDIT_PHASES_H
#define EARLYINIT_SRC_AUDIT_PHASES_H

#include <string>
#include <string_view>
#include <vector>

namespace audit {

const std::vector<std::string>& Phases();
int PhaseRank(std::string_view phase);     // -1 when unknown
char PhaseLetter(std::string_view phase);  // the step key's letter, '?' when unknown
std::string PhaseChoices();                // "early|setup_arch|late"

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_PHASES_H
