#!/usr/bin/env python3
"""The patch series of examples/linux, as a maintainer receives it.

For every version of examples/linux/versions, on the series as
examples/linux/series exports it (into a temporary folder, as a test
sender):
- each patch is in `git format-patch` form, numbered N/M, From: the
  sender, with a kernel-style subject and a body that says why; unsigned,
  or signed once by the sender with --signoff; the repository's own
  patches name nobody (no From:, no Signed-off-by);
- the fixes come first, then the library's patch, then the framework;
- the library's patch, generated at export, matches the library
  (examples/linux/vendor --check), and a drifted copy is refused;
- the cover letter lists every patch with the lines it adds and removes;
- the version's own scripts/checkpatch.pl, run on each signed patch,
  reports exactly the errors and warnings docs/linux.md lists with their
  reasons (so a new one fails here until it is fixed or explained), and no
  error in a patch written by hand.
And `series` refuses what it must, with its usage and exit status 2.

Run by tests/linux:series_test (local: checkpatch is the one of the kernel
tree examples/linux/build leaves in the cache, or of
$EARLYINIT_LINUX_SOURCE/linux-source-<version> when that is set) or
directly:
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

HERE = os.path.dirname(os.path.realpath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "support")]
import kernel_env  # noqa: E402  (the checkout, cache, env, versions, builds)
import linux_test  # noqa: E402  (the runner: JUnit)
from kernel_env import ENV, LINUX, PROJECT, build, run  # noqa: E402

VERSIONS = kernel_env.versions()

SERIES = os.path.join(LINUX, "series")
VENDOR_MARK = "-earlyinit-add-the-library-s-headers"
DOCS = os.path.join(PROJECT, "docs", "linux.md")
TABLE_BEGIN = "<!-- checkpatch: begin -->"
TABLE_END = "<!-- checkpatch: end -->"
FINDING = re.compile(r"^\S+:\d+: (ERROR|WARNING|CHECK):([A-Z0-9_]+):", re.M)
SUBJECT = re.compile(r"^Subject: \[PATCH (\d+)/(\d+)\] "
                     r"([a-z0-9_/.-]+(?:, ?[a-z0-9_/.-]+)*): \S", re.M)
SENDER = ("A U Thor", "author@example.com")
# The sender's identity from the environment alone, whatever git config
# the machine has.
SENDER_ENV = dict(ENV, GIT_AUTHOR_NAME=SENDER[0], GIT_AUTHOR_EMAIL=SENDER[1],
                  GIT_COMMITTER_NAME=SENDER[0], GIT_COMMITTER_EMAIL=SENDER[1],
                  GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")


def export(linux, *more):
    """The folder examples/linux/series wrote the series into (removed at exit)."""
    out = tempfile.mkdtemp(prefix="earlyinit-series-")
    r = subprocess.run([SERIES, "--linux", linux, out] + list(more), env=SENDER_ENV,
                       capture_output=True, text=True)
    if r.returncode != 0:
        shutil.rmtree(out)
        raise AssertionError("examples/linux/series --linux %s failed (%d):\n%s"
                             % (linux, r.returncode, r.stderr))
    return out


def patches_in(folder):
    return [os.path.join(folder, f) for f in sorted(os.listdir(folder))
            if f.endswith(".patch") and not f.startswith("0000-")]


def repository_patches(linux):
    d = os.path.join(LINUX, "patches", linux)
    return [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".patch")]


def is_vendor(patch):
    return VENDOR_MARK in os.path.basename(patch)


def read(path):
    with open(path) as f:
        return f.read()


def diff_counts(text):
    """(files, added, removed) of a patch's diff: lines between its hunks' headers."""
    files = len(re.findall(r"^diff --git ", text, re.M))
    body = text[text.index("\ndiff --git "):]
    body = body[:body.rindex("\n-- \n")] if "\n-- \n" in body else body
    added = removed = 0
    for line in body.splitlines():
        if line.startswith(("+++ ", "--- ")):
            continue
        added += line.startswith("+")
        removed += line.startswith("-")
    return files, added, removed


def checkpatch_source(linux):
    base = os.environ.get("EARLYINIT_LINUX_SOURCE")
    if base:
        return os.path.join(base, "linux-source-" + linux)
    return os.path.realpath(os.path.join(build(linux, "kasan"), "..", "src"))


def checkpatch(linux, patch):
    """Counter of (severity, type) that the version's checkpatch.pl finds in patch."""
    script = os.path.join(checkpatch_source(linux), "scripts", "checkpatch.pl")
    # --no-tree with the patch on stdin, from a folder outside any git
    # checkout (inside one, checkpatch takes a .patch path for a tree
    # file); Debian's python3 for its helpers, whatever comes first in PATH.
    with open(patch) as f, tempfile.TemporaryDirectory() as cwd:
        r = subprocess.run(["perl", script, "--no-tree", "--show-types", "--terse",
                            "--no-summary", "-"], stdin=f, cwd=cwd, capture_output=True,
                           text=True, env=dict(os.environ, PATH="/usr/bin:/bin"))
    # checkpatch exits 1 when it finds anything; the findings are the verdict.
    assert r.returncode in (0, 1), r.stderr
    return collections.Counter(FINDING.findall(r.stdout))


