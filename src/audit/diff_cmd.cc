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

void JsonOnly(JsonWriter& w, const std::vector<DiffOnly>& list) {
  w.BeginArray();
  for (const auto& x : list) {
    const Impl& im = *x.item.impl;
    const bool exempt = x.other != OtherStatus::kMissing;
    w.BeginObject();
    w.Key("phase").Str(x.item.chain->phase);
    w.Key("step").Str(im.step);
    w.Key("function").Str(im.function);
    im.file.empty() ? w.Key("file").Null() : w.Key("file").Str(im.file);
    im.file.empty() ? w.Key("line").Null() : w.Key("line").Int(im.line);
    w.Key("other").Str(exempt ? "exempt" : "missing");
    exempt ? w.Key("reason").Str(x.reason) : w.Key("reason").Null();
    w.End();
  }
  w.End();
}

void StrOrNull(JsonWriter& w, const char* key, const std::string& s) {
  s.empty() ? w.Key(key).Null() : w.Key(key).Str(s);
}

}  // namespace

void RenderDiffJson(const Program& p, const DiffResult& r, std::ostream& out) {
  std::string text;
  JsonWriter w(&text, &out);
  Header(w, "diff", p);
  w.Key("a").Str(r.a);
  w.Key("b").Str(r.b);
  w.Key("same").Bool(r.same);
  JsonOnly(w.Key("only_in_a"), r.only_a);
  JsonOnly(w.Key("only_in_b"), r.only_b);
  w.Key("different_functions").BeginArray();
  for (const auto& f : r.functions) {
    w.BeginObject();
    w.Key("phase").Str(f.phase);
    w.Key("step").Str(f.step);
    w.Key("function_a").Str(f.function_a);
    w.Key("function_b").Str(f.function_b);
    w.End();
  }
  w.End();
  w.Key("order_differences").BeginArray();
  for (const auto& mv : r.moved) {
    w.BeginObject();
    w.Key("step").Str(mv.step);
    StrOrNull(w, "after_in_a", mv.after_a);
    StrOrNull(w, "after_in_b", mv.after_b);
    w.End();
  }
  w.End();
  w.End();
  out << text << "\n";
}

}  // namespace audit
