#!/usr/bin/env python3
"""One source per fact, in the scripts and tests around the kernels.

- The Linux versions: no script, test or BUILD file of examples, tests/linux,
  tests/audit_paths, tests/support, tools or bench reads
  examples/linux/versions but examples/linux/versions-query (a path
  "versions" in code, `$dir/versions`, `examples/linux/versions` outside a
  comment), and none states the versions themselves: two known versions in
  a row ("6.1|6.12", "6.1 and 6.12") or "default 6.1" is a copy of the
  list that will go stale. Each place names the list or asks the query.
- The trace and fatal lines of a boot log: none of those files parses them
  (a pattern on "earlyinit: " followed by a group or class, on "cycles=",
  or a list of the fatal reports' openings); they ask
  `earlyinit-audit trace --format json` (tests/support/kernel_env.py).

Readers that cannot change yet are PENDING, each with why; the test fails
when one of them is gone, so that its entry goes too.

Run by tests/linux:one_source_test or directly:
    python3 tests/linux/one_source_test.py [Class[.test_name]...]
"""
import json
import os
import re
import subprocess
import unittest

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))

# Where a fact could be read or copied: code, build files and their
# comments. Not scanned: the versions list and its reader, the patches (a
# series names its own version and prints the trace), tools/pins (a pin per
# version, versions_test checks them), test data, this test and
# versions_test (which writes lists of its own), and the docs
# (prose, docs_claims_test's).
SCANNED = ("examples", "tests/linux", "tests/audit_paths", "tests/support", "tools", "bench")
NOT_SCANNED = {"examples/linux/versions", "examples/linux/versions-query",
               "examples/linux/patches", "tests/audit_paths/fixtures", "tests/audit_paths/golden",
               "tests/linux/one_source_test.py", "tests/linux/versions_test.py", "tools/pins"}

VERSION_PENDING = {}
VERSION_READS = [
    re.compile(r"""["']versions["']"""),                       # a path component in code
    re.compile(r"\$\{?\w+\}?/versions\b(?!-)"),               # $here/versions
    re.compile(r"(?<![\w/.-])examples/linux/versions\b(?!-)"),  # the path, outside a comment
]

TRACE_PENDING = {}
TRACE_PARSES = [
    re.compile(r"earlyinit: ?[\\(\[]"),             # a group or class after the marker
    re.compile(r"cycles=[\\(\[/.]"),                # a pattern on the cycles field
    re.compile(r"required step\s*\|"),             # the fatal reports' openings as a list
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


def found_in_code(patterns, skip_build_paths=False):
    """{file: its first code line matching one of PATTERNS}."""
    found = {}
    for rel, text in scanned_files():
        own = patterns
        if skip_build_paths and os.path.basename(rel) == "BUILD":
            own = patterns[1:]  # a BUILD file lists the list as data; it does not read it
        for n, line in code_lines(text):
            if any(p.search(line) for p in own):
                found.setdefault(rel, "%s:%d: %s" % (rel, n, line.strip()))
    return found


def versions():
    r = subprocess.run([os.path.join(PROJECT, "examples", "linux", "versions-query"), "json"],
                       capture_output=True, text=True, check=True)
    return [d["version"] for d in json.loads(r.stdout)]


class OneSource(unittest.TestCase):
    def pending_still_there(self, found, pending):
        for rel in pending:
            self.assertIn(rel, found, "%s is converted: remove it from the PENDING list" % rel)
        return sorted(v for k, v in found.items() if k not in pending)

    def test_only_the_query_reads_the_versions(self):
        found = found_in_code(VERSION_READS, skip_build_paths=True)
        self.assertEqual(self.pending_still_there(found, VERSION_PENDING), [],
                         "read the list through examples/linux/versions-query")

    def test_no_copy_of_the_versions(self):
        one = r"(?<![\w.])(?:%s)(?![\w.]*\d)" % "|".join(re.escape(v) for v in versions())
        copies = [re.compile(one + r"(?:\s*(?:[|,/]|\band\b|\bor\b)\s*" + one + ")+"),
                  re.compile(r"\bdefault\W{1,3}" + one)]
        found = []
        for rel, text in scanned_files():
            for n, line in enumerate(text.split("\n"), 1):
                if any(c.search(line) for c in copies):
                    found.append("%s:%d: %s" % (rel, n, line.strip()))
        self.assertEqual(found, [], "name examples/linux/versions or ask versions-query")

    def test_only_the_tool_parses_boot_logs(self):
        found = found_in_code(TRACE_PARSES)
        self.assertEqual(self.pending_still_there(found, TRACE_PENDING), [],
                         "read trace and fatal lines with earlyinit-audit trace --format json")


if __name__ == "__main__":
    unittest.main()
