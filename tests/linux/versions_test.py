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
(That nothing else reads the list: one_source_test.)

Run by tests/linux:versions_test or directly:
    python3 tests/linux/versions_test.py [Class[.test_name]...]
"""
import functools
import json
import os
import re
import shutil
import subprocess
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


@functools.lru_cache()
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


if __name__ == "__main__":
    unittest.main()
