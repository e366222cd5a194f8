/**
 * @file
 * earlyinit/earlyinit.h: everything a kernel needs, in one include, on any
 * architecture.
 *
 *   phases.h    the dispatch points (early, setup_arch, late)
 *   subarch.h   the subarch registry and the enabled set (build setting)
 *   tables.h    the tables, their entry types, EARLYINIT_DEFINE_TABLES()
 *   step.h      EARLYINIT_SPEC, EARLYINIT_DEFINE_STEP, EARLYINIT_IMPL,
 *               EARLYINIT_EXEMPT
 *   dispatch.h  earlyinit_run_chain and the hooks
 *   format.h    earlyinit_format_fatal / _trace: messages without libc
 *
 * x86 kernels also include earlyinit/x86.h (earlyinit_x86_run: the chain
 * from a boot_params), the bridge to bootproto/.
 */
#ifndef EARLYINIT_EARLYINIT_H
#define EARLYINIT_EARLYINIT_H
#include "earlyinit/phases.h"
#include "earlyinit/subarch.h"
#include "earlyinit/tables.h"
#include "earlyinit/step.h"
#include "earlyinit/dispatch.h"
#include "earlyinit/format.h"
#endif
