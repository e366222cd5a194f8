// Step cmdline: copy the command line the zero page points at into the
// kernel's own buffer (as Linux's boot_command_line), print it whole, and
// parse the parameters this kernel knows:
//   mem=<n>[KMG]   ignore RAM above n (step e820)
//   fault=ud2|pf   raise #UD or #PF after the chains (tests the early IDT)
// Other words are counted and left alone.
#include "bootproto/mem.h"
#include "examples/kernel/error_codes.h"
#include "examples/kernel/kernel.h"
#include "examples/kernel/log.h"
#include "examples/kernel/steps.h"

namespace {

char command_line[kernel::kCmdlineSize];

bool word_is(const char* w, size_t n, const char* s) {
  size_t i = 0;
  for (; i < n && s[i]; ++i)
    if (w[i] != s[i]) return false;
  return i == n && !s[i];
}

// "64M" -> 64 << 20. Returns false on anything else.
bool parse_size(const char* s, size_t n, uint64_t* out) {
  uint64_t v = 0;
  size_t i = 0;
  for (; i < n && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (v > (~0ull - 9) / 10) return false;
    v = v * 10 + static_cast<uint64_t>(s[i] - '0');
  }
  if (i == 0) return false;
  unsigned shift = 0;
  if (i + 1 == n) {
    switch (s[i]) {
      case 'K': case 'k': shift = 10; break;
      case 'M': case 'm': shift = 20; break;
      case 'G': case 'g': shift = 30; break;
      default: return false;
    }
  } else if (i != n) {
    return false;
  }
  if (shift && v > (~0ull >> shift)) return false;
  *out = v << shift;
  return true;
}

// One "key=value" word. Returns false if a known key has a bad value.
bool parse_param(const char* w, size_t n, unsigned* known) {
  size_t eq = 0;
  while (eq < n && w[eq] != '=') ++eq;
  const char* value = w + eq + 1;
  const size_t vn = eq < n ? n - eq - 1 : 0;
  if (word_is(w, eq, "mem")) {
    ++*known;
    if (!parse_size(value, vn, &kernel::options.mem_limit)) return false;
    kout() << "cmdline: mem=" << Bytes{value, vn} << ": RAM above "
           << hex(kernel::options.mem_limit) << " is ignored";
    return true;
  }
  if (word_is(w, eq, "fault")) {
    ++*known;
    if (word_is(value, vn, "ud2"))
      kernel::options.fault = kernel::Fault::kInvalidOpcode;
    else if (word_is(value, vn, "pf"))
      kernel::options.fault = kernel::Fault::kPageFault;
    else
      return false;
    kout() << "cmdline: fault=" << Bytes{value, vn} << ": a CPU fault after the chains";
    return true;
  }
  return true;
}

}  // namespace

static int parse_cmdline(const earlyinit_context* ctx) {
  const bootproto_boot_params* bp = earlyinit_x86_boot_params(ctx);
  const uint64_t pa = bp->hdr.cmd_line_ptr | static_cast<uint64_t>(bp->ext_cmd_line_ptr) << 32;
  size_t len = 0;
  if (pa) {
    // Byte by byte through the accessor: the string's end is not known.
    for (; len + 1 < sizeof command_line; ++len) {
      if (bootproto_mem_read(kernel::boot_mem(), pa + len, &command_line[len], 1) != 0) {
        kout() << "cmdline: unreadable at " << hex(pa + len);
        return kernel::kEIO;
      }
      if (!command_line[len]) break;
    }
    if (len + 1 == sizeof command_line) kout() << "cmdline: truncated to " << len << " bytes";
  }
  command_line[len] = 0;
  kout() << "cmdline: " << len << " bytes: " << Bytes{command_line, len};
  unsigned words = 0, known = 0;
  for (size_t i = 0; i < len;) {
    while (i < len && command_line[i] == ' ') ++i;
    size_t end = i;
    while (end < len && command_line[end] != ' ') ++end;
    if (end == i) break;
    ++words;
    if (!parse_param(&command_line[i], end - i, &known)) {
      kout() << "cmdline: bad value: " << Bytes{&command_line[i], end - i};
      return kernel::kEINVAL;
    }
    i = end;
  }
  kout() << "cmdline: " << words << " words, " << known << " for this kernel";
  return 0;
}
EARLYINIT_IMPL(cmdline, EARLYINIT_ALL, parse_cmdline);