def documented():
    """{(version, patch, severity, type): (count, reason)} from docs/linux.md."""
    text = read(DOCS)
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

    @classmethod
    def setUpClass(cls):
        cls.unsigned = export(cls.LINUX)
        cls.signed = export(cls.LINUX, "--signoff")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.unsigned)
        shutil.rmtree(cls.signed)

    def test_patches_are_format_patch_from_the_sender_with_subject_and_reasons(self):
        patches = patches_in(self.unsigned)
        self.assertGreater(len(patches), 1)
        for i, patch in enumerate(patches, 1):
            name = os.path.basename(patch)
            self.assertTrue(name.startswith("%04d-" % i), name)
            text = read(patch)
            self.assertRegex(text.splitlines()[0], r"^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$",
                             name)
            self.assertIn("\nFrom: %s <%s>\n" % SENDER, text, name)
            self.assertRegex(text, r"\nDate: \w{3}, ", name)
            m = SUBJECT.search(text)
            self.assertTrue(m, "%s: no kernel-style Subject: [PATCH N/M] area: ..." % name)
            self.assertEqual((int(m.group(1)), int(m.group(2))), (i, len(patches)), name)
            head, _, _ = text.partition("\n---\n")
            body = head.split("\n\n", 1)[1] if "\n\n" in head else ""
            self.assertGreaterEqual(len([l for l in body.splitlines() if l.strip()]), 3,
                                    "%s: the body must say why" % name)
            self.assertNotIn("Signed-off-by:", head, "%s: exported unsigned" % name)

    def test_signoff_is_the_senders_once_at_the_end(self):
        for patch in patches_in(self.signed):
            head = read(patch).partition("\n---\n")[0]
            self.assertEqual(re.findall(r"^Signed-off-by: .*$", head, re.M),
                             ["Signed-off-by: %s <%s>" % SENDER], patch)
            self.assertTrue(head.endswith("\nSigned-off-by: %s <%s>" % SENDER), patch)

    def test_repository_patches_name_nobody_and_leave_the_librarys_number(self):
        patches = repository_patches(self.LINUX)
        numbers = [int(os.path.basename(p)[:4]) for p in patches]
        self.assertEqual(len(set(range(1, len(patches) + 2)) - set(numbers)), 1, numbers)
        for patch in patches:
            self.assertFalse(is_vendor(patch), "%s: the library's patch is generated" % patch)
            head = read(patch).partition("\n---\n")[0]
            for header in ("From: ", "Date: ", "Signed-off-by: "):
                self.assertNotRegex(head, "(?m)^" + header, patch)

    def test_fixes_come_first_then_the_library_then_the_framework(self):
        names = [os.path.basename(p) for p in patches_in(self.unsigned)]
        vendors = [i for i, n in enumerate(names) if VENDOR_MARK in n]
        self.assertEqual(len(vendors), 1, names)
        fixes = names[:vendors[0]]
        self.assertTrue(fixes, "no fix stands before the library")
        self.assertTrue(names[vendors[0] + 1:], "no framework after the library")
        for n in fixes:
            added = [l for l in read(os.path.join(self.unsigned, n)).splitlines()
                     if l.startswith("+")]
            self.assertFalse([l for l in added if "earlyinit" in l.lower()],
                             "%s is a fix: it must not need earlyinit" % n)

    def test_library_patch_is_the_library(self):
        (vendor,) = [p for p in patches_in(self.unsigned) if is_vendor(p)]
        r = run([os.path.join(LINUX, "vendor"), "--check", vendor])
        self.assertEqual(r.returncode, 0, r.stderr)
        # What examples/linux/build applies is the same diff.
        r = run([os.path.join(LINUX, "vendor"), "--diff"])
        self.assertEqual(r.returncode, 0, r.stderr)
        text = read(vendor)
        diff = text[text.index("diff --git "):text.rindex("\n-- \n") + 1]
        self.assertEqual(r.stdout, diff)

    def test_drifted_library_patch_is_refused(self):
        (vendor,) = [p for p in patches_in(self.unsigned) if is_vendor(p)]
        text = read(vendor)
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

    def test_cover_letter_sizes_every_patch(self):
        patches = patches_in(self.unsigned)
        cover = read(os.path.join(self.unsigned, "0000-cover-letter.patch"))
        self.assertIn("\nSubject: [PATCH 0/%d] " % len(patches), cover)
        self.assertIn("\nFrom: %s <%s>\n" % SENDER, cover)
        self.assertIn("hardware_subarch 0", cover)  # the 2016 review, answered
        total = [0, 0, 0]
        for i, patch in enumerate(patches, 1):
            files, added, removed = diff_counts(read(patch))
            total = [total[0] + files, total[1] + added, total[2] + removed]
            subject = re.sub(r"\n ", " ", re.search(r"^Subject: \[[^\]]*\] (.*(?:\n .*)*)",
                                                     read(patch), re.M).group(1))
            self.assertRegex(cover, r"(?m)^  %d/%d +\+%d +-%d +%d files? +%s$"
                             % (i, len(patches), added, removed, files, re.escape(subject)))
        self.assertRegex(cover, r"(?m)^  all +\+%d +-%d +%d files +the whole series$"
                         % (total[1], total[2], total[0]))

    def test_checkpatch_finds_exactly_what_docs_list(self):
        docs = {k: v for k, v in documented().items() if k[0] == self.LINUX}
        got = {}
        for patch in patches_in(self.signed):
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


