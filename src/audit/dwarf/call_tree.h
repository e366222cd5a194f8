// earlyinit-audit paths, the model: each entry path as a tree of calls
// (direct, tail, inlined, indirect) in the order the code runs them, to a
// depth, and the functions some entries reach and others do not. Built
// over DwarfCalls; where a path reaches the earlyinit dispatcher, the
// chain of the entry's subarch (from .linktable_meta) hangs under it.
#ifndef EARLYINIT_SRC_AUDIT_DWARF_CALL_TREE_H
#define EARLYINIT_SRC_AUDIT_DWARF_CALL_TREE_H

#include <map>
#include <set>
#include <string>
#include <vector>

#include "src/audit/dwarf/dwarf_calls.h"

namespace audit {

struct PathEntry {
  std::string name;                  // "native"
  std::vector<std::string> symbols;  // run one after the other; "A|B": the first in the file
  std::string subarch;               // its earlyinit chain ("" : none)
  bool optional = false;             // a preset's: dropped when the file lacks a symbol
};

enum class NodeMark {
  kNone,
  kStop,       // a --stop symbol, or KASAN's runtime: not followed
  kSeen,       // expanded above, on this entry
  kRecursive,  // already on the chain from the entry
  kDepth,      // not expanded: --depth reached
  kNoDwarf,    // no DWARF describes its code (assembly, another file)
  kMissing,    // an entry symbol that is not in the file
};
const char* NodeMarkName(NodeMark m);  // "", "stop", "seen above", ...

struct PathNode {
  enum class Kind { kEntry, kCall, kTailCall, kInline, kIndirect, kStep };
  Kind kind = Kind::kCall;
  std::string name;     // the function ("" for an indirect call)
  std::string through;  // kIndirect: pointer or trampoline, if known
  std::string step;     // kStep: the earlyinit step
  uint64_t site = 0;    // where the call is (0: none, e.g. an entry)
  std::string where;    // site as "function+0x1c"
  NodeMark mark = NodeMark::kNone;
  std::vector<PathNode> children;
};
const char* NodeKindName(PathNode::Kind k);  // "entry", "call", ..., "step"

struct EntryTree {
  PathEntry entry;
  std::vector<PathNode> roots;  // one per symbol
};

// One earlyinit step of a chain: the step, its function's symbol and the
// function's name as shown (demangled).
struct DispatchStep {
  std::string step, symbol, function;
};
// The run sequence of each subarch, from .linktable_meta (empty: the file
// has no earlyinit metadata).
using Chains = std::map<std::string, std::vector<DispatchStep>>;

// The functions that run a chain (include/earlyinit/dispatch.h, x86.h).
bool IsDispatcher(const std::string& name);
// KASAN's runtime: calls into it check or report on the shadow.
bool IsKasanRuntime(const std::string& name);

struct TreeOptions {
  int depth = 3;
  std::set<std::string> stops;
};

std::vector<EntryTree> BuildTrees(DwarfCalls& dwarf, const std::vector<PathEntry>& entries,
                                  const TreeOptions& options, const Chains& chains);

// A function reached by some entries and not all: how each entry reaches
// it first ("call", "inline", ...; "" : not at all).
struct MatrixLine {
  std::string name;
  std::vector<std::string> how;  // one per entry
};
std::vector<MatrixLine> EntryMatrix(const std::vector<EntryTree>& trees);

}  // namespace audit

#endif  // EARLYINIT_SRC_AUDIT_DWARF_CALL_TREE_H
