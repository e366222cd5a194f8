// libFuzzer target: the whole of earlyinit-audit's input handling. The
// input is a file: an ELF object, executable or archive. It is loaded from
// memory once (libelf's elf_memory, no temporary file), its metadata
// parsed, joined with the tables, turned into the earlyinit model; then one
// command, picked by the input's last byte, computes its result over that
// model and its text and JSON renderers print it (the command line itself
// is not driven by the input: the goldens cover it).
// Any crash, leak or undefined behaviour (ASan, UBSan) is a bug; exit
// statuses do not matter.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "src/audit/audit.h"
#include "src/audit/fuzz/null_stream.h"
#include "src/audit/report/check_report.h"
#include "src/audit/report/diff_report.h"
#include "src/audit/report/list_report.h"
#include "src/audit/report/matrix_report.h"
#include "src/audit/tables/elf_file.h"
#include "src/audit/tables/model.h"
#include "src/audit/tables/program.h"
#include "src/linktable_meta/meta.h"

namespace {

bool LoadFromMemory(std::string bytes, audit::Program* p, std::string* error) {
  p->files = {"input"};
  return audit::LoadBuffer(std::move(bytes), "input", &p->objects, error) && audit::BuildProgram(p, error);
}

// One command's result, in text and JSON, output discarded. The input's
// last byte picks it (an ELF file's last byte is padding or a header field
// the loader reads anyway): each run covers one command's code, not all
// four, and the fuzzer still reaches every command by mutating that byte.
void OneCommand(const audit::Program& p, const audit::Model& m, unsigned which) {
  audit_fuzz::NullStream out;  // every byte written, none kept
  switch (which % 4) {
    case 0: {
      const std::string only = which & 4 ? "pc" : "";
      if (!only.empty() && !audit::UnknownSubarch(audit::AllSubarchs(m), only).empty()) break;  // the tool exits 2
      const audit::ListResult list = audit::ComputeList(m, only);
      audit::RenderListText(m, list, out);
      audit::RenderListJson(p, m, list, out);
      break;
    }
    case 1: {
      const audit::MatrixResult matrix = audit::ComputeMatrix(m);
      audit::RenderMatrixText(m, matrix, true, out);
      audit::RenderMatrixJson(p, m, matrix, out);
      break;
    }
    case 2: {
      const std::vector<audit::ShownSubarch> known = audit::AllSubarchs(m);
      if (!audit::UnknownSubarch(known, "pc").empty() || !audit::UnknownSubarch(known, "xen_pv").empty()) break;
      const audit::DiffResult diff = audit::ComputeDiff(m, "pc", "xen_pv");
      audit::RenderDiffText(diff, out);
      audit::RenderDiffJson(p, diff, out);
      break;
    }
    default: {
      const audit::CheckResult check = audit::ComputeCheck(p, m);
      audit::RenderCheckText(check, out);
      audit::RenderCheckJson(p, check, out);
    }
  }
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
  OneCommand(program, model, size ? data[size - 1] : 0);
  return 0;
}
