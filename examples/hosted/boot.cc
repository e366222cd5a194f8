// Steps that read the loader's data.
#include <string.h>

#include "bootproto/boot_params.h"
#include "examples/hosted/steps.h"

// Only a PVH loader hands over an hvm_start_info to validate.
static int pvh_check_start_info(const earlyinit_context *ctx) {
  return earlyinit_x86_boot_params(ctx) && earlyinit_x86_boot_params(ctx)->hdr.hardware_subarch_data ? 0 : -1;
}
EARLYINIT_IMPL(pvh_start_info, (xen_pvh), pvh_check_start_info);
EARLYINIT_EXEMPT(pvh_start_info, (pc)(lguest)(xen_pv)(intel_mid)(ce4100),
                 "only the PVH entry receives an hvm_start_info");

static int parse_cmdline(const earlyinit_context *ctx) {
  strcpy(mini_kernel.cmdline, ctx->subarch == EARLYINIT_SUBARCH_ID_xen_pv ? "console=hvc0" : "console=ttyS0");
  return 0;
}
EARLYINIT_IMPL(cmdline, EARLYINIT_ALL, parse_cmdline);

static int e820_setup(const earlyinit_context *ctx) {
  mini_kernel.e820_entries = earlyinit_x86_boot_params(ctx) ? earlyinit_x86_boot_params(ctx)->e820_entries : 0;
  return 0;
}
EARLYINIT_IMPL(e820, EARLYINIT_ALL, e820_setup);

// The EBDA is a BIOS structure: there is none under Xen.
static int reserve_bios_ebda(const earlyinit_context *) { return 0; }
EARLYINIT_IMPL(bios_ebda, (pc)(lguest)(intel_mid)(ce4100), reserve_bios_ebda);
EARLYINIT_EXEMPT(bios_ebda, (xen_pv)(xen_pvh), "no BIOS under Xen: there is no EBDA to reserve");

static int console_init(const earlyinit_context *) {
  mini_kernel.console_ready = 1;
  return 0;
}
EARLYINIT_IMPL(console, EARLYINIT_ALL, console_init);
