#!/usr/bin/env python3
"""Linux through earlyinit, every version: builds, audit, tables, boots, subarchs, link refusals.

Run by tests/linux:linux_test (a local Bazel test) or directly:
    python3 tests/linux/linux_test.py [Class[.test_name]...]

It drives the real scripts of examples/linux from the real checkout (the
kernel trees are cached outside it, see examples/linux/build), boots each
entry under QEMU, and compares every boot's trace with what
`earlyinit-audit list --format json vmlinux` says that subarch's chain is.
Every version of examples/linux/versions-query gets its own copy of each
test class (Boot_6_1, Boot_6_12, ...), with the variants listed for it;
a test that needs a variant a version does not build is not generated for it.
Writes JUnit XML to $XML_OUTPUT_FILE (one case per test) when set.
"""
import os
import re
import shutil
import sys
import tempfile
import time
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "support"))
import kernel_env  # noqa: E402  (the checkout, cache, env, tool, versions, builds, traces)
from kernel_env import ENV, LINUX, PROJECT, build, run, traced  # noqa: E402,F401

PARITY = ("earlyinit__step_{step}__on_subarch_{subarch}"
          "__needs_exactly_one_implementation_or_exemption")
ENTRIES = ("native", "pvh", "xen-pvh", "xen-pv")
BOOT_SUBARCH = {"native": "pc", "pvh": "xen_pvh", "xen-pvh": "xen_pvh", "xen-pv": "xen_pv"}
KUNIT_KASAN = re.compile(r"# kasan: pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)")
SUBARCH_WARNING = ("earlyinit: warning: hardware_subarch {} is unknown or not built "
                   "into this kernel, booting as PC")

VERSIONS = kernel_env.versions()


def needs(*variants):
    """Marks a test that needs these variants built for its version."""
    def mark(fn):
        fn.needs = variants
        return fn
    return mark


class LinuxCase(unittest.TestCase):
    """One version's tests: LINUX and VARIANTS are set per generated class."""
    LINUX = None
    VARIANTS = ()

    def build(self, variant):
        return build(self.LINUX, variant)

    def vmlinux(self, variant):
        return os.path.join(self.build(variant), "vmlinux")

    @property
    def plain(self):
        """The variant without KASAN if this version builds it, else its first."""
        return "xen" if "xen" in self.VARIANTS else self.VARIANTS[0]

    def boot_cmd(self, entry, variant, *more):
        return [os.path.join(LINUX, "boot"), entry, "--linux", self.LINUX,
                "--variant", variant] + list(more)


def chain(vmlinux, subarch):
    """[(phase, step, address)] of one subarch's chain, from the audit tool."""
    return [(e["phase"], e["step"], int(e["address"], 16))
            for e in kernel_env.chain(vmlinux, subarch)]


# boot_params.hdr.hardware_subarch (0x23c) and _data (0x240): the setup
# header sits at the same offsets in bzImage (Documentation/x86/boot.rst).
HARDWARE_SUBARCH = 0x23c


def symbols(vmlinux):
    """{name: address} of vmlinux's symbols."""
    r = run(["nm", vmlinux])
    assert r.returncode == 0, r.stderr
    out = {}
    for line in r.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3:
            out[parts[2]] = int(parts[0], 16)
    return out


def symbol_at(vmlinux, address):
    """The name of the function at address."""
    r = run(["addr2line", "-f", "-e", vmlinux, "%#x" % address])
    return r.stdout.splitlines()[0]


def calls_of(vmlinux, address):
    """Names of the functions the function at address calls or jumps to."""
    r = run(["objdump", "-d", "--no-show-raw-insn", "--start-address=%#x" % address,
             "--stop-address=%#x" % (address + 64), vmlinux])
    return re.findall(r"(?:call|jmp)\s+[0-9a-f]+ <([^>+]+)", r.stdout)


def exemptions(vmlinux):
    """{(step, subarch): reason} from the audit tool's matrix."""
    _, doc = kernel_env.verdict(kernel_env.audit("matrix", vmlinux))
    out = {}
    for row in doc["steps"]:
        for cell in row["cells"]:
            if cell["status"] == "exempt":
                out[(row["step"], cell["subarch"])] = cell["exemptions"][0]["reason"]
    return out


