#!/usr/bin/env python3
"""Builds, runs and audits the recipes of docs/recipes.md as they are
written, and makes each mistake the doc describes to see the message it
quotes.

The doc marks its tested blocks with a comment line just before the fence:

  <!-- recipe NAME -->
      the recipe's code. Split into parts at a blank line followed by a
      `// FILE...` line (as doc_examples.py splits); each part goes into
      the program tests/docs/recipes/NAME/ (plus tests/docs/recipes/common/)
      in place of the line `/* @recipe FILE */` of FILE, or is FILE when the
      program has none. A `-D...` word in a part's first line is added to
      every compilation (a build-wide setting the part asks for).
  <!-- recipe NAME: output -->
      `$ COMMAND` then lines that the output of COMMAND contains, in that
      order, white space folded. COMMAND is a shell command line, run in the built
      program's folder (`./prog`, `prog`) with the stock earlyinit-audit
      first on PATH.
  <!-- recipe NAME: mistake drop TEXT -->
  <!-- recipe NAME: mistake replace OLD => NEW -->
  <!-- recipe NAME: mistake move TEXT before OTHER -->
      the recipe with the one line that contains TEXT left out, with its
      one OLD replaced by NEW, or with the line of TEXT moved before the
      line of OTHER. The block holds lines the build's output
      contains: the build must fail. A block that opens with `$ COMMAND`
      is a mistake the build lets through: it must build, and COMMAND must
      fail with the lines that follow.

Each recipe must build with GCC and Clang (C, -Wall -Werror), link with
linker_scripts/linktable.ld, run (exit 0), and pass `earlyinit-audit check`;
each mistake is made with both compilers. A part's code carries a #line
directive, so that the compiler's messages name the doc's lines.

Usage: recipes.py ROOT [--doc DOC] [--audit TOOL] [--jobs N] [--only NAME]
                  [--compilers gcc,clang]
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

COMPILERS = ["gcc", "clang"]
FLAGS = ["-std=gnu11", "-O1", "-Wall", "-Werror"]
MARKER = re.compile(r"^<!-- recipe (\w+)(?:: (.*?))? -->$")
PART_FILE = re.compile(r"^//\s*([\w./-]+\.[ch])\b")


class DocError(Exception):
    pass


def fenced_after(lines, i, rel):
    """The fenced block that opens on line i (0-based): (first line, body)."""
    if i >= len(lines) or not lines[i].startswith("```"):
        raise DocError("%s:%d: a recipe marker must be followed by a fenced block" % (rel, i))
    body, j = [], i + 1
    while j < len(lines) and not lines[j].startswith("```"):
        body.append(lines[j])
        j += 1
    if j == len(lines):
        raise DocError("%s:%d: fenced block without its end" % (rel, i + 1))
    return i + 2, body


def parse(doc_text, rel):
    """{name: {"code": (line, body), "outputs": [...], "mistakes": [...]}}."""
    lines = doc_text.split("\n")
    recipes = {}
    for i, line in enumerate(lines):
        m = MARKER.match(line)
        if not m:
            continue
        name, what = m.group(1), m.group(2)
        first, body = fenced_after(lines, i + 1, rel)
        r = recipes.setdefault(name, {"code": None, "outputs": [], "mistakes": []})
        if what is None:
            if r["code"]:
                raise DocError("%s:%d: recipe %s has a second code block" % (rel, first, name))
            r["code"] = (first, body)
        elif what == "output":
            if not body or not body[0].startswith("$ "):
                raise DocError("%s:%d: an output block opens with `$ COMMAND`" % (rel, first))
            r["outputs"].append((first, body[0][2:], body[1:]))
        else:
            m2 = re.match(r"^mistake (?:(drop) (.+)|(replace) (.+?) =>(?: (.*))?|(move) (.+?) before (.+))$",
                          what)
            if not m2:
                raise DocError("%s:%d: unknown recipe directive: %s" % (rel, i + 1, what))
            g = m2.groups()
            edit = (g[0:2] if g[0] else (g[2], g[3], g[4] or "") if g[2] else g[5:8])
            r["mistakes"].append((first, edit, body))
    for name, r in recipes.items():
        if not r["code"]:
            raise DocError("%s: recipe %s has outputs or mistakes but no code block" % (rel, name))
    return recipes


def parts_of(first_line, body, rel):
    """[(line, file, text)]: the block split at a blank line and a // line."""
    parts, cur, start = [], [], first_line
    for k, line in enumerate(body):
        if line.startswith("//") and k > 0 and not body[k - 1].strip() and any(l.strip() for l in cur):
            parts.append((start, cur))
            cur, start = [], first_line + k
        cur.append(line)
    if any(l.strip() for l in cur):
        parts.append((start, cur))
    out = []
    for start, part in parts:
        m = PART_FILE.match(part[0])
        if not m:
            raise DocError("%s:%d: a part opens with `// FILE`" % (rel, start))
        while part and not part[-1].strip():
            part = part[:-1]
        out.append((start, m.group(1), "\n".join(part)))
    return out


