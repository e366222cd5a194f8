// earlyinit-audit's top, one shape for every command: parse and check the
// arguments -> read the command's inputs (a binary's tables into the model,
// boot logs, DWARF) -> its Compute* function, which returns a result -> the
// text, JSON or SVG renderer of that result.
#include "src/audit/audit.h"

#include <cstdlib>
#include <memory>

#include "src/audit/errors.h"
#include "src/audit/logs/log_file.h"
#include "src/audit/options.h"
#include "src/audit/presets.h"
#include "src/audit/report/check_report.h"
#include "src/audit/report/diff_report.h"
#include "src/audit/report/list_report.h"
#include "src/audit/report/matrix_report.h"
#include "src/audit/report/paths_report.h"
#include "src/audit/report/trace_report.h"

namespace audit {

namespace {

bool g_keep_memory_at_exit = false;

int Error(std::ostream& err, const std::string& message) { return ReportError(err, message); }
int Usage(std::ostream& err, const std::string& message) { return ReportUsage(err, message); }

bool Colour(const Options& o, bool tty) {
  if (o.format == Format::kJson) return false;
  return o.color == Color::kAlways || (o.color == Color::kAuto && tty && !getenv("NO_COLOR"));
}

// A binary's tables read by `load` into *p, and the earlyinit model built
// from them; the model's notes go to err. False with *error set when the
// inputs are bad or hold what the tool cannot read.
bool LoadTables(Loader load, void* context, const std::vector<std::string>& files, Program* p, Model* m,
                std::ostream& err, std::string* error) {
  if (!load(files, p, error, context)) return false;
  BuildModel(*p, m);
  *error = UnreadableError(*p, *m);
  ReportNotes(err, m->notices);
  return error->empty();
}

// The subarchs the command names (list --subarch, diff's two), checked
// against the model: "" or the error.
std::string UnknownNamedSubarch(const Options& o, const Model& m) {
  std::vector<std::string> named;
  if (!o.subarch.empty()) named = {o.subarch};
  if (o.command == Command::kDiff) named = {o.positional[0], o.positional[1]};
  const std::vector<ShownSubarch> known = named.empty() ? std::vector<ShownSubarch>() : AllSubarchs(m);
  for (const std::string& s : named) {
    const std::string e = UnknownSubarch(known, s);
    if (!e.empty()) return e;
  }
  return "";
}

// One command over the loaded program and its model: compute, then render.
int Dispatch(const Options& o, const Program& p, const Model& m, std::ostream& out,
             std::ostream& err, bool tty) {
  const bool json = o.format == Format::kJson;
  const std::string unknown = UnknownNamedSubarch(o, m);
  if (!unknown.empty()) return Error(err, unknown);
  switch (o.command) {
    case Command::kList: {
      const ListResult r = ComputeList(m, o.subarch);
      json ? RenderListJson(p, m, r, out) : RenderListText(m, r, out);
      return kExitClean;
    }
    case Command::kMatrix: {
      const MatrixResult r = ComputeMatrix(m);
      json ? RenderMatrixJson(p, m, r, out) : RenderMatrixText(m, r, Colour(o, tty), out);
      return r.ok ? kExitClean : kExitViolations;
    }
    case Command::kDiff: {
      const DiffResult r = ComputeDiff(m, o.positional[0], o.positional[1]);
      json ? RenderDiffJson(p, r, out) : RenderDiffText(r, out);
      return r.same ? kExitClean : kExitViolations;
    }
    case Command::kCheck: {
      const CheckResult r = ComputeCheck(p, m);
      json ? RenderCheckJson(p, r, out) : RenderCheckText(r, out);
      return r.findings.empty() ? kExitClean : kExitViolations;
    }
    case Command::kTrace:
    case Command::kPaths:
    case Command::kNone: break;
  }
  return kExitError;
}

// trace: the logs (LOG... ; "-" is standard input) and, with --binary, the
// binary's model. Exit status: 0 clean, 1 differences from the binary, 2 a
// log without trace lines, an unreadable log or binary.
int RunTrace(const Options& o, std::ostream& out, std::ostream& err, Loader load, void* context) {
  std::string error;
  std::vector<std::string> texts(o.positional.size());
  std::vector<LogText> logs;
  for (size_t i = 0; i < o.positional.size() && error.empty(); ++i)
    if (ReadLog(o.positional[i], &texts[i], &error)) logs.push_back({o.positional[i], texts[i]});
  std::unique_ptr<Program> program;
  std::unique_ptr<Model> model;
  if (error.empty() && !o.binary.empty()) {
    program.reset(new Program);
    model.reset(new Model);
    LoadTables(load, context, {o.binary}, program.get(), model.get(), err, &error);
  }
  TraceResult r;
  if (error.empty()) r = ComputeTrace(logs, model.get(), o.binary, &error);
  if (!error.empty()) return ReportError(err, error);
  if (o.format == Format::kText) RenderTraceText(r, out);
  if (o.format == Format::kJson) RenderTraceJson(r, out);
  if (o.format == Format::kSvg) RenderTraceSvg(r, out);
  return r.diffs.empty() ? kExitClean : kExitViolations;
}

// paths: the chains of the file's earlyinit metadata, if it has any.
Chains ReadChains(const std::string& file, const std::vector<PathEntry>& entries, const DwarfCalls& dwarf,
                  const std::string* bytes) {
  // The fuzz target reads DWARF only; a kernel without earlyinit has no
  // metadata, and loading its 100,000 symbols for nothing costs.
  if (bytes || !dwarf.HasSection(".linktable_meta")) return Chains();
  auto p = std::make_unique<Program>();
  auto m = std::make_unique<Model>();
  std::string error;
  if (!LoadProgram({file}, p.get(), &error)) return Chains();
  BuildModel(*p, m.get());
  return ChainsOf(*m, entries);
}

}  // namespace

void KeepMemoryAtExit(bool keep) { g_keep_memory_at_exit = keep; }

int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool tty) {
  return RunWith(args, out, err, tty,
                 [](const std::vector<std::string>& files, Program* p, std::string* error, void*) {
                   return LoadProgram(files, p, error);
                 },
                 nullptr);
}

