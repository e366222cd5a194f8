// The common entry: both entry paths end here with a boot_params, and the
// earlyinit dispatcher picks the chain from it (hardware_subarch PC ->
// pc; Xen with an hvm_start_info at hardware_subarch_data -> xen_pvh).
#include "earlyinit/x86.h"  // first: the x86 subarchs, then the core
#include "earlyinit/earlyinit.h"
#include "examples/kernel/exit_codes.h"
#include "examples/kernel/kernel.h"
#include "examples/kernel/log.h"
#include "examples/kernel/x86.h"

namespace kernel {

bootproto_boot_params boot_params;
char boot_cmdline[kCmdlineSize];
Options options;

const bootproto_mem* boot_mem() {
  static bootproto_mem mem;  // zero-initialised: no guard, no constructor
  if (!mem.read) mem = bootproto_mem_identity(0, 1ull << 32);
  return &mem;
}

namespace {

[[noreturn]] void exit_qemu(uint8_t code, const char* what) {
  klog::emergency();
  kout() << "kernel: exit " << static_cast<unsigned>(KERNEL_QEMU_STATUS(code)) << " (" << what
         << ")";
  x86::outb(KERNEL_DEBUG_EXIT_PORT, code);
  x86::halt_forever();  // no isa-debug-exit device: stop here
}

// The trace hook prints the library's timed line per step when it ends
// (TSC cycles it took, the function's address: earlyinit-audit trace
// checks both against the image); the start event only records the clock.
void on_trace(const earlyinit_trace* t, void* user) {
  char line[EARLYINIT_TRACE_LINE_SIZE];
  if (earlyinit_format_trace_step(line, sizeof line, t, static_cast<earlyinit_tracer*>(user)))
    kout() << line;
}

void on_fatal(const earlyinit_fatal* f, void*) {
  char line[200];
  earlyinit_format_fatal(line, sizeof line, f);
  klog::emergency();
  kout() << line;
  die();
}

uint64_t read_clock(void*) { return x86::rdtsc(); }

[[noreturn]] void raise_fault(Fault f) {
  kout() << "kernel: fault= on the command line: raising "
         << (f == Fault::kInvalidOpcode ? "#UD" : "#PF");
  if (f == Fault::kInvalidOpcode) __asm__ volatile("ud2");
  // Beyond the identity map of [0, 4 GiB): not present.
  volatile const uint64_t* unmapped = reinterpret_cast<const uint64_t*>(0x7fff00000000ull);
  (void)*unmapped;
  kout() << "kernel: the fault did not happen";
  die();
}

}  // namespace

void die() { exit_qemu(KERNEL_EXIT_FAILURE, "failure"); }

void main(const bootproto_boot_params* bp) {
  earlyinit_tracer tracer = {0};
  const earlyinit_hooks hooks = {on_fatal, on_trace, read_clock, &tracer};
  earlyinit_state state;
  earlyinit_state_init(&state);

  earlyinit_fatal why;
  const int subarch = earlyinit_x86_subarch(bp, boot_mem(), &why);
  const char* name = subarch >= 0 ? earlyinit_subarch_name(static_cast<unsigned>(subarch)) : 0;
  kout() << "kernel: hardware_subarch " << bp->hdr.hardware_subarch << ", data "
         << hex(bp->hdr.hardware_subarch_data) << ": chain " << (name ? name : "(none)");

  earlyinit_summary total = {0, 0, 0, 0};
  const uint64_t start = x86::rdtsc();
  for (int p = EARLYINIT_PHASE_early; p < EARLYINIT_NR_PHASES; ++p) {
    const earlyinit_summary s =
        earlyinit_x86_run(static_cast<earlyinit_phase>(p), bp, boot_mem(), &hooks, &state);
    total.run += s.run;
    total.failed += s.failed;
    total.skipped += s.skipped;
    if (s.stopped) die();  // the fatal hook does not return; if it did, stop
  }
  kout() << "earlyinit: summary " << (name ? name : "?") << ": " << total.run << " run, "
         << total.failed << " failed, " << total.skipped << " skipped, "
         << (x86::rdtsc() - start) << " cycles";

  if (options.fault != Fault::kNone) raise_fault(options.fault);
  exit_qemu(KERNEL_EXIT_SUCCESS, "success");
}

}  // namespace kernel
