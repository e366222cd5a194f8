// `check`: the rules (parity, unknown names, dependency order; cycles in
// cycles.cc) over the model, after the program's and the model's own
// findings: the compute step.
#include <set>
#include <unordered_map>

#include "src/audit/commands/check_cmd.h"
#include "src/audit/base/source.h"
#include "src/audit/base/vocabulary.h"
#include "src/audit/commands/rules.h"
#include "src/audit/tables/sequences.h"

namespace audit {

namespace {

void CheckImpls(const Model& m, const Chain& c, std::vector<Finding>* v) {
  for (const auto& im : c.impls) {
    if (im.step_index < 0) {
      AddFinding(v, FindingKind::kUnknownStep,
                 At(im.file, im.line) + "chain " + c.table + " implements step " + im.step +
                     ", which is not declared",
                 im.file, im.line, im.step, c.subarch);
      continue;
    }
    const Step* st = &m.steps[static_cast<size_t>(im.step_index)];
    if (st->phase != c.phase)
      AddFinding(v, FindingKind::kPhaseMismatch,
                 At(im.file, im.line) + "step " + im.step + " is declared in phase " + st->phase +
                     " but implemented in chain " + c.table,
                 im.file, im.line, im.step, c.subarch);
    else if (!im.key.empty() && st->key.size() > 1 && im.key != st->key.substr(1))
      AddFinding(v, FindingKind::kKeyMismatch,
                 At(im.file, im.line) + "implementation of " + im.step + " in chain " + c.table +
                     " has key " + im.key + ", the step's key is " + st->key,
                 im.file, im.line, im.step, c.subarch);
  }
}

// Chains and exemptions of subarchs that are not enabled; unknown steps.
void CheckChains(const Model& m, const std::set<std::string>& enabled, std::vector<Finding>* v) {
  for (const auto& c : m.chains) {
    if (!enabled.count(c.subarch) && !c.impls.empty())
      AddFinding(v, FindingKind::kUnknownSubarch,
                 "chain " + c.table + " has " + std::to_string(c.impls.size()) +
                     " implementations for subarch " + c.subarch + ", which is not enabled",
                 "", 0, "", c.subarch);
    CheckImpls(m, c, v);
  }
}

void CheckExemptions(const Model& m, const std::set<std::string>& enabled, std::vector<Finding>* v) {
  for (const auto& x : m.exemptions) {
    if (!enabled.count(x.subarch))
      AddFinding(v, FindingKind::kUnknownSubarch,
                 At(x.file, x.line) + "exemption of step " + x.step + " is for subarch " +
                     x.subarch + ", which is not enabled",
                 x.file, x.line, x.step, x.subarch);
    if (x.step_index < 0)
      AddFinding(v, FindingKind::kUnknownStep,
                 At(x.file, x.line) + "exemption for subarch " + x.subarch + " names step " +
                     x.step + ", which is not declared",
                 x.file, x.line, x.step, x.subarch);
    if (IsBlank(x.reason))
      AddFinding(v, FindingKind::kExemptWithoutReason,
                 At(x.file, x.line) + "exemption of step " + x.step + " for subarch " + x.subarch +
                     " has no reason",
                 x.file, x.line, x.step, x.subarch);
  }
}

// Parity of one declared step on one enabled subarch (its index in
// m.subarchs), from the step's implementations and exemptions.
void CheckPair(const Model& m, size_t step, size_t sub, std::vector<Finding>* v) {
  const Step& st = m.steps[step];
  const Subarch& s = m.subarchs[sub];
  size_t impls = 0, exempts = 0;  // counted first: lists only for a finding
  for (const ImplRef& r : m.ImplsOf(step)) impls += m.ChainSubarch(r.chain) == static_cast<int>(sub);
  for (uint32_t i : m.ExemptionsOf(step)) exempts += m.exemptions[i].subarch == s.name;
  if (impls == 1 && exempts == 0) return;  // the usual case
  std::vector<const Impl*> is;
  for (const ImplRef& r : m.ImplsOf(step))
    if (m.ChainSubarch(r.chain) == static_cast<int>(sub)) is.push_back(r.impl);
  std::vector<const Exemption*> xs;
  for (uint32_t i : m.ExemptionsOf(step))
    if (m.exemptions[i].subarch == s.name) xs.push_back(&m.exemptions[i]);
  if (is.empty() && xs.empty())
    AddFinding(v, FindingKind::kMissing,
               At(st.file, st.line) + "step " + st.name +
                   " has neither an implementation nor an exemption for subarch " + s.name,
               st.file, st.line, st.name, s.name);
  if (is.size() > 1) {
    std::string where;
    for (const auto* im : is) where += (where.empty() ? "" : ", ") + Source(im->file, im->line);
    AddFinding(v, FindingKind::kDuplicateImpl,
               At(st.file, st.line) + "step " + st.name + " has " + std::to_string(is.size()) +
                   " implementations for subarch " + s.name + " (" + where + ")",
               st.file, st.line, st.name, s.name);
  }
  if (!is.empty() && !xs.empty())
    AddFinding(v, FindingKind::kImplAndExempt,
               At(xs[0]->file, xs[0]->line) + "step " + st.name +
                   " is both implemented and exempt for subarch " + s.name,
               xs[0]->file, xs[0]->line, st.name, s.name);
  if (xs.size() > 1)
    AddFinding(v, FindingKind::kDuplicateExemption,
               At(xs[1]->file, xs[1]->line) + "step " + st.name + " is exempt twice for subarch " +
                   s.name,
               xs[1]->file, xs[1]->line, st.name, s.name);
}

// In one subarch's run sequence, no step before one of its dependencies.
void CheckOrder(const Model& m, const Subarch& s, std::vector<Finding>* v) {
  const auto seq = RunSequence(m, s.name);
  // Where each step first runs: declared steps by index; a step that is not
  // declared (a finding of its own) by name, when there is one.
  std::vector<int64_t> pos(m.steps.size(), -1);
  std::unordered_map<std::string_view, size_t> undeclared;
  for (size_t i = 0; i < seq.size(); ++i) {
    const Impl& im = *seq[i].impl;
    if (im.step_index < 0) undeclared.emplace(im.step, i);
    else if (pos[static_cast<size_t>(im.step_index)] < 0) pos[static_cast<size_t>(im.step_index)] = static_cast<int64_t>(i);
  }
  auto where = [&](std::string_view name, int32_t index) -> int64_t {
    if (index >= 0) return pos[static_cast<size_t>(index)];
    auto it = undeclared.find(name);
    return it == undeclared.end() ? -1 : static_cast<int64_t>(it->second);
  };
  for (size_t i = 0; i < seq.size(); ++i) {
    const Impl& im = *seq[i].impl;
    if (im.step_index < 0) continue;
    const Step& st = m.steps[static_cast<size_t>(im.step_index)];
    const Span<int32_t> dep_index = m.DepsOf(static_cast<size_t>(im.step_index));
    for (size_t k = 0; k < st.deps.size(); ++k) {
      const std::string_view d = st.deps[k];
      const int64_t at = where(d, dep_index.begin()[k]);
      if (d == im.step || at < 0 || static_cast<size_t>(at) < i) continue;  // self: a cycle
      const RunItem& di = seq[static_cast<size_t>(at)];
      AddFinding(v, FindingKind::kOrder,
                 At(im.file, im.line) + "in the chain of subarch " + s.name + ", step " + im.step +
                     " (" + seq[i].chain->phase + ", " + im.key + ") runs before its dependency " +
                     d + " (" + di.chain->phase + ", " + di.impl->key + ")",
                 im.file, im.line, im.step, s.name);
    }
  }
}

// Dependencies: unknown, cycles, order in every enabled chain.
void CheckDeps(const Model& m, std::vector<Finding>* v) {
  for (size_t i = 0; i < m.steps.size(); ++i) {
    const Step& st = m.steps[i];
    const Span<int32_t> dep_index = m.DepsOf(i);
    for (size_t k = 0; k < st.deps.size(); ++k) {
      const std::string_view d = st.deps[k];
      if (dep_index.begin()[k] < 0)
        AddFinding(v, FindingKind::kUnknownDep,
                   At(st.file, st.line) + "step " + st.name + " depends on " + d +
                       ", which is not declared",
                   st.file, st.line, st.name);
    }
  }
  FindCycles(m, v);
  for (const auto& s : m.subarchs) CheckOrder(m, s, v);
}

}  // namespace

std::vector<Finding> Check(const Program& p, const Model& m) {
  std::vector<Finding> v = p.problems;
  v.insert(v.end(), m.problems.begin(), m.problems.end());
  std::set<std::string> enabled;
  for (const auto& s : m.subarchs) enabled.insert(s.name);
  CheckChains(m, enabled, &v);
  CheckExemptions(m, enabled, &v);
  for (size_t s = 0; s < m.subarchs.size(); ++s)
    for (size_t st = 0; st < m.steps.size(); ++st) CheckPair(m, st, s, &v);
  CheckDeps(m, &v);
  return v;
}

CheckResult ComputeCheck(const Program& p, const Model& m) {
  CheckResult r;
  r.findings = Check(p, m);
  r.subarchs = m.subarchs.size();
  r.steps = m.steps.size();
  for (const auto& c : m.chains) r.implementations += c.impls.size();
  r.exemptions = m.exemptions.size();
  return r;
}

}  // namespace audit
