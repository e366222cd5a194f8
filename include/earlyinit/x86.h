/**
 * @file
 * earlyinit/x86.h: pick the chain from an x86 boot_params.
 *
 * The bridge between x86's boot protocol (bootproto/) and the
 * architecture-neutral dispatcher: it uses only the dispatcher's public
 * API, and only x86 code includes it (earlyinit.h does not). It brings the
 * x86 subarchs (earlyinit/x86_subarchs.h) and the core, in that order: an
 * x86 file includes it instead of, or before, earlyinit/earlyinit.h.
 *
 * hdr.hardware_subarch is trusted only from protocol 2.07 on (older means
 * PC, as Linux's head_32.S did). Xen (2) is told apart by the magic at
 * hdr.hardware_subarch_data, the physical address of the loader's own
 * structure, read through the caller's bounded accessor:
 *   0x336ec578 (hvm_start_info)  -> xen_pvh
 *   "xen-3."   (Xen PV start_info) -> xen_pv
 * Anything else, a zero address, or an address the accessor cannot read
 * stops the boot in the fatal hook with a message that names the value
 * (enum earlyinit_x86_fatal_reason, in x86's words).
 *
 * @code
 *   bootproto_mem mem = bootproto_mem_identity(0, 1ull << 32);
 *   earlyinit_summary s = earlyinit_x86_run(EARLYINIT_PHASE_early, bp, &mem, &hooks, &state);
 * @endcode
 */
#ifndef EARLYINIT_X86_H
#define EARLYINIT_X86_H

#include "earlyinit/x86_subarchs.h"

#include "linktable/types.h"

#include "bootproto/boot_params.h"
#include "bootproto/mem.h"
#include "bootproto/xen.h"
#include "earlyinit/earlyinit.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Why a boot_params names no subarch (earlyinit_fatal.reason): an
 *  adapter's reasons, each with its message (earlyinit_fatal_init). */
enum earlyinit_x86_fatal_reason {
  EARLYINIT_FATAL_UNKNOWN_SUBARCH = EARLYINIT_FATAL_ADAPTER, /**< hardware_subarch out of range */
  EARLYINIT_FATAL_NO_SUBARCH_DATA, /**< Xen without hardware_subarch_data */
  EARLYINIT_FATAL_UNREADABLE_DATA, /**< hardware_subarch_data unreadable */
  EARLYINIT_FATAL_UNKNOWN_MAGIC    /**< neither PVH nor PV magic there */
};

/* Linux's hardware_subarch values -> earlyinit ids, by enum value: -Wswitch
 * (in -Wall) turns a value added to the enum and missing here into a
 * compile error, and nothing depends on the order of a list. Xen is
 * resolved by magic below. */
static inline int earlyinit_x86_id_of_(uint32_t v) {
  switch ((enum bootproto_x86_subarch)v) {
    case BOOTPROTO_X86_SUBARCH_PC: return EARLYINIT_SUBARCH_ID_pc;
    case BOOTPROTO_X86_SUBARCH_LGUEST: return EARLYINIT_SUBARCH_ID_lguest;
    case BOOTPROTO_X86_SUBARCH_XEN: return EARLYINIT_SUBARCH_ID_xen_pv;
    case BOOTPROTO_X86_SUBARCH_INTEL_MID: return EARLYINIT_SUBARCH_ID_intel_mid;
    case BOOTPROTO_X86_SUBARCH_CE4100: return EARLYINIT_SUBARCH_ID_ce4100;
    case BOOTPROTO_X86_NR_SUBARCHS: break;
  }
  return -1;
}

/**
 * The earlyinit subarch id of a boot, or -1 after filling *why.
 *
 * @v bp        The zero page
 * @v mem       Bounded accessor to physical memory (for Xen's magic)
 * @v why       Filled when the boot cannot be classified
 * @ret id      EARLYINIT_SUBARCH_ID_... (not yet checked for enabled)
 *
 * @code
 *   earlyinit_fatal why;
 *   int id = earlyinit_x86_subarch(bp, &mem, &why);
 * @endcode
 */
