// Step e820: print the memory map the entry path put in the zero page, in
// Linux's format, and the usable RAM (capped by mem= from the command
// line, hence the dependency on step cmdline).
#include "examples/kernel/error_codes.h"
#include "examples/kernel/kernel.h"
#include "examples/kernel/log.h"
#include "examples/kernel/steps.h"

namespace {

const char* type_name(uint32_t type) {
  switch (type) {
    case BOOTPROTO_E820_RAM: return "usable";
    case BOOTPROTO_E820_RESERVED: return "reserved";
    case BOOTPROTO_E820_ACPI: return "ACPI data";
    case BOOTPROTO_E820_NVS: return "ACPI NVS";
    case BOOTPROTO_E820_UNUSABLE: return "unusable";
    case BOOTPROTO_E820_DISABLED: return "disabled";
    case BOOTPROTO_E820_PMEM: return "persistent (type 7)";
    default: return "type unknown";
  }
}

}  // namespace

static int e820_print_map(const earlyinit_context* ctx) {
  const bootproto_boot_params* bp = earlyinit_x86_boot_params(ctx);
  const unsigned n = bp->e820_entries;
  if (n == 0 || n > BOOTPROTO_E820_MAX_ENTRIES_ZEROPAGE) {
    kout() << "e820: " << n << " entries: no usable memory map";
    return kernel::kEINVAL;
  }
  kout() << "e820: BIOS-provided physical RAM map, " << n << " entries:";
  uint64_t usable = 0, highest = 0;
  const uint64_t limit = kernel::options.mem_limit ? kernel::options.mem_limit : ~0ull;
  for (unsigned i = 0; i < n; ++i) {
    const bootproto_e820_entry e = bp->e820_table[i];
    kout() << "e820: [mem " << hex(e.addr, 16) << "-" << hex(e.addr + e.size - 1, 16) << "] "
           << type_name(e.type);
    if (e.type != BOOTPROTO_E820_RAM || e.addr >= limit) continue;
    const uint64_t end = e.addr + e.size < limit ? e.addr + e.size : limit;
    usable += end - e.addr;
    if (end > highest) highest = end;
  }
  kout() << "e820: " << (usable >> 20) << " MiB usable, highest usable address "
         << hex(highest ? highest - 1 : 0);
  return usable ? 0 : kernel::kEINVAL;
}
EARLYINIT_IMPL(e820, EARLYINIT_ALL, e820_print_map);
