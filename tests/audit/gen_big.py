#!/usr/bin/env python3
"""Generates a large earlyinit-shaped program for benchmarking earlyinit-audit.

usage: tests/audit/gen_big.py [--via c|asm] [--keep-asm] ROOT OUTDIR N

N: total number of chain entries (e.g. 1000, 10000, 1000000), spread over 3
subarchs (pc, xen_pv, xen_pvh), so N/3 steps, all implemented, every step
depending on the one before it. The steps are written as C, 2,000 steps per
file (big_000000.c, big_002000.c, ...), with the macros of
tests/audit/fixtures/ei.h over include/linktable; big_decl.c defines the
tables and subarchs. Leaves OUTDIR/big, linked with linker_scripts/linktable.ld,
and OUTDIR/big_*.o.

--via c (tests/audit/gen_big.sh): gcc -O0 compiles every file. The
  preprocessor and front end take about 10 ms per step (Boost.PP), and
  ld.bfd's link of gcc's objects is quadratic (see assemble_file: 1 s for
  12,000 entries, 32 s for 36,000, 250 s for 100,000), so 1,000,000
  entries would take hours.
--via asm (the default): gcc compiles two template files of four steps each,
  written by the same code as the real files but with placeholder names,
  keys, file name and line numbers (same widths); each big_NNNNNN.o is then
  assembled (as) from the template's assembly stamped out once per step,
  with the names, keys and line numbers substituted and gcc's local labels
  (.LFB, .LFE, .LC) renumbered as gcc numbers them in the real file. Each
  file also opens its entry sections first, in an order that keeps the link
  linear: the objects differ from gcc's only in the order of their section
  headers (with --gcc-section-order, not at all), and the executable is
  byte for byte --via c's (tests/audit/gen_big_test.sh compares the
  programs and earlyinit-audit's output on them). 1,000,000 entries take
  about 5 minutes on 2 shared cores (objects 200-240 s, link 70 s, ld.bfd's
  peak resident 2.8 GB); 100,000 take 20 s.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

SUBARCHS = ["pc", "xen_pv", "xen_pvh"]
PER_FILE = 2000
CFLAGS = ["-std=gnu11", "-O0", "-fno-pie"]


def step_fields(i):
    """(name digits, dep digits or None, level, order) of step i."""
    return ("%06d" % i, "%06d" % (i - 1) if i else None,
            "%02d" % (10 + i // 10000), "%04d" % (i % 10000))


def step_source(name, dep, level, order):
    """The C lines of one step: its record, three implementations."""
    dep_attr = '("dep=s%s")' % dep if dep is not None else ""
    out = ["EI_STEP(A, %s, %s, s%s, early, required, %s);\n" % (level, order, name, dep_attr),
           "EI_STEP_DECL(s%s);\nEI_FN(f%s, s%s)\n" % (name, name, name)]
    for s in SUBARCHS:
        out.append("EI_IMPL(early, %s, %s, %s, s%s, f%s);\n" % (s, level, order, name, name))
    return "".join(out)


FILE_HEAD = '#include "ei.h"\n'


def file_name(start):
    return "big_%06d.c" % start


def write_decl(out):
    with open(os.path.join(out, "big_decl.c"), "w") as f:
        f.write('#include "ei.h"\n#include <stdio.h>\n')
        f.write("void ei_trace(const char *s) { puts(s); }\nint main(void) { return 0; }\n")
        f.write("LINKTABLE_DEFINE(earlyinit_subarchs);\nLINKTABLE_DEFINE(earlyinit_steps);\n")
        f.write("LINKTABLE_DEFINE(earlyinit_deps);\nEI_PHASE_NOTES();\n")
        for s in SUBARCHS:
            f.write("EI_DEFINE_CHAINS(%s);\n" % s)
        f.write('EI_SUBARCH(000, 0, pc, "PC");\nEI_SUBARCH(002, 2, xen_pv, "Xen PV");\n')
        f.write('EI_SUBARCH(005, 5, xen_pvh, "Xen PVH");\n')


def write_c_file(out, start, steps):
    with open(os.path.join(out, file_name(start)), "w") as f:
        f.write(FILE_HEAD)
        for i in range(start, min(steps, start + PER_FILE)):
            f.write(step_source(*step_fields(i)))


def gcc(root, out, args):
    subprocess.run(["gcc"] + CFLAGS + ["-I" + os.path.join(root, "include")] + args,
                   cwd=out, check=True)


# ------------------------------------------------------------ templates ---

# Placeholders of the widths of the real fields. Position p of a template
# file names its step sQZQZQ<p>; its dependency is position p-1's step.
T_FILE = "big_QFQFQF.c"
T_POSITIONS = 4


def t_name(p):
    return "QZQZQ" + "yabcdefg"[p + 1]


def t_level(p):
    return "Y" + "abcdefg"[p]


def t_order(p):
    return "WWW" + "abcdefg"[p]


# Numbers that depend on the step's position in its file: gcc's local labels
# and the source line (the `# N "file" 1` marker before an asm statement and
# the record's line field, right after its length).
NUMBERS = re.compile(r'(\.L[A-Za-z]+)(\d+)\b|(?m:^(# )(\d+)( "[^"\n]*" 1)$)'
                     r'|(\.long 7771f - 7770b\n\.long )(\d+)\b')


def split_numbers(text):
    """text -> (skeleton pieces, numbers): text == pieces[0] + n0 + pieces[1] + ..."""
    pieces, nums, last = [], [], 0
    for m in NUMBERS.finditer(text):
        g = [i for i in (2, 4, 7) if m.group(i) is not None][0]
        pieces.append(text[last:m.start(g)])
        nums.append(int(m.group(g)))
        last = m.end(g)
    pieces.append(text[last:])
    return pieces, nums


def compile_template(root, out, first_has_dep):
    """gcc -S of a template file; returns its assembly text."""
    src = os.path.join(out, T_FILE)
    with open(src, "w") as f:
        f.write(FILE_HEAD)
        for p in range(T_POSITIONS):
            dep = t_name(p - 1) if (p or first_has_dep) else None
            f.write(step_source(t_name(p), dep, t_level(p), t_order(p)))
    asm = os.path.join(out, "template_%s.s" % ("dep" if first_has_dep else "nodep"))
    gcc(root, out, ["-S", T_FILE, "-o", asm])
    os.remove(src)
    with open(asm) as f:
        return f.read()


class Template:
    """A file's assembly as head + block(0) + block(1) + ... + tail, each
    block a list of literal pieces between which the step's fields go."""

    def __init__(self, text):
        starts = [m.start() for m in re.finditer(
            r"(?m)^\t\.type\tlinktable_emit__earlyinit_steps__s" + "QZQZQ", text)]
        if len(starts) != T_POSITIONS:
            raise SystemExit("gen_big: template: expected %d step emitters, found %d"
                             % (T_POSITIONS, len(starts)))
        tail_at = text.index("\t.ident\t")
        self.head = text[:starts[0]].replace(T_FILE, "\0F")
        self.tail = text[tail_at:]
        if T_FILE in self.tail or "QZQZQ" in self.tail:
            raise SystemExit("gen_big: template: placeholders after the steps")
        bounds = starts + [tail_at]
        self.blocks = []
        for p in range(T_POSITIONS):
            b = text[bounds[p]:bounds[p + 1]]
            # Fields: \0N name, \0D dependency, \0L level, \0O order, \0F file.
            for ph, mark in ((t_name(p), "\0N"), (t_name(p - 1), "\0D"),
                             (t_level(p), "\0L"), (t_order(p), "\0O"), (T_FILE, "\0F")):
                b = b.replace(ph, mark)
            if "QZQZQ" in b or re.search(r"\bY[a-g]\b|WWW[a-g]", b):
                raise SystemExit("gen_big: template: a placeholder of another step in block %d" % p)
            self.blocks.append(split_numbers(b))
        # Positions 1.. share one skeleton; each number moves by a fixed
        # step per position (checked on positions 1, 2 and 3).
        pieces1, n1 = self.blocks[1]
        for p in range(2, T_POSITIONS):
            if self.blocks[p][0] != pieces1:
                raise SystemExit("gen_big: template: block %d differs from block 1" % p)
        self.delta = [b - a for a, b in zip(n1, self.blocks[2][1])]
        for p in range(3, T_POSITIONS):
            if self.blocks[p][1] != [a + (p - 1) * d for a, d in zip(n1, self.delta)]:
                raise SystemExit("gen_big: template: numbers of block %d are not linear" % p)
        self.pieces0 = self._fmt(self.blocks[0][0])
        self.nums0 = self.blocks[0][1]
        self.pieces1 = self._fmt(pieces1)
        self.nums1 = n1
        # The step's entry sections, as its block opens them.
        opens = re.findall(r'(?m)^\t?\.pushsection "\.rodata\.lt\.[^"\n]*","aR",@progbits$', self.pieces1)
        if len(opens) != 1 + len(SUBARCHS):
            raise SystemExit("gen_big: template: %d entry sections in a step" % len(opens))
        self.opens = "".join(o.strip() + "\n.popsection\n" for o in opens)

    @staticmethod
    def _fmt(pieces):
        """Literal pieces -> one str.format pattern with {0}, {1}, ... for
        the numbers and {name} {dep} {level} {order} {file}."""
        esc = [p.replace("{", "{{").replace("}", "}}") for p in pieces]
        marks = {"\0N": "{name}", "\0D": "{dep}", "\0L": "{level}", "\0O": "{order}", "\0F": "{file}"}
        out = []
        for k, p in enumerate(esc):
            for m, r in marks.items():
                p = p.replace(m, r)
            out.append(p)
            if k < len(esc) - 1:
                out.append("{%d}" % k)
        return "".join(out)

    def block(self, pos, name, dep, level, order, file):
        if pos == 0:
            nums = self.nums0
            pattern = self.pieces0
        else:
            nums = [a + (pos - 1) * d for a, d in zip(self.nums1, self.delta)]
            pattern = self.pieces1
        return pattern.format(*nums, name=name, dep=dep, level=level, order=order, file=file)


