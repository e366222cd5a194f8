#include "src/audit/audit.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "src/audit/json.h"
#include "src/audit/trace_cmd.h"

namespace audit {

namespace {

constexpr char kUsage[] =
    "usage: earlyinit-audit [OPTIONS] COMMAND [ARGS] FILE...\n"
    "\n"
    "Reads the earlyinit metadata and linker tables of a built ELF file (an\n"
    "executable or PIE, or relocatable objects and static archives; 32- or\n"
    "64-bit; stripped or not) without running it.\n"
    "\n"
    "commands:\n"
    "  list [--subarch S] FILE...  each subarch's chain in run order: phase,\n"
    "                              level, order, step, function, source\n"
    "  matrix FILE...              steps x enabled subarchs: implemented,\n"
    "                              exempt (with the reason) or missing\n"
    "  diff S1 S2 FILE...          steps one chain runs and the other does not,\n"
    "                              different functions, order differences\n"
    "  check FILE...               parity, dependency order, cycles, unknown\n"
    "                              steps, metadata against the allocated tables\n"
    "  trace LOG... [--binary FILE]\n"
    "                              the boots in serial logs or dmesg: each step's\n"
    "                              status and cycles; with --binary, whether each\n"
    "                              boot ran the binary's chain (\"-\": stdin)\n"
    "\n"
    "options (anywhere on the line):\n"
    "  --format text|json|svg      output format (default text; svg: trace only)\n"
    "  --color auto|always|never   colour in matrix (default auto: only when\n"
    "                              stdout is a terminal and NO_COLOR is unset)\n"
    "  --help                      this text\n"
    "  --version                   the tool's and the metadata format's versions\n"
    "\n"
    "Several FILEs (objects, archives) are audited as one program, as if linked\n"
    "together; an executable is audited alone.\n"
    "\n"
    "exit status: 0 clean, 1 violations (check, matrix) or differences (diff,\n"
    "trace --binary), 2 usage error, unreadable input or a log without trace.\n";

struct Options {
  std::string command;
  std::string format = "text";
  std::string color = "auto";
  std::string subarch;  // list --subarch
  std::string binary;   // trace --binary
  std::vector<std::string> positional;
  bool help = false, version = false;
};

// Parses options anywhere on the line; throws nothing, returns "" or an error.
std::string ParseArgs(const std::vector<std::string>& args, Options* o) {
  bool only_files = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const std::string& name, std::string* out) -> std::string {
      if (a.size() > name.size() && a.compare(0, name.size() + 1, name + "=") == 0) {
        *out = a.substr(name.size() + 1);
        return "";
      }
      if (i + 1 >= args.size()) return "option " + name + " needs a value";
      *out = args[++i];
      return "";
    };
    auto is = [&](const std::string& name) {
      return a == name || a.compare(0, name.size() + 1, name + "=") == 0;
    };
    if (only_files || a.empty() || a[0] != '-' || a == "-") {
      if (o->command.empty()) o->command = a;
      else o->positional.push_back(a);
      continue;
    }
    std::string e;
    if (a == "--") only_files = true;
    else if (a == "--help" || a == "-h") o->help = true;
    else if (a == "--version") o->version = true;
    else if (is("--format")) e = value("--format", &o->format);
    else if (is("--color") || is("--colour")) e = value(a.compare(0, 8, "--colour") == 0 ? "--colour" : "--color", &o->color);
    else if (is("--binary")) {
      e = value("--binary", &o->binary);
      if (e.empty() && o->binary.empty()) e = "--binary needs a FILE";
    } else if (is("--subarch")) {
      e = value("--subarch", &o->subarch);
      if (e.empty() && o->subarch.empty()) e = "--subarch needs a non-empty name";
    } else {
      e = "unknown option " + a;
    }
    if (!e.empty()) return e;
  }
  if (o->format != "text" && o->format != "json" && o->format != "svg")
    return "unknown format \"" + o->format + "\" (text, json or svg)";
  if (o->color != "auto" && o->color != "always" && o->color != "never")
    return "unknown colour mode \"" + o->color + "\" (auto, always or never)";
  return "";
}

// ---- small helpers --------------------------------------------------------

std::string Source(const std::string& file, uint32_t line) {
  if (file.empty()) return "?";
  return file + ":" + std::to_string(line);
}

int ParseKeyPart(const std::string& key, size_t from, size_t len) {
  if (key.size() < from + len) return -1;
  int v = 0;
  for (size_t i = from; i < from + len; ++i) {
    if (key[i] < '0' || key[i] > '9') return -1;
    v = v * 10 + (key[i] - '0');
  }
  return v;
}

// A link-time address as JSON carries it: a string, since JSON numbers
// lose precision above 2^53.
std::string HexAddress(uint64_t a) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(a));
  return buf;
}

std::string Pad(int v, size_t width) {
  if (v < 0) return std::string(width, '?');
  std::string s = std::to_string(v);
  while (s.size() < width) s = "0" + s;
  return s;
}

// One text table: cells may carry an ANSI colour applied around the text.
struct Cell {
  std::string text, colour;
};
using Row = std::vector<Cell>;

