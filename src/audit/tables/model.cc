#include "src/audit/tables/model.h"

#include "src/audit/tables/attrs.h"

#include <cxxabi.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <unordered_map>

namespace audit {

namespace {

void Add(Model* m, FindingKind kind, const std::string& message, const Record* r,
         std::string_view table = "", std::string_view name = "") {
  AddRecordFinding(&m->problems, kind, message, r, table, name);
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

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// "earlyinit_<phase>__<subarch>": true for chain tables, of any phase.
bool SplitChain(const std::string& table, std::string* phase, std::string* subarch) {
  if (!StartsWith(table, schema::kTablePrefix) || StartsWith(table, schema::kExemptPrefix))
    return false;
  const size_t n = sizeof schema::kTablePrefix - 1;
  const size_t sep = table.find(schema::kChainSeparator, n);
  if (sep == std::string::npos) return false;
  *phase = table.substr(n, sep - n);
  *subarch = table.substr(sep + 2);
  return !phase->empty() && !subarch->empty();
}

}  // namespace


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

std::string_view Model::Keep(std::string s) {
  if (!kept_) kept_ = std::make_shared<std::deque<std::string>>();
  kept_->push_back(std::move(s));
  return kept_->back();
}

void Model::Index(bool keep_step_indexes) {
  step_index_.clear();
  subarch_index_.clear();
  step_index_.Reserve(steps.size());
  for (size_t i = 0; i < steps.size(); ++i) step_index_.Add(steps[i].name, static_cast<uint32_t>(i));
  for (size_t i = 0; i < subarchs.size(); ++i) subarch_index_.emplace(subarchs[i].name, i);
  chain_subarch_.assign(chains.size(), -1);
  for (size_t c = 0; c < chains.size(); ++c) {
    auto it = subarch_index_.find(chains[c].subarch);
    if (it != subarch_index_.end()) chain_subarch_[c] = static_cast<int>(it->second);
  }
  indexed_ = true;
  ResolveSteps(keep_step_indexes);
  IndexByStep();
}

// Each implementation's and exemption's step index, by name unless `keep`
// and already set; and the steps' dependencies.
void Model::ResolveSteps(bool keep) {
  auto resolve = [this, keep](std::string_view name, int32_t* index) {
    if (keep && *index >= 0 && static_cast<size_t>(*index) < steps.size()) return;
    const Step* s = FindStep(name);
    *index = s ? static_cast<int32_t>(s - steps.data()) : -1;
  };
  for (auto& c : chains)
    for (auto& im : c.impls) resolve(im.step, &im.step_index);
  for (auto& x : exemptions) resolve(x.step, &x.step_index);
  dep_begin_.assign(1, 0);
  deps_of_.clear();
  for (const auto& st : steps) {
    for (const auto& d : st.deps) {
      const Step* s = FindStep(d);
      deps_of_.push_back(s ? static_cast<int32_t>(s - steps.data()) : -1);
    }
    dep_begin_.push_back(static_cast<uint32_t>(deps_of_.size()));
  }
}

// A counting sort by step index: ImplsOf's and ExemptionsOf's runs.
void Model::IndexByStep() {
  impl_begin_.assign(steps.size() + 1, 0);
  exempt_begin_.assign(steps.size() + 1, 0);
  for (const auto& c : chains)
    for (const auto& im : c.impls)
      if (im.step_index >= 0) ++impl_begin_[static_cast<size_t>(im.step_index) + 1];
  for (const auto& x : exemptions)
    if (x.step_index >= 0) ++exempt_begin_[static_cast<size_t>(x.step_index) + 1];
  for (size_t i = 0; i < steps.size(); ++i) {
    impl_begin_[i + 1] += impl_begin_[i];
    exempt_begin_[i + 1] += exempt_begin_[i];
  }
  std::vector<uint32_t> next(impl_begin_.begin(), impl_begin_.end() - 1);
  impls_of_.assign(impl_begin_.back(), ImplRef{nullptr, 0});
  for (const auto& phase : phases.all())
    for (uint32_t ci = 0; ci < chains.size(); ++ci)
      if (chains[ci].phase == phase.name)
        for (const auto& im : chains[ci].impls)
          if (im.step_index >= 0) impls_of_[next[static_cast<size_t>(im.step_index)]++] = {&im, ci};
  next.assign(exempt_begin_.begin(), exempt_begin_.end() - 1);
  exemptions_of_.assign(exempt_begin_.back(), 0);
  for (uint32_t i = 0; i < exemptions.size(); ++i)
    if (exemptions[i].step_index >= 0)
      exemptions_of_[next[static_cast<size_t>(exemptions[i].step_index)]++] = i;
}

Span<ImplRef> Model::ImplsOf(size_t step) const {
  const ImplRef* p = impls_of_.data();
  return {p + impl_begin_[step], p + impl_begin_[step + 1]};
}

Span<int32_t> Model::DepsOf(size_t step) const {
  const int32_t* p = deps_of_.data();
  return {p + dep_begin_[step], p + dep_begin_[step + 1]};
}

Span<uint32_t> Model::ExemptionsOf(size_t step) const {
  const uint32_t* p = exemptions_of_.data();
  return {p + exempt_begin_[step], p + exempt_begin_[step + 1]};
}

std::vector<const Impl*> Model::FindImpls(std::string_view step, std::string_view subarch) const {
  std::vector<const Impl*> out;
  const Step* st = indexed_ ? FindStep(step) : nullptr;
  if (st) {
    for (const ImplRef& r : ImplsOf(static_cast<size_t>(st - steps.data())))
      if (chains[r.chain].subarch == subarch) out.push_back(r.impl);
    return out;
  }
  for (const auto& phase : phases.all())  // not indexed, or a step not declared
    for (const auto& c : chains)
      if (c.phase == phase.name && c.subarch == subarch)
        for (const auto& im : c.impls)
          if (im.step == step) out.push_back(&im);
  return out;
}

const Step* Model::FindStep(std::string_view name) const {
  if (indexed_) {
    const uint32_t i = step_index_.Find(name);
    return i == NameIndex::kNone ? nullptr : &steps[i];
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
  const Step* st = indexed_ ? FindStep(step) : nullptr;
  if (st) {
    for (uint32_t i : ExemptionsOf(static_cast<size_t>(st - steps.data())))
      if (exemptions[i].subarch == subarch) out.push_back(&exemptions[i]);
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
  // Executables: the step of each entry of earlyinit_steps (-1: none), by
  // the entry's index in its table.
  const Table* step_table = nullptr;
  std::vector<int32_t> step_at;
  NameIndex step_names;  // -> index in m->steps
  std::string table;  // the chain being read (an entry's own may differ)

  void Phases();
  void PhaseNote(const Record* r, std::vector<std::pair<int64_t, Phase>>* out);
  bool UsesEarlyinit() const;
  void Subarchs();
  void Steps();
  bool StepFromEntry(const Entry& e, const Attrs& a, Step* s);
  void Deps();
  void Exemptions(const Table& t);
  void Chain(const Table& t, const std::string& phase, const std::string& subarch);
  void ChainOfPhase(const Table& t, const std::string& phase, const std::string& subarch);
  int32_t StepAt(uint64_t addr) const;
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

// One phase note into *out (the same phase twice is one: several inputs
// may carry the list); a malformed or conflicting note is a problem.
void Builder::PhaseNote(const Record* r, std::vector<std::pair<int64_t, Phase>>* out) {
  const std::string_view name = r->Attr("phase"), letter = r->Attr("letter");
  const int64_t ordinal = ParseNumber(r->Attr("ordinal"));
  if (r->Attr("earlyinit") != "phase" || name.empty() || ordinal < 0 || letter.size() != 1 ||
      letter[0] < 'A' || letter[0] > 'Z') {
    Add(m, FindingKind::kMalformedRecord,
        Where(r) + "phase note " + Str(r->name) + " needs earlyinit=phase, phase=, ordinal=<N>, letter=<A-Z>", r,
        r->table, r->name);
    return;
  }
  for (const auto& [o, p] : *out) {
    if (p.name != name && o != ordinal && p.letter != letter[0]) continue;
    if (p.name != name || o != ordinal || p.letter != letter[0])
      Add(m, FindingKind::kMalformedRecord,
          Where(r) + "phase " + Str(name) + " (ordinal " + std::to_string(ordinal) + ", letter " + Str(letter) +
              ") conflicts with phase " + p.name + " (ordinal " + std::to_string(o) + ", letter " + p.letter + ")",
          r, r->table, r->name);
    return;
  }
  out->push_back({ordinal, Phase{Str(name), letter[0]}});
}

// True when the inputs hold any earlyinit table (they then need phases).
bool Builder::UsesEarlyinit() const {
  for (const auto& kv : program.tables) {
    std::string phase, subarch;
    if (kv.first == schema::kStepTable || SplitChain(kv.first, &phase, &subarch)) return true;
  }
  return false;
}

// The phases, from the program's own notes (earlyinit/phase_record.h), by
// ordinal: 0, 1, 2, ... with no gap.
void Builder::Phases() {
  std::vector<std::pair<int64_t, Phase>> found;
  for (const Record* r : program.notes)
    if (r->table == schema::kPhaseNote) PhaseNote(r, &found);
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (size_t i = 0; i < found.size(); ++i) {
    if (found[i].first != static_cast<int64_t>(i)) {
      Add(m, FindingKind::kMalformedRecord,
          program.files[0] + ": the phase notes' ordinals are not 0, 1, 2, ...: no phase " + std::to_string(i),
          nullptr);
      return;
    }
    m->phases.Add(found[i].second.name, found[i].second.letter);
  }
  if (!found.empty() || !UsesEarlyinit()) return;
  if (!program.executable) {  // objects without the tables' object: the library's list, said so
    m->phases = PhaseList::Default();
    m->notices.push_back(program.files[0] + (program.files.size() > 1 ? " (and the other inputs)" : "") +
                         ": no phase notes (the object of EARLYINIT_DEFINE_TABLES() is not among the inputs): "
                         "read with the library's default phases, " + m->phases.Choices());
    return;
  }
  Add(m, FindingKind::kNoPhaseRecords,
      program.files[0] + ": earlyinit tables but no phase notes (" + schema::kPhaseNote +
          "): built with an earlyinit older than its phase notes; rebuild it",
      nullptr);
}

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
  if (m->phases.empty()) {
    // no phase notes: kNoPhaseRecords says so, once
  } else if (m->phases.Rank(s->phase) < 0 || s->level < 0 || s->order < 0) {
    Add(m, FindingKind::kMalformedRecord,
        Where(r) + "step " + Str(s->name) + " needs phase=" + m->phases.Choices() + ", level=<LL>, order=<OOOO>", r,
        e.table, e.name);
  } else {
    const std::string want = StepKey(m->phases.Letter(s->phase), s->level, s->order);
    if (e.key != want)
      Add(m, FindingKind::kKeyMismatch,
          Where(r) + "step " + Str(s->name) + " has key " + Str(e.key) + ", its phase, level and order say " + want, r,
          e.table, e.name);
  }
  if (s->policy != "required" && s->policy != "optional")
    Add(m, FindingKind::kMalformedRecord,
        Where(r) + "step " + Str(s->name) + " has policy \"" + Str(s->policy) + "\", not required or optional", r,
        e.table, e.name);
  if (!step_names.Add(s->name, static_cast<uint32_t>(m->steps.size()))) {
    Add(m, FindingKind::kDuplicateStep, Where(r) + "step " + Str(s->name) + " is declared twice", r, e.table, e.name);
    return false;
  }
  return true;
}

void Builder::Steps() {
  const Table* t = program.FindTable(schema::kStepTable);
  if (!t) return;
  m->steps.reserve(t->entries.size());
  step_names.Reserve(t->entries.size());
  if (program.executable) {
    step_table = t;
    step_at.assign(t->entries.size(), -1);
  }
  for (size_t k = 0; k < t->entries.size(); ++k) {
    const Entry& e = t->entries[k];
    Step s;
    if (!e.record || !StepFromEntry(e, Attrs(e.record), &s)) continue;
    if (program.executable) step_at[k] = static_cast<int32_t>(m->steps.size());
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
    const uint32_t si = step_names.Find(step);
    if (si == NameIndex::kNone) {
      Add(m, FindingKind::kUnknownStep,
          Where(e.record) + "dependency " + Str(step) + " -> " + Str(dep) + " is declared for step " + Str(step) +
              ", which is not declared",
          e.record, e.table, e.name);
      continue;
    }
    Step& s = m->steps[si];
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

// Executables: the step whose entry is at addr, or -1.
int32_t Builder::StepAt(uint64_t addr) const {
  const Table* t = step_table;
  if (!t || t->entry_size == 0 || addr < t->begin || (addr - t->begin) % t->entry_size != 0) return -1;
  const uint64_t k = (addr - t->begin) / t->entry_size;
  return k < step_at.size() ? step_at[k] : -1;
}

// The step field 1 really points at ("" none, "?" unknown); in executables
// also the flags, the function's address and the step's index.
std::string_view Builder::RefStep(const Entry& e, Impl* im) const {
  if (program.executable) {
    const uint64_t target = e.Target(schema::kStepRefField, schema::kStepRefFlagMask);
    if (e.WordCount() > schema::kStepRefField)
      im->flags = e.Word(schema::kStepRefField) & schema::kStepRefFlagMask;
    if (e.WordCount() > schema::kFnField) {
      im->has_address = true;
      im->address = e.Target(schema::kFnField, 0);
    }
    const int32_t i = StepAt(target);
    if (i < 0) return e.record ? "" : "?";
    im->step_index = i;  // kept by Model::Index unless the record names another step
    return m->steps[static_cast<size_t>(i)].name;
  }
  if (e.relocs && e.WordCount() > schema::kStepRefField) {
    const std::string& sym = e.TargetSymbol(schema::kStepRefField);
    const std::string want_prefix = std::string(LINKTABLE_ENTRY_SYMBOL_PREFIX) + schema::kStepTable + ".";
    if (StartsWith(sym, want_prefix)) return std::string_view(sym).substr(want_prefix.size());
  }
  return "";
}

// Field 0 against the symbol the record names. In executables the symbol
// at field 0's target is nearly always that one, which a look-up by address
// shows; only another name there (an alias, or a real difference) costs a
// look-up by name.
void Builder::CheckFnField(const Entry& e, const Impl& im) {
  const Record* r = e.record;
  const ElfObject& o = program.objects[0];
  uint64_t v = 0;
  if (program.executable && e.WordCount() > schema::kFnField &&
      o.SymbolAt(e.Target(schema::kFnField, 0)) != im.symbol && o.SymbolValue(im.symbol, &v) &&
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
  if (!ref_step.empty() && ref_step != im->step) {
    im->step_index = -1;  // the record's step counts: Model::Index finds it by name
    Add(m, FindingKind::kRefMismatch, in() + "in chain " + table + " refers to the entry of step " + Str(ref_step), r,
        table, e.name);
  }
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

// A chain table of a phase the notes do not list cannot be placed in any
// run sequence: a problem, never a chain left out in silence.
void Builder::ChainOfPhase(const Table& t, const std::string& phase, const std::string& subarch) {
  if (m->phases.Rank(phase) >= 0) return Chain(t, phase, subarch);
  if (m->phases.empty()) return;  // kNoPhaseRecords says why
  Add(m, FindingKind::kUnknownPhase,
      Where(t.record) + "table " + t.name + " is a chain of phase " + phase +
          ", which the program's phase notes do not list (" + m->phases.Choices() + ")",
      t.record, t.name, "");
}

}  // namespace

void BuildModel(const Program& program, Model* m) {
  {
    Builder b{program, m, nullptr, {}, {}, {}};
    b.Phases();
    b.Subarchs();
    b.Steps();
    b.Deps();
    for (const auto& kv : program.tables) {
      const Table& t = kv.second;
      std::string phase, subarch;
      if (StartsWith(t.name, schema::kExemptPrefix)) b.Exemptions(t);
      else if (SplitChain(t.name, &phase, &subarch)) b.ChainOfPhase(t, phase, subarch);
    }
  }  // the builder's look-ups are freed before the model's are built
  m->Index(/*keep_step_indexes=*/true);
}

std::string UnreadableError(const Program& program, const Model& model) {
  std::string out;
  for (const auto* v : {&program.problems, &model.problems})
    for (const Finding& f : *v)
      if (IsUnreadable(f.kind)) out.append(out.empty() ? "" : "\n").append(f.message);
  return out;
}

}  // namespace audit