int RunWith(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool tty,
            Loader load, void* context) {
  Options o;
  const std::string e = ParseArgs(args, &o);
  if (!e.empty()) return Usage(err, e);
  if (o.help) {
    out << kUsage;
    return kExitClean;
  }
  if (o.version) {
    out << "earlyinit-audit " << kVersion << " (linktable metadata format 1)\n";
    return kExitClean;
  }
  if (o.command_word.empty()) return Usage(err, "no command given (list, matrix, diff, check, trace or paths)");
  const std::string bad = CheckOperands(o);
  if (!bad.empty()) return Usage(err, bad);
  if (o.command == Command::kTrace) return RunTrace(o, out, err, load, context);
  if (o.command == Command::kPaths) return RunPaths(o, out, err);

  std::unique_ptr<Program> p(new Program);
  std::unique_ptr<Model> m(new Model);
  std::string error;
  const size_t names = o.command == Command::kDiff ? 2 : 0;
  const std::vector<std::string> files(o.positional.begin() + static_cast<long>(names), o.positional.end());
  const bool loaded = LoadTables(load, context, files, p.get(), m.get(), err, &error);
  const int rc = loaded ? Dispatch(o, *p, *m, out, err, tty) : Error(err, error);
  if (g_keep_memory_at_exit) {
    p.release();  // the process exits next: the OS takes it back (as clang's -disable-free)
    m.release();
  }
  return rc;
}

// paths: open the DWARF -> the entries it has (the preset's, then
// --entry's) -> the file's earlyinit chains -> the trees, the matrix and
// the KASAN rule -> text, JSON or SVG.
int RunPaths(const Options& o, std::ostream& out, std::ostream& err, const std::string* bytes) {
  const std::string& file = o.positional[0];
  std::string error;
  DwarfCalls::OpenError why;
  std::unique_ptr<DwarfCalls> dwarf = bytes ? DwarfCalls::OpenMemory(*bytes, &error, &why)
                                            : DwarfCalls::OpenFile(file, &error, &why);
  if (!dwarf) return ReportError(err, error);
  std::vector<PathEntry> entries = o.preset.empty() ? std::vector<PathEntry>() : FindPreset(o.preset)->entries;
  entries.insert(entries.end(), o.entries.begin(), o.entries.end());
  std::vector<AbsentEntry> absent;
  const std::string missing = ResolveEntries(*dwarf, &entries, &absent);
  if (!missing.empty()) return ReportError(err, file + ": no function symbol " + missing);
  if (entries.empty()) return ReportError(err, file + ": none of the preset's entries is in the file");
  TreeOptions tree = o.tree;
  if (!o.preset.empty()) tree.stops.insert(FindPreset(o.preset)->stops.begin(), FindPreset(o.preset)->stops.end());
  PathsResult r = ComputePaths(file, *dwarf, entries, tree, ReadChains(file, entries, *dwarf, bytes));
  if (!dwarf->damage().empty()) return ReportError(err, file + ": " + dwarf->damage());
  r.absent = std::move(absent);
  if (o.format == Format::kJson) RenderPathsJson(r, out);
  else if (o.format == Format::kSvg) RenderPathsSvg(r, out);
  else RenderPathsText(r, out);
  return r.findings.empty() ? kExitClean : kExitViolations;
}

}  // namespace audit