void PrintTable(std::ostream& out, const std::vector<Row>& rows, const std::string& indent,
                bool colour) {
  std::vector<size_t> width;
  for (const auto& r : rows)
    for (size_t i = 0; i < r.size(); ++i) {
      if (width.size() <= i) width.push_back(0);
      width[i] = std::max(width[i], r[i].text.size());
    }
  for (const auto& r : rows) {
    std::string line = indent;
    for (size_t i = 0; i < r.size(); ++i) {
      const bool last = i + 1 == r.size();
      std::string t = r[i].text;
      if (colour && !r[i].colour.empty()) t = "\033[" + r[i].colour + "m" + t + "\033[0m";
      line += t;
      if (!last) line += std::string(width[i] - r[i].text.size() + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << "\n";
  }
}

Json Header(const std::string& command, const Program& p) {
  Json j = Json::Object();
  j.Set("tool", Json::Str("earlyinit-audit"));
  j.Set("version", Json::Str(kVersion));
  j.Set("format_version", Json::Int(1));
  j.Set("command", Json::Str(command));
  Json files = Json::Array();
  for (const auto& f : p.files) files.Push(Json::Str(f));
  j.Set("inputs", files);
  j.Set("input_kind", Json::Str(p.executable ? "executable" : "objects"));
  j.Set("elf_class", Json::Int(p.elf_class));
  return j;
}

// The subarchs to show: enabled ones in id order, then subarchs that only
// have chains or exemptions (not enabled), by name.
struct ShownSubarch {
  std::string name, label;
  int64_t id = -1;
  bool enabled = false;
};

std::vector<ShownSubarch> AllSubarchs(const Model& m) {
  std::vector<ShownSubarch> out;
  std::unordered_set<std::string> seen;
  for (const auto& s : m.subarchs) {
    out.push_back({s.name, s.label, s.id, true});
    seen.insert(s.name);
  }
  std::set<std::string> extra;
  for (const auto& c : m.chains)
    if (!seen.count(c.subarch)) extra.insert(c.subarch);
  for (const auto& x : m.exemptions)
    if (!seen.count(x.subarch)) extra.insert(x.subarch);
  for (const auto& n : extra) out.push_back({n, "", -1, false});
  return out;
}

// A subarch's run sequence: its chains in phase order.
struct RunItem {
  const Chain* chain;
  const Impl* impl;
};

std::vector<RunItem> RunSequence(const Model& m, const std::string& subarch) {
  std::vector<RunItem> seq;
  for (const auto& phase : Phases())
    if (const Chain* c = m.FindChain(phase, subarch))
      for (const auto& im : c->impls) seq.push_back({c, &im});
  return seq;
}

// Level and order of an implementation: from its key, else its step.
void LevelOrder(const Model& m, const Impl& im, int* level, int* order) {
  *level = ParseKeyPart(im.key, 0, 2);
  *order = ParseKeyPart(im.key, 3, 4);
  if ((*level < 0 || *order < 0) && m.FindStep(im.step)) {
    *level = m.FindStep(im.step)->level;
    *order = m.FindStep(im.step)->order;
  }
}

// ---- list ----------------------------------------------------------------

int List(const Options& o, const Program& p, const Model& m, std::ostream& out,
         std::ostream& err) {
  std::vector<ShownSubarch> subs = AllSubarchs(m);
  if (!o.subarch.empty()) {
    std::vector<ShownSubarch> one;
    for (const auto& s : subs)
      if (s.name == o.subarch) one.push_back(s);
    if (one.empty()) {
      std::string names;
      for (const auto& s : subs) names += (names.empty() ? "" : ", ") + s.name;
      err << "earlyinit-audit: error: unknown subarch " << o.subarch << " (known: "
          << (names.empty() ? "none" : names) << ")\n";
      return kExitError;
    }
    subs = one;
  }
  Json j = Header("list", p);
  Json jsubs = Json::Array();
  bool first = true;
  for (const auto& s : subs) {
    const auto seq = RunSequence(m, s.name);
    if (o.format == "text") {
      if (!first) out << "\n";
      first = false;
      out << "subarch " << s.name;
      if (s.enabled) out << " (id " << s.id << (s.label.empty() ? "" : ", " + s.label) << ")";
      else out << " (not enabled)";
      out << ": " << seq.size() << (seq.size() == 1 ? " step" : " steps") << "\n";
      std::vector<Row> rows;
      rows.push_back({{"phase", ""}, {"level", ""}, {"order", ""}, {"step", ""}, {"function", ""}, {"source", ""}});
      for (const auto& it : seq) {
        int level, order;
        LevelOrder(m, *it.impl, &level, &order);
        rows.push_back({{it.chain->phase, ""}, {Pad(level, 2), ""}, {Pad(order, 4), ""},
                        {it.impl->step, ""}, {it.impl->function, ""},
                        {Source(it.impl->file, it.impl->line), ""}});
      }
      if (!seq.empty()) PrintTable(out, rows, "  ", false);
    } else {
      Json js = Json::Object();
      js.Set("name", Json::Str(s.name));
      js.Set("id", s.id >= 0 ? Json::Int(s.id) : Json::Null());
      js.Set("label", Json::Str(s.label));
      js.Set("enabled", Json::Bool(s.enabled));
      Json chain = Json::Array();
      for (const auto& it : seq) {
        int level, order;
        LevelOrder(m, *it.impl, &level, &order);
        const Step* st = m.FindStep(it.impl->step);
        Json e = Json::Object();
        e.Set("phase", Json::Str(it.chain->phase));
        e.Set("level", level >= 0 ? Json::Int(level) : Json::Null());
        e.Set("order", order >= 0 ? Json::Int(order) : Json::Null());
        e.Set("step", Json::Str(it.impl->step));
        e.Set("policy", st ? Json::Str(st->policy) : Json::Null());
        e.Set("function", Json::Str(it.impl->function));
        e.Set("symbol", Json::Str(it.impl->symbol));
        e.Set("address", it.impl->has_address ? Json::Str(HexAddress(it.impl->address)) : Json::Null());
        e.Set("file", it.impl->file.empty() ? Json::Null() : Json::Str(it.impl->file));
        e.Set("line", it.impl->file.empty() ? Json::Null() : Json::Int(it.impl->line));
        e.Set("table", Json::Str(it.chain->table));
        e.Set("has_record", Json::Bool(it.impl->entry && it.impl->entry->record));
        chain.Push(e);
      }
      js.Set("chain", chain);
      jsubs.Push(js);
    }
  }
  if (o.format == "json") {
    j.Set("subarchs", jsubs);
    out << j.Dump() << "\n";
  } else if (subs.empty()) {
    out << "no subarchs and no chains\n";
  }
  return kExitClean;
}

// ---- check -----------------------------------------------------------------

void AddV(std::vector<Violation>* v, const std::string& kind, const std::string& message,
          const std::string& file = "", uint32_t line = 0, const std::string& step = "",
          const std::string& subarch = "") {
  Violation x;
  x.kind = kind;
  x.message = message;
  x.file = file;
  x.line = line;
  x.step = step;
  x.subarch = subarch;
  v->push_back(x);
}

std::string At(const std::string& file, uint32_t line) {
  return file.empty() ? "" : file + ":" + std::to_string(line) + ": ";
}

// Dependency cycles among declared steps (iterative Tarjan), each reported
// once as a path "a -> b -> a" (a depends on b).
void FindCycles(const Model& m, std::vector<Violation>* v) {
  const size_t n = m.steps.size();
  std::unordered_map<std::string, size_t> idx;
  for (size_t i = 0; i < n; ++i) idx[m.steps[i].name] = i;
  std::vector<std::vector<size_t>> adj(n);
  for (size_t i = 0; i < n; ++i)
    for (const auto& d : m.steps[i].deps) {
      auto it = idx.find(d);
      if (it != idx.end()) adj[i].push_back(it->second);
    }
  std::vector<long> index(n, -1), low(n, 0), comp(n, -1);
  std::vector<bool> on(n, false);
  std::vector<size_t> stack;
  long counter = 0, ncomp = 0;
  std::vector<std::vector<size_t>> comps;
  for (size_t s = 0; s < n; ++s) {
    if (index[s] >= 0) continue;
    std::vector<std::pair<size_t, size_t>> work = {{s, 0}};
    while (!work.empty()) {
      size_t u = work.back().first;
      size_t& k = work.back().second;
      if (k == 0 && index[u] < 0) {
        index[u] = low[u] = counter++;
        stack.push_back(u);
        on[u] = true;
      }
      if (k < adj[u].size()) {
        size_t w = adj[u][k++];
        if (index[w] < 0) {
          work.push_back({w, 0});
        } else if (on[w]) {
          low[u] = std::min(low[u], index[w]);
        }
        continue;
      }
      if (low[u] == index[u]) {
        std::vector<size_t> c;
        size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on[w] = false;
          comp[w] = ncomp;
          c.push_back(w);
        } while (w != u);
        comps.push_back(c);
        ++ncomp;
      }
      work.pop_back();
      if (!work.empty()) {
        size_t parent = work.back().first;
        low[parent] = std::min(low[parent], low[u]);
      }
    }
  }
  std::vector<std::pair<size_t, std::string>> found;
  for (const auto& c : comps) {
    bool self = c.size() == 1 && std::find(adj[c[0]].begin(), adj[c[0]].end(), c[0]) != adj[c[0]].end();
    if (c.size() < 2 && !self) continue;
    const size_t start = *std::min_element(c.begin(), c.end());
    // Shortest path back to start inside the component (BFS).
    std::map<size_t, size_t> prev;
    std::vector<size_t> q = {start};
    bool done = false;
    size_t last = start;
    for (size_t qi = 0; qi < q.size() && !done; ++qi) {
      for (size_t w : adj[q[qi]]) {
        if (comp[w] != comp[start]) continue;
        if (w == start) {
          last = q[qi];
          done = true;
          break;
        }
        if (!prev.count(w)) {
          prev[w] = q[qi];
          q.push_back(w);
        }
      }
    }
    std::vector<size_t> path = {start};
    for (size_t x = last; x != start; x = prev[x]) path.insert(path.begin() + 1, x);
    std::string text;
    for (size_t x : path) text += m.steps[x].name + " -> ";
    text += m.steps[start].name;
    found.push_back({start, text});
  }
  std::sort(found.begin(), found.end());
  for (const auto& f : found) {
    const Step& s = m.steps[f.first];
    AddV(v, "dep-cycle", At(s.file, s.line) + "dependency cycle: " + f.second, s.file, s.line, s.name);
  }
}

}  // namespace

