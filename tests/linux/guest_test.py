#!/usr/bin/env python3
"""Xen guests started by the real toolstack (examples/linux/guest).

Run by tests/linux:guest_test (a local Bazel test) or directly:
    python3 tests/linux/guest_test.py [Class[.test_name]...]

One Xen boot under QEMU per class: our patched KASAN kernel is dom0 (its
backends run under KASAN), Debian's pinned toolstack starts the guests with
`xl`, and each guest does real I/O through blkback and netback, is
ballooned, loses and regains a vCPU, is saved and restored (GuestPv,
GuestPvh). Seed boots the same guest kernel without the series, and with
its fixes alone, as PV domUs: the crash the project comes from, with Xen's
own account of it, and the fixes doing I/O. Each class's whole log is left
in $TEST_UNDECLARED_OUTPUTS_DIR (or /tmp) as earlyinit-guest-<class>.log.
"""
import importlib.machinery
import importlib.util
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))
import linux_test as lt  # noqa: E402  (the kernel cache, the audit tool, helpers)

GUEST = os.path.join(lt.LINUX, "guest")
_loader = importlib.machinery.SourceFileLoader("verdict", os.path.join(GUEST, "verdict"))
verdict = importlib.util.module_from_spec(importlib.util.spec_from_loader("verdict", _loader))
_loader.exec_module(verdict)

LINUX, VARIANTS = lt.VERSIONS[0]
SCENARIO_CHECKS = ["boot", "disk-guest", "disk-dom0", "net-from-guest", "net-to-guest",
                   "balloon-down", "balloon-up", "vcpu-remove", "vcpu-add", "save", "restore"]
SUBARCH = {"pv": "xen_pv", "pvh": "xen_pvh"}
INJECTED = "earlyinit: earlyinit.inject_fatal is on the command line"
CHECK = re.compile(r"^earlyinit-guest: (\S+) (\S+) (ok|FAILED)\b ?(.*)$", re.M)


class GuestRun(unittest.TestCase):
    """One examples/linux/guest/run, shared by the tests of a class."""
    GUESTS = ()
    ARGS = ()
    result = None

    @classmethod
    def setUpClass(cls):
        if cls.result is None:
            cmd = [os.path.join(GUEST, "run"), "--linux", LINUX] + list(cls.ARGS)
            for g in cls.GUESTS:
                cmd += ["--guest", g]
            r = lt.run(cmd)
            # The whole log, for the timings and a failure's detail.
            out = os.environ.get("TEST_UNDECLARED_OUTPUTS_DIR", "/tmp")
            with open(os.path.join(out, "earlyinit-guest-%s.log" % cls.__name__), "w") as f:
                f.write(r.stdout + r.stderr)
            names = [verdict_name(g, cls) for g in cls.GUESTS]
            cls.result = (r.returncode, r.stdout, r.stderr,
                          verdict.split(r.stdout.splitlines(), names))

    def streams(self):
        return self.result[3]

    def checks(self, name):
        """{check: (status, detail)} dom0 reported for guest NAME."""
        return {m.group(2): (m.group(3), m.group(4)) for m in CHECK.finditer(self.result[1])
                if m.group(1) == name}

    def explain(self):
        return "exit %d\n%s\n--- last lines ---\n%s" % (
            self.result[0], self.result[2], "\n".join(self.result[1].splitlines()[-60:]))


def verdict_name(spec, cls):
    """The xl name guest/run gives a --guest spec."""
    parts = spec.split(":")
    if parts[2:] == ["fatal"]:
        return "%s-fatal" % parts[0]
    if len(parts) > 1 and parts[1]:
        return "%s-%s" % (parts[0], os.path.basename(parts[1].rstrip("/")))
    return "%s-domu" % parts[0]