def link_order(m):
    """Positions 0..m-1 in the order their entry sections are opened at the
    top of the file (see assemble_file): the last first, then the others
    by halves (preorder of a balanced binary tree)."""
    out = [m - 1] if m else []
    todo = [(0, m - 1)]
    while todo:
        lo, hi = todo.pop()
        if lo >= hi:
            continue
        mid = (lo + hi) // 2
        out.append(mid)
        todo.append((mid + 1, hi))
        todo.append((lo, mid))
    return out


def assemble_file(out, templates, start, steps, keep_asm, gcc_order):
    """One big_NNNNNN.o, from the templates, through `as`.

    ld.bfd sorts SORT_BY_NAME input sections into an unbalanced binary tree
    in the order it meets them (ldlang.c, wild_sort_fast): gcc's order, each
    table's keys ascending, makes it a list per table, and 1,000,000
    entries a quadratic link (hours). Unless gcc_order, the file first opens
    its entry sections (empty, same flags) in link_order, which is the only
    change: the sections' contents, the symbols and the linked program are
    the same (tests/audit/gen_big_test.sh compares the programs)."""
    fname = file_name(start)
    m = min(steps, start + PER_FILE) - start
    opens = ""
    if not gcc_order:
        opens = "".join(templates[True].opens.format(**dict(zip(
            ("name", "dep", "level", "order"), step_fields(start + pos)), file=fname))
            for pos in link_order(m))
    parts = []
    for pos, i in enumerate(range(start, min(steps, start + PER_FILE))):
        name, dep, level, order = step_fields(i)
        t = templates[dep is not None]
        parts.append(t.block(pos, name, dep or "", level, order, fname))
    t = templates[True]
    text = t.head.replace("\0F", fname) + opens + "".join(parts) + t.tail
    obj = os.path.join(out, fname[:-2] + ".o")
    if keep_asm:
        asm = obj[:-2] + ".s"
        with open(asm, "w") as f:
            f.write(text)
        subprocess.run(["as", "-o", obj, asm], check=True)
    else:
        subprocess.run(["as", "-o", obj, "-"], input=text.encode(), check=True)