static inline int earlyinit_x86_subarch(const struct bootproto_boot_params *bp,
                                        const bootproto_mem *mem,
                                        earlyinit_fatal *why) {
  uint32_t v;
  uint64_t data;
  unsigned char magic[BOOTPROTO_XEN_PV_START_INFO_MAGIC_LEN];
  uint32_t magic32;
  unsigned i;
  static const char pv[] = BOOTPROTO_XEN_PV_START_INFO_MAGIC;
  if (bp->hdr.version < BOOTPROTO_PROTOCOL_SUBARCH) return EARLYINIT_SUBARCH_ID_pc;
  v = bp->hdr.hardware_subarch;
  if (earlyinit_x86_id_of_(v) < 0) {
    earlyinit_fatal_init(why, EARLYINIT_FATAL_UNKNOWN_SUBARCH, "unknown hardware_subarch %u (%x)",
                         v, v);
    return -1;
  }
  if (v != BOOTPROTO_X86_SUBARCH_XEN) return earlyinit_x86_id_of_(v);
  data = bp->hdr.hardware_subarch_data;
  if (data == 0) {
    earlyinit_fatal_init(why, EARLYINIT_FATAL_NO_SUBARCH_DATA,
                         "hardware_subarch is Xen (2) but hardware_subarch_data is 0", 0, 0);
    return -1;
  }
  if (bootproto_mem_read(mem, data, magic, sizeof magic) != 0) {
    earlyinit_fatal_init(why, EARLYINIT_FATAL_UNREADABLE_DATA,
                         "hardware_subarch_data %x is outside readable memory", data, 0);
    return -1;
  }
  magic32 = (uint32_t)magic[0] | (uint32_t)magic[1] << 8 | (uint32_t)magic[2] << 16 |
            (uint32_t)magic[3] << 24;
  if (magic32 == BOOTPROTO_XEN_HVM_START_MAGIC) return EARLYINIT_SUBARCH_ID_xen_pvh;
  for (i = 0; i < sizeof magic; ++i)
    if (magic[i] != (unsigned char)pv[i]) break;
  if (i == sizeof magic) return EARLYINIT_SUBARCH_ID_xen_pv;
  earlyinit_fatal_init(why, EARLYINIT_FATAL_UNKNOWN_MAGIC,
                       "unknown magic %x at hardware_subarch_data %x "
                       "(neither hvm_start_info nor Xen PV start_info)",
                       magic32, data);
  return -1;
}

/**
 * Run the chain of `phase` for the subarch this boot_params describes.
 *
 * @code
 *   earlyinit_x86_run(EARLYINIT_PHASE_early, bp, &mem, &hooks, &state);
 * @endcode
 */
static inline earlyinit_summary earlyinit_x86_run(enum earlyinit_phase phase,
                                                  const struct bootproto_boot_params *bp,
                                                  const bootproto_mem *mem,
                                                  const earlyinit_hooks *hooks,
                                                  earlyinit_state *state) {
  earlyinit_fatal why;
  const int id = earlyinit_x86_subarch(bp, mem, &why);
  if (id < 0) return earlyinit_report_fatal(hooks, &why);
  return earlyinit_run_chain(phase, (unsigned)id, bp, hooks, state);
}

/**
 * The zero page a step's chain was run with (earlyinit_x86_run's `bp`).
 *
 * @code
 *   static int e820_step(const earlyinit_context *ctx) {
 *     return earlyinit_x86_boot_params(ctx)->e820_entries ? 0 : -1;
 *   }
 * @endcode
 */
static inline const struct bootproto_boot_params *earlyinit_x86_boot_params(
    const earlyinit_context *ctx) {
  return (const struct bootproto_boot_params *)ctx->boot;
}

#ifdef __cplusplus
}
#endif

#endif /* EARLYINIT_X86_H */
