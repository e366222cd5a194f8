// libFuzzer target: earlyinit-audit paths over an input file read from
// memory (libelf's elf_memory, then libdw): the DWARF walk of the three
// Linux entries to depth 4, the matrix, the KASAN rule and all three
// renderers. The input's last byte picks the format. Any crash, leak or
// undefined behaviour is a bug; exit statuses do not matter.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "src/audit/audit.h"
#include "src/audit/fuzz/null_stream.h"
#include "src/audit/options.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  static const char* const kFormats[] = {"text", "json", "svg"};
  const char* format = kFormats[(size ? data[size - 1] : 0) % 3];
  audit_fuzz::NullStream out, err;
  audit::Options o;
  audit::ParseArgs({"paths", "input", "--preset", "linux-x86_64", "--depth", "4", "--format", format}, &o);
  audit::RunPaths(o, out, err, &bytes);
  return 0;
}
