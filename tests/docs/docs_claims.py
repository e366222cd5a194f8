#!/usr/bin/env python3
"""Checks what the docs can be checked for cheaply, against the source tree.

  python3 docs_claims.py ROOT

- every markdown link of README.md, docs/*.md and examples/*/README.md
  stays inside the repository and names a file or folder that exists;
- every repository path named in backquotes (`src/audit/tables/model.cc`) exists,
  and none leaves the repository (`../...`);
- every EARLYINIT_/LINKTABLE_/BOOTPROTO_/BOOST_PP_ name in backquotes is
  spelled somewhere under include/, src/, examples/ or tools/ (a doc that names a
  macro the code no longer uses is wrong);
- no source, build file or doc cites an issue number of a tracker that is
  not in the repository (the word issue followed by a number);
- counts: "`bazel test //tests/P/...` runs N tests" is the number of test
  rules in tests/P/BUILD, and that doc names each of them; "N commands"
  beside `earlyinit-audit` is the number of commands in the tool's usage
  (src/audit/options.cc), and a line that names `earlyinit-audit` and
  three or more of its commands names all of them; "`DIR/` ... N files"
  (or headers) is the number of files (headers) in DIR;
- options: an option in a command line of `earlyinit-audit` (a code line
  or backquoted text that starts with `earlyinit-audit` or one of its
  commands), and any backquoted option in docs/audit.md, is one the
  tool's sources spell (OTHER_OPTIONS lists other programs' options);
- each figure once: a number with a unit (`0.19 s`, `96.8 MB`, `2.5×`)
  stated in two of the user reference docs (README.md, docs/*.md but the
  generated bench report; the record in docs/dev/ quotes figures as they
  were) is one fact in two places, and each fact of FACTS is stated in
  one place only;
- the Linux versions: a line of a user reference doc that lists Linux
  versions ("Linux 6.1 and 6.12") lists exactly those of
  examples/linux/versions (as examples/linux/versions-query answers), and
  one doc only lists them.

Prints one line per problem, `file:line: what`, and exits 1 if any.
"""
import os
import re
import subprocess
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

NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUM = r"([0-9]+|%s)" % "|".join(NUMBERS)
TESTS_CLAIM = re.compile(r"`bazel test //([\w/]+)/\.\.\.` runs " + NUM + r" tests\b")
COMMANDS_CLAIM = re.compile(r"\b" + NUM + r" commands\b")
FILES_CLAIM = re.compile(r"`([\w./-]+)/`[^.|]{0,60}?\b" + NUM + r" (files|headers)\b")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")
# Options of other programs that docs/audit.md names in backquotes.
OTHER_OPTIONS = {
    "--strip-all": "strip",
    "--whole-archive": "the linker",
    "--gc-sections": "the linker",
    "--via": "tests/audit/gen_big.sh",
    "--link-addresses": "examples/hosted",
    "--build": "tools/fuzz",
    "--linux": "tools/demo, examples/linux/build",
    "--tool": "valgrind",
}
FIGURE = re.compile(r"(?<![\w.,])([0-9][0-9,]*(?:\.[0-9]+)?) ?(s|ms|µs|seconds|minutes|KB|MB|GB|"
                    r"M instructions|instructions per step|%|×)(?![\w])")
# Figures that two reference docs share by coincidence, not as one fact.
SHARED_FIGURES = {
}
# Facts that must have one home: (name, pattern). A doc line that matches
# states the fact; lines of more than one doc are a problem (one doc may
# state it per version or variant, as a table does).
FACTS = [
    ("how long a Linux kernel build takes",
     re.compile(r"(?=.*\b(kernel|Linux)\b)(?=.*\bbuil(d|ds|t)\b)(?=.*\b(about|takes?|took)\b"
                r"[^.]*\b[0-9a-z,.]+ minutes\b)|^\| `build --linux [^|]*\| [0-9,]+ \|$", re.I)),
    ("how long gen_big.py takes for a million entries",
     re.compile(r"(?=.*1,000,000)(?=.*\b(minutes|[0-9]+(–|-)[0-9]+ s)\b)(?=.*(gen_big|inputs|generat))")),
]


