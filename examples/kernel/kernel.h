// kernel.h: what the entry paths, the common entry and the steps share.
//
// Both entry paths (entry_pvh.S + pvh.cc, entry_multiboot.S +
// multiboot.cc) fill `boot_params` with a bootproto converter, copying the
// command line into `boot_cmdline`, and call kernel::main, which runs the
// earlyinit dispatcher.
#ifndef EXAMPLES_KERNEL_KERNEL_H
#define EXAMPLES_KERNEL_KERNEL_H

#include <stddef.h>
#include <stdint.h>

#include "bootproto/boot_params.h"
#include "bootproto/mem.h"

namespace kernel {

// The zero page the entry path builds.
extern bootproto_boot_params boot_params;

// The entry path's copy of the loader's command line (QEMU's PVH buffer
// is 4096 bytes too); boot_params.hdr.cmd_line_ptr points here.
constexpr size_t kCmdlineSize = 4096;
extern char boot_cmdline[kCmdlineSize];

// Physical memory as the boot page tables map it: [0, 4 GiB), identity.
// Every read of loader memory goes through it.
const bootproto_mem* boot_mem();

// What the command line asked for (filled by the cmdline step).
enum class Fault { kNone, kInvalidOpcode, kPageFault };
struct Options {
  uint64_t mem_limit;  // mem=: ignore RAM above this (0: no limit)
  Fault fault;         // fault=ud2|pf: raise a CPU fault after the chains
};
extern Options options;

// The common entry: runs the early, setup_arch and late chains for the
// subarch boot_params names, prints a summary, exits QEMU.
[[noreturn]] void main(const bootproto_boot_params* bp);

// Fatal: the caller has printed why. Prints the exit line and leaves
// through isa-debug-exit with KERNEL_EXIT_FAILURE (halts if there is no
// such device).
[[noreturn]] void die();

}  // namespace kernel

#endif  // EXAMPLES_KERNEL_KERNEL_H
