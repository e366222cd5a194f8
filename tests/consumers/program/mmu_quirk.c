/* Board A needs the step; board B is exempt, with a reason (an archive
 * member). */
#include "steps.h"

static int mmu_quirk_a(const earlyinit_context *c) {
  (void)c;
  consumer_note('q');
  return 0;
}
EARLYINIT_IMPL(mmu_quirk, (board_a), mmu_quirk_a);
EARLYINIT_EXEMPT(mmu_quirk, (board_b), "board B has no such MMU erratum");
