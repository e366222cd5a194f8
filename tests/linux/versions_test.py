#!/usr/bin/env python3
"""examples/linux/versions-query, the one reader of examples/linux/versions.

- Its answers: default, list, variants V, check V, json agree with each
  other; an unknown version is exit 1 with "no Linux version 'X' (known:
  ...)"; a usage error is exit 2.
- A list it cannot read (no variant, a version twice, not a version, no
  line) is refused with the file and line, exit 2.
- The list agrees with the tree: each version has its series
  (examples/linux/patches/V/) and its pinned linux-source-V (tools/pins),
  each series folder is a listed version, each variant is one
  examples/linux/build builds, and build's usage offers the listed versions.
- One reader: no script, test or BUILD file of examples/linux, tests,
  tools or bench reads the list but the query (a path "versions" in code,
  `$dir/versions`, `examples/linux/versions` outside a comment), and none
  states the versions themselves: two known versions in a row ("6.1|6.12",
  "6.1 and 6.12") or "default 6.1" is a copy of the list that will go
  stale. Each place names the list or asks the query instead.

Run by tests/linux:versions_test or directly:
    python3 tests/linux/versions_test.py [Class[.test_name]...]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
LINUX = os.path.join(PROJECT, "examples", "linux")
QUERY = os.path.join(LINUX, "versions-query")


def query(*args, program=QUERY):
    return subprocess.run([program] + list(args), capture_output=True, text=True)


def answer(*args):
    r = query(*args)
    if r.returncode != 0:
        raise AssertionError("versions-query %s: exit %d: %s"
                             % (" ".join(args), r.returncode, r.stderr))
    return r.stdout.split()


def versions():
    return [(d["version"], d["variants"]) for d in json.loads(query("json").stdout)]


class Query(unittest.TestCase):
    def test_answers_agree(self):
        table = versions()
        self.assertTrue(table)
        self.assertEqual(answer("list"), [v for v, _ in table])
        self.assertEqual(answer("default"), [table[0][0]])
        for v, variants in table:
            self.assertTrue(variants, v)
            self.assertEqual(answer("variants", v), variants)
            r = query("check", v)
            self.assertEqual((r.returncode, r.stdout, r.stderr), (0, "", ""))

    def test_unknown_version(self):
        known = ", ".join(v for v, _ in versions())
        for args in (["check", "5.10"], ["variants", "5.10"], ["check", ""]):
            r = query(*args)
            self.assertEqual(r.returncode, 1, args)
            self.assertEqual(r.stdout, "", args)
            self.assertEqual(r.stderr, "no Linux version '%s' (known: %s)\n" % (args[1], known))

    def test_usage(self):
        for args in ([], ["lsit"], ["check"], ["variants"], ["list", "6"], ["check", "a", "b"]):
            r = query(*args)
            self.assertEqual(r.returncode, 2, args)
            self.assertIn("usage: examples/linux/versions-query default | list | "
                          "variants VERSION | check VERSION | json", r.stderr)
        r = query("--help")
        self.assertEqual(r.returncode, 0)
        self.assertIn("the one list", r.stdout)


class BadList(unittest.TestCase):
    """A copy of the query beside a list written here."""

    def refused(self, text, message):
        tmp = tempfile.mkdtemp(prefix="earlyinit-versions-")
        self.addCleanup(shutil.rmtree, tmp)
        program = os.path.join(tmp, "versions-query")
        shutil.copy(QUERY, program)
        with open(os.path.join(tmp, "versions"), "w") as f:
            f.write(text)
        r = query("list", program=program)
        self.assertEqual(r.returncode, 2, r.stdout)
        self.assertEqual(r.stdout, "")
        self.assertIn("examples/linux/versions-query: " + os.path.join(tmp, "versions") + message,
                      r.stderr)

    def test_a_version_without_variant(self):
        self.refused("# comment\n6.1 xen\n6.12\n", ":3: 6.12 has no variant")

    def test_a_version_twice(self):
        self.refused("6.1 xen\n6.1 kasan  # again\n", ":2: 6.1 is listed twice")

    def test_not_a_version(self):
        self.refused("linux-6.1 xen\n", ":1: 'linux-6.1' is not a version (MAJOR.MINOR)")

    def test_a_bad_variant(self):
        self.refused("6.1 xen KASAN\n", ":1: 'KASAN' is not a variant name")

    def test_no_version(self):
        self.refused("# nothing\n\n", " lists no version")


class Tree(unittest.TestCase):
    """The list against what the tree holds for each version."""

    def test_each_version_has_its_series_and_pin(self):
        listed = [v for v, _ in versions()]
        series = sorted(os.listdir(os.path.join(LINUX, "patches")))
        self.assertEqual(sorted(listed), series,
                         "examples/linux/patches/ holds a series per listed version, no other")
        for v in listed:
            r = subprocess.run([os.path.join(PROJECT, "tools", "pinned"), "linux-source-" + v],
                               capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, "linux-source-%s: %s" % (v, r.stderr))

    def test_build_offers_the_versions_and_builds_the_variants(self):
        r = subprocess.run([os.path.join(LINUX, "build"), "no-such-variant"],
                           capture_output=True, text=True)
        self.assertEqual(r.returncode, 2, r.stderr)
        m = re.search(r"usage: examples/linux/build \[--linux ([^\]]+)\] \[([^\]]+)\]", r.stderr)
        self.assertTrue(m, r.stderr)
        self.assertEqual(m.group(1).split("|"), [v for v, _ in versions()])
        for v, variants in versions():
            self.assertLessEqual(set(variants), set(m.group(2).split("|")), v)


# Where the list could be read or copied: code, build files and their
# comments. Not scanned: the list and its reader, the patches (a series
# names its own version), tools/pins (a pin per version, checked above),
# generated or golden data, and the docs (prose, docs_claims_test's).
SCANNED = ("examples/linux", "tests/linux", "tests/audit_paths", "tests/support", "tools", "bench")
NOT_SCANNED = {"examples/linux/versions", "examples/linux/versions-query",
               "examples/linux/patches", "tests/audit_paths/fixtures", "tests/audit_paths/golden",
               "tests/linux/versions_test.py", "tools/pins"}
# Readers waiting for a change that cannot land yet, each with why. The test
# fails when one is gone, so that its entry goes too.
PENDING = {
    "examples/linux/build": "its text is hashed into the kernel cache key: converted "
                            "with the next kernel rebuild",
    "tests/linux/linux_test.py": "Scripts.test_unknown_version_is_refused expects "
                                 "examples/linux/build's own message until then",
}
READS = [
    re.compile(r"""["']versions["']"""),                       # a path component in code
    re.compile(r"\$\{?\w+\}?/versions\b(?!-)"),               # $here/versions
    re.compile(r"(?<![\w/.-])examples/linux/versions\b(?!-)"),  # the path, outside a comment
]