class GuestChecks:
    """What every guest of the series' kernel must show: its checks passed,
    its trace equal to the audit tool's chain, KASAN and KUnit's suite in its
    console; no stray KASAN report in any log; dom0 the series' own kernel."""
    GUEST_TYPES = ()

    def test_run_passes(self):
        self.assertEqual(self.result[0], 0, self.explain())

    def test_every_scenario_passes(self):
        for t in self.GUEST_TYPES:
            name = "%s-domu" % t
            got = self.checks(name)
            for check in SCENARIO_CHECKS:
                self.assertIn(check, got, "%s: no %s check\n%s" % (name, check, self.explain()))
                self.assertEqual(got[check][0], "ok", "%s %s: %s" % (name, check, got[check][1]))

    def test_trace_equals_audit_list(self):
        for t in self.GUEST_TYPES:
            name, subarch = "%s-domu" % t, SUBARCH[t]
            got = lt.traced("\n".join(self.streams()[name]))
            self.assertTrue(got, "no earlyinit trace in %s's console" % name)
            self.assertTrue(all(x[0] == subarch and x[3] == "ok" for x in got), got)
            want = lt.chain(lt.build(LINUX, "kasan") + "/vmlinux", subarch)
            self.assertEqual([(p, s, a) for _, p, s, _, a in got], want, name)

    def test_kasan_and_kunit_in_each_guest(self):
        for t in self.GUEST_TYPES:
            lt.kasan_ok(self, "\n".join(self.streams()["%s-domu" % t]))

    def test_dom0_is_the_series_kasan_kernel(self):
        dom0 = "\n".join(self.streams()["dom0"])
        self.assertIn("KernelAddressSanitizer initialized", dom0)
        self.assertTrue(any(t[0] == "xen_pv" for t in lt.traced(dom0)), "no xen_pv trace in dom0")
        self.assertIn("earlyinit-guest: toolstack up", dom0)

    def test_no_kasan_report_outside_kunit(self):
        for who in ("dom0",) + tuple("%s-domu" % t for t in self.GUEST_TYPES):
            self.assertEqual(verdict.stray_kasan_reports(self.streams()[who]), [], who)

    def test_injected_fatal_stops_the_guest_on_its_console(self):
        # A guest of the same kernel with earlyinit.inject_fatal: the fatal
        # hook's message reaches its console ring (a release Xen drops a
        # domU's console_io) and Xen holds the domain crashed.
        for t in self.GUEST_TYPES:
            name = "%s-fatal" % t
            got = self.checks(name)
            self.assertEqual(got.get("fatal", ("missing", ""))[0], "ok", "%s: %s" % (name, self.explain()))
            console = self.streams()[name]
            # verdict reads reports with the audit tool that guest/run names.
            os.environ.setdefault("EARLYINIT_AUDIT", lt.kernel_env.audit_tool())
            self.assertEqual(verdict.fatal_reports(console), [INJECTED], name)
            self.assertIn(INJECTED, "\n".join(console), name)
            self.assertNotIn("/init reached", "\n".join(console), name)


class GuestPv(GuestChecks, GuestRun):
    """The seed's case: a KASAN PV domU of the series' kernel, under a PV
    dom0 of it, through every scenario (in tools/test)."""
    GUEST_TYPES = ("pv",)
    GUESTS = ("pv", "pv::fatal")
    ARGS = ("--variant", "kasan")


class GuestPvh(GuestChecks, GuestRun):
    """A KASAN PVH domU of the series' kernel, through every scenario, with
    maxmem equal to memory: above it, a PVH guest's memory is
    populate-on-demand, which the balloon driver hands back at boot, and
    under TCG that took 212 s without KASAN and 531 s to over 20 minutes
    with it before /init (docs/linux.md, "Guests")."""
    GUEST_TYPES = ("pvh",)
    GUESTS = ("pvh", "pvh::fatal")
    ARGS = ("--variant", "kasan", "--xl", "maxmem=256")


