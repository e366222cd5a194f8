#include "src/audit/dwarf/call_tree.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace audit {

const char* NodeMarkName(NodeMark m) {
  switch (m) {
    case NodeMark::kNone: return "";
    case NodeMark::kStop: return "stop";
    case NodeMark::kSeen: return "seen above";
    case NodeMark::kRecursive: return "recursive";
    case NodeMark::kDepth: return "depth";
    case NodeMark::kNoDwarf: return "no DWARF";
    case NodeMark::kMissing: return "not in the file";
  }
  return "?";
}

const char* NodeKindName(PathNode::Kind k) {
  switch (k) {
    case PathNode::Kind::kEntry: return "entry";
    case PathNode::Kind::kCall: return "call";
    case PathNode::Kind::kTailCall: return "tail";
    case PathNode::Kind::kInline: return "inline";
    case PathNode::Kind::kIndirect: return "indirect";
    case PathNode::Kind::kStep: return "step";
  }
  return "?";
}

bool IsDispatcher(const std::string& name) {
  return name == "earlyinit_run_chain" || name == "earlyinit_x86_run";
}

bool IsKasanRuntime(const std::string& name) {
  return name.rfind("__asan_", 0) == 0 || name.rfind("__kasan_", 0) == 0;
}

namespace {

PathNode::Kind KindOf(CallKind k) {
  switch (k) {
    case CallKind::kCall: return PathNode::Kind::kCall;
    case CallKind::kTailCall: return PathNode::Kind::kTailCall;
    case CallKind::kInline: return PathNode::Kind::kInline;
    case CallKind::kIndirect: return PathNode::Kind::kIndirect;
  }
  return PathNode::Kind::kCall;
}

// Builds one entry's tree. A function is expanded once per entry (later
// calls say "seen above"), unless it is met again with more depth left.
class Builder {
 public:
  Builder(DwarfCalls& dwarf, const TreeOptions& o, const Chains& chains, const std::string& subarch)
      : dwarf_(dwarf), o_(o), chains_(chains), subarch_(subarch) {}

  PathNode Root(const std::string& symbol) {
    PathNode n;
    n.kind = PathNode::Kind::kEntry;
    n.name = symbol;
    uint64_t addr;
    if (!dwarf_.SymbolAddress(symbol, &addr)) {
      n.mark = NodeMark::kMissing;
      return n;
    }
    Function(&n, addr, o_.depth);
    return n;
  }

 private:
  // Fills n's children with the calls of the function at addr.
  void Function(PathNode* n, uint64_t addr, int left) {
    if (o_.stops.count(n->name) || IsKasanRuntime(n->name)) {
      n->mark = NodeMark::kStop;
      return;
    }
    if (std::find(stack_.begin(), stack_.end(), addr) != stack_.end()) {
      n->mark = NodeMark::kRecursive;
      return;
    }
    auto seen = expanded_.find(addr);
    if (seen != expanded_.end() && seen->second >= left) {
      n->mark = NodeMark::kSeen;
      return;
    }
    if (left <= 0) {
      n->mark = NodeMark::kDepth;
      return;
    }
    const FunctionCalls* calls = dwarf_.CallsAt(addr);
    if (!calls) {
      n->mark = NodeMark::kNoDwarf;
      return;
    }
    expanded_[addr] = left;
    stack_.push_back(addr);
    Events(n, calls->calls, left);
    stack_.pop_back();
  }