def scanned_files():
    for top in SCANNED:
        for d, dirs, files in os.walk(os.path.join(PROJECT, top)):
            rel_d = os.path.relpath(d, PROJECT)
            dirs[:] = sorted(x for x in dirs if os.path.join(rel_d, x) not in NOT_SCANNED
                             and not x.startswith((".", "__")))
            for f in sorted(files):
                rel = os.path.join(rel_d, f)
                if rel in NOT_SCANNED or f.endswith((".pyc", ".o", ".a")):
                    continue
                try:
                    with open(os.path.join(PROJECT, rel)) as fh:
                        yield rel, fh.read()
                except (UnicodeDecodeError, OSError):
                    continue  # binary fixtures, dangling links


def code_lines(text):
    """(line number, line) of a file's code: no comment, no Python docstring."""
    docstring = None
    for n, line in enumerate(text.split("\n"), 1):
        bare = line.strip()
        if docstring:
            if docstring in bare:
                docstring = None
            continue
        if bare.startswith(('"""', "'''")) and bare.count(bare[:3]) == 1:
            docstring = bare[:3]
            continue
        if bare.startswith(("#", '"""', "'''", "//")):
            continue
        yield n, re.sub(r"\s#\s.*$", "", line)


class OneReader(unittest.TestCase):
    def test_only_the_query_reads_the_list(self):
        found = {}
        for rel, text in scanned_files():
            # A BUILD file lists the list as data; it does not read it.
            reads = READS[1:] if os.path.basename(rel) == "BUILD" else READS
            for n, line in code_lines(text):
                if any(r.search(line) for r in reads):
                    found.setdefault(rel, "%s:%d: %s" % (rel, n, line.strip()))
        for rel in PENDING:
            self.assertIn(rel, found, "%s no longer reads the list: remove it from PENDING" % rel)
        self.assertEqual(sorted(v for k, v in found.items() if k not in PENDING), [],
                         "read the list through examples/linux/versions-query")

    def test_no_copy_of_the_versions(self):
        vs = "|".join(re.escape(v) for v, _ in versions())
        one = r"(?<![\w.])(?:%s)(?![\w.]*\d)" % vs
        copies = [re.compile(one + r"(?:\s*(?:[|,/]|\band\b|\bor\b)\s*" + one + ")+"),
                  re.compile(r"\bdefault\W{1,3}" + one)]
        found = []
        for rel, text in scanned_files():
            for n, line in enumerate(text.split("\n"), 1):
                if any(c.search(line) for c in copies):
                    found.append("%s:%d: %s" % (rel, n, line.strip()))
        self.assertEqual(found, [], "name examples/linux/versions or ask versions-query")


if __name__ == "__main__":
    unittest.main()
