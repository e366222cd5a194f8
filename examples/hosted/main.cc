// The hosted demo: boots the mini kernel once per enabled subarch, each
// time from a boot_params as that subarch's loader would leave it, and
// prints each step as it runs (initcall_debug style, TSC cycles).
//
// `hosted --link-addresses` adds each step function's link-time address
// (fn=0x...) to its trace line, so that a test can hold what really ran
// against what earlyinit-audit reads from this binary's file.
#include <link.h>
#include <x86intrin.h>

#include <cstdio>
#include <cstring>

#include "bootproto/boot_params.h"
#include "bootproto/mem.h"
#include "bootproto/xen.h"
#include "examples/hosted/steps.h"

namespace {

// Stands for physical memory: the loader's structures live here.
alignas(8) unsigned char g_memory[4096];
constexpr uint64_t kMemoryBase = 0x100000;
constexpr uint64_t kStartInfo = kMemoryBase + 0x100;

bool g_link_addresses = false;
uintptr_t g_load_bias = 0;  // run-time minus link-time address (PIE)

int FindLoadBias(dl_phdr_info* info, size_t, void*) {
  g_load_bias = info->dlpi_addr;  // the first object is the program
  return 1;
}

void Trace(const earlyinit_trace* t, void*) {
  if (t->status == EARLYINIT_STARTING) return;
  char line[200];
  earlyinit_format_trace(line, sizeof line, t);
  if (g_link_addresses)
    std::printf("%s fn=%#lx\n", line,
                static_cast<unsigned long>(reinterpret_cast<uintptr_t>(t->fn) - g_load_bias));
  else
    std::puts(line);
}

void Fatal(const earlyinit_fatal* f, void*) {
  char line[200];
  earlyinit_format_fatal(line, sizeof line, f);
  std::printf("FATAL %s\n", line);
}

uint64_t Tsc(void*) { return __rdtsc(); }

// A zero page as each subarch's entry path would hand it over.
void BootParamsFor(unsigned subarch, bootproto_boot_params* bp) {
  std::memset(bp, 0, sizeof *bp);
  std::memset(g_memory, 0, sizeof g_memory);
  bp->hdr.version = BOOTPROTO_PROTOCOL_VERSION;
  bp->e820_entries = 3;
  switch (subarch) {
    case EARLYINIT_SUBARCH_ID_xen_pv:
      bp->hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
      bp->hdr.hardware_subarch_data = kStartInfo;
      std::memcpy(g_memory + 0x100, "xen-3.0-x86_64", 15);
      break;
    case EARLYINIT_SUBARCH_ID_xen_pvh: {
      bp->hdr.hardware_subarch = BOOTPROTO_X86_SUBARCH_XEN;
      bp->hdr.hardware_subarch_data = kStartInfo;
      const uint32_t magic = BOOTPROTO_XEN_HVM_START_MAGIC;
      std::memcpy(g_memory + 0x100, &magic, sizeof magic);
      break;
    }
    default:
      bp->hdr.hardware_subarch = subarch;  // ids 0-4 are Linux's values
  }
}

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--link-addresses") == 0) {
      g_link_addresses = true;
    } else {
      std::fprintf(stderr, "usage: %s [--link-addresses]\n", argv[0]);
      return 2;
    }
  }
  dl_iterate_phdr(FindLoadBias, nullptr);
  const bootproto_mem mem = bootproto_mem_buffer(g_memory, kMemoryBase, sizeof g_memory);
  earlyinit_hooks hooks = {Fatal, Trace, Tsc, nullptr};
  int failures = 0;
  LINKTABLE_FOREACH(s, earlyinit_subarchs) {
    bootproto_boot_params bp;
    BootParamsFor(s->id, &bp);
    std::printf("== %s (hardware_subarch %u)\n", earlyinit_subarch_label(s->id),
                bp.hdr.hardware_subarch);
    mini_kernel = {};
    earlyinit_state state;
    earlyinit_state_init(&state);
    for (int phase = 0; phase < EARLYINIT_NR_PHASES; ++phase) {
      earlyinit_summary sum =
          earlyinit_x86_run(static_cast<earlyinit_phase>(phase), &bp, &mem, &hooks, &state);
      std::printf("   %s: %u run, %u failed, %u skipped\n",
                  earlyinit_phase_name(static_cast<earlyinit_phase>(phase)), sum.run, sum.failed,
                  sum.skipped);
      failures += sum.stopped;
    }
    std::printf("   cr4 shadow %#lx, kasan shadow %s, cmdline \"%s\"\n", mini_kernel.cr4_shadow,
                mini_kernel.kasan_shadow_ready ? "ready" : "MISSING", mini_kernel.cmdline);
  }
  return failures ? 1 : 0;
}
