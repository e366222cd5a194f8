// The phase list's look-ups, and the library's default list: the fallback
// of `trace` without --binary (every other command reads the program's).
#include "src/audit/base/phases.h"

#include "earlyinit/phases.h"

namespace audit {

namespace {

#define AUDIT_PHASE_A(p) list.Add(#p, EARLYINIT_PHASE_LETTER(p)[0]); AUDIT_PHASE_B
#define AUDIT_PHASE_B(p) list.Add(#p, EARLYINIT_PHASE_LETTER(p)[0]); AUDIT_PHASE_A
#define AUDIT_PHASE_A_END
#define AUDIT_PHASE_B_END

PhaseList MakeDefault() {
  PhaseList list;
  EARLYINIT_I_WALK_(AUDIT_PHASE, EARLYINIT_PHASES)
  return list;
}

}  // namespace

const PhaseList& PhaseList::Default() {
  static const PhaseList list = MakeDefault();
  return list;
}

int PhaseList::Rank(std::string_view phase) const {
  for (size_t i = 0; i < phases_.size(); ++i)
    if (phases_[i].name == phase) return static_cast<int>(i);
  return -1;
}

char PhaseList::Letter(std::string_view phase) const {
  const int r = Rank(phase);
  return r < 0 ? '?' : phases_[static_cast<size_t>(r)].letter;
}

std::string PhaseList::Choices() const {
  std::string out;
  for (const Phase& p : phases_) out.append(out.empty() ? "" : "|").append(p.name);
  return out.empty() ? "(none)" : out;
}

}  // namespace audit