def markdown_files(root):
    out = ["README.md"]
    for sub in ("docs", "docs/dev"):
        if os.path.isdir(os.path.join(root, sub)):
            out += [sub + "/" + f for f in sorted(os.listdir(os.path.join(root, sub))) if f.endswith(".md")]
    for ex in sorted(os.listdir(os.path.join(root, "examples"))):
        if os.path.exists(os.path.join(root, "examples", ex, "README.md")):
            out.append("examples/%s/README.md" % ex)
    return out


def prose_lines(text):
    """(line number, line) outside fenced code blocks and generated regions
    (`<!-- generated by X ... -->` to `<!-- end of the generated ... -->`,
    which X's own test checks)."""
    fenced = generated = False
    for n, line in enumerate(text.split("\n"), 1):
        if line.startswith("<!-- generated by "):
            generated = True
        elif line.startswith("<!-- end of the generated "):
            generated = False
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if not fenced and not generated:
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
    """Repository paths a backquoted text names: `src/audit/tables/model.{h,cc}`
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


def number(word):
    return int(word) if word.isdigit() else NUMBERS[word]


def build_tests(root, package):
    path = os.path.join(root, package, "BUILD")
    if not os.path.exists(path):
        return None
    with open(path) as fh:
        text = fh.read()
    return re.findall(r"^\w*_test\(\s*name = \"([^\"]+)\"", text, re.M)


def tool_commands(root):
    """The commands of earlyinit-audit's usage text (src/audit/options.cc)."""
    with open(os.path.join(root, "src/audit/options.cc")) as fh:
        text = fh.read()
    m = re.search(r'"commands:\\n"(.*?)"\\n"\s*"options', text, re.S)
    if not m:
        return []
    return re.findall(r'^\s*"  ([a-z]+) ', m.group(1), re.M)


def tool_options(root):
    out = set()
    for d, _, files in os.walk(os.path.join(root, "src/audit")):
        for f in files:
            if f.endswith(".cc"):
                with open(os.path.join(d, f)) as fh:
                    out.update(re.findall(r'"(--[a-z][a-z0-9-]*)', fh.read()))
    return out


def command_lines(doc, text, commands):
    """(n, text) of doc lines and backquoted spans that are earlyinit-audit
    command lines; in docs/audit.md every backquoted option too."""
    fenced = in_command = False
    starts = tuple(["earlyinit-audit "] + [c + " " for c in commands])
    for n, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            in_command = False
            continue
        if fenced:
            # a command line, its continuation lines, the usage's options line
            in_command = (line.lstrip().startswith(starts) or line.startswith("options: ") or
                          (in_command and line[:1].isspace()))
            if in_command:
                yield n, line
            continue
        for tick in TICKS.findall(line):
            if tick.startswith(starts) or (doc == "docs/audit.md" and tick.startswith("--")):
                yield n, tick


def reference_docs(root):
    return [d for d in markdown_files(root)
            if not d.startswith("docs/dev/") and d != "docs/bench-report.md"]


