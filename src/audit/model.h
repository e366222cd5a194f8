// earlyinit-audit: the earlyinit layer. The one place that knows how
// earlyinit's subarchs, steps, implementations, exemptions and dependencies
// are laid out as linker-table entries and metadata attributes
// (include/earlyinit, docs/audit.md "What the tool reads"). Everything above
// works on this model only.
#ifndef EARLYINIT_SRC_AUDIT_MODEL_H
#define EARLYINIT_SRC_AUDIT_MODEL_H

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
#include "src/audit/program.h"
#include "src/audit/text.h"

namespace audit {

// The table and attribute names of include/earlyinit, from the header the
// macros use (earlyinit/names.h), so that the two cannot drift apart.
namespace schema {
constexpr char kSubarchTable[] = EARLYINIT_SUBARCHS_TABLE_NAME;
constexpr char kStepTable[] = EARLYINIT_STEPS_TABLE_NAME;
constexpr char kDepTable[] = EARLYINIT_DEPS_TABLE_NAME;
constexpr char kTablePrefix[] = EARLYINIT_CHAIN_TABLE_PREFIX;
constexpr char kExemptPrefix[] = EARLYINIT_EXEMPT_TABLE_PREFIX;
constexpr char kChainSeparator[] = "__";  // earlyinit_<phase>__<subarch>
constexpr uint32_t kStepRefField = 1;     // impl field 1 -> the step's entry
constexpr uint32_t kStepRefFlagMask = EARLYINIT_ENTRY_FLAG_MASK;  // its low bits are flags
constexpr uint32_t kFnField = 0;          // impl field 0 -> the function
}  // namespace schema

// Phases in run order.
const std::vector<std::string>& Phases();
int PhaseRank(const std::string& phase);  // -1 when unknown

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
};

struct Chain {
  std::string table, phase, subarch;
  std::vector<Impl> impls;  // in run order
};

struct Exemption {
  std::string step, subarch, reason, file;
  uint32_t line = 0;
};

struct Model {
  std::vector<Subarch> subarchs;   // enabled, in key (id) order
  std::vector<Step> steps;         // in key (run) order
  std::vector<Chain> chains;       // every chain table found
  std::vector<Exemption> exemptions;
  std::vector<Finding> problems;   // malformed or inconsistent records

  const Step* FindStep(std::string_view name) const;
  const Subarch* FindSubarch(const std::string& name) const;
  const Chain* FindChain(const std::string& phase, const std::string& subarch) const;
  // Exemptions of this pair (normally zero or one).
  std::vector<const Exemption*> FindExemptions(std::string_view step, std::string_view subarch) const;
  // Implementations of this pair in every chain of the subarch, run order.
  std::vector<const Impl*> FindImpls(std::string_view step, std::string_view subarch) const;

  // Builds the look-up indexes (BuildModel does; call again after edits).
  void Index();
  // A view of a copy of s that lives as long as the model (and its copies):
  // for names made rather than read (a demangled symbol).
  std::string_view Keep(std::string s);

 private:
  std::shared_ptr<std::deque<std::string>> kept_;  // Keep's strings (a deque: they do not move)
  std::unordered_map<std::string_view, size_t> step_index_;
  std::unordered_map<std::string, size_t> subarch_index_;
  // Keyed by PairKey(step, subarch): one hash, not a tree of string pairs.
  static std::string PairKey(std::string_view step, std::string_view subarch);
  std::unordered_map<std::string, std::vector<size_t>> exempt_index_;
  // Implementations by (step, subarch), then run order: a sorted vector,
  // built once (a hash of vectors cost 110 bytes an implementation).
  struct ImplKey {
    uint64_t hash;  // of (step, subarch): sorted by it first, so few string compares
    const Impl* impl;
    uint32_t chain;  // its index in chains (for the subarch)
    uint32_t seq;    // run order
  };
  bool Before(const ImplKey& a, const ImplKey& b) const;
  static uint64_t PairHash(std::string_view step, std::string_view subarch);
  std::vector<ImplKey> impl_index_;
  bool indexed_ = false;
};

// Builds the model; appends to model->problems what does not fit the schema.
void BuildModel(const Program& program, Model* model);

// A C++ symbol demangled for display; other names unchanged.
std::string Demangle(std::string_view symbol);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_MODEL_H
