// `check`'s dependency-cycle rule.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "src/audit/commands.h"
#include "src/audit/rules.h"

namespace audit {

// Dependency cycles among declared steps (iterative Tarjan), each reported
// once as a path "a -> b -> a" (a depends on b).
void FindCycles(const Model& m, std::vector<Finding>* v) {
  const size_t n = m.steps.size();
  std::unordered_map<std::string, size_t> idx;
  for (size_t i = 0; i < n; ++i) idx[m.steps[i].name] = i;
  std::vector<std::vector<size_t>> adj(n);
  for (size_t i = 0; i < n; ++i)
    for (const auto& d : m.steps[i].deps) {
      auto it = idx.find(d);
      if (it != idx.end()) adj[i].push_back(it->second);
    }
  std::vector<long> index(n, -1), low(n, 0), comp(n, -1);
  std::vector<bool> on(n, false);
  std::vector<size_t> stack;
  long counter = 0, ncomp = 0;
  std::vector<std::vector<size_t>> comps;
  for (size_t s = 0; s < n; ++s) {
    if (index[s] >= 0) continue;
    std::vector<std::pair<size_t, size_t>> work = {{s, 0}};
    while (!work.empty()) {
      size_t u = work.back().first;
      size_t& k = work.back().second;
      if (k == 0 && index[u] < 0) {
        index[u] = low[u] = counter++;
        stack.push_back(u);
        on[u] = true;
      }
      if (k < adj[u].size()) {
        size_t w = adj[u][k++];
        if (index[w] < 0) {
          work.push_back({w, 0});
        } else if (on[w]) {
          low[u] = std::min(low[u], index[w]);
        }
        continue;
      }
      if (low[u] == index[u]) {
        std::vector<size_t> c;
        size_t w;
        do {
          w = stack.back();
          stack.pop_back();
          on[w] = false;
          comp[w] = ncomp;
          c.push_back(w);
        } while (w != u);
        comps.push_back(c);
        ++ncomp;
      }
      work.pop_back();
      if (!work.empty()) {
        size_t parent = work.back().first;
        low[parent] = std::min(low[parent], low[u]);
      }
    }
  }
  std::vector<std::pair<size_t, std::string>> found;
  for (const auto& c : comps) {
    bool self = c.size() == 1 && std::find(adj[c[0]].begin(), adj[c[0]].end(), c[0]) != adj[c[0]].end();
    if (c.size() < 2 && !self) continue;
    const size_t start = *std::min_element(c.begin(), c.end());
    // Shortest path back to start inside the component (BFS).
    std::map<size_t, size_t> prev;
    std::vector<size_t> q = {start};
    bool done = false;
    size_t last = start;
    for (size_t qi = 0; qi < q.size() && !done; ++qi) {
      for (size_t w : adj[q[qi]]) {
        if (comp[w] != comp[start]) continue;
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
    }
    std::vector<size_t> path = {start};
    for (size_t x = last; x != start; x = prev[x]) path.insert(path.begin() + 1, x);
    std::string text;
    for (size_t x : path) text += m.steps[x].name + " -> ";
    text += m.steps[start].name;
    found.push_back({start, text});
  }
  std::sort(found.begin(), found.end());
  for (const auto& f : found) {
    const Step& s = m.steps[f.first];
    AddFinding(v, FindingKind::kDepCycle, At(s.file, s.line) + "dependency cycle: " + f.second, s.file,
               s.line, s.name);
  }
}

}  // namespace audit
