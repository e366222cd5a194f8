/* Runs the early chain of each board, by explicit subarch id, and checks
 * what ran: board A "caq" (clock, uart, quirk), board B "cb" (clock, uart;
 * the quirk is exempt). Prints one line per board; exits 0 only if both
 * are exact. */
#include <stdio.h>
#include <string.h>

#include "steps.h"

static void fatal(const earlyinit_fatal *f, void *user) {
  char line[160];
  (void)user;
  earlyinit_format_fatal(line, sizeof line, f);
  printf("FATAL %s\n", line);
}

static int run(unsigned id, const char *expected) {
  earlyinit_hooks hooks = {fatal, 0, 0, 0};
  earlyinit_state state;
  earlyinit_summary s;
  memset(consumer_log, 0, sizeof consumer_log);
  earlyinit_state_init(&state);
  s = earlyinit_run_chain(EARLYINIT_PHASE_early, id, 0, &hooks, &state);
  printf("%s: %s (%u run)\n", earlyinit_subarch_label(id), consumer_log, s.run);
  return s.stopped == 0 && strcmp(consumer_log, expected) == 0;
}

int main(void) {
  int ok = run(EARLYINIT_SUBARCH_ID_board_a, "caq");
  ok &= run(EARLYINIT_SUBARCH_ID_board_b, "cb");
  puts(ok ? "CONSUMER OK" : "CONSUMER WRONG");
  return ok ? 0 : 1;
}