class BuildTests:
    @needs("xen")
    def test_xen_variant_has_vmlinux_and_bzimage(self):
        self.has_both("xen")

    @needs("kasan")
    def test_kasan_variant_has_vmlinux_and_bzimage(self):
        self.has_both("kasan")

    def has_both(self, variant):
        out = self.build(variant)
        for f in ("vmlinux", "bzImage"):
            self.assertTrue(os.path.getsize(os.path.join(out, f)) > 0, f)

    def test_second_run_builds_nothing(self):
        out = self.build(self.plain)
        before = os.stat(os.path.join(out, "vmlinux")).st_mtime_ns
        r = run([os.path.join(LINUX, "build"), "--linux", self.LINUX, self.plain])
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("up to date", r.stderr)
        self.assertEqual(r.stdout.strip().splitlines()[-1], out)
        self.assertEqual(os.stat(os.path.join(out, "vmlinux")).st_mtime_ns, before)


class SeriesBuildTests:
    """The series as examples/linux/build applied it (kasan: one patch at a time)."""

    def patches(self):
        d = os.path.join(LINUX, "patches", self.LINUX)
        return sorted(f for f in os.listdir(d) if f.endswith(".patch"))

    @needs("kasan")
    def test_every_prefix_of_the_series_built(self):
        tree = os.path.dirname(self.build("kasan"))
        # The empty prefix too: Linux without the series, kept for audits.
        self.assertTrue(os.path.isfile(os.path.join(tree, "build-0000-unmodified.log")))
        self.assertTrue(os.path.isfile(os.path.join(tree, "unmodified", "vmlinux")))
        for patch in self.patches():
            log = os.path.join(tree, "build-%s.log" % patch[:-len(".patch")])
            self.assertTrue(os.path.isfile(log), "no build after %s" % patch)

    def test_tree_is_self_contained(self):
        # Nothing from outside the tree: no host include folder, no
        # checkout of the library, in any command that compiled earlyinit.
        tree = os.path.join(os.path.dirname(self.build(self.plain)), "build")
        for obj in ("arch/x86/kernel/.earlyinit.o.cmd", "arch/x86/kernel/.head64.o.cmd"):
            with open(os.path.join(tree, obj)) as f:
                cmd = f.read()
            for bad in ("/usr/include", PROJECT + "/include", "EARLYINIT_DIR"):
                self.assertNotIn(bad, cmd, obj)
            self.assertIn("include/earlyinit/", cmd, obj)  # the vendored copy
        for patch in self.patches():
            with open(os.path.join(LINUX, "patches", self.LINUX, patch)) as f:
                text = f.read()
            self.assertNotIn("EARLYINIT_DIR", text, patch)
            self.assertNotIn("-isystem", text, patch)

    @needs("kasan")
    def fixes_boot(self, entry):
        # The fixes alone, without earlyinit: KASAN works on this entry.
        fixes = os.path.join(os.path.dirname(self.build("kasan")), "fixes")
        self.assertTrue(os.path.isfile(os.path.join(fixes, "bzImage")), fixes)
        r = run(self.boot_cmd(entry, "kasan", "--kernel", fixes))
        log = r.stdout
        self.assertEqual(r.returncode, 0, "boot failed: %s\n%s" % (r.stderr, log[-4000:]))
        self.assertNotIn("earlyinit:", log)
        kasan_ok(self, log)

    @needs("kasan")
    def test_fixes_alone_boot_native(self):
        self.fixes_boot("native")

    @needs("kasan")
    def test_fixes_alone_boot_pvh(self):
        self.fixes_boot("pvh")

    @needs("kasan")
    def test_fixes_alone_boot_xen_pvh(self):
        self.fixes_boot("xen-pvh")

    @needs("kasan")
    def test_fixes_alone_boot_xen_pv(self):
        self.fixes_boot("xen-pv")


def kasan_ok(test, log):
    """KASAN initialized and KUnit's KASAN suite passed in this boot log."""
    test.assertIn("KernelAddressSanitizer initialized", log)
    m = KUNIT_KASAN.search(log)
    test.assertTrue(m, "no KUnit kasan summary")
    passed, failed, skipped, total = map(int, m.groups())
    test.assertEqual(failed, 0, m.group(0))
    test.assertGreater(passed, 0, m.group(0))
    test.assertEqual(passed + skipped, total, m.group(0))