class Seed(GuestRun):
    """The same guest kernel without the series, and with its fixes alone,
    as PV domUs: the crash the project comes from, with Xen's account of
    it, and the fixes booting and doing I/O."""
    ARGS = ("--variant", "kasan")

    @classmethod
    def setUpClass(cls):
        tree = os.path.dirname(lt.build(LINUX, "kasan"))
        cls.GUESTS = ("pv:%s/unmodified:boot" % tree, "pv:%s/fixes:io" % tree)
        super().setUpClass()

    def test_unmodified_pv_domu_dies_before_its_console(self):
        got = self.checks("pv-unmodified")
        self.assertEqual(got.get("boot", ("missing",))[0], "FAILED", self.explain())
        self.assertIn("died before its /init", got["boot"][1])
        self.assertNotIn("/init reached", "\n".join(self.streams()["pv-unmodified"]))

    def test_the_death_is_explained(self):
        out = self.result[1]
        start = out.index("earlyinit-guest: pv-unmodified: xl create")
        end = out.index("earlyinit-guest: pv-unmodified: finished")
        self.assertIn("xl dmesg", out[start:end], self.explain())

    def test_fixes_alone_boot_a_kasan_pv_domu_with_io(self):
        got = self.checks("pv-fixes")
        for check in ("boot", "disk-guest", "disk-dom0", "net-from-guest", "net-to-guest"):
            self.assertEqual(got.get(check, ("missing", ""))[0], "ok", "%s: %s" % (check, self.explain()))
        lt.kasan_ok(self, "\n".join(self.streams()["pv-fixes"]))


