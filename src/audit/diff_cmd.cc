// `diff S1 S2`: steps only one sequence runs, different functions, and order
// differences (the longest common subsequence stays, the rest "moved").
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "src/audit/commands.h"
#include "src/audit/text_table.h"

namespace audit {

namespace {

using StepIndex = std::map<std::string, const RunItem*>;

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
      out.push_back({it.impl->step, it.chain->phase, it.impl->function, jt->second->impl->function});
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
  std::map<std::string, size_t> pos_b;
  size_t k = 0;
  for (const auto& it : sb)
    if (ia.count(it.impl->step) && !pos_b.count(it.impl->step)) pos_b[it.impl->step] = k++;
  std::vector<const RunItem*> common_a;
  std::set<std::string> dup;
  for (const auto& it : sa)
    if (pos_b.count(it.impl->step) && dup.insert(it.impl->step).second) common_a.push_back(&it);
  std::vector<size_t> seqb;
  for (const auto* it : common_a) seqb.push_back(pos_b[it->impl->step]);
  const std::vector<bool> keep = LongestIncreasing(seqb);
  std::vector<std::string> common_b(pos_b.size());
  for (const auto& kv : pos_b) common_b[kv.second] = kv.first;
  std::vector<DiffMoved> moved;
  for (size_t i = 0; i < common_a.size(); ++i) {
    if (keep[i]) continue;
    const std::string& st = common_a[i]->impl->step;
    const size_t pb = pos_b[st];
    moved.push_back({st, i > 0 ? common_a[i - 1]->impl->step : "", pb > 0 ? common_b[pb - 1] : ""});
  }
  return moved;
}

}  // namespace

std::string ComputeDiff(const Model& m, const std::string& a, const std::string& b, DiffResult* r) {
  const auto subs = AllSubarchs(m);
  for (const auto& s : {a, b}) {
    const std::string e = UnknownSubarch(subs, s);
    if (!e.empty()) return e;
  }
  r->a = a;
  r->b = b;
  const auto sa = RunSequence(m, a), sb = RunSequence(m, b);
  const StepIndex ia = IndexOf(sa), ib = IndexOf(sb);
  r->steps_a = sa.size();
  r->steps_b = sb.size();
  r->only_a = Only(m, sa, ib, b);
  r->only_b = Only(m, sb, ia, a);
  r->functions = Functions(sa, ib);
  r->moved = Moved(sa, sb, ia);
  r->same = r->only_a.empty() && r->only_b.empty() && r->moved.empty();
  return "";
}

namespace {

std::string OtherText(const DiffOnly& x) {
  switch (x.other) {
    case OtherStatus::kMissing: return "missing";
    case OtherStatus::kExemptWithoutReason: return "exempt without reason";
    case OtherStatus::kExempt: return "exempt: " + x.reason;
  }
  return "?";
}

void TextOnly(const std::vector<DiffOnly>& list, const std::string& in, const std::string& other,
              std::ostream& out) {
  if (list.empty()) return;
  out << "\nonly in " << in << ":\n";
  std::vector<Row> rows;
  for (const auto& x : list)
    rows.push_back({{x.item.chain->phase, ""}, {x.item.impl->step, ""}, {x.item.impl->function, ""},
                    {"(" + other + ": " + OtherText(x) + ")", ""}});
  PrintTable(out, rows, "  ", false);
}

}  // namespace

void RenderDiffText(const DiffResult& r, std::ostream& out) {
  out << "diff " << r.a << " " << r.b << ": " << r.steps_a << " and " << r.steps_b << " steps\n";
  TextOnly(r.only_a, r.a, r.b, out);
  TextOnly(r.only_b, r.b, r.a, out);
  if (!r.functions.empty()) {
    out << "\nsame step, different function:\n";
    std::vector<Row> rows;
    for (const auto& f : r.functions)
      rows.push_back({{f.phase, ""}, {f.step, ""}, {r.a + ": " + f.function_a, ""}, {r.b + ": " + f.function_b, ""}});
    PrintTable(out, rows, "  ", false);
  }
  if (!r.moved.empty()) {
    out << "\norder differs:\n";
    for (const auto& mv : r.moved)
      out << "  " << mv.step << ": in " << r.a << " " << (mv.after_a.empty() ? "first" : "after " + mv.after_a)
          << ", in " << r.b << " " << (mv.after_b.empty() ? "first" : "after " + mv.after_b) << "\n";
  }
  if (r.same)
    out << "\nsame steps in the same order" << (r.functions.empty() ? "" : " (functions differ)") << "\n";
}

namespace {

Json JsonOnly(const std::vector<DiffOnly>& list) {
  Json arr = Json::Array();
  for (const auto& x : list) {
    const Impl& im = *x.item.impl;
    const bool exempt = x.other != OtherStatus::kMissing;
    Json e = Json::Object();
    e.Set("phase", Json::Str(x.item.chain->phase));
    e.Set("step", Json::Str(im.step));
    e.Set("function", Json::Str(im.function));
    e.Set("file", im.file.empty() ? Json::Null() : Json::Str(im.file));
    e.Set("line", im.file.empty() ? Json::Null() : Json::Int(im.line));
    e.Set("other", Json::Str(exempt ? "exempt" : "missing"));
    e.Set("reason", exempt ? Json::Str(x.reason) : Json::Null());
    arr.Push(std::move(e));
  }
  return arr;
}

Json OrNull(const std::string& s) { return s.empty() ? Json::Null() : Json::Str(s); }

}  // namespace

void RenderDiffJson(const Program& p, const DiffResult& r, std::ostream& out) {
  Json j = Header("diff", p);
  j.Set("a", Json::Str(r.a));
  j.Set("b", Json::Str(r.b));
  j.Set("same", Json::Bool(r.same));
  j.Set("only_in_a", JsonOnly(r.only_a));
  j.Set("only_in_b", JsonOnly(r.only_b));
  Json jf = Json::Array();
  for (const auto& f : r.functions) {
    Json e = Json::Object();
    e.Set("phase", Json::Str(f.phase));
    e.Set("step", Json::Str(f.step));
    e.Set("function_a", Json::Str(f.function_a));
    e.Set("function_b", Json::Str(f.function_b));
    jf.Push(std::move(e));
  }
  j.Set("different_functions", std::move(jf));
  Json jm = Json::Array();
  for (const auto& mv : r.moved) {
    Json e = Json::Object();
    e.Set("step", Json::Str(mv.step));
    e.Set("after_in_a", OrNull(mv.after_a));
    e.Set("after_in_b", OrNull(mv.after_b));
    jm.Push(std::move(e));
  }
  j.Set("order_differences", std::move(jm));
  out << j.Dump() << "\n";
}

}  // namespace audit
