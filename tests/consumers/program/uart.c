/* One implementation per board (an archive member). Built with
 * -DCONSUMER_DROP_UART_B, board B's is missing: the program must not link. */
#include "steps.h"

static int uart_a(const earlyinit_context *c) {
  (void)c;
  consumer_note('a');
  return 0;
}
EARLYINIT_IMPL(uart, (board_a), uart_a);

#ifndef CONSUMER_DROP_UART_B
static int uart_b(const earlyinit_context *c) {
  (void)c;
  consumer_note('b');
  return 0;
}
EARLYINIT_IMPL(uart, (board_b), uart_b);
#endif
