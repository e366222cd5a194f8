#!/usr/bin/env python3
"""The patch series of examples/linux, as a maintainer receives it.

For every version of examples/linux/versions:
- each patch is in `git format-patch` form, with a kernel-style subject, a
  body that says why, and a Signed-off-by;
- the generated patch that vendors the library matches the library
  (examples/linux/vendor --check), and a drifted copy is refused;
- the version's own scripts/checkpatch.pl, run on each patch, reports exactly
  the errors and warnings docs/linux.md lists with their reasons (so a new
  one fails here until it is fixed or explained), and no error in a patch
  written by hand.

Run by tests/linux:series_test (local: checkpatch runs in the kernel tree
examples/linux/build leaves in the cache) or directly:
    python3 tests/linux/series_test.py [Class[.test_name]...]
"""
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import linux_test  # noqa: E402  (shared helpers: run, build, versions, JUnit)
from linux_test import LINUX, PROJECT, VERSIONS, build, run  # noqa: E402

VENDOR_MARK = "-earlyinit-add-the-library-s-headers"
DOCS = os.path.join(PROJECT, "docs", "linux.md")
TABLE_BEGIN = "<!-- checkpatch: begin -->"
TABLE_END = "<!-- checkpatch: end -->"
FINDING = re.compile(r"^\S+:\d+: (ERROR|WARNING|CHECK):([A-Z0-9_]+):", re.M)
SUBJECT = re.compile(r"^Subject: \[PATCH(?: \d+/\d+)?\] ([a-z0-9_/.-]+(?:, ?[a-z0-9_/.-]+)*): \S",
                     re.M)


def series(linux):
    d = os.path.join(LINUX, "patches", linux)
    return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".patch")]


def is_vendor(patch):
    return VENDOR_MARK in os.path.basename(patch)


def checkpatch(linux, patch):
    """Counter of (severity, type) that the version's checkpatch.pl finds in patch."""
    src = os.path.realpath(os.path.join(build(linux, "kasan"), "..", "src"))
    # Debian's python3 (python3-ply, python3-git) for checkpatch's
    # spdxcheck.py, whatever python3 comes first in the caller's PATH.
    r = subprocess.run(["perl", "scripts/checkpatch.pl", "--show-types", "--terse",
                        "--no-summary", patch], cwd=src, capture_output=True, text=True,
                       env=dict(os.environ, PATH="/usr/bin:/bin"))
    # checkpatch exits 1 when it finds anything; the findings are the verdict.
    assert r.returncode in (0, 1), r.stderr
    return collections.Counter(FINDING.findall(r.stdout))


def documented():
    """{(version, patch, severity, type): (count, reason)} from docs/linux.md."""
    with open(DOCS) as f:
        text = f.read()
    assert TABLE_BEGIN in text and TABLE_END in text, "no checkpatch table in docs/linux.md"
    table = text[text.index(TABLE_BEGIN):text.index(TABLE_END)]
    out = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or not re.match(r"\d", cells[0]):
            continue
        version, patch, severity, typ, count, reason = cells
        out[(version, patch.strip("`"), severity, typ)] = (int(count), reason)
    return out


class SeriesTests:
    LINUX = None

    def test_patches_are_format_patch_with_subject_body_and_signoff(self):
        patches = series(self.LINUX)
        self.assertGreater(len(patches), 1)
        for i, patch in enumerate(patches, 1):
            name = os.path.basename(patch)
            self.assertTrue(name.startswith("%04d-" % i), name)
            with open(patch) as f:
                text = f.read()
            self.assertRegex(text.splitlines()[0], r"^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$",
                             name)
            self.assertRegex(text, SUBJECT, name)
            head, _, _ = text.partition("\n---\n")
            body = head.split("\n\n", 1)[1] if "\n\n" in head else ""
            self.assertGreaterEqual(len([l for l in body.splitlines() if l.strip()]), 3,
                                    "%s: the body must say why" % name)
            self.assertIn("Signed-off-by: ", body, name)

    def test_fixes_come_first_then_the_library_then_the_framework(self):
        names = [os.path.basename(p) for p in series(self.LINUX)]
        vendors = [i for i, n in enumerate(names) if VENDOR_MARK in n]
        self.assertEqual(len(vendors), 1, names)
        fixes = names[:vendors[0]]
        self.assertTrue(fixes, "no fix stands before the library")
        for n in fixes:
            with open(os.path.join(LINUX, "patches", self.LINUX, n)) as f:
                added = [l for l in f.read().splitlines() if l.startswith("+")]
            self.assertFalse([l for l in added if "earlyinit" in l.lower()],
                             "%s is a fix: it must not need earlyinit" % n)

    def test_vendored_library_matches_the_library(self):
        (vendor,) = [p for p in series(self.LINUX) if is_vendor(p)]
        r = run([os.path.join(LINUX, "vendor"), "--check", vendor])
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_drifted_vendored_copy_is_refused(self):
        (vendor,) = [p for p in series(self.LINUX) if is_vendor(p)]
        with open(vendor) as f:
            text = f.read()
        target = "+++ b/include/earlyinit/earlyinit.h\n"
        self.assertIn(target, text)
        i = text.index("\n+", text.index(target) + len(target))
        tmp = tempfile.mkdtemp(prefix="earlyinit-vendor-")
        self.addCleanup(shutil.rmtree, tmp)
        bad = os.path.join(tmp, os.path.basename(vendor))
        with open(bad, "w") as f:
            f.write(text[:i + 2] + "/* edited in the kernel tree */\n+" + text[i + 2:])
        r = run([os.path.join(LINUX, "vendor"), "--check", bad])
        self.assertEqual(r.returncode, 1)
        self.assertIn("include/earlyinit/earlyinit.h differs from the library's copy", r.stderr)

    def test_checkpatch_finds_exactly_what_docs_list(self):
        docs = {k: v for k, v in documented().items() if k[0] == self.LINUX}
        got = {}
        for patch in series(self.LINUX):
            for (severity, typ), n in checkpatch(self.LINUX, patch).items():
                got[(self.LINUX, os.path.basename(patch), severity, typ)] = n
                if severity == "ERROR":
                    self.assertTrue(is_vendor(patch), "checkpatch ERROR %s in %s, a patch "
                                    "written by hand" % (typ, os.path.basename(patch)))
        want = {k: v[0] for k, v in docs.items()}
        missing = {k: n for k, n in got.items() if want.get(k) != n}
        stale = {k: n for k, n in want.items() if k not in got}
        self.assertFalse(missing, "checkpatch findings not in docs/linux.md's table "
                         "(or with another count): %s" % missing)
        self.assertFalse(stale, "docs/linux.md lists findings checkpatch no longer "
                         "reports: %s" % stale)
        for k, (_, reason) in docs.items():
            self.assertTrue(reason, "no reason for %s in docs/linux.md" % (k,))


def version_classes():
    out = {}
    for linux, _ in VERSIONS:
        name = "Series_%s" % linux.replace(".", "_")
        out[name] = type(name, (SeriesTests, unittest.TestCase), {"LINUX": linux})
    return out


globals().update(version_classes())


def main():
    loader = unittest.TestLoader()
    names = sys.argv[1:]
    module = sys.modules[__name__]
    suite = (loader.loadTestsFromNames(names, module) if names
             else loader.loadTestsFromModule(module))
    tests = list(linux_test.iter_tests(suite))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    if os.environ.get("XML_OUTPUT_FILE"):
        linux_test.write_junit(result, tests, os.environ["XML_OUTPUT_FILE"])
    return 0 if result.wasSuccessful() and not result.skipped else 1


if __name__ == "__main__":
    sys.exit(main())