class GuestScripts(unittest.TestCase):
    """guest/run's refusals and its verdict on logs, without booting."""

    def refused(self, args, message):
        r = lt.run([os.path.join(GUEST, "run")] + args)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(message, r.stderr)

    def test_unknown_guest_type_is_refused(self):
        self.refused(["--guest", "hvm", "--kernel", "/nonexistent"],
                     "a guest's type is pv or pvh, not 'hvm'")

    def test_unknown_scenario_is_refused(self):
        self.refused(["--guest", "pv::io,dance", "--kernel", "/nonexistent"],
                     "no scenario 'dance' (io, balloon, vcpu, save, boot, fatal)")

    def test_unknown_linux_version_is_refused(self):
        self.refused(["--linux", "9.9"], "no Linux version '9.9'")

    def test_timeouts_are_numbers(self):
        self.refused(["--boot-timeout", "soon"], "a timeout is a number of seconds, not 'soon'")

    def test_xl_line_without_value_is_refused(self):
        self.refused(["--xl", "maxmem"], "--xl takes KEY=VALUE, not 'maxmem'")

    def test_dom0_type_is_checked(self):
        self.refused(["--dom0", "hvm"], "--dom0 is pv or pvh, not 'hvm'")

    def test_boot_passes_guest_entries_on(self):
        r = lt.run([os.path.join(lt.LINUX, "boot"), "xen-pvh-domu", "--dom0", "hvm"])
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("--dom0 is pv or pvh, not 'hvm'", r.stderr)

    LOG = """(XEN) Xen version 4.17
earlyinit: xen_pv early clear_bss ok cycles=1 fn=0x1
earlyinit-guest: toolstack up (4.17.7, dom0 6.1.192)
pv-domu| earlyinit: xen_pv early clear_bss ok cycles=1 fn=0x1
pv-domu| # Subtest: kasan
pv-domu| BUG: KASAN: slab-out-of-bounds in kmalloc_oob_right
pv-domu| # kasan: pass:41 fail:0 skip:14 total:55
earlyinit-guest: pv-domu boot ok
earlyinit-guest: pv-domu disk-guest ok md5 x
earlyinit-guest: done passed=2 failed=0
"""

    def verdict_of(self, log, status=0, names=("pv-domu",)):
        path = os.path.join(os.environ.get("TEST_TMPDIR", "/tmp"), "guest-verdict.log")
        with open(path, "w") as f:
            f.write(log)
        r = lt.run([os.path.join(GUEST, "verdict"), path, str(status)] + list(names))
        return r.returncode, r.stderr

    def test_a_passing_log(self):
        rc, err = self.verdict_of(self.LOG)
        self.assertEqual(rc, 0, err)
        self.assertIn("pv-domu: boot ok disk-guest ok; KASAN not initialized; "
                      "# kasan: pass:41 fail:0 skip:14 total:55", err)

    def test_kasan_report_outside_the_suite_fails(self):
        rc, err = self.verdict_of(self.LOG + "pv-domu| BUG: KASAN: use-after-free in xenvif_rx\n")
        self.assertEqual(rc, 1, err)
        self.assertIn("pv-domu: KASAN report outside KUnit: BUG: KASAN: use-after-free", err)

    def test_early_hypercall_lines_belong_to_the_guest_created_last(self):
        names = ["pv-domu", "pvh-domu"]
        streams = verdict.split([
            "earlyinit-guest: pv-domu: xl create (pv)", "(d1) early one",
            "earlyinit-guest: pvh-domu: xl create (pvh)", "(d2) kasan: KernelAddressSanitizer initialized",
            "(XEN) d2v0: upcall vector f3", "pvh-domu| console line"], names)
        self.assertEqual(streams["pv-domu"], ["early one"])
        self.assertEqual(streams["pvh-domu"],
                         ["kasan: KernelAddressSanitizer initialized", "console line"])
        self.assertEqual(len(streams["xen"]), 3)

    def test_a_failed_check_fails(self):
        rc, err = self.verdict_of(self.LOG.replace("disk-guest ok md5 x", "disk-guest FAILED wrote a read b"))
        self.assertEqual(rc, 1, err)
        self.assertIn("pv-domu: disk-guest FAILED wrote a read b", err)

    def test_a_guest_that_never_booted_fails(self):
        rc, err = self.verdict_of(self.LOG.replace("earlyinit-guest: pv-domu boot ok\n", ""))
        self.assertEqual(rc, 1, err)

    def test_the_fatal_hook_is_exit_5(self):
        rc, err = self.verdict_of(self.LOG + "pv-domu| earlyinit: unknown magic 0x0\n")
        self.assertEqual(rc, 5, err)
        self.assertIn("pv-domu: stopped by earlyinit: earlyinit: unknown magic", err)

    def test_an_injected_fatal_guest_passes_by_stopping(self):
        log = self.LOG.replace("earlyinit-guest: done", (
            "earlyinit-guest: pv-fatal: xl create (pv)\n"
            "pv-fatal| earlyinit: earlyinit.inject_fatal is on the command line\n"
            "earlyinit-guest: pv-fatal fatal ok\n"
            "earlyinit-guest: done"))
        rc, err = self.verdict_of(log, names=("pv-domu", "pv-fatal"))
        self.assertEqual(rc, 0, err)
        self.assertIn("pv-fatal: fatal ok", err)

    def test_an_injected_fatal_guest_that_did_not_stop_fails(self):
        log = self.LOG.replace("earlyinit-guest: done", (
            "earlyinit-guest: pv-fatal fatal FAILED still running after 420 s\n"
            "earlyinit-guest: done"))
        rc, err = self.verdict_of(log, names=("pv-domu", "pv-fatal"))
        self.assertEqual(rc, 1, err)
        self.assertIn("pv-fatal: fatal FAILED still running", err)

    def test_fatal_comes_alone(self):
        self.refused(["--guest", "pv::fatal,io"], "the fatal scenario stops the guest: it comes alone")

    def test_a_timeout_is_exit_3(self):
        rc, err = self.verdict_of(self.LOG.replace("earlyinit-guest: done", "x"), status=124)
        self.assertEqual(rc, 3, err)


if __name__ == "__main__":
    sys.exit(lt.main(sys.modules[__name__]))