class SeriesScriptTests(unittest.TestCase):
    """examples/linux/series refuses, in its own words."""

    def refused(self, args, message, status=2, env=SENDER_ENV):
        r = subprocess.run([SERIES] + args, env=env, capture_output=True, text=True)
        self.assertEqual(r.returncode, status, r.stderr)
        self.assertIn(message, r.stderr)
        if status == 2:
            self.assertIn("usage: examples/linux/series --linux VERSION OUTDIR", r.stderr)
        return r

    def test_refuses_missing_arguments(self):
        self.refused([], "which version?")
        self.refused(["--linux"], "--linux wants a version")
        self.refused(["--linux", VERSIONS[0][0]], "no OUTDIR")

    def test_refuses_an_unknown_version_and_option(self):
        out = os.path.join(tempfile.mkdtemp(prefix="earlyinit-series-"), "out")
        self.addCleanup(shutil.rmtree, os.path.dirname(out))
        self.refused(["--linux", "5.4", out], "no Linux version '5.4' (known: ")
        self.refused(["--linux", VERSIONS[0][0], out, "--sign"], "unknown option --sign")
        self.refused(["--linux", VERSIONS[0][0], out, "again"], "one OUTDIR only")
        self.assertFalse(os.path.exists(out))

    def test_refuses_a_folder_that_is_not_empty(self):
        out = tempfile.mkdtemp(prefix="earlyinit-series-")
        self.addCleanup(shutil.rmtree, out)
        with open(os.path.join(out, "mine"), "w") as f:
            f.write("keep\n")
        self.refused(["--linux", VERSIONS[0][0], out], "is not an empty folder")
        self.assertEqual(os.listdir(out), ["mine"])

    def test_refuses_without_a_sender_identity(self):
        out = os.path.join(tempfile.mkdtemp(prefix="earlyinit-series-"), "out")
        self.addCleanup(shutil.rmtree, os.path.dirname(out))
        env = {k: v for k, v in SENDER_ENV.items()
               if not k.startswith(("GIT_AUTHOR_", "GIT_COMMITTER_")) and k != "EMAIL"}
        env["HOME"] = os.path.dirname(out)
        self.refused(["--linux", VERSIONS[0][0], out], "no sender identity", status=1, env=env)
        self.assertFalse(os.path.exists(out))


def version_classes():
    out = {}
    for linux, _ in VERSIONS:
        name = "Series_%s" % linux.replace(".", "_")
        out[name] = type(name, (SeriesTests, unittest.TestCase), {"LINUX": linux})
    return out


globals().update(version_classes())


if __name__ == "__main__":
    sys.exit(linux_test.main(sys.modules[__name__]))
