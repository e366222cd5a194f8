/*
 * Steps whose outcome depends on the subarch, so that one program shows
 * every policy of the dispatcher (policy_test.cc says what each subarch
 * must do):
 *
 *   early      probe        optional          fails on xen_pv, intel_mid, ce4100
 *   early      after_probe  optional (probe)
 *   early      critical     required          fails with -5 on lguest
 *   setup_arch needs_probe  required (probe)  exempt on xen_pv
 *   late       last         required
 */
#include "tests/earlyinit/policy/steps.h"

EARLYINIT_DEFINE_TABLES();
EARLYINIT_DEFINE_STEP(probe);
EARLYINIT_DEFINE_STEP(after_probe);
EARLYINIT_DEFINE_STEP(critical);
EARLYINIT_DEFINE_STEP(needs_probe);
EARLYINIT_DEFINE_STEP(last);

unsigned policy_calls[EARLYINIT_NR_SUBARCH_IDS_FOR_TEST][5];

static int probe(const earlyinit_context *c) {
  ++policy_calls[c->subarch][0];
  return c->subarch == EARLYINIT_SUBARCH_ID_xen_pv || c->subarch == EARLYINIT_SUBARCH_ID_intel_mid ||
                 c->subarch == EARLYINIT_SUBARCH_ID_ce4100
             ? -19
             : 0;
}
static int after_probe(const earlyinit_context *c) { ++policy_calls[c->subarch][1]; return 0; }
static int critical(const earlyinit_context *c) {
  ++policy_calls[c->subarch][2];
  return c->subarch == EARLYINIT_SUBARCH_ID_lguest ? -5 : 0;
}
static int needs_probe(const earlyinit_context *c) { ++policy_calls[c->subarch][3]; return 0; }
static int last(const earlyinit_context *c) { ++policy_calls[c->subarch][4]; return 0; }

EARLYINIT_IMPL(probe, EARLYINIT_ALL, probe);
EARLYINIT_IMPL(after_probe, EARLYINIT_ALL, after_probe);
EARLYINIT_IMPL(critical, EARLYINIT_ALL, critical);
EARLYINIT_IMPL(needs_probe, (pc)(lguest)(intel_mid)(ce4100)(xen_pvh), needs_probe);
EARLYINIT_EXEMPT(needs_probe, (xen_pv), "the probe never succeeds under Xen PV");
EARLYINIT_IMPL(last, EARLYINIT_ALL, last);
