// earlyinit-audit: the earlyinit layer. The one place that knows how
// earlyinit's subarchs, steps, implementations, exemptions and dependencies
// are laid out as linker-table entries and metadata attributes
// (include/earlyinit, docs/audit.md "What the tool reads"). Everything above
// works on this model only.
#ifndef EARLYINIT_SRC_AUDIT_TABLES_MODEL_H
#define EARLYINIT_SRC_AUDIT_TABLES_MODEL_H

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "earlyinit/names.h"
#include "linktable/names.h"
#include "src/audit/base/phases.h"
#include "src/audit/base/text.h"
#include "src/audit/tables/name_index.h"
#include "src/audit/tables/program.h"

namespace audit {

// The table and attribute names of include/earlyinit, from the header the
// macros use (earlyinit/names.h), so that the two cannot drift apart.
namespace schema {
constexpr char kSubarchTable[] = EARLYINIT_SUBARCHS_TABLE_NAME;
constexpr char kStepTable[] = EARLYINIT_STEPS_TABLE_NAME;
constexpr char kDepTable[] = EARLYINIT_DEPS_TABLE_NAME;
constexpr char kPhaseNote[] = "earlyinit_phases";  // EARLYINIT_PHASES_NOTE_NAME (earlyinit/phase_record.h)
constexpr char kTablePrefix[] = EARLYINIT_CHAIN_TABLE_PREFIX;
constexpr char kExemptPrefix[] = EARLYINIT_EXEMPT_TABLE_PREFIX;
constexpr char kChainSeparator[] = "__";  // earlyinit_<phase>__<subarch>
constexpr uint32_t kStepRefField = 1;     // impl field 1 -> the step's entry
constexpr uint32_t kStepRefFlagMask = EARLYINIT_ENTRY_FLAG_MASK;  // its low bits are flags
constexpr uint32_t kFnField = 0;          // impl field 0 -> the function
}  // namespace schema


struct Subarch {
  std::string name, label;
  int64_t id = -1;
  std::string file;
  uint32_t line = 0;
};

// Step and Impl hold views: into the program's mapped file (a Model lives
// no longer than the Program it was built from), into string literals, or
// into Model::Keep's storage.
struct Step {
  std::string_view name, phase, policy;
  int level = -1, order = -1;
  std::string_view key;  // <P><LL>_<OOOO>
  std::vector<std::string_view> deps;  // from dep= attrs and earlyinit_deps
  std::string_view file;
  uint32_t line = 0;
  uint64_t addr = 0;  // executables: its entry in earlyinit_steps
};

struct Impl {
  std::string_view step;      // as recorded (or resolved from the entry)
  std::string_view function;  // for display: demangled symbol, else fn=
  std::string_view symbol;    // ref0, as the linker knows it
  std::string_view key;
  std::string_view file;
  uint32_t line = 0;
  const Entry* entry = nullptr;
  uint32_t flags = 0;    // executables: field 1's low bits
  bool has_address = false;  // executables: where field 0 points
  uint64_t address = 0;      // (the function's link-time address)
  int32_t step_index = -1;   // its step in Model::steps; -1: not declared (Index sets it)
};

struct Chain {
  std::string table, phase, subarch;
  std::vector<Impl> impls;  // in run order
};

struct Exemption {
  std::string step, subarch, reason, file;
  uint32_t line = 0;
  int32_t step_index = -1;  // as Impl's
};

// An implementation and the index of its chain in Model::chains.
struct ImplRef {
  const Impl* impl;
  uint32_t chain;
};

// A run of a model's index (C++20 has std::span).
template <typename T>
struct Span {
  const T* first = nullptr;
  const T* last = nullptr;
  const T* begin() const { return first; }
  const T* end() const { return last; }
  size_t size() const { return static_cast<size_t>(last - first); }
  bool empty() const { return first == last; }
};

struct Model {
  PhaseList phases;                // from the program's phase notes, in run order
  std::vector<Subarch> subarchs;   // enabled, in key (id) order
  std::vector<Step> steps;         // in key (run) order
  std::vector<Chain> chains;       // every chain table found
  std::vector<Exemption> exemptions;
  std::vector<Finding> problems;   // malformed or inconsistent records
  std::vector<std::string> notices;  // what the user should know about how it was read (stderr)

  const Step* FindStep(std::string_view name) const;
  const Subarch* FindSubarch(const std::string& name) const;
  const Chain* FindChain(const std::string& phase, const std::string& subarch) const;
  // Exemptions of this pair (normally zero or one).
  std::vector<const Exemption*> FindExemptions(std::string_view step, std::string_view subarch) const;
  // Implementations of this pair in every chain of the subarch, run order.
  std::vector<const Impl*> FindImpls(std::string_view step, std::string_view subarch) const;

  // After Index(), by a step's index in steps: its implementations in every
  // chain (phases in run order, then chains, then run order), and its
  // exemptions (indexes into exemptions). The rules use these: no name is
  // hashed per pair.
  Span<ImplRef> ImplsOf(size_t step) const;
  Span<uint32_t> ExemptionsOf(size_t step) const;
  // After Index(): steps[step].deps as indexes into steps (-1: not declared).
  Span<int32_t> DepsOf(size_t step) const;
  // After Index(): the index in subarchs of chain c's subarch, -1 when it is
  // not enabled.
  int ChainSubarch(size_t c) const { return chain_subarch_[c]; }

  // Builds the look-up indexes (BuildModel does; call again after edits),
  // resolving every implementation's and exemption's step by name. With
  // keep_step_indexes, a step_index already set is trusted: BuildModel's
  // come from the binary's own references, checked against the names.
  void Index(bool keep_step_indexes = false);
  // A view of a copy of s that lives as long as the model (and its copies):
  // for names made rather than read (a demangled symbol).
  std::string_view Keep(std::string s);

 private:
  std::shared_ptr<std::deque<std::string>> kept_;  // Keep's strings (a deque: they do not move)
  NameIndex step_index_;  // name -> index in steps (the first of a name)
  std::unordered_map<std::string, size_t> subarch_index_;
  std::vector<int> chain_subarch_;
  // By step index, in one vector each (a vector per step would cost an
  // allocation per step): impls_of_[impl_begin_[i], impl_begin_[i + 1]) are
  // step i's, and so for exemptions.
  std::vector<uint32_t> impl_begin_, exempt_begin_, dep_begin_;
  std::vector<ImplRef> impls_of_;
  std::vector<uint32_t> exemptions_of_;
  std::vector<int32_t> deps_of_;
  void ResolveSteps(bool keep);
  void IndexByStep();
  bool indexed_ = false;
};

// Builds the model; appends to model->problems what does not fit the schema.
void BuildModel(const Program& program, Model* model);

// What the tool cannot read in the program or its model (IsUnreadable), one
// message a line; "" when it can read everything. Every command refuses such
// input: a record it cannot read would otherwise be a row left out.
std::string UnreadableError(const Program& program, const Model& model);

// A C++ symbol demangled for display; other names unchanged.
std::string Demangle(std::string_view symbol);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_TABLES_MODEL_H