std::vector<Violation> Check(const Program& p, const Model& m) {
  std::vector<Violation> v;
  for (const auto* list : {&p.problems, &m.problems})
    for (const auto& pr : *list) {
      Violation x;
      x.kind = pr.kind;
      x.message = pr.message;
      x.file = pr.file;
      x.line = pr.line;
      x.table = pr.table;
      x.name = pr.name;
      v.push_back(x);
    }

  std::set<std::string> enabled;
  for (const auto& s : m.subarchs) enabled.insert(s.name);

  // Chains and exemptions of subarchs that are not enabled; unknown steps.
  for (const auto& c : m.chains) {
    if (!enabled.count(c.subarch) && !c.impls.empty())
      AddV(&v, "unknown-subarch",
           "chain " + c.table + " has " + std::to_string(c.impls.size()) +
               " implementations for subarch " + c.subarch + ", which is not enabled",
           "", 0, "", c.subarch);
    for (const auto& im : c.impls) {
      const Step* st = m.FindStep(im.step);
      if (!st) {
        AddV(&v, "unknown-step",
             At(im.file, im.line) + "chain " + c.table + " implements step " + im.step +
                 ", which is not declared",
             im.file, im.line, im.step, c.subarch);
        continue;
      }
      if (st->phase != c.phase)
        AddV(&v, "phase-mismatch",
             At(im.file, im.line) + "step " + im.step + " is declared in phase " + st->phase +
                 " but implemented in chain " + c.table,
             im.file, im.line, im.step, c.subarch);
      else if (!im.key.empty() && st->key.size() > 1 && im.key != st->key.substr(1))
        AddV(&v, "key-mismatch",
             At(im.file, im.line) + "implementation of " + im.step + " in chain " + c.table +
                 " has key " + im.key + ", the step's key is " + st->key,
             im.file, im.line, im.step, c.subarch);
    }
  }
  for (const auto& x : m.exemptions) {
    if (!enabled.count(x.subarch))
      AddV(&v, "unknown-subarch",
           At(x.file, x.line) + "exemption of step " + x.step + " is for subarch " + x.subarch +
               ", which is not enabled",
           x.file, x.line, x.step, x.subarch);
    if (!m.FindStep(x.step))
      AddV(&v, "unknown-step",
           At(x.file, x.line) + "exemption for subarch " + x.subarch + " names step " + x.step +
               ", which is not declared",
           x.file, x.line, x.step, x.subarch);
    if (x.reason.find_first_not_of(" \t") == std::string::npos)
      AddV(&v, "exempt-without-reason",
           At(x.file, x.line) + "exemption of step " + x.step + " for subarch " + x.subarch +
               " has no reason",
           x.file, x.line, x.step, x.subarch);
  }

  // Parity: every declared step x enabled subarch.
  for (const auto& s : m.subarchs) {
    for (const auto& st : m.steps) {
      const auto is = m.FindImpls(st.name, s.name);
      const auto xs = m.FindExemptions(st.name, s.name);
      if (is.empty() && xs.empty())
        AddV(&v, "missing",
             At(st.file, st.line) + "step " + st.name + " has neither an implementation nor an "
                 "exemption for subarch " + s.name,
             st.file, st.line, st.name, s.name);
      if (is.size() > 1) {
        std::string where;
        for (const auto* im : is) where += (where.empty() ? "" : ", ") + Source(im->file, im->line);
        AddV(&v, "duplicate-impl",
             At(st.file, st.line) + "step " + st.name + " has " + std::to_string(is.size()) +
                 " implementations for subarch " + s.name + " (" + where + ")",
             st.file, st.line, st.name, s.name);
      }
      if (!is.empty() && !xs.empty())
        AddV(&v, "impl-and-exempt",
             At(xs[0]->file, xs[0]->line) + "step " + st.name + " is both implemented and exempt "
                 "for subarch " + s.name,
             xs[0]->file, xs[0]->line, st.name, s.name);
      if (xs.size() > 1)
        AddV(&v, "duplicate-exemption",
             At(xs[1]->file, xs[1]->line) + "step " + st.name + " is exempt twice for subarch " + s.name,
             xs[1]->file, xs[1]->line, st.name, s.name);
    }
  }

  // Dependencies: unknown, cycles, order in every enabled chain.
  for (const auto& st : m.steps)
    for (const auto& d : st.deps)
      if (!m.FindStep(d))
        AddV(&v, "unknown-dep",
             At(st.file, st.line) + "step " + st.name + " depends on " + d + ", which is not declared",
             st.file, st.line, st.name);
  FindCycles(m, &v);
  for (const auto& s : m.subarchs) {
    const auto seq = RunSequence(m, s.name);
    std::unordered_map<std::string, size_t> pos;
    for (size_t i = 0; i < seq.size(); ++i) pos.emplace(seq[i].impl->step, i);
    for (size_t i = 0; i < seq.size(); ++i) {
      const Impl& im = *seq[i].impl;
      const Step* st = m.FindStep(im.step);
      if (!st) continue;
      for (const auto& d : st->deps) {
        auto it = pos.find(d);
        if (d == im.step || it == pos.end() || it->second < i) continue;  // self: a cycle
        const RunItem& di = seq[it->second];
        AddV(&v, "order",
             At(im.file, im.line) + "in the chain of subarch " + s.name + ", step " + im.step + " (" +
                 seq[i].chain->phase + ", " + im.key + ") runs before its dependency " + d + " (" +
                 di.chain->phase + ", " + di.impl->key + ")",
             im.file, im.line, im.step, s.name);
      }
    }
  }
  return v;
}

