#include "src/audit/model.h"

#include "src/audit/attrs.h"

#include <cxxabi.h>

#include <algorithm>
#include <cstdio>
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

// A step's key as its phase, level and order say: <P><LL>_<OOOO>.
std::string StepKey(char phase_letter, int level, int order) {
  std::string l = std::to_string(level), o = std::to_string(order);
  std::string key(1, phase_letter);
  key.append(l.size() < 2 ? 2 - l.size() : 0, '0').append(l).append(1, '_');
  return key.append(o.size() < 4 ? 4 - o.size() : 0, '0').append(o);
}

char PhaseLetter(const std::string& phase) {
  const int r = PhaseRank(phase);
  return r < 0 ? '?' : static_cast<char>('A' + r);
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

std::string Model::PairKey(std::string_view step, std::string_view subarch) {
  std::string k;
  k.reserve(step.size() + 1 + subarch.size());
  return k.append(step).append(1, '\x1f').append(subarch);  // no name holds \x1f
}

uint64_t Model::PairHash(std::string_view step, std::string_view subarch) {
  const uint64_t a = std::hash<std::string_view>()(step), b = std::hash<std::string_view>()(subarch);
  return a ^ (b + 0x9e3779b97f4a7c15ull + (a << 6) + (a >> 2));
}

std::string_view Model::Keep(std::string s) {
  if (!kept_) kept_ = std::make_shared<std::deque<std::string>>();
  kept_->push_back(std::move(s));
  return kept_->back();
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
    for (uint32_t ci = 0; ci < chains.size(); ++ci)
      if (chains[ci].phase == phase)
        for (const auto& im : chains[ci].impls)
          impl_index_.push_back({PairHash(im.step, chains[ci].subarch), &im, ci,
                                 static_cast<uint32_t>(impl_index_.size())});
  std::sort(impl_index_.begin(), impl_index_.end(),
            [this](const ImplKey& a, const ImplKey& b) { return Before(a, b); });
  indexed_ = true;
}

// The index's order: hash, step, subarch, run order.
bool Model::Before(const ImplKey& a, const ImplKey& b) const {
  if (a.hash != b.hash) return a.hash < b.hash;
  if (a.impl->step != b.impl->step) return a.impl->step < b.impl->step;
  const std::string& sa = chains[a.chain].subarch;
  const std::string& sb = chains[b.chain].subarch;
  if (sa != sb) return sa < sb;
  return a.seq < b.seq;
}

std::vector<const Impl*> Model::FindImpls(std::string_view step, std::string_view subarch) const {
  std::vector<const Impl*> out;
  if (indexed_) {
    const uint64_t h = PairHash(step, subarch);
    auto it = std::lower_bound(impl_index_.begin(), impl_index_.end(), h,
                               [](const ImplKey& a, uint64_t k) { return a.hash < k; });
    for (; it != impl_index_.end() && it->hash == h; ++it)
      if (it->impl->step == step && chains[it->chain].subarch == subarch) out.push_back(it->impl);
    return out;
  }
  for (const auto& phase : Phases())
    for (const auto& c : chains)
      if (c.phase == phase && c.subarch == subarch)
        for (const auto& im : c.impls)
          if (im.step == step) out.push_back(&im);
  return out;
}

const Step* Model::FindStep(std::string_view name) const {
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

std::vector<const Exemption*> Model::FindExemptions(std::string_view step,
                                                    std::string_view subarch) const {
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
  std::unordered_map<uint64_t, size_t> step_at;  // executables: entry address -> step
  std::unordered_map<std::string_view, size_t> step_names;
  std::string table;  // the chain being read (an entry's own may differ)

  void Subarchs();
  void Steps();
  bool StepFromEntry(const Entry& e, const Attrs& a, Step* s);
  void Deps();
  void Exemptions(const Table& t);
  void Chain(const Table& t, const std::string& phase, const std::string& subarch);
  std::string_view RefStep(const Entry& e, Impl* im) const;
  void ImplFromRecord(const Entry& e, const std::string& phase, const std::string& subarch,
                      std::string_view ref_step, Impl* im);
  void CheckFnField(const Entry& e, const Impl& im);
  void ImplWithoutRecord(const Entry& e, std::string_view ref_step, Impl* im) const;
  // A symbol for display: itself unless demangling changes it.
  std::string_view Display(std::string_view symbol) const {
    return StartsWith(symbol, "_Z") ? m->Keep(Demangle(symbol)) : symbol;
  }
};

void Builder::Subarchs() {
  const Table* t = program.FindTable(schema::kSubarchTable);
  if (!t) return;
  for (const auto& e : t->entries) {
    if (!e.record) continue;  // reported as entry-without-record
    const Attrs a(e.record);
    Subarch s;
    s.name = Str(a.Or(AttrName::kSubarch, e.name));
    s.label = Str(a.Get(AttrName::kLabel));
    s.file = Str(e.record->file);
    s.line = e.record->line;
    s.id = ParseNumber(a.Get(AttrName::kId));
    if (a.Get(AttrName::kEarlyinit) != "subarch")
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
bool Builder::StepFromEntry(const Entry& e, const Attrs& a, Step* s) {
  const Record* r = e.record;
  s->name = a.Or(AttrName::kStep, e.name);
  s->phase = a.Get(AttrName::kPhase);
  s->policy = a.Get(AttrName::kPolicy);
  s->level = static_cast<int>(ParseNumber(a.Get(AttrName::kLevel)));
  s->order = static_cast<int>(ParseNumber(a.Get(AttrName::kOrder)));
  s->key = e.key;
  s->file = r->file;
  s->line = r->line;
  s->addr = e.addr;
  if (a.Has(AttrName::kDep))
    for (const auto& kv : r->attrs)
      if (kv.first == "dep") s->deps.push_back(kv.second);
  if (a.Get(AttrName::kEarlyinit) != "step")
    Add(m, FindingKind::kMalformedRecord, Where(r) + "entry " + Str(e.table) + "." + Str(e.name) + " lacks earlyinit=step",
        r, e.table, e.name);
  if (PhaseRank(Str(s->phase)) < 0 || s->level < 0 || s->order < 0) {
    Add(m, FindingKind::kMalformedRecord,
        Where(r) + "step " + Str(s->name) + " needs phase=early|setup_arch|late, level=<LL>, order=<OOOO>", r,
        e.table, e.name);
  } else {
    const std::string want = StepKey(PhaseLetter(Str(s->phase)), s->level, s->order);
    if (e.key != want)
      Add(m, FindingKind::kKeyMismatch,
          Where(r) + "step " + Str(s->name) + " has key " + Str(e.key) + ", its phase, level and order say " + want, r,
          e.table, e.name);
  }
  if (s->policy != "required" && s->policy != "optional")
    Add(m, FindingKind::kMalformedRecord,
        Where(r) + "step " + Str(s->name) + " has policy \"" + Str(s->policy) + "\", not required or optional", r,
        e.table, e.name);
  if (!step_names.emplace(s->name, m->steps.size()).second) {
    Add(m, FindingKind::kDuplicateStep, Where(r) + "step " + Str(s->name) + " is declared twice", r, e.table, e.name);
    return false;
  }
  return true;
}

void Builder::Steps() {
  const Table* t = program.FindTable(schema::kStepTable);
  if (!t) return;
  m->steps.reserve(t->entries.size());
  for (const auto& e : t->entries) {
    Step s;
    if (!e.record || !StepFromEntry(e, Attrs(e.record), &s)) continue;
    if (program.executable) step_at[e.addr] = m->steps.size();
    m->steps.push_back(std::move(s));
  }
}

// Dependencies from earlyinit_deps (dep= attributes of steps were read above).
void Builder::Deps() {
  const Table* t = program.FindTable(schema::kDepTable);
  if (!t) return;
  for (const auto& e : t->entries) {
    if (!e.record) continue;
    const Attrs a(e.record);
    const std::string_view step = a.Get(AttrName::kStep), dep = a.Get(AttrName::kDep);
    if (step.empty() || dep.empty()) {
      Add(m, FindingKind::kMalformedRecord, Where(e.record) + "dependency " + Str(e.name) + " needs step= and dep=",
          e.record, e.table, e.name);
      continue;
    }
    auto sit = step_names.find(step);
    if (sit == step_names.end()) {
      Add(m, FindingKind::kUnknownStep,
          Where(e.record) + "dependency " + Str(step) + " -> " + Str(dep) + " is declared for step " + Str(step) +
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
    const Attrs a(e.record);
    Exemption x;
    x.step = Str(a.Or(AttrName::kStep, e.name));
    x.subarch = Str(a.Or(AttrName::kSubarch, table_subarch));
    x.reason = Str(a.Get(AttrName::kReason));
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
std::string_view Builder::RefStep(const Entry& e, Impl* im) const {
  if (program.executable) {
    const uint64_t target = e.Target(schema::kStepRefField, schema::kStepRefFlagMask);
    if (e.WordCount() > schema::kStepRefField)
      im->flags = e.Word(schema::kStepRefField) & schema::kStepRefFlagMask;
    if (e.WordCount() > schema::kFnField) {
      im->has_address = true;
      im->address = e.Target(schema::kFnField, 0);
    }
    auto it = step_at.find(target);
    if (it != step_at.end()) return m->steps[it->second].name;
    return e.record ? "" : "?";
  }
  if (e.relocs && e.WordCount() > schema::kStepRefField) {
    const std::string& sym = e.TargetSymbol(schema::kStepRefField);
    const std::string want_prefix = std::string(LINKTABLE_ENTRY_SYMBOL_PREFIX) + schema::kStepTable + ".";
    if (StartsWith(sym, want_prefix)) return std::string_view(sym).substr(want_prefix.size());
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
        Where(r) + "implementation of " + Str(im.step) + " in chain " + table + " calls " +
            Demangle(o.SymbolAt(e.Target(schema::kFnField, 0))) + ", its record says " + Str(im.function),
        r, table, e.name);
  if (!program.executable && e.relocs && e.WordCount() > schema::kFnField) {
    const std::string& sym = e.TargetSymbol(schema::kFnField);
    if (!sym.empty() && sym.find('+') == std::string::npos && sym != im.symbol)
      Add(m, FindingKind::kRefMismatch,
          Where(r) + "implementation of " + Str(im.step) + " in chain " + table + " calls " + Demangle(sym) +
              ", its record says " + Str(im.function),
          r, table, e.name);
  }
}

void Builder::ImplFromRecord(const Entry& e, const std::string& phase, const std::string& subarch,
                             std::string_view ref_step, Impl* im) {
  const Record* r = e.record;
  const Attrs a(r);
  im->step = a.Or(AttrName::kStep, e.name);
  im->symbol = a.Get(AttrName::kRef0);
  im->function = !im->symbol.empty() ? Display(im->symbol) : a.Get(AttrName::kFn);
  im->file = r->file;
  im->line = r->line;
  // Built only when there is something to report (100,000 implementations).
  auto in = [&] { return Where(r) + "implementation of " + Str(im->step) + " "; };
  if (a.Get(AttrName::kEarlyinit) != "impl")
    Add(m, FindingKind::kMalformedRecord, Where(r) + "entry " + table + "." + Str(e.name) + " lacks earlyinit=impl",
        r, table, e.name);
  if (a.Has(AttrName::kSubarch) && a.Get(AttrName::kSubarch) != subarch)
    Add(m, FindingKind::kAttrMismatch, in() + "says subarch=" + Str(a.Get(AttrName::kSubarch)) + " but is in chain " + table,
        r, table, e.name);
  if (a.Has(AttrName::kPhase) && a.Get(AttrName::kPhase) != phase)
    Add(m, FindingKind::kAttrMismatch, in() + "says phase=" + Str(a.Get(AttrName::kPhase)) + " but is in chain " + table, r,
        table, e.name);
  if (!ref_step.empty() && ref_step != im->step)
    Add(m, FindingKind::kRefMismatch, in() + "in chain " + table + " refers to the entry of step " + Str(ref_step), r,
        table, e.name);
  if (program.executable && ref_step.empty())
    Add(m, FindingKind::kRefMismatch,
        in() + "in chain " + table + " does not refer to any entry of " + schema::kStepTable, r, table, e.name);
  if (!im->symbol.empty()) CheckFnField(e, *im);
}

// An entry without its record: name what we can from the bytes.
void Builder::ImplWithoutRecord(const Entry& e, std::string_view ref_step, Impl* im) const {
  im->step = ref_step.empty() ? "?" : ref_step;
  if (program.executable) {
    im->symbol = program.objects[0].SymbolAt(e.Target(schema::kFnField, 0));
    im->function = im->symbol.empty() ? "?" : Display(im->symbol);
  } else if (e.relocs && e.WordCount() > schema::kFnField) {
    im->symbol = e.TargetSymbol(schema::kFnField);
    im->function = im->symbol.empty() ? "?" : Display(im->symbol);
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
    const std::string_view ref_step = RefStep(e, &im);
    if (e.record) ImplFromRecord(e, phase, subarch, ref_step, &im);
    else ImplWithoutRecord(e, ref_step, &im);
    c.impls.push_back(std::move(im));
  }
  m->chains.push_back(std::move(c));
}

}  // namespace

void BuildModel(const Program& program, Model* m) {
  {
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
  }  // the builder's look-ups are freed before the model's are built
  m->Index();
}

}  // namespace audit
