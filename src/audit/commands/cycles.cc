// `check`'s dependency-cycle rule: strongly connected components of the
// step graph (iterative Tarjan: 100,000 steps in a chain would overflow a
// recursive one), each reported once as its shortest cycle through its
// first step, "a -> b -> a" (a depends on b).
#include <algorithm>
#include <map>
#include <unordered_map>

#include "src/audit/commands/rules.h"

namespace audit {

namespace {

using Graph = std::vector<std::vector<size_t>>;  // step index -> its deps

// Steps' names are unique in a model (a second declaration is a finding,
// not a step): the model's index gives a dependency's index.
Graph DepGraph(const Model& m) {
  const size_t n = m.steps.size();
  Graph adj(n);
  for (size_t i = 0; i < n; ++i)
    for (int32_t d : m.DepsOf(i))
      if (d >= 0) adj[i].push_back(static_cast<size_t>(d));
  return adj;
}

struct Tarjan {
  const Graph& adj;
  std::vector<long> index, low, comp;
  std::vector<bool> on;
  std::vector<size_t> stack;
  long counter = 0, ncomps = 0;
  std::vector<std::vector<size_t>> comps;  // the ones that can hold a cycle: 2+ steps, or a self-loop

  explicit Tarjan(const Graph& g)
      : adj(g), index(g.size(), -1), low(g.size(), 0), comp(g.size(), -1), on(g.size(), false) {}

  void PopComponent(size_t u) {
    const long id = ncomps++;
    std::vector<size_t> c;
    size_t w;
    do {
      w = stack.back();
      stack.pop_back();
      on[w] = false;
      comp[w] = id;
      if (w != u || !c.empty()) c.push_back(w);  // no allocation for a lone step
    } while (w != u);
    const bool self = std::find(adj[u].begin(), adj[u].end(), u) != adj[u].end();
    if (!c.empty() || self) {
      if (c.empty()) c.push_back(u);
      comps.push_back(std::move(c));
    }
  }

  void From(size_t s) {
    std::vector<std::pair<size_t, size_t>> work = {{s, 0}};  // node, next edge
    while (!work.empty()) {
      const size_t u = work.back().first;
      size_t& k = work.back().second;
      if (k == 0 && index[u] < 0) {
        index[u] = low[u] = counter++;
        stack.push_back(u);
        on[u] = true;
      }
      if (k < adj[u].size()) {
        const size_t w = adj[u][k++];
        if (index[w] < 0) work.push_back({w, 0});
        else if (on[w]) low[u] = std::min(low[u], index[w]);
        continue;
      }
      if (low[u] == index[u]) PopComponent(u);
      work.pop_back();
      if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[u]);
    }
  }

  void Run() {
    for (size_t s = 0; s < adj.size(); ++s)
      if (index[s] < 0) From(s);
  }
};

// The shortest cycle through `start` inside its component (BFS), as names.
std::string ShortestCycle(const Model& m, const Tarjan& t, size_t start) {
  std::map<size_t, size_t> prev;
  std::vector<size_t> q = {start};
  size_t last = start;
  bool done = false;
  for (size_t qi = 0; qi < q.size() && !done; ++qi)
    for (size_t w : t.adj[q[qi]]) {
      if (t.comp[w] != t.comp[start]) continue;
      if (w == start) {
        last = q[qi];
        done = true;
        break;
      }
      if (!prev.count(w)) {
        prev[w] = q[qi];
        q.push_back(w);
      }
    }
  std::vector<size_t> path = {start};
  for (size_t x = last; x != start; x = prev[x]) path.insert(path.begin() + 1, x);
  std::string text;
  for (size_t x : path) text += m.steps[x].name + " -> ";
  return text + m.steps[start].name;
}

}  // namespace

void FindCycles(const Model& m, std::vector<Finding>* v) {
  const Graph adj = DepGraph(m);
  Tarjan t(adj);
  t.Run();
  std::vector<std::pair<size_t, std::string>> found;
  for (const auto& c : t.comps) {
    const bool self = c.size() == 1 && std::find(adj[c[0]].begin(), adj[c[0]].end(), c[0]) != adj[c[0]].end();
    if (c.size() < 2 && !self) continue;
    const size_t start = *std::min_element(c.begin(), c.end());
    found.push_back({start, ShortestCycle(m, t, start)});
  }
  std::sort(found.begin(), found.end());
  for (const auto& f : found) {
    const Step& s = m.steps[f.first];
    AddFinding(v, FindingKind::kDepCycle, At(s.file, s.line) + "dependency cycle: " + f.second,
               s.file, s.line, s.name);
  }
}

}  // namespace audit