def main():
    global PER_FILE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--via", choices=["c", "asm"], default="asm")
    ap.add_argument("--keep-asm", action="store_true", help="--via asm: keep big_NNNNNN.s")
    ap.add_argument("--gcc-section-order", action="store_true",
                    help="--via asm: objects byte for byte gcc's, but a quadratic link (see assemble_file)")
    ap.add_argument("--per-file", type=int, default=PER_FILE,
                    help="steps per file (tests: several files from a small N)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("root")
    ap.add_argument("outdir")
    ap.add_argument("n", type=int)
    a = ap.parse_args()
    PER_FILE = a.per_file
    root = os.path.abspath(a.root)
    os.makedirs(a.outdir, exist_ok=True)
    out = os.path.abspath(a.outdir)
    steps = (a.n + 2) // 3
    t0 = time.time()
    shutil.copy(os.path.join(root, "tests/audit/fixtures/ei.h"), out)
    write_decl(out)
    starts = list(range(0, steps, PER_FILE))
    with ThreadPoolExecutor(a.jobs) as pool:
        decl = pool.submit(gcc, root, out, ["-c", "big_decl.c", "-o", "big_decl.o"])
        if a.via == "c":
            for s in starts:
                write_c_file(out, s, steps)
            jobs = [pool.submit(gcc, root, out, ["-c", file_name(s), "-o", file_name(s)[:-2] + ".o"])
                    for s in starts]
        else:
            templates = {False: Template(compile_template(root, out, False)),
                         True: Template(compile_template(root, out, True))}
            jobs = [pool.submit(assemble_file, out, templates, s, steps, a.keep_asm,
                                 a.gcc_section_order) for s in starts]
        for j in [decl] + jobs:
            j.result()
    t1 = time.time()
    objs = sorted(f for f in os.listdir(out) if f.startswith("big_") and f.endswith(".o"))
    subprocess.run(["gcc", "-no-pie"] + objs + ["-Wl,-T," + os.path.join(root, "linker_scripts/linktable.ld"),
                                                  "-o", "big"], cwd=out, check=True)
    t2 = time.time()
    print("%s/big: %d steps x 3 subarchs = %d chain entries (objects %.0f s, link %.0f s)"
          % (out, steps, steps * 3, t1 - t0, t2 - t1))


if __name__ == "__main__":
    sys.exit(main())
