// The phases earlyinit-audit knows, from the library's one list
// (include/earlyinit/phases.h). Its own file, so that a test can build the
// tool for another list (tests/earlyinit:extra_phase_test).
#include "src/audit/phases.h"

#include <iterator>

#include <boost/preprocessor/seq/for_each.hpp>
#include <boost/preprocessor/stringize.hpp>

#include "earlyinit/phases.h"

namespace audit {

namespace {

struct PhaseInfo {
  const char* name;
  char letter;
};
#define AUDIT_PHASE_INFO(r, data, p) {BOOST_PP_STRINGIZE(p), EARLYINIT_PHASE_LETTER(p)[0]},
constexpr PhaseInfo kPhases[] = {BOOST_PP_SEQ_FOR_EACH(AUDIT_PHASE_INFO, ~, EARLYINIT_PHASES)};

}  // namespace

const std::vector<std::string>& Phases() {
  static const std::vector<std::string> phases = [] {
    std::vector<std::string> v;
    for (const PhaseInfo& p : kPhases) v.push_back(p.name);
    return v;
  }();
  return phases;
}

int PhaseRank(std::string_view phase) {
  for (size_t i = 0; i < std::size(kPhases); ++i)
    if (kPhases[i].name == phase) return static_cast<int>(i);
  return -1;
}

char PhaseLetter(std::string_view phase) {
  const int r = PhaseRank(phase);
  return r < 0 ? '?' : kPhases[r].letter;
}

std::string PhaseChoices() {
  std::string out;
  for (const PhaseInfo& p : kPhases) out.append(out.empty() ? "" : "|").append(p.name);
  return out;
}

}  // namespace audit