class AuditTests:
    def check_clean(self, variant):
        r = run([kernel_env.audit_tool(), "check", self.vmlinux(variant)])
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    @needs("xen")
    def test_check_is_clean_xen(self):
        self.check_clean("xen")

    @needs("kasan")
    def test_check_is_clean_kasan(self):
        self.check_clean("kasan")

    @needs("xen")
    def test_cr4_and_kasan_on_every_path_or_reasoned(self):
        vmlinux = self.vmlinux("xen")
        ex = exemptions(vmlinux)
        for subarch in ("pc", "xen_pv", "xen_pvh"):
            steps = [s for _, s, _ in chain(vmlinux, subarch)]
            self.assertIn("cr4_shadow", steps, subarch)
            if subarch == "xen_pv":
                self.assertNotIn("kasan_early", steps)
                self.assertIn("CONFIG_KASAN is off", ex[("kasan_early", "xen_pv")])
            else:
                self.assertIn("kasan_early", steps, subarch)

    @needs("kasan")
    def test_kasan_early_on_every_path_of_the_kasan_variant(self):
        # Xen PV maps KASAN's early shadow too (arch/x86/xen/kasan_pv.c),
        # before its first instrumented step.
        vmlinux = self.vmlinux("kasan")
        for subarch in ("pc", "xen_pv", "xen_pvh"):
            steps = [s for _, s, _ in chain(vmlinux, subarch)]
            self.assertIn("kasan_early", steps, subarch)
            self.assertIn("cr4_shadow", steps, subarch)
        steps = [s for _, s, _ in chain(vmlinux, "xen_pv")]
        self.assertLess(steps.index("kasan_early"), steps.index("xen_pv_start"))
        self.assertEqual(symbol_at(vmlinux, dict((s, a) for _, s, a in
                                                 chain(vmlinux, "xen_pv"))["kasan_early"]),
                         "xen_kasan_early")

    def test_formerly_empty_steps_have_code(self):
        # Under tinyconfig sme_early and load_ucode compiled to a bare
        # return; with AMD_MEM_ENCRYPT and MICROCODE they call Linux's code
        # (6.12's kasan variant has AMD_MEM_ENCRYPT off: sme_early stays bare).
        for variant in self.VARIANTS:
            vmlinux = self.vmlinux(variant)
            fns = dict((s, a) for _, s, a in chain(vmlinux, "pc"))
            with open(os.path.join(self.build(variant), "..", "build", ".config")) as f:
                sme = "CONFIG_AMD_MEM_ENCRYPT=y" in f.read().splitlines()
            pairs = [("load_ucode", "load_ucode_bsp")] + ([("sme_early", "sme_early_init")] if sme else [])
            for step, callee in pairs:
                self.assertIn(callee, calls_of(vmlinux, fns[step]), (variant, step))


class KconfigTests:
    """What still cannot work on Xen PV is refused when configuring."""

    def olddefconfig(self, lines):
        src = os.path.realpath(os.path.join(self.build("kasan"), "..", "src"))
        tree = os.path.realpath(os.path.join(self.build("kasan"), "..", "build"))
        tmp = tempfile.mkdtemp(prefix="earlyinit-kconfig-")
        self.addCleanup(shutil.rmtree, tmp)
        with open(os.path.join(tree, ".config")) as f:
            config = f.read()
        with open(os.path.join(tmp, ".config"), "w") as f:
            f.write(config + "\n".join(lines) + "\n")
        r = run(["make", "-s", "-C", src, "O=" + tmp, "olddefconfig"])
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(tmp, ".config")) as f:
            return f.read().splitlines()

    @needs("kasan")
    def test_kasan_vmalloc_refused_with_xen_pv(self):
        got = set(self.olddefconfig(["CONFIG_KASAN_VMALLOC=y"]))
        self.assertTrue({"CONFIG_XEN_PV=y", "CONFIG_PVH=y", "CONFIG_KASAN=y"} <= got)
        # A symbol whose dependencies fail is dropped from .config.
        self.assertNotIn("CONFIG_KASAN_VMALLOC=y", got)

    @needs("kasan")
    def test_kasan_vmalloc_accepted_without_xen_pv(self):
        got = set(self.olddefconfig(["# CONFIG_XEN_PV is not set", "CONFIG_KASAN_VMALLOC=y"]))
        self.assertIn("CONFIG_KASAN_VMALLOC=y", got)