namespace {

int RunCheck(const Options& o, const Program& p, const Model& m, std::ostream& out) {
  const auto v = Check(p, m);
  size_t nimpl = 0;
  for (const auto& c : m.chains) nimpl += c.impls.size();
  if (o.format == "json") {
    Json j = Header("check", p);
    j.Set("ok", Json::Bool(v.empty()));
    Json sum = Json::Object();
    sum.Set("subarchs", Json::Int(static_cast<int64_t>(m.subarchs.size())));
    sum.Set("steps", Json::Int(static_cast<int64_t>(m.steps.size())));
    sum.Set("implementations", Json::Int(static_cast<int64_t>(nimpl)));
    sum.Set("exemptions", Json::Int(static_cast<int64_t>(m.exemptions.size())));
    sum.Set("violations", Json::Int(static_cast<int64_t>(v.size())));
    j.Set("summary", sum);
    Json jv = Json::Array();
    for (const auto& x : v) {
      Json e = Json::Object();
      e.Set("kind", Json::Str(x.kind));
      e.Set("message", Json::Str(x.message));
      e.Set("file", x.file.empty() ? Json::Null() : Json::Str(x.file));
      e.Set("line", x.file.empty() ? Json::Null() : Json::Int(x.line));
      e.Set("step", x.step.empty() ? Json::Null() : Json::Str(x.step));
      e.Set("subarch", x.subarch.empty() ? Json::Null() : Json::Str(x.subarch));
      e.Set("table", x.table.empty() ? Json::Null() : Json::Str(x.table));
      e.Set("entry", x.name.empty() ? Json::Null() : Json::Str(x.name));
      jv.Push(e);
    }
    j.Set("violations", jv);
    out << j.Dump() << "\n";
  } else {
    for (const auto& x : v) out << x.kind << ": " << x.message << "\n";
    std::map<std::string, size_t> kinds;
    for (const auto& x : v) ++kinds[x.kind];
    out << "check: " << m.subarchs.size() << " subarchs, " << m.steps.size() << " steps, " << nimpl
        << " implementations, " << m.exemptions.size() << " exemptions: ";
    if (v.empty()) {
      out << "OK\n";
    } else {
      out << v.size() << (v.size() == 1 ? " violation" : " violations") << " (";
      bool first = true;
      for (const auto& k : kinds) {
        out << (first ? "" : ", ") << k.second << " " << k.first;
        first = false;
      }
      out << ")\n";
    }
  }
  return v.empty() ? kExitClean : kExitViolations;
}

// ---- matrix ----------------------------------------------------------------

int Matrix(const Options& o, const Program& p, const Model& m, std::ostream& out, bool tty) {
  bool colour = o.color == "always" || (o.color == "auto" && tty && !getenv("NO_COLOR"));
  if (o.format == "json") colour = false;
  // Rows: declared steps in run order, then undeclared steps that chains name.
  struct RowStep {
    std::string name;
    const Step* step;
  };
  std::vector<RowStep> rows;
  std::unordered_set<std::string> seen;
  for (const auto& s : m.steps) {
    rows.push_back({s.name, &s});
    seen.insert(s.name);
  }
  std::set<std::string> undeclared;
  for (const auto& c : m.chains)
    for (const auto& im : c.impls)
      if (!seen.count(im.step)) undeclared.insert(im.step);
  for (const auto& x : m.exemptions)
    if (!seen.count(x.step)) undeclared.insert(x.step);
  for (const auto& u : undeclared) rows.push_back({u, nullptr});

  std::vector<const Exemption*> notes;  // footnotes, in order of appearance
  size_t n_impl = 0, n_exempt = 0, n_missing = 0, n_dup = 0;
  Json j = Header("matrix", p);
  Json jsubs = Json::Array();
  for (const auto& s : m.subarchs) {
    Json js = Json::Object();
    js.Set("name", Json::Str(s.name));
    js.Set("id", Json::Int(s.id));
    js.Set("label", Json::Str(s.label));
    jsubs.Push(js);
  }
  j.Set("subarchs", jsubs);
  Json jsteps = Json::Array();
  std::vector<Row> table;
  Row head = {{"step", ""}, {"phase", ""}, {"level", ""}, {"order", ""}};
  for (const auto& s : m.subarchs) head.push_back({s.name, ""});
  table.push_back(head);
  for (const auto& r : rows) {
    Row row = {{r.name, ""},
               {r.step ? r.step->phase : "?", ""},
               {r.step ? Pad(r.step->level, 2) : "??", ""},
               {r.step ? Pad(r.step->order, 4) : "????", ""}};
    Json jr = Json::Object();
    jr.Set("step", Json::Str(r.name));
    jr.Set("declared", Json::Bool(r.step != nullptr));
    jr.Set("phase", r.step ? Json::Str(r.step->phase) : Json::Null());
    jr.Set("level", r.step && r.step->level >= 0 ? Json::Int(r.step->level) : Json::Null());
    jr.Set("order", r.step && r.step->order >= 0 ? Json::Int(r.step->order) : Json::Null());
    jr.Set("policy", r.step ? Json::Str(r.step->policy) : Json::Null());
    Json jcells = Json::Array();
    for (const auto& s : m.subarchs) {
      const std::vector<const Impl*> is = m.FindImpls(r.name, s.name);
      const auto xs = m.FindExemptions(r.name, s.name);
      Json jc = Json::Object();
      jc.Set("subarch", Json::Str(s.name));
      std::string status;
      if (is.size() + xs.size() > 1) status = "duplicate";
      else if (is.size() == 1) status = "implemented";
      else if (xs.size() == 1) status = "exempt";
      else status = r.step ? "missing" : "undeclared";
      jc.Set("status", Json::Str(status));
      Json jimpls = Json::Array();
      for (const auto* im : is) {
        Json ji = Json::Object();
        ji.Set("function", Json::Str(im->function));
        ji.Set("symbol", Json::Str(im->symbol));
        ji.Set("file", im->file.empty() ? Json::Null() : Json::Str(im->file));
        ji.Set("line", im->file.empty() ? Json::Null() : Json::Int(im->line));
        jimpls.Push(ji);
      }
      jc.Set("implementations", jimpls);
      Json jx = Json::Array();
      std::string cell;
      for (const auto* x : xs) {
        Json je = Json::Object();
        je.Set("reason", Json::Str(x->reason));
        je.Set("file", Json::Str(x->file));
        je.Set("line", Json::Int(x->line));
        jx.Push(je);
        notes.push_back(x);
        cell += (cell.empty() ? "" : ",") + std::to_string(notes.size());
      }
      jc.Set("exemptions", jx);
      jcells.Push(jc);
      if (status == "implemented") {
        ++n_impl;
        row.push_back({"impl", "32"});
      } else if (status == "exempt") {
        ++n_exempt;
        const bool reasonless = xs[0]->reason.find_first_not_of(" \t") == std::string::npos;
        row.push_back({"exempt[" + cell + "]" + (reasonless ? "!" : ""), reasonless ? "31;1" : "33"});
      } else if (status == "duplicate") {
        ++n_dup;
        row.push_back({"DUPLICATE" + (cell.empty() ? "" : "[" + cell + "]"), "31;1"});
      } else {
        if (status == "missing") ++n_missing;
        row.push_back({status == "missing" ? "MISSING" : "-", status == "missing" ? "31;1" : ""});
      }
    }
    jr.Set("cells", jcells);
    jsteps.Push(jr);
    table.push_back(row);
  }
  size_t reasonless = 0;
  for (const auto* x : notes)
    if (x->reason.find_first_not_of(" \t") == std::string::npos) ++reasonless;
  const bool ok = n_missing == 0 && n_dup == 0 && reasonless == 0 && undeclared.empty();
  if (o.format == "json") {
    j.Set("steps", jsteps);
    Json sum = Json::Object();
    sum.Set("implemented", Json::Int(static_cast<int64_t>(n_impl)));
    sum.Set("exempt", Json::Int(static_cast<int64_t>(n_exempt)));
    sum.Set("missing", Json::Int(static_cast<int64_t>(n_missing)));
    sum.Set("duplicate", Json::Int(static_cast<int64_t>(n_dup)));
    sum.Set("exempt_without_reason", Json::Int(static_cast<int64_t>(reasonless)));
    sum.Set("undeclared_steps", Json::Int(static_cast<int64_t>(undeclared.size())));
    j.Set("summary", sum);
    j.Set("ok", Json::Bool(ok));
    out << j.Dump() << "\n";
  } else {
    PrintTable(out, table, "", colour);
    if (!notes.empty()) {
      out << "\nexemptions:\n";
      for (size_t i = 0; i < notes.size(); ++i) {
        const auto* x = notes[i];
        const bool none = x->reason.find_first_not_of(" \t") == std::string::npos;
        out << "  [" << (i + 1) << "] " << x->step << " on " << x->subarch << ": "
            << (none ? "(NO REASON GIVEN)" : x->reason) << " (" << Source(x->file, x->line) << ")\n";
      }
    }
    out << "\n" << rows.size() << " steps x " << m.subarchs.size() << " subarchs: " << n_impl
        << " implemented, " << n_exempt << " exempt, " << n_missing << " missing, " << n_dup
        << " duplicate";
    if (reasonless) out << ", " << reasonless << " exemption(s) without reason";
    out << "\n";
  }
  return ok ? kExitClean : kExitViolations;
}

// ---- diff ------------------------------------------------------------------

int Diff(const Options& o, const Program& p, const Model& m, std::ostream& out, std::ostream& err) {
  const std::string a = o.positional[0], b = o.positional[1];
  const auto subs = AllSubarchs(m);
  for (const auto& s : {a, b}) {
    bool known = false;
    for (const auto& x : subs) known = known || x.name == s;
    if (!known) {
      std::string names;
      for (const auto& x : subs) names += (names.empty() ? "" : ", ") + x.name;
      err << "earlyinit-audit: error: unknown subarch " << s << " (known: " << (names.empty() ? "none" : names)
          << ")\n";
      return kExitError;
    }
  }
  const auto sa = RunSequence(m, a), sb = RunSequence(m, b);
  std::map<std::string, const RunItem*> ia, ib;
  for (const auto& it : sa) ia.emplace(it.impl->step, &it);
  for (const auto& it : sb) ib.emplace(it.impl->step, &it);

  struct Only {
    const RunItem* item;
    std::string other_status;  // "exempt: reason" / "missing"
  };
  auto only = [&](const std::vector<RunItem>& seq, const std::map<std::string, const RunItem*>& other,
                  const std::string& other_name) {
    std::vector<Only> r;
    for (const auto& it : seq) {
      if (other.count(it.impl->step)) continue;
      const auto xs = m.FindExemptions(it.impl->step, other_name);
      const bool none = !xs.empty() && xs[0]->reason.find_first_not_of(" \t") == std::string::npos;
      r.push_back({&it, xs.empty() ? "missing" : none ? "exempt without reason" : "exempt: " + xs[0]->reason});
    }
    return r;
  };
  const auto only_a = only(sa, ib, b), only_b = only(sb, ia, a);

  // Different functions for the same step.
  struct FnDiff {
    std::string step, phase, fa, fb;
  };
  std::vector<FnDiff> fns;
  for (const auto& it : sa) {
    auto jt = ib.find(it.impl->step);
    if (jt != ib.end() && jt->second->impl->function != it.impl->function)
      fns.push_back({it.impl->step, it.chain->phase, it.impl->function, jt->second->impl->function});
  }

  // Order: common steps in a's order; the longest run that b keeps in the
  // same order stays, every other common step "moved" (O(n log n)).
  std::vector<const RunItem*> common_a;
  std::map<std::string, size_t> pos_b;
  {
    size_t k = 0;
    for (const auto& it : sb)
      if (ia.count(it.impl->step) && !pos_b.count(it.impl->step)) pos_b[it.impl->step] = k++;
    std::set<std::string> dup;
    for (const auto& it : sa)
      if (pos_b.count(it.impl->step) && dup.insert(it.impl->step).second) common_a.push_back(&it);
  }
  std::vector<size_t> seqb;
  for (const auto* it : common_a) seqb.push_back(pos_b[it->impl->step]);
  std::vector<size_t> tails, tails_idx, parent(seqb.size(), SIZE_MAX);
  for (size_t i = 0; i < seqb.size(); ++i) {
    size_t l = static_cast<size_t>(std::lower_bound(tails.begin(), tails.end(), seqb[i]) - tails.begin());
    if (l == tails.size()) {
      tails.push_back(seqb[i]);
      tails_idx.push_back(i);
    } else {
      tails[l] = seqb[i];
      tails_idx[l] = i;
    }
    parent[i] = l > 0 ? tails_idx[l - 1] : SIZE_MAX;
  }
  std::vector<bool> keep(seqb.size(), false);
  if (!tails_idx.empty())
    for (size_t i = tails_idx.back(); i != SIZE_MAX; i = parent[i]) keep[i] = true;
  // For moved steps: the common step before it in each chain.
  std::vector<std::string> common_b(pos_b.size());
  for (const auto& kv : pos_b) common_b[kv.second] = kv.first;
  struct Moved {
    std::string step, after_a, after_b;
  };
  std::vector<Moved> moved;
  for (size_t i = 0; i < common_a.size(); ++i) {
    if (keep[i]) continue;
    const std::string& st = common_a[i]->impl->step;
    const size_t pb = pos_b[st];
    moved.push_back({st, i > 0 ? common_a[i - 1]->impl->step : "",
                     pb > 0 ? common_b[pb - 1] : ""});
  }

  const bool same = only_a.empty() && only_b.empty() && moved.empty();
  if (o.format == "json") {
    Json j = Header("diff", p);
    j.Set("a", Json::Str(a));
    j.Set("b", Json::Str(b));
    j.Set("same", Json::Bool(same));
    auto only_json = [&](const std::vector<Only>& list) {
      Json arr = Json::Array();
      for (const auto& x : list) {
        Json e = Json::Object();
        e.Set("phase", Json::Str(x.item->chain->phase));
        e.Set("step", Json::Str(x.item->impl->step));
        e.Set("function", Json::Str(x.item->impl->function));
        e.Set("file", x.item->impl->file.empty() ? Json::Null() : Json::Str(x.item->impl->file));
        e.Set("line", x.item->impl->file.empty() ? Json::Null() : Json::Int(x.item->impl->line));
        const bool ex = x.other_status != "missing";
        e.Set("other", Json::Str(ex ? "exempt" : "missing"));
        e.Set("reason", !ex ? Json::Null()
                            : Json::Str(x.other_status.compare(0, 8, "exempt: ") == 0
                                            ? x.other_status.substr(8) : ""));
        arr.Push(e);
      }
      return arr;
    };
    j.Set("only_in_a", only_json(only_a));
    j.Set("only_in_b", only_json(only_b));
    Json jf = Json::Array();
    for (const auto& f : fns) {
      Json e = Json::Object();
      e.Set("phase", Json::Str(f.phase));
      e.Set("step", Json::Str(f.step));
      e.Set("function_a", Json::Str(f.fa));
      e.Set("function_b", Json::Str(f.fb));
      jf.Push(e);
    }
    j.Set("different_functions", jf);
    Json jm = Json::Array();
    for (const auto& mv : moved) {
      Json e = Json::Object();
      e.Set("step", Json::Str(mv.step));
      e.Set("after_in_a", mv.after_a.empty() ? Json::Null() : Json::Str(mv.after_a));
      e.Set("after_in_b", mv.after_b.empty() ? Json::Null() : Json::Str(mv.after_b));
      jm.Push(e);
    }
    j.Set("order_differences", jm);
    out << j.Dump() << "\n";
  } else {
    out << "diff " << a << " " << b << ": " << sa.size() << " and " << sb.size() << " steps\n";
    auto print_only = [&](const std::vector<Only>& list, const std::string& in, const std::string& other) {
      if (list.empty()) return;
      out << "\nonly in " << in << ":\n";
      std::vector<Row> rows;
      for (const auto& x : list)
        rows.push_back({{x.item->chain->phase, ""}, {x.item->impl->step, ""}, {x.item->impl->function, ""},
                        {"(" + other + ": " + x.other_status + ")", ""}});
      PrintTable(out, rows, "  ", false);
    };
    print_only(only_a, a, b);
    print_only(only_b, b, a);
    if (!fns.empty()) {
      out << "\nsame step, different function:\n";
      std::vector<Row> rows;
      for (const auto& f : fns)
        rows.push_back({{f.phase, ""}, {f.step, ""}, {a + ": " + f.fa, ""}, {b + ": " + f.fb, ""}});
      PrintTable(out, rows, "  ", false);
    }
    if (!moved.empty()) {
      out << "\norder differs:\n";
      for (const auto& mv : moved)
        out << "  " << mv.step << ": in " << a << " "
            << (mv.after_a.empty() ? "first" : "after " + mv.after_a) << ", in " << b << " "
            << (mv.after_b.empty() ? "first" : "after " + mv.after_b) << "\n";
    }
    if (same)
      out << "\nsame steps in the same order" << (fns.empty() ? "" : " (functions differ)") << "\n";
  }
  return same ? kExitClean : kExitViolations;
}

// ---- trace (trace_cmd.cc) --------------------------------------------------

template <typename Usage>
int Trace(const Options& o, std::ostream& out, std::ostream& err, Loader load, void* context,
          Usage usage) {
  if (!o.subarch.empty()) return usage("--subarch is an option of list only");
  if (o.positional.empty()) return usage("trace needs at least one LOG");
  TraceArgs a;
  a.logs = o.positional;
  a.binary = o.binary;
  a.format = o.format == "json" ? TraceFormat::kJson
             : o.format == "svg" ? TraceFormat::kSvg
                                 : TraceFormat::kText;
  return RunTrace(a, out, err, load, context);
}

}  // namespace

