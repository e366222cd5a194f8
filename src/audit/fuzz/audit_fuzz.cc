// libFuzzer target: the whole of earlyinit-audit's input handling. The
// input is a file: an ELF object, executable or archive. It is loaded with
// libelf, its metadata parsed, joined with the tables, turned into the
// earlyinit model, checked, and printed in every format. Any crash, leak or
// undefined behaviour (ASan, UBSan) is a bug; exit statuses do not matter.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "src/audit/audit.h"
#include "src/audit/elf_file.h"
#include "src/audit/model.h"
#include "src/audit/program.h"
#include "src/linktable_meta/meta.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The metadata parser alone, on the raw bytes.
  linktable_meta::Parse(data, size);

  const std::string bytes(reinterpret_cast<const char*>(data), size);
  audit::Program program;
  program.files = {"input"};
  std::string error;
  if (!audit::LoadBuffer(bytes, "input", &program.objects, &error)) return 0;
  if (!audit::BuildProgram(&program, &error)) return 0;
  audit::Model model;
  audit::BuildModel(program, &model);
  audit::Check(program, model);

  // Every command and format over the same input, output discarded.
  static const std::vector<std::vector<std::string>> kCommands = {
      {"list", "input"},
      {"--format", "json", "list", "input"},
      {"list", "--subarch", "pc", "input"},
      {"--color", "always", "matrix", "input"},
      {"--format", "json", "matrix", "input"},
      {"diff", "pc", "xen_pv", "input"},
      {"--format", "json", "diff", "pc", "xen_pvh", "input"},
      {"check", "input"},
      {"--format", "json", "check", "input"},
  };
  for (const auto& args : kCommands) {
    std::ostringstream out, err;
    audit::RunWith(args, out, err, false,
                   [](const std::vector<std::string>&, audit::Program* p, std::string* e,
                      void* ctx) {
                     p->files = {"input"};
                     return audit::LoadBuffer(*static_cast<const std::string*>(ctx), "input",
                                              &p->objects, e) &&
                            audit::BuildProgram(p, e);
                   },
                   const_cast<std::string*>(&bytes));
  }
  return 0;
}
