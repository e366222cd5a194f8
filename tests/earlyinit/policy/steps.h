/* The policy test's steps (steps.c). */
#ifndef EARLYINIT_TESTS_POLICY_STEPS_H
#define EARLYINIT_TESTS_POLICY_STEPS_H

#include "earlyinit/x86_subarchs.h"  // first: the subarchs the core is built for
#include "earlyinit/earlyinit.h"

#define EARLYINIT_STEP_probe       EARLYINIT_SPEC(early, 10, 0100, optional, )
#define EARLYINIT_STEP_after_probe EARLYINIT_SPEC(early, 10, 0200, optional, (probe))
#define EARLYINIT_STEP_critical    EARLYINIT_SPEC(early, 10, 0300, required, )
#define EARLYINIT_STEP_needs_probe EARLYINIT_SPEC(setup_arch, 20, 0100, required, (probe))
#define EARLYINIT_STEP_last        EARLYINIT_SPEC(late, 30, 0100, required, )

#define EARLYINIT_NR_SUBARCH_IDS_FOR_TEST 6

#ifdef __cplusplus
extern "C" {
#endif
/* Calls per subarch id and step (probe, after_probe, critical, needs_probe, last). */
extern unsigned policy_calls[EARLYINIT_NR_SUBARCH_IDS_FOR_TEST][5];
#ifdef __cplusplus
}
#endif

#endif