class TablesTests:
    """The chains are init memory: freed after boot, nothing left in .text
    or .rodata (LINKTABLE_INIT_SECTIONS in asm/earlyinit.h)."""

    def test_tables_and_names_in_init_data(self):
        for variant in self.VARIANTS:
            syms = symbols(self.vmlinux(variant))
            start, end = syms["__init_begin"], syms["__init_end"]
            data = dict((n, a) for n, a in syms.items()
                        if n.startswith("linktable_linker_fragment_missing")
                        or n.startswith("earlyinit.step_name.")
                        or re.match(r"(__)?linktable.*(begin|end)", n))
            self.assertTrue(any(n.startswith("earlyinit.step_name.") for n in data),
                            "no step name in vmlinux")
            self.assertTrue(any("begin" in n for n in data), "no linktable symbol in vmlinux")
            for name, addr in data.items():
                self.assertTrue(start <= addr < end,
                                "%s %s at %#x outside [__init_begin %#x, __init_end %#x)"
                                % (variant, name, addr, start, end))
                self.assertFalse(syms["_sinittext"] <= addr < syms["_einittext"], name)

    def test_emitters_in_init_text(self):
        for variant in self.VARIANTS:
            syms = symbols(self.vmlinux(variant))
            emitters = dict((n, a) for n, a in syms.items()
                            if n.startswith(("linktable_emit__", "linktable_define__",
                                             "earlyinit_impl__")))
            self.assertTrue(emitters, "no emitter function in vmlinux")
            for name, addr in emitters.items():
                self.assertTrue(syms["_sinittext"] <= addr < syms["_einittext"],
                                "%s %s at %#x outside [_sinittext, _einittext)"
                                % (variant, name, addr))


class BootTests:
    def boot(self, entry, variant):
        vmlinux = self.vmlinux(variant)
        r = run(self.boot_cmd(entry, variant))
        log = r.stdout
        self.assertEqual(r.returncode, 0, "boot failed: %s\n%s" % (r.stderr, log[-4000:]))
        self.assertIn("earlyinit-linux: /init reached", log)
        subarch = BOOT_SUBARCH[entry]
        # The log as the tool reads it, checked by it against vmlinux: the
        # command any CI can run on a kernel's log.
        doc = kernel_env.trace(log, vmlinux)
        got = kernel_env.steps(doc)
        self.assertTrue(got, "no earlyinit trace line in the log")
        self.assertTrue(all(t[0] == subarch for t in got), got)
        self.assertTrue(all(t[3] == "ok" for t in got), got)
        want = chain(vmlinux, subarch)
        self.assertEqual([(p, s, a) for _, p, s, _, a in got], want)
        self.assertEqual(doc["differences"], [])
        self.assertIn("smp: Brought up 1 node, 2 CPUs", log)
        return [s for _, _, s, _, _ in got], log

    @needs("xen")
    def test_native(self):
        steps, log = self.boot("native", "xen")
        self.assertLess(steps.index("cr4_shadow"), steps.index("flush_tlb_global"))
        self.kaslr_on("xen", log)

    def kaslr_on(self, variant, log):
        # The series no longer prints KASLR's offset (upstream prints it
        # only on panic), and /init has no /proc/kallsyms to read it from.
        # What the offset showed, that the trace's addresses are the linked
        # ones in a kernel KASLR moved, rests on the trace check above
        # (fn= against vmlinux, every boot) and on KASLR being built in and
        # not turned off on the command line.
        with open(os.path.join(self.build(variant), "..", "build", ".config")) as f:
            self.assertIn("CONFIG_RANDOMIZE_BASE=y\n", f.read())
        self.assertNotIn("nokaslr", log)
        self.assertNotIn("KASLR disabled", log)

    @needs("xen")
    def test_pvh(self):
        steps, _ = self.boot("pvh", "xen")
        self.assertLess(steps.index("idt_early"), steps.index("pvh_bootparams"))

    @needs("xen")
    def test_xen_pvh(self):
        # The real hypervisor: Linux's Xen half of the PVH entry runs.
        steps, log = self.boot("xen-pvh", "xen")
        self.assertIn("Booting kernel on Xen PVH", log)
        self.assertLess(steps.index("idt_early"), steps.index("pvh_bootparams"))

    @needs("xen")
    def test_xen_pv(self):
        steps, _ = self.boot("xen-pv", "xen")
        self.assertLess(steps.index("xen_pv_start"), steps.index("cr4_shadow"))
        self.assertNotIn("kasan_early", steps)

    def kasan_boot(self, entry):
        steps, log = self.boot(entry, "kasan")
        kasan_ok(self, log)
        return steps, log

    @needs("kasan")
    def test_kasan_native(self):
        steps, log = self.kasan_boot("native")
        self.assertLess(steps.index("clear_top_pgt"), steps.index("kasan_early"))
        self.assertLess(steps.index("cr4_shadow"), steps.index("flush_tlb_global"))
        self.kaslr_on("kasan", log)

    @needs("kasan")
    def test_kasan_pvh(self):
        # Linux 6.1 unpatched: triple fault in xen_prepare_pvh (instrumented,
        # before kasan_early_init). Here it runs after kasan_early.
        steps, _ = self.kasan_boot("pvh")
        self.assertLess(steps.index("kasan_early"), steps.index("pvh_bootparams"))

    @needs("kasan")
    def test_kasan_xen_pvh(self):
        steps, log = self.kasan_boot("xen-pvh")
        self.assertIn("Booting kernel on Xen PVH", log)
        self.assertLess(steps.index("kasan_early"), steps.index("pvh_bootparams"))

    @needs("kasan")
    def test_kasan_xen_pv(self):
        # Linux 6.1 unpatched: a page fault on the shadow in
        # xen_start_kernel. Here the shadow is mapped before its first step.
        steps, _ = self.kasan_boot("xen-pv")
        self.assertEqual(steps[:3], ["clear_bss", "kasan_early", "xen_pv_start"])
        self.assertLess(steps.index("xen_pv_start"), steps.index("cr4_shadow"))


