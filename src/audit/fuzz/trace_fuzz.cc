// libFuzzer target: `earlyinit-audit trace`'s log parser, its check against
// a chain and its three renderers, in memory (no temporary files). The
// input is a boot log; the binary is a fixed model (a pc chain with
// function addresses), so the check's every path is reachable. Crashes, leaks and undefined behaviour
// (ASan, UBSan) are bugs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/audit/commands/trace_cmd.h"
#include "src/audit/fuzz/null_stream.h"
#include "src/audit/report/trace_report.h"
#include "src/audit/tables/model.h"

namespace {

const audit::Model& PcModel() {
  static const audit::Model* m = [] {
    auto* model = new audit::Model;
    audit::Chain early{"earlyinit_early__pc", "early", "pc", {}};
    const char* steps[] = {"console", "cr4_shadow", "kasan_early", "cmdline"};
    for (uint64_t i = 0; i < 4; ++i) {
      audit::Impl im;
      im.step = steps[i];
      im.function = model->Keep(std::string(steps[i]) + "_fn");
      im.has_address = true;
      im.address = 0x1000 + 0x100 * i;
      early.impls.push_back(im);
    }
    model->chains.push_back(early);
    model->Index();
    return model;
  }();
  return *m;
}

}  // namespace

// The input's last byte picks one renderer, and whether the log is given
// once or twice (two LOGs: boots across logs): one path per run, every
// path reachable by mutating that byte. The log is parsed where libFuzzer
// holds it (no copy); the renderers write every byte to a stream that
// keeps none (audit::NullStream).
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const unsigned which = size ? data[size - 1] : 0;
  std::string error;
  const audit::TraceResult r =
      which & 4 ? audit::ComputeTrace({{"log", text}, {"log2", text}}, &PcModel(), "bin", &error)
                : audit::ComputeTrace({{"log", text}}, &PcModel(), "bin", &error);
  audit_fuzz::NullStream out;
  switch (which % 4) {
    case 0: audit::RenderTraceText(r, out); break;
    case 1: audit::RenderTraceJson(r, out); break;
    case 2: audit::RenderTraceSvg(r, out); break;
    default:  // all three, as the command line may be run on one result
      audit::RenderTraceText(r, out);
      audit::RenderTraceJson(r, out);
      audit::RenderTraceSvg(r, out);
  }
  return 0;
}
