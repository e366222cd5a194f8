// Step console: the 16550 UART on 0x3f8 becomes the kernel console and
// prints what was logged before it (the entry path's lines).
#include "examples/kernel/error_codes.h"
#include "examples/kernel/log.h"
#include "examples/kernel/serial.h"
#include "examples/kernel/steps.h"

static int serial_console_init(const earlyinit_context*) {
  if (!serial::init(serial::kCom1)) return kernel::kENODEV;
  klog::console_started();
  kout() << "console: ttyS0 at " << hex(serial::kCom1) << ", 115200 8n1";
  return 0;
}
EARLYINIT_IMPL(console, EARLYINIT_ALL, serial_console_init);
