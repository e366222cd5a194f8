// paths: parse the line -> open the DWARF -> build each entry's tree ->
// the matrix and the KASAN rule -> text, JSON or SVG.
#include "src/audit/paths_cmd.h"

#include "src/audit/errors.h"

#include <algorithm>
#include <memory>

#include "src/audit/audit.h"
#include "src/audit/commands.h"
#include "src/audit/options.h"  // kUsage
#include "src/audit/paths_report.h"

namespace audit {

namespace {

// Options that take a value as the next word.
bool TakesValue(const std::string& a) {
  for (const char* o : {"--format", "--color", "--colour", "--binary", "--subarch", "--entry",
                        "--stop", "--depth", "--preset"})
    if (a == o) return true;
  return false;
}

struct PathsArgs {
  std::string file;
  std::vector<PathEntry> entries;
  TreeOptions tree;
  std::string format = "text";
  bool help = false;
};

constexpr int kMaxDepth = 64;

// --preset linux-x86_64: Linux's three x86-64 entries and where they meet.
// Its PVH entry is what pvh_start_xen calls before startup_64:
// xen_prepare_pvh in Linux, earlyinit_enter_pvh in examples/linux's patched
// kernel (which runs xen_prepare_pvh later, in the chain). An entry whose
// kernel lacks it (built without XEN_PV, say) is left out, and said so.
void LinuxX8664(PathsArgs* a) {
  a->entries.push_back({"native", {"x86_64_start_kernel"}, "pc", true});
  a->entries.push_back({"pvh", {"earlyinit_enter_pvh|xen_prepare_pvh", "x86_64_start_kernel"}, "xen_pvh", true});
  a->entries.push_back({"xen_pv", {"xen_start_kernel"}, "xen_pv", true});
  a->tree.stops.insert("start_kernel");
  // static_call_update_early() calls it only once static_call_initialized,
  // which start_kernel sets: before then it patches the trampoline with the
  // uninstrumented __static_call_update_early. Followed, it would reach
  // mutexes and the scheduler, none of which runs that early.
  a->tree.stops.insert("__static_call_update");
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> v;
  size_t from = 0;
  for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + 1) v.push_back(s.substr(from, at - from));
  v.push_back(s.substr(from));
  return v;
}

std::string Entry(const std::string& v, PathsArgs* a) {
  const size_t eq = v.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == v.size())
    return "--entry needs NAME=SYMBOL[,SYMBOL...], not \"" + v + "\"";
  PathEntry e{v.substr(0, eq), Split(v.substr(eq + 1), ','), v.substr(0, eq)};
  for (const std::string& s : e.symbols)
    if (s.empty()) return "--entry " + v + ": an empty SYMBOL";
  for (const PathEntry& o : a->entries)
    if (o.name == e.name) return "entry " + e.name + " is given twice";
  a->entries.push_back(std::move(e));
  return "";
}

std::string Depth(const std::string& v, PathsArgs* a) {
  if (v.empty() || v.size() > 3 || v.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(v) < 1 || std::stoi(v) > kMaxDepth)
    return "--depth needs a number from 1 to " + std::to_string(kMaxDepth) + ", not \"" + v + "\"";
  a->tree.depth = std::stoi(v);
  return "";
}

std::string Option(const std::string& name, const std::string& v, PathsArgs* a, bool* preset) {
  if (name == "--help" || name == "-h") {
    a->help = true;
    return "";
  }
  if (name == "--entry") return Entry(v, a);
  if (name == "--stop") {
    if (v.empty()) return "--stop needs a SYMBOL";
    a->tree.stops.insert(v);
    return "";
  }
  if (name == "--depth") return Depth(v, a);
  if (name == "--format") {
    if (v != "text" && v != "json" && v != "svg") return "unknown format \"" + v + "\" (text, json or svg)";
    a->format = v;
    return "";
  }
  if (name == "--preset") {
    if (v != "linux-x86_64") return "unknown preset \"" + v + "\" (linux-x86_64)";
    *preset = true;
    return "";
  }
  return "unknown option " + name + " (paths takes --entry, --stop, --depth, --preset, --format)";
}

