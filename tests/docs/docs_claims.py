#!/usr/bin/env python3
"""Checks what the docs can be checked for cheaply, against the source tree.

  python3 docs_claims.py ROOT

- every markdown link of README.md, docs/*.md and examples/*/README.md
  stays inside the repository and names a file or folder that exists;
- every repository path named in backquotes (`src/audit/model.cc`) exists,
  and none leaves the repository (`../...`);
- every EARLYINIT_/LINKTABLE_/BOOTPROTO_/BOOST_PP_ name in backquotes is
  spelled somewhere under include/, src/, examples/ or tools/ (a doc that names a
  macro the code no longer uses is wrong);
- no source, build file or doc cites an issue number of a tracker that is
  not in the repository (the word issue followed by a number).

Prints one line per problem, `file:line: what`, and exits 1 if any.
"""
import os
import re
import sys

TOP_DIRS = ("include/", "src/", "tests/", "tools/", "docs/", "examples/",
            "linker_scripts/", "bench/", "third_party/")
NAME = re.compile(r"\b(?:EARLYINIT|LINKTABLE|BOOTPROTO|BOOST_PP)_[A-Za-z0-9_]*[A-Za-z0-9]")
LINK = re.compile(r"\]\(([^)\s]+)\)")
TICKS = re.compile(r"`([^`\n]+)`")
ISSUE = re.compile(r"\b[Ii]ssues? #?[0-9]+\b")
TEXT_EXT = (".md", ".h", ".c", ".cc", ".S", ".py", ".sh", ".bzl", ".ld", ".in", ".txt")
SKIP_DIRS = {".git", "third_party"}

# Problems that a branch other than this test's owns, each with why. The
# test fails when one of them is gone too, so that the entry is removed.
KNOWN = {
}


def markdown_files(root):
    out = ["README.md"]
    out += ["docs/" + f for f in sorted(os.listdir(os.path.join(root, "docs"))) if f.endswith(".md")]
    for ex in sorted(os.listdir(os.path.join(root, "examples"))):
        if os.path.exists(os.path.join(root, "examples", ex, "README.md")):
            out.append("examples/%s/README.md" % ex)
    return out


def prose_lines(text):
    """(line number, line) outside fenced code blocks."""
    fenced = False
    for n, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced:
            yield n, line


def inside(root, path):
    real = os.path.normpath(path)
    return real == root or real.startswith(root + os.sep)


def check_link(root, doc, target):
    target = target.split("#", 1)[0]
    if not target:
        return None
    if re.match(r"^[a-z]+:", target) or target.startswith("/"):
        return "link outside the repository: " + target
    path = os.path.normpath(os.path.join(root, os.path.dirname(doc), target))
    if not inside(root, path):
        return "link outside the repository: " + target
    if not os.path.exists(path):
        return "link to a missing file: " + target
    return None


def path_candidates(tick):
    """Repository paths a backquoted text names: `src/audit/model.{h,cc}`
    names two; placeholders (<x>), globs and labels are not paths."""
    tick = tick.strip().rstrip(".,:;")
    word = tick.split()[0] if tick.split() else ""
    if word.startswith("../"):
        return ["../"]
    if not word.startswith(TOP_DIRS) or any(c in word for c in "<>*$"):
        return []
    word = re.sub(r":[0-9-]+$", "", word)  # file:line
    m = re.match(r"^(.*)\{([^}]*)\}(.*)$", word)
    if m:
        return [m.group(1) + alt + m.group(3) for alt in m.group(2).split(",")]
    return [word]


def exists(root, p):
    """A file or folder, a test or program named without its extension
    (`tests/kernel/boot_test`), or an output folder .gitignore lists."""
    base = os.path.join(root, p.rstrip("/"))
    with open(os.path.join(root, ".gitignore")) as fh:
        if "/" + p in fh.read().split("\n"):
            return True
    return any(os.path.exists(base + ext) for ext in ("", ".cc", ".sh", ".py"))


def source_text(root):
    chunks = []
    for top in ("include", "src", "examples", "tools"):
        for d, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = [x for x in dirs if x not in SKIP_DIRS]
            for f in files:
                if f.endswith((".h", ".c", ".cc", ".S", ".patch", ".ld", ".bzl", ".sh", ".py")) or "." not in f:
                    with open(os.path.join(d, f), errors="replace") as fh:
                        chunks.append(fh.read())
    return "\n".join(chunks)


def check_docs(root):
    problems = []
    code = source_text(root)
    for doc in markdown_files(root):
        with open(os.path.join(root, doc)) as fh:
            text = fh.read()
        for n, line in prose_lines(text):
            for target in LINK.findall(line):
                why = check_link(root, doc, target)
                if why:
                    problems.append((doc, n, why))
            for tick in TICKS.findall(line):
                for p in path_candidates(tick):
                    if p == "../":
                        problems.append((doc, n, "outside the repository: " + tick.split()[0]))
                    elif not exists(root, p):
                        problems.append((doc, n, "names a missing path: " + p))
                if "``" in line:
                    continue  # quoted compiler output: misspelt on purpose
                for name in NAME.findall(tick):
                    if name not in code:
                        problems.append((doc, n, "names %s, which no source spells" % name))
    return problems


def check_issue_numbers(root):
    problems = []
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in SKIP_DIRS and not x.startswith("bazel-")]
        for f in files:
            if not (f.endswith(TEXT_EXT) or f == "BUILD" or "." not in f):
                continue
            path = os.path.join(d, f)
            rel = os.path.relpath(path, root)
            try:
                with open(path, errors="strict") as fh:
                    text = fh.read()
            except (UnicodeDecodeError, OSError):
                continue  # binary fixtures, dangling links
            for n, line in enumerate(text.split("\n"), 1):
                m = ISSUE.search(line)
                if m:
                    problems.append((rel, n, "cites a tracker's issue number: " + m.group(0)))
    return problems


def main():
    root = os.path.realpath(sys.argv[1])
    problems = check_docs(root) + check_issue_numbers(root)
    seen = set()
    failed = False
    for doc, n, why in problems:
        if (doc, why) in KNOWN:
            seen.add((doc, why))
            print("known %s:%d: %s (%s)" % (doc, n, why, KNOWN[(doc, why)]))
            continue
        print("FAIL %s:%d: %s" % (doc, n, why))
        failed = True
    for key in set(KNOWN) - seen:
        print("FAIL %s: the known problem `%s` is gone: remove it from KNOWN" % key)
        failed = True
    print("%d markdown files, %s" % (len(markdown_files(root)), "problems" if failed else "ok"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
