/* The architecture-neutral core on its own: steps, tables and the
 * dispatcher with an explicit subarch id and a boot pointer of the
 * program's own type, as a non-x86 kernel would use them. Compiled for
 * aarch64 and riscv64 with only linktable/ and earlyinit/ (without x86.h)
 * on the include path (neutral_core_test.sh). */
#include "earlyinit/earlyinit.h"

#define EARLYINIT_STEP_uart_early EARLYINIT_SPEC(early, 10, 0100, required, )
#define EARLYINIT_STEP_mmu_on EARLYINIT_SPEC(setup_arch, 10, 0100, required, (uart_early))

EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(uart_early);
EARLYINIT_DEFINE_STEP(mmu_on);

/* What this board's loader hands over: a device tree, say. */
struct board_boot {
  unsigned long fdt;
};

static int uart_on(const earlyinit_context *ctx) {
  const struct board_boot *b = (const struct board_boot *)ctx->boot;
  return b && b->fdt ? 0 : 1;
}
static int mmu_enable(const earlyinit_context *ctx) { return ctx->phase == EARLYINIT_PHASE_setup_arch ? 0 : 1; }
EARLYINIT_IMPL(uart_early, EARLYINIT_ALL, uart_on);
EARLYINIT_IMPL(mmu_on, EARLYINIT_ALL, mmu_enable);

int board_start(const struct board_boot *boot);
int board_start(const struct board_boot *boot) {
  earlyinit_state state;
  earlyinit_hooks hooks = {0, 0, 0, 0};
  unsigned run = 0;
  int p;
  earlyinit_state_init(&state);
  for (p = 0; p < EARLYINIT_NR_PHASES; ++p)
    run += earlyinit_run_chain((enum earlyinit_phase)p, EARLYINIT_SUBARCH_ID_board, boot, &hooks,
                               &state).run;
  return (int)run;
}