def check_counts_and_figures(root):
    problems = []
    commands = tool_commands(root)
    options = tool_options(root)
    if len(commands) < 2 or not options:
        return [("src/audit/options.cc", 0, "no commands or options found in the tool's sources")]
    figures = {}
    facts = {}
    for doc in markdown_files(root):
        with open(os.path.join(root, doc)) as fh:
            text = fh.read()
        lines = dict(prose_lines(text))
        for n, line in lines.items():
            for m in TESTS_CLAIM.finditer(line):
                names = build_tests(root, m.group(1))
                if names is None:
                    problems.append((doc, n, "counts the tests of %s, which has no BUILD" % m.group(1)))
                    continue
                if number(m.group(2)) != len(names):
                    problems.append((doc, n, "says //%s/... runs %s tests; its BUILD has %d" %
                                     (m.group(1), m.group(2), len(names))))
                for t in names:
                    if "`%s`" % t not in text:
                        problems.append((doc, n, "counts the tests of //%s/... but does not name %s" %
                                         (m.group(1), t)))
            if "earlyinit-audit" in line or doc == "docs/audit.md":
                for m in COMMANDS_CLAIM.finditer(line):
                    if number(m.group(1)) != len(commands):
                        problems.append((doc, n, "says %s commands; earlyinit-audit has %d (%s)" %
                                         (m.group(1), len(commands), ", ".join(commands))))
            if "earlyinit-audit" in line:
                named = [c for c in commands if "`%s`" % c in line]
                if len(named) >= 3 and len(named) < len(commands):
                    problems.append((doc, n, "names earlyinit-audit's commands %s but not %s" %
                                     (", ".join(named), ", ".join(c for c in commands if c not in named))))
            for m in FILES_CLAIM.finditer(line):
                d = os.path.join(root, m.group(1))
                if not os.path.isdir(d):
                    continue
                files = [f for f in os.listdir(d) if os.path.isfile(os.path.join(d, f))]
                if m.group(3) == "headers":
                    files = [f for f in files if f.endswith(".h")]
                if number(m.group(2)) != len(files):
                    problems.append((doc, n, "says %s/ holds %s %s; it holds %d" %
                                     (m.group(1), m.group(2), m.group(3), len(files))))
            for name, pattern in FACTS:
                if pattern.search(line):
                    facts.setdefault(name, []).append((doc, n))
            if doc in reference_docs(root):
                for m in FIGURE.finditer(line):
                    figures.setdefault(m.group(0), []).append((doc, n))
        for n, span in command_lines(doc, text, commands):
            for opt in OPTION.findall(span):
                if opt not in options and opt not in OTHER_OPTIONS:
                    problems.append((doc, n, "names the option %s, which earlyinit-audit does not have" % opt))
    for fig, where in sorted(figures.items()):
        docs = sorted({d for d, _ in where})
        if len(docs) > 1 and fig not in SHARED_FIGURES:
            doc, n = where[0]
            problems.append((doc, n, "states %s, as %s does: one fact, one place" %
                             (fig, " and ".join("%s:%d" % w for w in where[1:]))))
    for name, where in sorted(facts.items()):
        if len({d for d, _ in where}) > 1:
            doc, n = where[0]
            problems.append((doc, n, "states %s, as %s does: one fact, one place" %
                             (name, " and ".join("%s:%d" % w for w in where[1:]))))
    return problems


# "Linux 6.1 and 6.12", "Linux 6.1, 6.12 or 6.15": two or more versions.
VERSION_LIST = re.compile(r"\bLinux ([0-9]+\.[0-9]+(?:(?:, | and | or |/)[0-9]+\.[0-9]+)+)\b")


def linux_versions(root):
    """The versions examples/linux carries (examples/linux/versions-query
    list), or None when ROOT has no query."""
    query = os.path.join(root, "examples", "linux", "versions-query")
    if not os.path.exists(query):
        return None
    r = subprocess.run([query, "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if r.returncode != 0:
        return []
    return r.stdout.split()


def check_linux_versions(root):
    known = linux_versions(root)
    if known is None:
        return []
    if not known:
        return [("examples/linux/versions", 0, "examples/linux/versions-query list failed")]
    problems, where = [], []
    for doc in reference_docs(root):
        with open(os.path.join(root, doc)) as fh:
            text = fh.read()
        for n, line in prose_lines(text):
            for m in VERSION_LIST.finditer(line):
                stated = re.findall(r"[0-9]+\.[0-9]+", m.group(1))
                where.append((doc, n))
                if sorted(stated) != sorted(known):
                    problems.append((doc, n, "lists Linux %s; examples/linux/versions has %s" %
                                     (", ".join(stated), ", ".join(known))))
    if len({d for d, _ in where}) > 1:
        doc, n = where[0]
        problems.append((doc, n, "lists the Linux versions, as %s does: one fact, one place" %
                         " and ".join("%s:%d" % w for w in where[1:])))
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
    problems = (check_docs(root) + check_issue_numbers(root) + check_counts_and_figures(root) +
                check_linux_versions(root))
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