def edited(body, edit, rel, line):
    """The code block's lines after a mistake: a line dropped, a text
    replaced, or a line moved before another."""
    def one_line(text):
        hits = [k for k, l in enumerate(body) if text in l]
        if len(hits) != 1:
            raise DocError("%s:%d: `%s` is on %d lines of the recipe (expected one)" %
                           (rel, line, text, len(hits)))
        return hits[0]
    if edit[0] == "drop":
        k = one_line(edit[1])
        return body[:k] + body[k + 1:]
    if edit[0] == "move":
        k, before = one_line(edit[1]), one_line(edit[2])
        rest = body[:k] + body[k + 1:]
        before -= before > k
        return rest[:before] + [body[k]] + rest[before:]
    text = "\n".join(body)
    if text.count(edit[1]) != 1:
        raise DocError("%s:%d: `%s` is %d times in the recipe (expected once)" %
                       (rel, line, edit[1], text.count(edit[1])))
    return text.replace(edit[1], edit[2]).split("\n")


def fold(s):
    return " ".join(s.split())


class Build:
    """One recipe program in a folder of its own, built with one compiler."""

    def __init__(self, root, rel, name, first, body, compiler, audit, workdir):
        self.root, self.compiler, self.audit, self.dir = root, compiler, audit, workdir
        fixtures = os.path.join(root, "tests/docs/recipes")
        for sub in ("common", name):
            src = os.path.join(fixtures, sub)
            if not os.path.isdir(src):
                raise DocError("%s: recipe %s has no program tests/docs/recipes/%s/" % (rel, name, name))
            for f in os.listdir(src):
                shutil.copy(os.path.join(src, f), workdir)
        self.defines = []
        for start, fname, text in parts_of(first, body, rel):
            header = text.split("\n", 1)[0]
            for word in re.findall(r"-D\S+", header):
                self.defines += shlex.split(word)
            path = os.path.join(workdir, fname)
            placed = '#line %d "%s"\n%s\n' % (start, rel, text)
            if not os.path.exists(path):
                with open(path, "w") as f:
                    f.write(placed)
                continue
            with open(path) as f:
                lines = f.read().split("\n")
            marker = "/* @recipe %s */" % fname
            hits = [k for k, l in enumerate(lines) if l.strip() == marker]
            if len(hits) != 1:
                raise DocError("%s:%d: tests/docs/recipes/%s/%s has %d lines `%s` (expected one)" %
                               (rel, start, name, fname, len(hits), marker))
            k = hits[0]
            lines[k] = placed + '#line %d "%s"' % (k + 2, fname)
            with open(path, "w") as f:
                f.write("\n".join(lines))

    def run(self, cmd):
        r = subprocess.run(cmd, cwd=self.dir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        return r.returncode, r.stdout

    def build(self):
        """(ok, output) of compiling every .c (all of them, as make -k) and
        linking ./prog."""
        out, objs, ok = "", [], True
        inc = ["-I", os.path.join(self.root, "include"), "-I", "."]
        for c in sorted(f for f in os.listdir(self.dir) if f.endswith(".c")):
            o = c[:-2] + ".o"
            rc, text = self.run([self.compiler] + FLAGS + inc + self.defines + ["-c", c, "-o", o])
            out += text
            ok = ok and rc == 0
            objs.append(o)
        if not ok:
            return False, out
        script = os.path.join(self.root, "linker_scripts/linktable.ld")
        rc, text = self.run([self.compiler, "-o", "prog"] + objs + ["-Wl,-T," + script])
        return rc == 0, out + text

    def command(self, line):
        """Runs a shell command line in the folder, with the stock
        earlyinit-audit first on PATH."""
        bindir = os.path.join(self.dir, ".bin")
        if not os.path.isdir(bindir):
            os.mkdir(bindir)
            os.symlink(self.audit, os.path.join(bindir, "earlyinit-audit"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
        r = subprocess.run(["sh", "-c", line], cwd=self.dir, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
        return r.returncode, r.stdout


def missing_lines(output, expected, in_order=False):
    """The expected lines the output does not hold (IN_ORDER: one after
    the other, as the output holds them)."""
    have, at, gone = fold(output), 0, []
    for l in expected:
        if not l.strip():
            continue
        k = have.find(fold(l), at)
        if k < 0:
            gone.append(l)
        elif in_order:
            at = k + len(fold(l))
    return gone


def check_recipe(args, rel, name, r, compiler):
    """Failure messages of one recipe with one compiler (empty: it passed)."""
    fails = []
    first, body = r["code"]
    with tempfile.TemporaryDirectory() as d:
        b = Build(args.root, rel, name, first, body, compiler, args.audit, d)
        ok, out = b.build()
        if not ok:
            return ["%s:%d: recipe %s does not build (%s):\n%s" % (rel, first, name, compiler, out)]
        for cmd in ("./prog", "earlyinit-audit check prog"):
            rc, text = b.command(cmd)
            if rc:
                fails.append("%s:%d: recipe %s: `%s` exits %d (%s):\n%s" %
                             (rel, first, name, cmd, rc, compiler, text))
        for line, cmd, expected in r["outputs"]:
            rc, text = b.command(cmd)
            gone = missing_lines(text, expected, in_order=True)
            if rc or gone:
                fails.append("%s:%d: recipe %s: `%s` (exit %d, %s) does not print:\n%s\nit printed:\n%s" %
                             (rel, line, name, cmd, rc, compiler, "\n".join(gone), text))
    for line, edit, expected in r["mistakes"]:
        with tempfile.TemporaryDirectory() as d:
            b = Build(args.root, rel, name, first, edited(body, edit, rel, line), compiler, args.audit, d)
            ok, out = b.build()
            what = "the mistake of %s:%d (%s)" % (rel, line, " ".join(edit))
            if expected and expected[0].startswith("$ "):
                if not ok:
                    fails.append("%s:%d: %s does not build (%s):\n%s" % (rel, line, what, compiler, out))
                    continue
                cmd, expected = expected[0][2:], expected[1:]
                rc, out = b.command(cmd)
                if rc == 0:
                    fails.append("%s:%d: %s: `%s` passes (%s):\n%s" % (rel, line, what, cmd, compiler, out))
                    continue
            elif ok:
                fails.append("%s:%d: %s builds (%s)" % (rel, line, what, compiler))
                continue
            gone = missing_lines(out, expected)
            if gone:
                fails.append("%s:%d: %s: the output (%s) does not contain:\n%s\nit was:\n%s" %
                             (rel, line, what, compiler, "\n".join(gone), out))
    return fails


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--doc", default="docs/recipes.md", help="relative to ROOT")
    ap.add_argument("--audit", help="earlyinit-audit (default ROOT/src/audit/earlyinit-audit)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", help="this recipe only")
    ap.add_argument("--compilers", default=",".join(COMPILERS), help="comma-separated")
    args = ap.parse_args()
    args.root = os.path.abspath(args.root)
    args.audit = os.path.abspath(args.audit or os.path.join(args.root, "src/audit/earlyinit-audit"))
    rel = args.doc
    try:
        with open(os.path.join(args.root, rel)) as f:
            recipes = parse(f.read(), rel)
    except (DocError, OSError) as e:
        print("FAIL %s" % e)
        return 1
    if not recipes:
        print("FAIL %s: no recipe marked `<!-- recipe NAME -->`" % rel)
        return 1

    def one(job):
        name, compiler = job
        try:
            return job, check_recipe(args, rel, name, recipes[name], compiler)
        except DocError as e:
            return job, [str(e)]

    if args.only and args.only not in recipes:
        print("FAIL %s: no recipe %s" % (rel, args.only))
        return 1
    jobs = [(n, c) for n in sorted(recipes) if n == (args.only or n)
            for c in args.compilers.split(",")]
    failures = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for (name, compiler), fails in pool.map(one, jobs):
            r = recipes[name]
            for f in fails:
                print("FAIL " + f)
            failures += bool(fails)
            if not fails:
                print("ok   %s:%d recipe %s (%s): builds, runs, passes the audit; %d outputs, %d mistakes" %
                      (rel, r["code"][0], name, compiler, len(r["outputs"]), len(r["mistakes"])))
    print("%d of %d recipe builds passed" % (len(jobs) - failures, len(jobs)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