std::string Parse(const std::vector<std::string>& args, PathsArgs* a) {
  bool seen_command = false, preset = false, only_files = false;
  std::vector<std::string> files;
  PathsArgs user;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& s = args[i];
    if (s == "--" && !only_files) {
      only_files = true;
      continue;
    }
    if (only_files || s.size() < 2 || s[0] != '-') {
      if (seen_command) files.push_back(s);
      seen_command = true;
      continue;
    }
    const size_t eq = s.find('=');
    std::string name = s.substr(0, eq), value;
    if (eq != std::string::npos) value = s.substr(eq + 1);
    else if (TakesValue(s)) {
      if (i + 1 >= args.size()) return "option " + s + " needs a value";
      value = args[++i];
    }
    const std::string e = Option(name, value, &user, &preset);
    if (!e.empty()) return e;
  }
  if (user.help) {
    a->help = true;
    return "";
  }
  if (files.size() != 1) return "paths needs exactly one FILE";
  if (preset) LinuxX8664(a);
  for (PathEntry& e : user.entries) {
    for (const PathEntry& o : a->entries)
      if (o.name == e.name) return "entry " + e.name + " is given twice";
    a->entries.push_back(std::move(e));
  }
  if (a->entries.empty()) return "paths needs --entry NAME=SYMBOL or --preset linux-x86_64";
  a->tree.stops.insert(user.tree.stops.begin(), user.tree.stops.end());
  a->tree.depth = user.tree.depth;
  a->format = user.format;
  a->file = files[0];
  return "";
}

// The chains of the file's earlyinit metadata, if it has any.
Chains ReadChains(const PathsArgs& a, const DwarfCalls& dwarf, const std::string* bytes) {
  Chains chains;
  // The fuzz target reads DWARF only; a kernel without earlyinit has no
  // metadata, and loading its 100,000 symbols for nothing costs.
  if (bytes || !dwarf.HasSection(".linktable_meta")) return chains;
  auto p = std::make_unique<Program>();
  auto m = std::make_unique<Model>();
  std::string error;
  if (!LoadProgram({a.file}, p.get(), &error)) return chains;
  BuildModel(*p, m.get());
  for (const PathEntry& e : a.entries) {
    if (e.subarch.empty() || chains.count(e.subarch)) continue;
    std::vector<DispatchStep>& steps = chains[e.subarch];
    for (const RunItem& it : RunSequence(*m, e.subarch))
      steps.push_back({std::string(it.impl->step), std::string(it.impl->symbol),
                       std::string(it.impl->function)});
  }
  return chains;
}

// Each symbol becomes its first alternative in the file ("A|B"). Entries
// of a preset that lack one go to *absent; the others' missing symbols are
// returned, named with their entry ("" : none).
std::string Resolve(const DwarfCalls& dwarf, std::vector<PathEntry>* entries,
                    std::vector<AbsentEntry>* absent) {
  std::string missing;
  std::vector<PathEntry> kept;
  for (PathEntry& e : *entries) {
    AbsentEntry lacks{e.name, {}};
    for (std::string& s : e.symbols) {
      uint64_t addr;
      const std::vector<std::string> alternatives = Split(s, '|');
      auto found = std::find_if(alternatives.begin(), alternatives.end(),
                                [&](const std::string& a) { return dwarf.SymbolAddress(a, &addr); });
      if (found != alternatives.end()) s = *found;
      else lacks.missing.push_back(s);
    }
    if (lacks.missing.empty()) kept.push_back(std::move(e));
    else if (e.optional) absent->push_back(std::move(lacks));
    else
      for (const std::string& s : lacks.missing) missing += (missing.empty() ? "" : ", ") + s + " (entry " + e.name + ")";
  }
  *entries = std::move(kept);
  return missing;
}

int Fail(std::ostream& err, const std::string& message) { return ReportError(err, message); }

}  // namespace

bool IsPathsCommand(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return i + 1 < args.size() && args[i + 1] == "paths";
    if (a.size() < 2 || a[0] != '-') return a == "paths";
    if (TakesValue(a)) ++i;
  }
  return false;
}

int RunPaths(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
             const std::string* bytes) {
  PathsArgs a;
  const std::string usage = Parse(args, &a);
  if (!usage.empty()) return ReportUsage(err, usage);
  if (a.help) {
    out << kUsage;
    return kExitClean;
  }
  std::string error;
  DwarfCalls::OpenError why;
  std::unique_ptr<DwarfCalls> dwarf = bytes ? DwarfCalls::OpenMemory(*bytes, &error, &why)
                                            : DwarfCalls::OpenFile(a.file, &error, &why);
  if (!dwarf) return Fail(err, error);
  PathsResult r;
  const std::string missing = Resolve(*dwarf, &a.entries, &r.absent);
  if (!missing.empty()) return Fail(err, a.file + ": no function symbol " + missing);
  if (a.entries.empty()) return Fail(err, a.file + ": none of the preset's entries is in the file");
  r.file = a.file;
  r.options = a.tree;
  r.trees = BuildTrees(*dwarf, a.entries, a.tree, ReadChains(a, *dwarf, bytes));
  if (!dwarf->damage().empty()) return Fail(err, a.file + ": " + dwarf->damage());
  r.matrix = EntryMatrix(r.trees);
  r.findings = KasanRule(r.trees);
  if (a.format == "json") RenderPathsJson(r, out);
  else if (a.format == "svg") RenderPathsSvg(r, out);
  else RenderPathsText(r, out);
  return r.findings.empty() ? kExitClean : kExitViolations;
}

}  // namespace audit
