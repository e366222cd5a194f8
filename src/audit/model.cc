#include "src/audit/model.h"

#include <cxxabi.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <unordered_map>

namespace audit {

namespace {

std::string Str(std::string_view v) { return std::string(v); }

std::string Where(const Record* r) {
  if (!r) return "";
  return Str(r->file) + ":" + std::to_string(r->line) + ": ";
}

void Add(Model* m, FindingKind kind, const std::string& message, const Record* r,
         std::string_view table = "", std::string_view name = "") {
  Finding p;
  p.kind = kind;
  p.message = message;
  if (r) {
    p.file = Str(r->file);
    p.line = r->line;
  }
  p.table = table;
  p.name = name;
  m->problems.push_back(p);
}

// A decimal number of at most 9 digits, or -1.
int64_t ParseNumber(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::string Pad(int v, size_t width) {
  std::string s = std::to_string(v);
  while (s.size() < width) s = "0" + s;
  return s;
}

char PhaseLetter(const std::string& phase) {
  const int r = PhaseRank(phase);
  return r < 0 ? '?' : static_cast<char>('A' + r);
}

// Attribute `k` of the entry's record, or `fallback` when absent.
std::string_view AttrOr(const Entry& e, std::string_view k, std::string_view fallback) {
  if (!e.record) return fallback;
  for (const auto& a : e.record->attrs)
    if (a.first == k) return a.second;
  return fallback;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "earlyinit_<phase>__<subarch>": true for chain tables.
bool SplitChain(const std::string& table, std::string* phase, std::string* subarch) {
  if (!StartsWith(table, schema::kTablePrefix) || StartsWith(table, schema::kExemptPrefix))
    return false;
  const size_t n = sizeof schema::kTablePrefix - 1;
  const size_t sep = table.find(schema::kChainSeparator, n);
  if (sep == std::string::npos) return false;
  *phase = table.substr(n, sep - n);
  *subarch = table.substr(sep + 2);
  return PhaseRank(*phase) >= 0 && !subarch->empty();
}

}  // namespace

const std::vector<std::string>& Phases() {
  static const std::vector<std::string> phases = {"early", "setup_arch", "late"};
  return phases;
}

int PhaseRank(const std::string& phase) {
  const auto& p = Phases();
  for (size_t i = 0; i < p.size(); ++i)
    if (p[i] == phase) return static_cast<int>(i);
  return -1;
}

std::string Demangle(std::string_view view) {
  if (!StartsWith(view, "_Z")) return Str(view);
  const std::string symbol(view);
  auto demangle = [](const std::string& s) -> std::string {
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> d(abi::__cxa_demangle(s.c_str(), nullptr, nullptr, &status),
                                             std::free);
    return status == 0 && d ? std::string(d.get()) : std::string();
  };
  std::string d = demangle(symbol);
  if (!d.empty()) return d;
  const size_t dot = symbol.find('.');
  if (dot != std::string::npos) {
    d = demangle(symbol.substr(0, dot));
    if (!d.empty()) return d + " [" + symbol.substr(dot) + "]";
  }
  return symbol;
}

std::string Model::PairKey(const std::string& step, const std::string& subarch) {
  std::string k;
  k.reserve(step.size() + 1 + subarch.size());
  return k.append(step).append(1, '\x1f').append(subarch);  // no name holds \x1f
}

void Model::Index() {
  step_index_.clear();
  subarch_index_.clear();
  exempt_index_.clear();
  impl_index_.clear();
  step_index_.reserve(steps.size());
  for (size_t i = 0; i < steps.size(); ++i) step_index_.emplace(steps[i].name, i);
  for (size_t i = 0; i < subarchs.size(); ++i) subarch_index_.emplace(subarchs[i].name, i);
  for (size_t i = 0; i < exemptions.size(); ++i)
    exempt_index_[PairKey(exemptions[i].step, exemptions[i].subarch)].push_back(i);
  size_t n = 0;
  for (const auto& c : chains) n += c.impls.size();
  impl_index_.reserve(n);
  for (const auto& phase : Phases())
    for (const auto& c : chains)
      if (c.phase == phase)
        for (const auto& im : c.impls) impl_index_[PairKey(im.step, c.subarch)].push_back(&im);
  indexed_ = true;
}

std::vector<const Impl*> Model::FindImpls(const std::string& step, const std::string& subarch) const {
  if (indexed_) {
    auto it = impl_index_.find(PairKey(step, subarch));
    return it == impl_index_.end() ? std::vector<const Impl*>() : it->second;
  }
  std::vector<const Impl*> out;
  for (const auto& phase : Phases())
    for (const auto& c : chains)
      if (c.phase == phase && c.subarch == subarch)
        for (const auto& im : c.impls)
          if (im.step == step) out.push_back(&im);
  return out;
}

const Step* Model::FindStep(const std::string& name) const {
  if (indexed_) {
    auto it = step_index_.find(name);
    return it == step_index_.end() ? nullptr : &steps[it->second];
  }
  for (const auto& s : steps)
    if (s.name == name) return &s;
  return nullptr;
}

const Subarch* Model::FindSubarch(const std::string& name) const {
  if (indexed_) {
    auto it = subarch_index_.find(name);
    return it == subarch_index_.end() ? nullptr : &subarchs[it->second];
  }
  for (const auto& s : subarchs)
    if (s.name == name) return &s;
  return nullptr;
}

const Chain* Model::FindChain(const std::string& phase, const std::string& subarch) const {
  for (const auto& c : chains)
    if (c.phase == phase && c.subarch == subarch) return &c;
  return nullptr;
}

std::vector<const Exemption*> Model::FindExemptions(const std::string& step,
                                                    const std::string& subarch) const {
  std::vector<const Exemption*> out;
  if (indexed_) {
    auto it = exempt_index_.find(PairKey(step, subarch));
    if (it != exempt_index_.end())
      for (size_t i : it->second) out.push_back(&exemptions[i]);
    return out;
  }
  for (const auto& e : exemptions)
    if (e.step == step && e.subarch == subarch) out.push_back(&e);
  return out;
}

namespace {

// BuildModel's state: the program read, the model made, and the step
// look-ups the chains need.
struct Builder {
  const Program& program;
  Model* m;
  std::map<uint64_t, std::string> step_at;  // executables: entry address -> step
  std::unordered_map<std::string, size_t> step_names;
  std::string table;  // the chain being read (an entry's own may differ)

  void Subarchs();
  void Steps();
  bool StepFromEntry(const Entry& e, Step* s);
  void Deps();
  void Exemptions(const Table& t);
  void Chain(const Table& t, const std::string& phase, const std::string& subarch);
  std::string RefStep(const Entry& e, Impl* im) const;
  void ImplFromRecord(const Entry& e, const std::string& phase, const std::string& subarch,
                      const std::string& ref_step, Impl* im);
  void CheckFnField(const Entry& e, const Impl& im);
  void ImplWithoutRecord(const Entry& e, const std::string& ref_step, Impl* im) const;
};

void Builder::Subarchs() {
  const Table* t = program.FindTable(schema::kSubarchTable);
  if (!t) return;
  for (const auto& e : t->entries) {
    if (!e.record) continue;  // reported as entry-without-record
    Subarch s;
    s.name = Str(AttrOr(e, "subarch", e.name));
    s.label = Str(AttrOr(e, "label", ""));
    s.file = Str(e.record->file);
    s.line = e.record->line;
    s.id = ParseNumber(AttrOr(e, "id", ""));
    if (e.record->Attr("earlyinit") != "subarch")
      Add(m, FindingKind::kMalformedRecord,
          Where(e.record) + "entry " + Str(e.table) + "." + Str(e.name) + " lacks earlyinit=subarch", e.record,
          e.table, e.name);
    if (s.id < 0)
      Add(m, FindingKind::kMalformedRecord, Where(e.record) + "subarch " + s.name + " has no numeric id=",
          e.record, e.table, e.name);
    if (m->FindSubarch(s.name)) {
      Add(m, FindingKind::kDuplicateSubarch, Where(e.record) + "subarch " + s.name + " is enabled twice",
          e.record, e.table, e.name);
      continue;
    }
    m->subarchs.push_back(s);
  }
}

// One step from its entry and record; false when it is a duplicate.
bool Builder::StepFromEntry(const Entry& e, Step* s) {
  const Record* r = e.record;
  s->name = Str(AttrOr(e, "step", e.name));
  s->phase = Str(r->Attr("phase"));
  s->policy = Str(r->Attr("policy"));
  s->level = static_cast<int>(ParseNumber(r->Attr("level")));
  s->order = static_cast<int>(ParseNumber(r->Attr("order")));
  s->key = Str(e.key);
  s->file = Str(r->file);
  s->line = r->line;
  s->addr = e.addr;
  for (const auto& a : r->attrs)
    if (a.first == "dep") s->deps.push_back(Str(a.second));
  if (r->Attr("earlyinit") != "step")
    Add(m, FindingKind::kMalformedRecord, Where(r) + "entry " + Str(e.table) + "." + Str(e.name) + " lacks earlyinit=step",
        r, e.table, e.name);
  if (PhaseRank(s->phase) < 0 || s->level < 0 || s->order < 0) {
    Add(m, FindingKind::kMalformedRecord,
        Where(r) + "step " + s->name + " needs phase=early|setup_arch|late, level=<LL>, order=<OOOO>", r,
        e.table, e.name);
  } else {
    const std::string want = std::string(1, PhaseLetter(s->phase)) + Pad(s->level, 2) + "_" + Pad(s->order, 4);
    if (e.key != want)
      Add(m, FindingKind::kKeyMismatch,
          Where(r) + "step " + s->name + " has key " + Str(e.key) + ", its phase, level and order say " + want, r,
          e.table, e.name);
  }
  if (s->policy != "required" && s->policy != "optional")
    Add(m, FindingKind::kMalformedRecord,
        Where(r) + "step " + s->name + " has policy \"" + s->policy + "\", not required or optional", r,
        e.table, e.name);
  if (!step_names.emplace(s->name, m->steps.size()).second) {
    Add(m, FindingKind::kDuplicateStep, Where(r) + "step " + s->name + " is declared twice", r, e.table, e.name);
    return false;
  }
  return true;
}

void Builder::Steps() {
  const Table* t = program.FindTable(schema::kStepTable);
  if (!t) return;
  for (const auto& e : t->entries) {
    Step s;
    if (!e.record || !StepFromEntry(e, &s)) continue;
    if (program.executable) step_at[e.addr] = s.name;
    m->steps.push_back(std::move(s));
  }
}

// Dependencies from earlyinit_deps (dep= attributes of steps were read above).
void Builder::Deps() {
  const Table* t = program.FindTable(schema::kDepTable);
  if (!t) return;
  for (const auto& e : t->entries) {
    if (!e.record) continue;
    const std::string step = Str(e.record->Attr("step")), dep = Str(e.record->Attr("dep"));
    if (step.empty() || dep.empty()) {
      Add(m, FindingKind::kMalformedRecord, Where(e.record) + "dependency " + Str(e.name) + " needs step= and dep=",
          e.record, e.table, e.name);
      continue;
    }
    auto sit = step_names.find(step);
    if (sit == step_names.end()) {
      Add(m, FindingKind::kUnknownStep,
          Where(e.record) + "dependency " + step + " -> " + dep + " is declared for step " + step +
              ", which is not declared",
          e.record, e.table, e.name);
      continue;
    }
    Step& s = m->steps[sit->second];
    if (std::find(s.deps.begin(), s.deps.end(), dep) == s.deps.end()) s.deps.push_back(dep);
  }
}

void Builder::Exemptions(const Table& t) {
  const std::string table_subarch = t.name.substr(sizeof schema::kExemptPrefix - 1);
  for (const auto& e : t.entries) {
    if (!e.record) continue;
    Exemption x;
    x.step = Str(AttrOr(e, "step", e.name));
    x.subarch = Str(AttrOr(e, "subarch", table_subarch));
    x.reason = Str(e.record->Attr("reason"));
    x.file = Str(e.record->file);
    x.line = e.record->line;
    if (x.subarch != table_subarch)
      Add(m, FindingKind::kAttrMismatch,
          Where(e.record) + "exemption " + x.step + " says subarch=" + x.subarch + " but is in table " + t.name,
          e.record, t.name, e.name);
    m->exemptions.push_back(std::move(x));
  }
}

// The step field 1 really points at ("" none, "?" unknown); in executables
// also the flags and the function's address.
std::string Builder::RefStep(const Entry& e, Impl* im) const {
  if (program.executable) {
    const uint64_t target = e.Target(schema::kStepRefField, schema::kStepRefFlagMask);
    if (e.WordCount() > schema::kStepRefField)
      im->flags = e.Word(schema::kStepRefField) & schema::kStepRefFlagMask;
    if (e.WordCount() > schema::kFnField) {
      im->has_address = true;
      im->address = e.Target(schema::kFnField, 0);
    }
    auto it = step_at.find(target);
    if (it != step_at.end()) return it->second;
    return e.record ? "" : "?";
  }
  if (e.target_symbols.size() > schema::kStepRefField) {
    const std::string& sym = e.target_symbols[schema::kStepRefField];
    const std::string want_prefix = std::string(LINKTABLE_ENTRY_SYMBOL_PREFIX) + schema::kStepTable + ".";
    if (StartsWith(sym, want_prefix)) return sym.substr(want_prefix.size());
  }
  return "";
}

// Field 0 against the symbol the record names.
void Builder::CheckFnField(const Entry& e, const Impl& im) {
  const Record* r = e.record;
  const ElfObject& o = program.objects[0];
  uint64_t v = 0;
  if (program.executable && e.WordCount() > schema::kFnField && o.SymbolValue(im.symbol, &v) &&
      v != e.Target(schema::kFnField, 0))
    Add(m, FindingKind::kRefMismatch,
        Where(r) + "implementation of " + im.step + " in chain " + table + " calls " +
            Demangle(o.SymbolAt(e.Target(schema::kFnField, 0))) + ", its record says " + im.function,
        r, table, e.name);
  if (!program.executable && e.target_symbols.size() > schema::kFnField) {
    const std::string& sym = e.target_symbols[schema::kFnField];
    if (!sym.empty() && sym.find('+') == std::string::npos && sym != im.symbol)
      Add(m, FindingKind::kRefMismatch,
          Where(r) + "implementation of " + im.step + " in chain " + table + " calls " + Demangle(sym) +
              ", its record says " + im.function,
          r, table, e.name);
  }
}

void Builder::ImplFromRecord(const Entry& e, const std::string& phase, const std::string& subarch,
                             const std::string& ref_step, Impl* im) {
  const Record* r = e.record;
  im->step = Str(AttrOr(e, "step", e.name));
  im->symbol = Str(r->Attr("ref0"));
  im->function = !im->symbol.empty() ? Demangle(im->symbol) : Str(r->Attr("fn"));
  im->file = Str(r->file);
  im->line = r->line;
  // Built only when there is something to report (100,000 implementations).
  auto in = [&] { return Where(r) + "implementation of " + im->step + " "; };
  if (r->Attr("earlyinit") != "impl")
    Add(m, FindingKind::kMalformedRecord, Where(r) + "entry " + table + "." + Str(e.name) + " lacks earlyinit=impl",
        r, table, e.name);
  if (r->HasAttr("subarch") && r->Attr("subarch") != subarch)
    Add(m, FindingKind::kAttrMismatch, in() + "says subarch=" + Str(r->Attr("subarch")) + " but is in chain " + table,
        r, table, e.name);
  if (r->HasAttr("phase") && r->Attr("phase") != phase)
    Add(m, FindingKind::kAttrMismatch, in() + "says phase=" + Str(r->Attr("phase")) + " but is in chain " + table, r,
        table, e.name);
  if (!ref_step.empty() && ref_step != im->step)
    Add(m, FindingKind::kRefMismatch, in() + "in chain " + table + " refers to the entry of step " + ref_step, r,
        table, e.name);
  if (program.executable && ref_step.empty())
    Add(m, FindingKind::kRefMismatch,
        in() + "in chain " + table + " does not refer to any entry of " + schema::kStepTable, r, table, e.name);
  if (!im->symbol.empty()) CheckFnField(e, *im);
}

// An entry without its record: name what we can from the bytes.
void Builder::ImplWithoutRecord(const Entry& e, const std::string& ref_step, Impl* im) const {
  im->step = ref_step.empty() ? "?" : ref_step;
  if (program.executable) {
    const std::string sym = Str(program.objects[0].SymbolAt(e.Target(schema::kFnField, 0)));
    im->symbol = sym;
    im->function = sym.empty() ? "?" : Demangle(sym);
  } else if (e.target_symbols.size() > schema::kFnField) {
    im->symbol = e.target_symbols[schema::kFnField];
    im->function = im->symbol.empty() ? "?" : Demangle(im->symbol);
  }
  if (im->step == "?" && !e.name.empty()) im->step = e.name;
}

void Builder::Chain(const Table& t, const std::string& phase, const std::string& subarch) {
  table = t.name;
  audit::Chain c;
  c.table = t.name;
  c.phase = phase;
  c.subarch = subarch;
  c.impls.reserve(t.entries.size());
  for (const auto& e : t.entries) {
    Impl im;
    im.entry = &e;
    im.key = e.key;
    const std::string ref_step = RefStep(e, &im);
    if (e.record) ImplFromRecord(e, phase, subarch, ref_step, &im);
    else ImplWithoutRecord(e, ref_step, &im);
    c.impls.push_back(std::move(im));
  }
  m->chains.push_back(std::move(c));
}

}  // namespace

void BuildModel(const Program& program, Model* m) {
  Builder b{program, m, {}, {}, {}};
  b.Subarchs();
  b.Steps();
  b.Deps();
  for (const auto& kv : program.tables) {
    const Table& t = kv.second;
    std::string phase, subarch;
    if (StartsWith(t.name, schema::kExemptPrefix)) b.Exemptions(t);
    else if (SplitChain(t.name, &phase, &subarch)) b.Chain(t, phase, subarch);
  }
  m->Index();
}

}  // namespace audit
