/* The consumer program's steps: a board kernel with two boards of its own
 * (a user-defined subarch set, explicit ids), three early-init steps. Every
 * file of the program includes this header, so all agree on the set. */
#ifndef CONSUMER_STEPS_H
#define CONSUMER_STEPS_H

#define EARLYINIT_SUBARCH_ID_board_a 0
#define EARLYINIT_SUBARCH_LABEL_board_a "Board A"
#define EARLYINIT_SUBARCH_ID_board_b 1
#define EARLYINIT_SUBARCH_LABEL_board_b "Board B"
#define EARLYINIT_SUBARCHS (board_a)(board_b)
#include "earlyinit/earlyinit.h"

#define EARLYINIT_STEP_clock     EARLYINIT_SPEC(early, 10, 0100, required, )
#define EARLYINIT_STEP_uart      EARLYINIT_SPEC(early, 10, 0200, required, (clock))
#define EARLYINIT_STEP_mmu_quirk EARLYINIT_SPEC(early, 20, 0100, required, )

#ifdef __cplusplus
extern "C" {
#endif
/* What the steps did, in order: one letter each. */
extern char consumer_log[16];
void consumer_note(char c);
#ifdef __cplusplus
}
#endif
#endif
