#!/usr/bin/env python3
"""Compiles every documented example: the README's C blocks and every
@code block of include/**/*.h.

A block is split into parts at a blank line followed by a `//` comment line
(the "// steps.h", "// steps.c" of a multi-file example). Parts are put in
one translation unit, in order, after the header and the header's context
(tests/docs/context/<dir>_<header>: the names its examples take as given,
such as `bp` or `frob_disk`). Each part is tried

  1. at file scope,
  2. as the body of a function `int doc_example_N(void)`,
  3. before the header's #include (a configuration, like a subarch set),

and the first that compiles is kept. A part that compiles in none fails
the test with the block's file and line (#line makes the compiler's
messages point into the header too). The README's context includes the
headers its example uses, so a README part that includes headers itself is
also compiled alone, with nothing before it: its include order is the
reader's. Headers usable from C and C++ are
compiled as both; include/earlyinit/testing.h is C++ only.

Blocks opened with @code{.unparsed} are fragments: shown, not compiled.

Usage: doc_examples.py ROOT [--cc CC] [--cxx CXX]
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

CXX_ONLY = {"include/earlyinit/testing.h"}
FLAGS = ["-O0", "-Wall", "-Wno-unused", "-Wno-maybe-uninitialized", "-Werror"]


def header_blocks(path, rel):
    """(line of the first code line, [code lines]) of every @code block."""
    lines = open(path).read().split("\n")
    blocks, i = [], 0
    while i < len(lines):
        m = re.search(r"@code(\{[^}]*\})?", lines[i])
        if m:
            fragment = m.group(1) == "{.unparsed}"
            body, j = [], i + 1
            while j < len(lines) and "@endcode" not in lines[j]:
                body.append(re.sub(r"^\s*\*( |$)", "", lines[j], count=1))
                j += 1
            if j == len(lines):
                sys.exit(f"{rel}:{i + 1}: @code without @endcode")
            if not fragment:
                blocks.append((i + 2, body))
            i = j
        i += 1
    return blocks


def readme_blocks(path):
    """(first code line, [code lines]) of every ```c / ```cpp block."""
    lines = open(path).read().split("\n")
    blocks, i = [], 0
    while i < len(lines):
        if re.match(r"^\s*```(c|cpp|c\+\+)\s*$", lines[i]):
            body, j = [], i + 1
            while not lines[j].strip().startswith("```"):
                body.append(lines[j])
                j += 1
            blocks.append((i + 2, body))
            i = j
        i += 1
    return blocks


def parts_of(first_line, body):
    """Splits a block at a blank line followed by a // comment."""
    parts, cur, start = [], [], first_line
    for k, line in enumerate(body):
        if (line.strip().startswith("//") and k > 0 and not body[k - 1].strip()
                and any(l.strip() for l in cur)):
            parts.append((start, cur))
            cur, start = [], first_line + k
        cur.append(line)
    if any(l.strip() for l in cur):
        parts.append((start, cur))
    return parts


def compile_source(compiler, lang, root, source, workdir):
    src = os.path.join(workdir, "example." + ("cc" if lang == "c++" else "c"))
    with open(src, "w") as f:
        f.write(source)
    std = "-std=c++17" if lang == "c++" else "-std=gnu11"
    cmd = [compiler, "-x", lang, std, *FLAGS, "-I", root, "-I", os.path.join(root, "include"),
           "-I", os.path.join(root, "tests/docs"), "-c", src, "-o", os.path.join(workdir, "o")]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return r.returncode == 0, r.stdout


