/**
 * @file
 * earlyinit/x86_subarchs.h: the x86 subarchs, a preset of the registry
 * (earlyinit/subarch.h).
 *
 * Ids 0-4 are Linux's enum x86_hardware_subarch values; Xen (2) is Xen PV,
 * and Xen PVH, which Linux reports as 2 too when hardware_subarch_data
 * points at an hvm_start_info, gets id 5. All six are enabled unless the
 * build names its own set first:
 *
 *     -DEARLYINIT_SUBARCHS='(pc)(xen_pvh)'
 *
 * The core builds its tables for the subarchs it knows when it is first
 * included, so this header comes before earlyinit/earlyinit.h:
 * earlyinit/x86.h includes it first, and so may EARLYINIT_CONFIG_HEADER.
 *
 * @code
 *   #include "earlyinit/x86_subarchs.h"
 *   #include "earlyinit/earlyinit.h"
 *   enum { n_x86 = EARLYINIT_IS_ENABLED(pc) + EARLYINIT_IS_ENABLED(xen_pvh) };
 * @endcode
 */
#ifndef EARLYINIT_X86_SUBARCHS_H
#define EARLYINIT_X86_SUBARCHS_H

#ifdef EARLYINIT_SUBARCH_H
#error "earlyinit/x86_subarchs.h: included after earlyinit/earlyinit.h, whose tables are built for the subarchs it knew then (expected earlyinit/x86.h or this header before it)"
#endif

/** @{ */
/** The x86 preset: id and label of each subarch. */
#define EARLYINIT_SUBARCH_ID_pc 0
#define EARLYINIT_SUBARCH_LABEL_pc "PC"
#define EARLYINIT_SUBARCH_ID_lguest 1
#define EARLYINIT_SUBARCH_LABEL_lguest "lguest"
#define EARLYINIT_SUBARCH_ID_xen_pv 2
#define EARLYINIT_SUBARCH_LABEL_xen_pv "Xen PV"
#define EARLYINIT_SUBARCH_ID_intel_mid 3
#define EARLYINIT_SUBARCH_LABEL_intel_mid "Intel MID"
#define EARLYINIT_SUBARCH_ID_ce4100 4
#define EARLYINIT_SUBARCH_LABEL_ce4100 "CE4100"
#define EARLYINIT_SUBARCH_ID_xen_pvh 5
#define EARLYINIT_SUBARCH_LABEL_xen_pvh "Xen PVH"
/** @} */

/** Every subarch of the x86 preset. */
#define EARLYINIT_X86_SUBARCHS (pc)(lguest)(xen_pv)(intel_mid)(ce4100)(xen_pvh)

#ifndef EARLYINIT_SUBARCHS
/** The enabled subarchs: the whole preset unless the build chose. */
#define EARLYINIT_SUBARCHS EARLYINIT_X86_SUBARCHS
#endif

#endif /* EARLYINIT_X86_SUBARCHS_H */
