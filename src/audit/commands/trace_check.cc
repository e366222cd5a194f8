#include "src/audit/commands/trace_check.h"
#include "src/audit/base/text.h"

#include <cstdio>
#include <initializer_list>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>

namespace audit {

const char* TraceDiffName(TraceDiffKind k) {
  switch (k) {
    case TraceDiffKind::kNoChain: return "no-chain";
    case TraceDiffKind::kNotRun: return "not-run";
    case TraceDiffKind::kNotInBinary: return "not-in-binary";
    case TraceDiffKind::kOutOfOrder: return "out-of-order";
    case TraceDiffKind::kDifferentFunction: return "different-function";
  }
  return "?";
}

std::vector<ChainStep> ChainOf(const Model& m, const std::string& subarch) {
  std::vector<ChainStep> out;
  for (const auto& phase : m.phases.all())
    if (const Chain* c = m.FindChain(phase.name, subarch))
      for (const auto& im : c->impls)
        out.push_back({phase.name, std::string(im.step), std::string(im.function), im.has_address, im.address});
  return out;
}

namespace {

// The pieces, joined in one string of the right size (a message is one
// allocation, not one per +).
std::string Cat(std::initializer_list<std::string_view> parts) {
  size_t n = 0;
  for (std::string_view p : parts) n += p.size();
  std::string out;
  out.reserve(n);
  for (std::string_view p : parts) out.append(p.data(), p.size());
  return out;
}

// Why later steps may not have run: the boot ended in a fatal report.
std::string StopHint(const Boot& b) {
  if (b.fatals.empty()) return "";
  return Cat({" (the boot stopped at line ", std::to_string(b.fatals.front().line), ": ",
              b.fatals.front().text, ")"});
}

// A subarch's chain, indexed by (phase, step): built once per subarch and
// run over each of its boots in one walk. Not copied: the index views the
// chain's strings.
class BootCheck {
 public:
  explicit BootCheck(std::vector<ChainStep> chain) : chain_(std::move(chain)) {
    for (size_t i = 0; i < chain_.size(); ++i) index_[Key(chain_[i].phase, chain_[i].step)] = i;  // the last of a repeated step
  }
  BootCheck(const BootCheck&) = delete;
  BootCheck& operator=(const BootCheck&) = delete;

  bool empty() const { return chain_.empty(); }

  void Run(size_t boot, const Boot& b, std::vector<TraceDiff>* out) {
    boot_ = boot;
    out_ = out;
    std::vector<bool> ran(chain_.size(), false);
    const TraceStep* latest = nullptr;  // the ran step furthest along the chain
    size_t latest_at = 0;
    for (const TraceStep& t : b.steps) {
      auto it = index_.find(Key(t.phase, t.step));
      if (it == index_.end()) {
        Add(TraceDiffKind::kNotInBinary, t.phase, t.step, t.line,
            Cat({"ran step ", t.step, " (", t.phase, "), which the binary's ", b.subarch,
                 " chain does not have"}));
        continue;
      }
      ran[it->second] = true;
      if (latest && it->second < latest_at)
        Add(TraceDiffKind::kOutOfOrder, t.phase, t.step, t.line,
            Cat({"ran step ", t.step, " (", t.phase, ") after ", latest->step, " (", latest->phase,
                 "); the binary's chain runs it before"}));
      else
        latest = &t, latest_at = it->second;
      CheckFunction(t, chain_[it->second]);
    }
    const std::string hint = StopHint(b);
    for (size_t i = 0; i < chain_.size(); ++i)
      if (!ran[i])
        Add(TraceDiffKind::kNotRun, chain_[i].phase, chain_[i].step, 0,
            Cat({"step ", chain_[i].step, " (", chain_[i].phase, ") is in the binary's ", b.subarch,
                 " chain but did not run", hint}));
  }

 private:
  using Key = std::pair<std::string_view, std::string_view>;  // phase, step

  void CheckFunction(const TraceStep& t, const ChainStep& c) {
    if (!t.has_fn || !c.has_address || t.fn == c.address) return;
    Add(TraceDiffKind::kDifferentFunction, t.phase, t.step, t.line,
        Cat({"step ", t.step, " (", t.phase, ") ran the function at ", Hex(t.fn), "; the binary's is ",
             c.function, " at ", Hex(c.address)}));
  }

  void Add(TraceDiffKind k, const std::string& phase, const std::string& step, uint32_t line,
           std::string message) {
    out_->push_back({boot_, k, phase, step, line, std::move(message)});
  }

  const std::vector<ChainStep> chain_;
  std::map<Key, size_t> index_;
  size_t boot_ = 0;
  std::vector<TraceDiff>* out_ = nullptr;
};

}  // namespace

std::vector<TraceDiff> CheckBoots(const TraceLog& log, const Model& model) {
  std::vector<TraceDiff> out;
  std::map<std::string, BootCheck, std::less<>> checks;  // by subarch
  for (size_t i = 0; i < log.boots.size(); ++i) {
    const Boot& b = log.boots[i];
    auto it = checks.find(b.subarch);
    if (it == checks.end())
      it = checks.emplace(std::piecewise_construct, std::forward_as_tuple(b.subarch),
                          std::forward_as_tuple(ChainOf(model, b.subarch)))
               .first;
    if (it->second.empty()) {
      out.push_back({i, TraceDiffKind::kNoChain, "", "", 0,
                     Cat({"the binary has no chain for subarch ", b.subarch})});
      continue;
    }
    it->second.Run(i, b, &out);
  }
  return out;
}

}  // namespace audit
