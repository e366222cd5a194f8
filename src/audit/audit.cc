// earlyinit-audit's top: parse and check the arguments -> load -> model ->
// the names checked against it -> one function per command that returns a
// result -> the text, JSON or SVG renderer.
#include "src/audit/audit.h"

#include <cstdlib>
#include <memory>

#include "src/audit/commands/check_cmd.h"
#include "src/audit/commands/diff_cmd.h"
#include "src/audit/commands/list_cmd.h"
#include "src/audit/commands/matrix_cmd.h"
#include "src/audit/errors.h"
#include "src/audit/options.h"
#include "src/audit/commands/paths_cmd.h"
#include "src/audit/commands/trace_cmd.h"

namespace audit {

namespace {

bool g_keep_memory_at_exit = false;

int Error(std::ostream& err, const std::string& message) { return ReportError(err, message); }
int Usage(std::ostream& err, const std::string& message) { return ReportUsage(err, message); }

bool Colour(const Options& o, bool tty) {
  if (o.format == Format::kJson) return false;
  return o.color == Color::kAlways || (o.color == Color::kAuto && tty && !getenv("NO_COLOR"));
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
  bool loaded = load(files, p.get(), &error, context);
  if (loaded) BuildModel(*p, m.get());
  if (loaded) error = UnreadableError(*p, *m);
  ReportNotes(err, m->notices);
  loaded = loaded && error.empty();
  const int rc = loaded ? Dispatch(o, *p, *m, out, err, tty) : Error(err, error);
  if (g_keep_memory_at_exit) {
    p.release();  // the process exits next: the OS takes it back (as clang's -disable-free)
    m.release();
  }
  return rc;
}

}  // namespace audit