# What a block declares itself; the context leaves those out (#ifndef
# DOC_HAS_<name>), so that an example may declare what others take as given.
DECLARES = [
    re.compile(r"LINKTABLE_DECLARE(?:_REFS)?\(\s*(\w+)"),
    re.compile(r"\bstruct\s+(\w+)\s*\{"),
    re.compile(r"^\s*(?:static\s+)?(?:inline\s+)?(?:const\s+)?(?:struct\s+)?\w+\s+\**(\w+)\s*\([^)]*\)\s*\{", re.M),
    re.compile(r"^\s*(?:static\s+)?(?:const\s+)?(?:struct\s+)?\w+\s+\**(\w+)\s*\([^;]*$", re.M),
    re.compile(r"^\s*(?:static\s+)?(?:const\s+)?(?:struct\s+)?\w+\s+\**(\w+)\s*(?:\[[^\]]*\])?\s*[=;]", re.M),
]


def declared_names(body):
    text = "\n".join(body)
    return sorted({m for r in DECLARES for m in r.findall(text)} - {"return"})


def check_block(root, rel, include, context, first_line, body, lang, compiler, alone=False):
    """Returns None, or the failure message of the first part that does not
    compile; with ALONE, a part with an #include must also compile by
    itself."""
    prologue, top, n = [], [], 0
    context = "".join(f"#define DOC_HAS_{name} 1\n" for name in declared_names(body)) + context
    with tempfile.TemporaryDirectory() as workdir:
        for start, part in parts_of(first_line, body):
            text = "\n".join(part)
            where = f'#line {start} "{rel}"\n'
            n += 1
            tries = [
                ("file scope", prologue, top + [where + text]),
                ("function body", prologue,
                 top + [f"int doc_example_{n}(void) {{\n{where}{text}\nreturn 0;\n}}"]),
                ("before the #include", prologue + [where + text], top),
            ]
            errors = []
            for mode, pro, tp in tries:
                source = "\n".join(pro + [f'#line 1 "<harness>"', include, context] + tp) + "\n"
                ok, out = compile_source(compiler, lang, root, source, workdir)
                if ok:
                    prologue, top = pro, tp
                    break
                errors.append(f"--- as {mode}:\n{out}")
            else:
                return (f"{rel}:{start}: this {lang} example does not compile "
                        f"(tried file scope, function body, before the #include)\n"
                        + "\n".join(part) + "\n" + "\n".join(errors))
            if alone and any(l.lstrip().startswith("#include") for l in part):
                ok, out = compile_source(compiler, lang, root, where + text + "\n", workdir)
                if not ok:
                    return (f"{rel}:{start}: this {lang} part includes headers and does not "
                            f"compile alone, without the harness's context\n"
                            + "\n".join(part) + "\n" + out)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--cc", default="gcc")
    ap.add_argument("--cxx", default="g++")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    root = os.path.abspath(args.root)

    jobs = []  # (rel, include, context, first_line, body, lang)
    for path in sorted(glob.glob(os.path.join(root, "include/**/*.h"), recursive=True)):
        rel = os.path.relpath(path, root)
        name = rel[len("include/"):]
        ctx_path = os.path.join(root, "tests/docs/context", name.replace("/", "_"))
        context = f'#include "context/{name.replace("/", "_")}"' if os.path.exists(ctx_path) else ""
        langs = ["c++"] if rel in CXX_ONLY else ["c", "c++"]
        for first, body in header_blocks(path, rel):
            for lang in langs:
                jobs.append((rel, f'#include "{name}"', context, first, body, lang))
    readme = os.path.join(root, "README.md")
    for first, body in readme_blocks(readme):
        for lang in ["c", "c++"]:
            jobs.append(("README.md", "", '#include "context/README.h"', first, body, lang))

    def run(job):
        rel, include, context, first, body, lang = job
        compiler = args.cxx if lang == "c++" else args.cc
        return job, check_block(root, rel, include, context, first, body, lang, compiler,
                                alone=rel == "README.md")

    failures = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for (rel, _, _, first, _, lang), error in pool.map(run, jobs):
            if error:
                failures += 1
                print("FAIL " + error)
            else:
                print(f"ok   {rel}:{first} ({lang})")
    blocks = len({(j[0], j[3]) for j in jobs})
    print(f"{len(jobs) - failures} of {len(jobs)} compilations of {blocks} examples passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