namespace {
bool g_keep_memory_at_exit = false;
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
  auto usage = [&](const std::string& msg) {
    err << "earlyinit-audit: error: " << msg << "\nTry 'earlyinit-audit --help'.\n";
    return kExitError;
  };
  if (!e.empty()) return usage(e);
  if (o.help) {
    out << kUsage;
    return kExitClean;
  }
  if (o.version) {
    out << "earlyinit-audit " << kVersion << " (linktable metadata format 1)\n";
    return kExitClean;
  }
  if (o.command.empty()) return usage("no command given (list, matrix, diff, check or trace)");
  if (o.command == "trace") return Trace(o, out, err, load, context, usage);
  if (o.format == "svg") return usage("--format svg is for trace only");
  if (!o.binary.empty()) return usage("--binary is an option of trace only");
  size_t want_names = 0;
  if (o.command == "diff") want_names = 2;
  else if (o.command != "list" && o.command != "matrix" && o.command != "check")
    return usage("unknown command " + o.command + " (list, matrix, diff, check or trace)");
  if (!o.subarch.empty() && o.command != "list") return usage("--subarch is an option of list only");
  if (o.positional.size() < want_names + 1)
    return usage(o.command + " needs " + (want_names ? "two subarchs and " : "") + "at least one FILE");

  std::unique_ptr<Program> owned_p(new Program);
  std::unique_ptr<Model> owned_m(new Model);
  Program& p = *owned_p;
  Model& m = *owned_m;
  if (g_keep_memory_at_exit) {
    owned_p.release();  // the process exits next: the OS takes it back
    owned_m.release();
  }
  std::string error;
  std::vector<std::string> files(o.positional.begin() + static_cast<long>(want_names), o.positional.end());
  if (!load(files, &p, &error, context)) {
    err << "earlyinit-audit: error: " << error << "\n";
    return kExitError;
  }
  BuildModel(p, &m);
  if (o.command == "list") return List(o, p, m, out, err);
  if (o.command == "matrix") return Matrix(o, p, m, out, tty);
  if (o.command == "diff") return Diff(o, p, m, out, err);
  return RunCheck(o, p, m, out);
}

}  // namespace audit