  void Events(PathNode* parent, const std::vector<CallEvent>& events, int left) {
    // Inlines in inlines in 64 levels of calls: past this many levels the
    // tree (and every walk over it, which recurses) stops, marked as depth.
    if (++levels_ > kMaxLevels) {
      parent->mark = NodeMark::kDepth;
      --levels_;
      return;
    }
    for (const CallEvent& ev : events) {
      PathNode c;
      c.kind = KindOf(ev.kind);
      c.name = ev.callee;
      c.through = ev.through;
      c.site = ev.site;
      c.where = dwarf_.Where(ev.after_site ? ev.site - 1 : ev.site);  // inside the call
      // The chain hangs under the outermost dispatcher function only.
      const bool dispatcher = IsDispatcher(c.name) && !in_dispatcher_;
      if (dispatcher) in_dispatcher_ = true;
      if (ev.kind == CallKind::kInline) {
        // An inlined body is part of its caller: same depth.
        if (o_.stops.count(c.name) || IsKasanRuntime(c.name)) c.mark = NodeMark::kStop;
        else Events(&c, ev.inlined, left);
      } else if (ev.kind != CallKind::kIndirect) {
        if (ev.callee_addr) Function(&c, ev.callee_addr, left - 1);
        else c.mark = o_.stops.count(c.name) || IsKasanRuntime(c.name) ? NodeMark::kStop : NodeMark::kNoDwarf;
      }
      if (dispatcher) {
        in_dispatcher_ = false;
        Chain(&c, left);
      }
      parent->children.push_back(std::move(c));
    }
    --levels_;
  }

  // The earlyinit chain of this entry's subarch (every phase, in run order),
  // under the entry's first dispatcher call: which phase a call runs is a
  // run-time argument, so a later call (the next phase) is marked as seen.
  void Chain(PathNode* n, int left) {
    auto it = chains_.find(subarch_);
    if (it == chains_.end()) return;
    if (chain_shown_) {
      if (n->mark == NodeMark::kNone) n->mark = NodeMark::kSeen;
      return;
    }
    chain_shown_ = true;
    for (const DispatchStep& s : it->second) {
      PathNode c;
      c.kind = PathNode::Kind::kStep;
      c.name = s.function;
      c.step = s.step;
      uint64_t addr;
      if (dwarf_.SymbolAddress(s.symbol, &addr)) Function(&c, addr, left - 1);
      else c.mark = NodeMark::kNoDwarf;
      n->children.push_back(std::move(c));
    }
  }

  DwarfCalls& dwarf_;
  const TreeOptions& o_;
  const Chains& chains_;
  const std::string& subarch_;
  std::vector<uint64_t> stack_;
  std::unordered_map<uint64_t, int> expanded_;  // function -> depth left when expanded
  bool in_dispatcher_ = false;
  bool chain_shown_ = false;
  int levels_ = 0;
  static constexpr int kMaxLevels = 512;
};

void Reached(const PathNode& n, std::unordered_map<std::string, std::string>* how,
             std::vector<std::string>* order) {
  if (!n.name.empty() && how->emplace(n.name, NodeKindName(n.kind)).second) order->push_back(n.name);
  for (const PathNode& c : n.children) Reached(c, how, order);
}

}  // namespace

std::vector<EntryTree> BuildTrees(DwarfCalls& dwarf, const std::vector<PathEntry>& entries,
                                  const TreeOptions& options, const Chains& chains) {
  std::vector<EntryTree> trees;
  for (const PathEntry& e : entries) {
    Builder b(dwarf, options, chains, e.subarch);
    EntryTree t;
    t.entry = e;
    for (const std::string& s : e.symbols) t.roots.push_back(b.Root(s));
    trees.push_back(std::move(t));
  }
  return trees;
}

std::vector<MatrixLine> EntryMatrix(const std::vector<EntryTree>& trees) {
  std::vector<std::unordered_map<std::string, std::string>> how(trees.size());
  std::vector<std::string> order;
  for (size_t i = 0; i < trees.size(); ++i)
    for (const PathNode& r : trees[i].roots) Reached(r, &how[i], &order);
  std::vector<MatrixLine> lines;
  std::unordered_set<std::string> done;
  for (const std::string& name : order) {
    if (!done.insert(name).second) continue;
    MatrixLine l;
    l.name = name;
    size_t reached = 0;
    for (const auto& h : how) {
      auto it = h.find(name);
      l.how.push_back(it == h.end() ? "" : it->second);
      reached += it != h.end();
    }
    if (reached < trees.size()) lines.push_back(std::move(l));
  }
  return lines;
}

}  // namespace audit
