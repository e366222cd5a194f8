// `diff S1 S2`, the compute step: steps only one sequence runs, different functions, and order
// differences (the longest common subsequence stays, the rest "moved").
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "src/audit/commands/diff_cmd.h"

namespace audit {

namespace {

using StepIndex = std::map<std::string_view, const RunItem*>;  // views of the model's names

StepIndex IndexOf(const std::vector<RunItem>& seq) {
  StepIndex out;
  for (const auto& it : seq) out.emplace(it.impl->step, &it);
  return out;
}

// Steps of `seq` the other sequence lacks, with the other's status.
std::vector<DiffOnly> Only(const Model& m, const std::vector<RunItem>& seq, const StepIndex& other,
                           const std::string& other_name) {
  std::vector<DiffOnly> r;
  for (const auto& it : seq) {
    if (other.count(it.impl->step)) continue;
    const auto xs = m.FindExemptions(it.impl->step, other_name);
    if (xs.empty()) r.push_back({it, OtherStatus::kMissing, ""});
    else if (IsBlank(xs[0]->reason)) r.push_back({it, OtherStatus::kExemptWithoutReason, ""});
    else r.push_back({it, OtherStatus::kExempt, xs[0]->reason});
  }
  return r;
}

std::vector<DiffFunction> Functions(const std::vector<RunItem>& sa, const StepIndex& ib) {
  std::vector<DiffFunction> out;
  for (const auto& it : sa) {
    auto jt = ib.find(it.impl->step);
    if (jt != ib.end() && jt->second->impl->function != it.impl->function)
      out.push_back({std::string(it.impl->step), it.chain->phase, std::string(it.impl->function),
                     std::string(jt->second->impl->function)});
  }
  return out;
}

// Which of the values keep their place: a longest increasing subsequence
// (O(n log n), patience sorting).
std::vector<bool> LongestIncreasing(const std::vector<size_t>& seq) {
  std::vector<size_t> tails, tails_idx, parent(seq.size(), SIZE_MAX);
  for (size_t i = 0; i < seq.size(); ++i) {
    const size_t l = static_cast<size_t>(std::lower_bound(tails.begin(), tails.end(), seq[i]) - tails.begin());
    if (l == tails.size()) {
      tails.push_back(seq[i]);
      tails_idx.push_back(i);
    } else {
      tails[l] = seq[i];
      tails_idx[l] = i;
    }
    parent[i] = l > 0 ? tails_idx[l - 1] : SIZE_MAX;
  }
  std::vector<bool> keep(seq.size(), false);
  if (!tails_idx.empty())
    for (size_t i = tails_idx.back(); i != SIZE_MAX; i = parent[i]) keep[i] = true;
  return keep;
}

// Order: common steps in a's order; the longest run that b keeps in the
// same order stays, every other common step "moved", with the common step
// before it in each chain.
std::vector<DiffMoved> Moved(const std::vector<RunItem>& sa, const std::vector<RunItem>& sb,
                             const StepIndex& ia) {
  std::map<std::string_view, size_t> pos_b;
  size_t k = 0;
  for (const auto& it : sb)
    if (ia.count(it.impl->step) && !pos_b.count(it.impl->step)) pos_b[it.impl->step] = k++;
  std::vector<const RunItem*> common_a;
  std::set<std::string_view> dup;
  for (const auto& it : sa)
    if (pos_b.count(it.impl->step) && dup.insert(it.impl->step).second) common_a.push_back(&it);
  std::vector<size_t> seqb;
  for (const auto* it : common_a) seqb.push_back(pos_b[it->impl->step]);
  const std::vector<bool> keep = LongestIncreasing(seqb);
  std::vector<std::string_view> common_b(pos_b.size());
  for (const auto& kv : pos_b) common_b[kv.second] = kv.first;
  std::vector<DiffMoved> moved;
  for (size_t i = 0; i < common_a.size(); ++i) {
    if (keep[i]) continue;
    const std::string_view st = common_a[i]->impl->step;
    const size_t pb = pos_b[st];
    moved.push_back({std::string(st), std::string(i > 0 ? common_a[i - 1]->impl->step : ""),
                     std::string(pb > 0 ? common_b[pb - 1] : "")});
  }
  return moved;
}

}  // namespace

DiffResult ComputeDiff(const Model& m, const std::string& a, const std::string& b) {
  DiffResult r;
  r.a = a;
  r.b = b;
  const auto sa = RunSequence(m, a), sb = RunSequence(m, b);
  const StepIndex ia = IndexOf(sa), ib = IndexOf(sb);
  r.steps_a = sa.size();
  r.steps_b = sb.size();
  r.only_a = Only(m, sa, ib, b);
  r.only_b = Only(m, sb, ia, a);
  r.functions = Functions(sa, ib);
  r.moved = Moved(sa, sb, ia);
  r.same = r.only_a.empty() && r.only_b.empty() && r.moved.empty();
  return r;
}

}  // namespace audit
