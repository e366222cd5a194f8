// libFuzzer target: the whole of earlyinit-audit's input handling. The
// input is a file: an ELF object, executable or archive. It is loaded from
// memory once (libelf's elf_memory, no temporary file), its metadata
// parsed, joined with the tables, turned into the earlyinit model; then
// every command computes its result over that model and every renderer
// prints it (the command line itself is not driven by the input: the
// goldens cover it; reloading per command made this 3x slower).
// Any crash, leak or undefined behaviour (ASan, UBSan) is a bug; exit
// statuses do not matter.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "src/audit/audit.h"
#include "src/audit/commands.h"
#include "src/audit/elf_file.h"
#include "src/audit/model.h"
#include "src/audit/program.h"
#include "src/linktable_meta/meta.h"

namespace {

bool LoadFromMemory(std::string bytes, audit::Program* p, std::string* error) {
  p->files = {"input"};
  return audit::LoadBuffer(std::move(bytes), "input", &p->objects, error) && audit::BuildProgram(p, error);
}

// Every command's result in every format, output discarded.
void AllCommands(const audit::Program& p, const audit::Model& m) {
  std::ostringstream out;
  audit::ListResult list;
  audit::ComputeList(m, "", &list);
  audit::RenderListText(m, list, out);
  audit::RenderListJson(p, m, list, out);
  audit::ListResult one;
  audit::ComputeList(m, "pc", &one);
  const audit::MatrixResult matrix = audit::ComputeMatrix(m);
  audit::RenderMatrixText(m, matrix, true, out);
  audit::RenderMatrixJson(p, m, matrix, out);
  audit::DiffResult diff;
  if (audit::ComputeDiff(m, "pc", "xen_pv", &diff).empty()) {
    audit::RenderDiffText(diff, out);
    audit::RenderDiffJson(p, diff, out);
  }
  const audit::CheckResult check = audit::ComputeCheck(p, m);
  audit::RenderCheckText(check, out);
  audit::RenderCheckJson(p, check, out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The metadata parser alone, on the raw bytes.
  linktable_meta::ParseViews(data, size);

  audit::Program program;
  std::string error;
  if (!LoadFromMemory(std::string(reinterpret_cast<const char*>(data), size), &program, &error)) return 0;
  audit::Model model;
  audit::BuildModel(program, &model);
  AllCommands(program, model);
  return 0;
}
