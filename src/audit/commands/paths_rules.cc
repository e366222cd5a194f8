#include "src/audit/commands/paths_rules.h"

#include <algorithm>

namespace audit {

namespace {

// Walks one entry in path order (a call's callee runs before the caller's
// next call) until kasan_early_init, or in an earlyinit kernel the step
// kasan_early, whichever function implements it on this entry (examples/
// linux's Xen PV maps the shadow through Xen, not with kasan_early_init).
class Walk {
 public:
  explicit Walk(const std::string& entry) : entry_(entry) {}

  // False once kasan_early_init (or step kasan_early) is reached.
  bool Node(const PathNode& n) {
    if (n.name == kKasanEarlyInit ||
        (n.kind == PathNode::Kind::kStep && n.step == kKasanEarlyStep)) {
      reached_ = true;
      return false;
    }
    if (IsKasanRuntime(n.name) && !chain_.empty()) Record(n.name);
    chain_.push_back(&n);
    bool go_on = true;
    for (const PathNode& c : n.children)
      if (!(go_on = Node(c))) break;
    chain_.pop_back();
    return go_on;
  }

  std::vector<KasanFinding> Finish() {
    for (KasanFinding& f : found_) {
      f.early_init_later = reached_;
      std::string calls, chain;
      for (const std::string& c : f.runtime_calls) calls += (calls.empty() ? "" : ", ") + c;
      for (const std::string& c : f.chain) chain += (chain.empty() ? "" : " > ") + c;
      f.finding.kind = FindingKind::kKasanBeforeEarlyInit;
      f.finding.subarch = f.entry;
      f.finding.name = f.function;
      f.finding.message = "entry " + f.entry + ": " + f.function + " calls " + calls +
                          (reached_ ? " before kasan_early_init" : " and the entry never reaches kasan_early_init") +
                          " (chain: " + chain + ")";
    }
    return std::move(found_);
  }

 private:
  // The instrumented function is the innermost one compiled out of line:
  // an inlined helper's checks are its caller's code.
  void Record(const std::string& runtime) {
    std::vector<std::string> chain;
    size_t end = chain_.size();
    while (end > 1 && chain_[end - 1]->kind == PathNode::Kind::kInline) --end;
    for (size_t i = 0; i < end; ++i) chain.push_back(chain_[i]->name.empty() ? "?" : chain_[i]->name);
    auto it = std::find_if(found_.begin(), found_.end(),
                           [&](const KasanFinding& f) { return f.chain == chain; });
    if (it == found_.end()) {
      KasanFinding f;
      f.entry = entry_;
      f.function = chain.back();
      f.chain = chain;
      found_.push_back(std::move(f));
      it = found_.end() - 1;
    }
    if (std::find(it->runtime_calls.begin(), it->runtime_calls.end(), runtime) == it->runtime_calls.end())
      it->runtime_calls.push_back(runtime);
  }

  const std::string& entry_;
  std::vector<const PathNode*> chain_;
  std::vector<KasanFinding> found_;
  bool reached_ = false;
};

}  // namespace

std::vector<KasanFinding> KasanRule(const std::vector<EntryTree>& trees) {
  std::vector<KasanFinding> all;
  for (const EntryTree& t : trees) {
    Walk w(t.entry.name);
    for (const PathNode& r : t.roots)
      if (!w.Node(r)) break;
    for (KasanFinding& f : w.Finish()) all.push_back(std::move(f));
  }
  return all;
}

}  // namespace audit