class SubarchTests:
    """bzImage copies whose setup header names another hardware_subarch."""

    def patched(self, subarch, data=None):
        tmp = tempfile.mkdtemp(prefix="earlyinit-subarch-")
        self.addCleanup(shutil.rmtree, tmp)
        path = os.path.join(tmp, "bzImage")
        shutil.copy(os.path.join(self.build(self.plain), "bzImage"), path)
        with open(path, "r+b") as f:
            f.seek(0x202)
            self.assertEqual(f.read(4), b"HdrS")  # the setup header
            f.seek(HARDWARE_SUBARCH)
            f.write(subarch.to_bytes(4, "little"))
            if data is not None:
                f.write(data.to_bytes(8, "little"))
        return path

    def boot(self, subarch, data=None, timeout=300):
        # KUnit's kasan suite (BootTests runs it) would only cost time here.
        return run(self.boot_cmd("native", self.plain, "--bzimage", self.patched(subarch, data),
                                 "--timeout", str(timeout), "--append", "kunit.filter_glob=no-suite"))

    # Xen's value on the native entry: a crash kernel that kexec-tools loaded
    # in a Xen dom0 carries dom0's hardware_subarch (2) and data 0.
    XEN_WARNING = ("earlyinit: warning: hardware_subarch 2 is Xen's, but Xen did not "
                   "start this kernel, booting as PC")

    def boots_as_pc(self, subarch, data=None, warning=None):
        r = self.boot(subarch, data)
        self.assertEqual(r.returncode, 0, r.stderr + r.stdout[-3000:])
        warning = warning or SUBARCH_WARNING.format(subarch)
        self.assertEqual(r.stdout.count(warning), 1, r.stdout[-3000:])
        self.assertEqual(r.stdout.count("earlyinit: warning:"), 1, r.stdout[-3000:])
        self.assertNotIn("stopped by earlyinit", r.stderr)
        got = traced(r.stdout)
        self.assertTrue(got and all(t[0] == "pc" and t[3] == "ok" for t in got), got)

    def test_ce4100_not_built_boots_as_pc(self):
        self.boots_as_pc(4)

    def test_unknown_value_boots_as_pc(self):
        self.boots_as_pc(0x7fff)

    # The Xen entries still stop on a missing or wrong start-info magic;
    # their stubs always name their own structure, so that cannot be
    # provoked from outside a real boot (tests/earlyinit checks the magic).
    def test_xen_without_subarch_data_boots_as_pc(self):
        self.boots_as_pc(2, 0, self.XEN_WARNING)

    def test_xen_with_unreadable_subarch_data_boots_as_pc(self):
        self.boots_as_pc(2, 0x1000, self.XEN_WARNING)


