#!/usr/bin/env python3
"""Writes two C programs that nest deeper than earlyinit-audit paths follows.
usage: deep.py DIR
  DIR/chain.c: f0 -> f1 -> ... -> f70 (noinline), each body 8 nested
               always_inline helpers: 600 levels of calls and inlines
  DIR/nest.c:  one function inlining 300 nested helpers (DIEs 300 deep)"""
import os
import sys

d = sys.argv[1]
n, k = 70, 8
out = ["#define NI __attribute__((noinline))",
       "#define AI static inline __attribute__((always_inline))", "volatile int sink;",
       f"NI void f{n}(void) {{ sink = {n}; }}"]
for i in range(n - 1, -1, -1):
    out.append(f"AI void g{i}_{k}(void) {{ f{i + 1}(); sink = {i}; }}")
    for j in range(k - 1, -1, -1):
        out.append(f"AI void g{i}_{j}(void) {{ g{i}_{j + 1}(); sink = {i * 100 + j}; }}")
    out.append(f"NI void f{i}(void) {{ g{i}_0(); sink = -{i}; }}")
out.append("int main(void) { f0(); return 0; }")
open(os.path.join(d, "chain.c"), "w").write("\n".join(out) + "\n")
m = 300
out = ["#define AI static inline __attribute__((always_inline))", "volatile int sink;",
       f"AI void h{m}(void) {{ sink = 1; }}"]
for j in range(m - 1, -1, -1):
    out.append(f"AI void h{j}(void) {{ h{j + 1}(); sink = {j}; }}")
out.append("__attribute__((noinline)) void top(void) { h0(); }")
out.append("int main(void) { top(); return 0; }")
open(os.path.join(d, "nest.c"), "w").write("\n".join(out) + "\n")