class FatalTests:
    """earlyinit.inject_fatal (DEBUG_KERNEL) stops a boot in the fatal hook
    once the early chain ran: each entry prints where its early console
    would (the earlyprintk= or earlycon= port natively, Xen's console as a
    dom0; a domU's console ring is guest_test's) and stops as that entry
    must. Booted with KASAN where the version builds it."""
    INJECTED = "earlyinit: earlyinit.inject_fatal is on the command line"

    def stops(self, entry, append):
        variant = "kasan" if "kasan" in self.VARIANTS else self.plain
        r = run(self.boot_cmd(entry, variant, "--append", "earlyinit.inject_fatal " + append))
        self.assertEqual(r.returncode, 5, r.stderr + r.stdout[-3000:])
        self.assertIn("stopped by earlyinit: " + self.INJECTED, r.stderr)
        self.assertEqual(r.stdout.count(self.INJECTED), 1, r.stdout[-3000:])
        self.assertNotIn("Run /init", r.stdout)
        return r.stdout[r.stdout.index(self.INJECTED):]

    def test_native_prints_on_the_earlyprintk_port_and_halts(self):
        after = self.stops("native", "earlyprintk=serial,ttyS0,115200")
        # Had it gone on, setup_arch's early console would replay the log.
        self.assertNotIn("Linux version", after)

    def test_pvh_prints_on_the_earlycon_port_and_halts(self):
        after = self.stops("pvh", "earlycon=uart8250,io,0x3f8,115200")
        self.assertNotIn("Linux version", after)

    def test_xen_pvh_dom0_prints_on_xens_console_and_crashes(self):
        after = self.stops("xen-pvh", "")
        self.assertIn("Hardware Dom0 crashed", after)

    def test_xen_pv_dom0_prints_on_xens_console_and_crashes(self):
        after = self.stops("xen-pv", "")
        self.assertIn("Hardware Dom0 crashed", after)


class RelinkTests:
    """vmlinux relinked from the Kbuild tree's objects, one provider removed."""

    def relink(self, variant, strip=None):
        tree = os.path.realpath(os.path.join(self.build(variant), "..", "build"))
        tmp = tempfile.mkdtemp(prefix="earlyinit-relink-")
        self.addCleanup(shutil.rmtree, tmp)
        # Run in the tree: a thin archive lists its members relative to it.
        members = run(["ar", "t", "vmlinux.a"], cwd=tree).stdout.split()
        self.assertIn(strip[0] if strip else "arch/x86/kernel/head64.o", members)
        objs = []
        for m in members:
            path = os.path.join(tree, m)
            if strip and m == strip[0]:
                copy = os.path.join(tmp, os.path.basename(m))
                shutil.copy(path, copy)
                r = run(["objcopy", "--strip-symbol=" + strip[1], copy])
                self.assertEqual(r.returncode, 0, r.stderr)
                path = copy
            objs.append(path)
        libs = [os.path.join(tree, l) for l in ("lib/lib.a", "arch/x86/lib/lib.a")]
        vmo = os.path.join(tmp, "vmlinux.o")
        r = run(["ld", "-m", "elf_x86_64", "-z", "noexecstack", "-r", "-o", vmo,
                 "--whole-archive"] + objs + ["--no-whole-archive", "--start-group"] +
                [l for l in libs if os.path.exists(l)] + ["--end-group"])
        self.assertEqual(r.returncode, 0, r.stderr)
        src = os.path.realpath(os.path.join(tree, "..", "src"))
        return run(["ld", "-m", "elf_x86_64", "-z", "max-page-size=0x200000",
                    "--no-warn-rwx-segments", "-L", os.path.join(src, "include", "linktable"),
                    "-T", os.path.join(tree, "arch/x86/kernel/vmlinux.lds"),
                    "-o", os.path.join(tmp, "vmlinux"), vmo])

    def test_unchanged_objects_relink(self):
        r = self.relink(self.plain)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_cr4_shadow_removed_from_xen_pv_does_not_link(self):
        # The regression class: xen_start_kernel() without cr4_init_shadow().
        sym = PARITY.format(step="cr4_shadow", subarch="xen_pv")
        r = self.relink(self.plain, ("arch/x86/kernel/head64.o", sym))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("undefined reference to `%s'" % sym, r.stderr)

    @needs("xen")
    def test_kasan_early_without_exemption_on_xen_pv_does_not_link(self):
        # What CONFIG_KASAN with XEN_PV builds: no kasan_early for xen_pv.
        sym = PARITY.format(step="kasan_early", subarch="xen_pv")
        r = self.relink("xen", ("arch/x86/xen/enlighten_pv.o", sym))
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("undefined reference to `%s'" % sym, r.stderr)


PER_VERSION = (BuildTests, SeriesBuildTests, AuditTests, KconfigTests, TablesTests,
               BootTests, SubarchTests, FatalTests, RelinkTests)


def version_classes():
    """{name: class} of each per-version class for each version: Boot_6_1, ..."""
    out = {}
    for linux, variants in VERSIONS:
        for tests in PER_VERSION:
            attrs = {"LINUX": linux, "VARIANTS": tuple(variants)}
            for name in dir(tests):
                need = getattr(getattr(tests, name), "needs", ())
                if name.startswith("test_") and not set(need) <= set(variants):
                    attrs[name] = None  # not generated: the variant is not built
            name = "%s_%s" % (tests.__name__[:-len("Tests")], linux.replace(".", "_"))
            out[name] = type(name, (tests, LinuxCase), attrs)
    return out


globals().update(version_classes())


class Scripts(unittest.TestCase):
    """What the scripts refuse, whatever the version."""

    def test_unknown_variant_is_refused(self):
        r = run([os.path.join(LINUX, "build"), "xne"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("usage: examples/linux/build [--linux %s] [xen|kasan]"
                      % "|".join(v for v, _ in VERSIONS), r.stderr)

    def test_unknown_version_is_refused(self):
        r = run([os.path.join(LINUX, "build"), "--linux", "5.10", "xen"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("examples/linux/build: no Linux version '5.10' (known: %s)"
                      % ", ".join(v for v, _ in VERSIONS), r.stderr)

    def test_unknown_entry_is_refused(self):
        r = run([os.path.join(LINUX, "boot"), "xen-hvm"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("usage: examples/linux/boot native|pvh|xen-pvh|xen-pv", r.stderr)

    def test_boot_refuses_an_unknown_version(self):
        r = run([os.path.join(LINUX, "boot"), "native", "--linux", "5.10"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("examples/linux/boot: no Linux version '5.10' (known: %s)"
                      % ", ".join(v for v, _ in VERSIONS), r.stderr)

    def test_demo_refuses_an_unknown_version(self):
        r = run([os.path.join(LINUX, "demo"), "--version", "5.10"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("tools/demo: no Linux version '5.10' (known: %s)"
                      % ", ".join(v for v, _ in VERSIONS), r.stderr)

    def test_boot_bench_refuses_a_bad_run_count(self):
        r = run([os.path.join(PROJECT, "bench", "linux_boots.sh"), "three"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("linux_boots: RUNS must be a positive number, not 'three'", r.stderr)

    def test_timeout_is_reported(self):
        # No TCG boot of Linux reaches /init within one second.
        linux, variants = VERSIONS[0]
        build(linux, variants[0])
        r = run([os.path.join(LINUX, "boot"), "native", "--variant", variants[0],
                 "--timeout", "1"])
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn("native (%s): no 'earlyinit-linux: /init reached' within 1 s"
                      % variants[0], r.stderr)

    def test_shards_take_every_nth_test(self):
        env = {"TEST_TOTAL_SHARDS": "2", "TEST_SHARD_INDEX": "1",
               "TEST_SHARD_STATUS_FILE": os.path.join(tempfile.mkdtemp(), "status")}
        old = {k: os.environ.get(k) for k in env}
        os.environ.update(env)
        try:
            self.assertEqual(shard(list("abcde")), ["b", "d"])
            self.assertTrue(os.path.exists(env["TEST_SHARD_STATUS_FILE"]))
        finally:
            for k, v in old.items():
                if v is None:
                    os.environ.pop(k)
                else:
                    os.environ[k] = v

    def test_a_fatal_report_is_exit_5(self):
        # A stand-in for QEMU whose "kernel" stops in the fatal hook and
        # hangs: boot reads the report with the audit tool, stops waiting,
        # and names it.
        tmp = tempfile.mkdtemp(prefix="earlyinit-fatal-")
        self.addCleanup(shutil.rmtree, tmp)
        fatal = ("earlyinit: unknown magic 0x0 at hardware_subarch_data 0x9000 "
                 "(neither hvm_start_info nor Xen PV start_info)")
        qemu = os.path.join(tmp, "qemu-system-x86_64")
        with open(qemu, "w") as f:
            f.write("#!/bin/sh\nprintf '[    0.000000] Linux\\r\\n[    0.000000] %s\\r\\n'\n"
                    "exec sleep 120\n" % fatal)
        os.chmod(qemu, 0o755)
        linux, variants = VERSIONS[0]
        build(linux, variants[0])
        r = run([os.path.join(LINUX, "boot"), "native", "--variant", variants[0],
                 "--timeout", "60"], env=dict(ENV, PATH=tmp + ":" + ENV["PATH"]))
        self.assertEqual(r.returncode, 5, r.stderr)
        self.assertIn("native (%s): stopped by earlyinit: %s" % (variants[0], fatal), r.stderr)


class TimedResult(unittest.TextTestResult):
    """Seconds per test, from the end of the one before: a class's shared
    boot (setUpClass) counts in its first test."""
    def startTestRun(self):
        super().startTestRun()
        self.times, self.last = {}, time.monotonic()

    def stopTest(self, test):
        super().stopTest(test)
        now = time.monotonic()
        self.times[test.id()] = now - self.last
        self.last = now


def write_junit(result, tests, path):
    suite = ET.Element("testsuite", name="linux_test", tests=str(len(tests)))
    bad = {t.id(): msg for t, msg in result.failures + result.errors}
    skipped = {t.id() for t, _ in result.skipped}
    for t in tests:
        cls, name = t.id().rsplit(".", 2)[-2:]
        case = ET.SubElement(suite, "testcase", classname=cls, name=name,
                             time="%.1f" % result.times.get(t.id(), 0))
        if t.id() in bad:
            ET.SubElement(case, "failure", message="failed").text = bad[t.id()]
        elif t.id() in skipped:
            ET.SubElement(case, "skipped")
    root = ET.Element("testsuites")
    root.append(suite)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def shard(tests):
    """This shard's tests when Bazel shards the target (shard_count): every
    TEST_TOTAL_SHARDS-th, from TEST_SHARD_INDEX."""
    total = int(os.environ.get("TEST_TOTAL_SHARDS", "1"))
    if total <= 1:
        return tests
    if os.environ.get("TEST_SHARD_STATUS_FILE"):
        open(os.environ["TEST_SHARD_STATUS_FILE"], "w").close()
    return tests[int(os.environ["TEST_SHARD_INDEX"])::total]


def main(module=None):
    """Runs MODULE's tests (default this one's), named on the command line or all."""
    loader = unittest.TestLoader()
    names = sys.argv[1:]  # e.g. Boot.test_pvh Relink
    module = module or sys.modules[__name__]
    suite = (loader.loadTestsFromNames(names, module) if names
             else loader.loadTestsFromModule(module))
    tests = shard(list(iter_tests(suite)))
    result = unittest.TextTestRunner(verbosity=2, resultclass=TimedResult).run(
        unittest.TestSuite(tests))
    slowest = sorted(result.times.items(), key=lambda kv: -kv[1])[:10]
    print("slowest: " + ", ".join("%s %.0f s" % (t.rsplit(".", 2)[-2] + "." + t.rsplit(".", 1)[-1], d)
                                  for t, d in slowest), file=sys.stderr)
    if os.environ.get("XML_OUTPUT_FILE"):
        write_junit(result, tests, os.environ["XML_OUTPUT_FILE"])
    return 0 if result.wasSuccessful() and not result.skipped else 1


def iter_tests(suite):
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            yield from iter_tests(t)
        else:
            yield t


if __name__ == "__main__":
    sys.exit(main())
