#!/usr/bin/env python3
"""earlyinit-audit paths --preset linux-x86_64 on real Linux kernels, with and
without earlyinit (docs/audit.md, "paths").

  kernel_test.py debian       Debian's linux-image-6.1.0-47-amd64-dbg vmlinux
                              (fetch_debian_vmlinux: downloaded once, cached)
  kernel_test.py unmodified   each examples/linux version without its series,
                              KASAN and DWARF 5 (examples/linux/build's kasan
                              variant keeps it in unmodified/)
  kernel_test.py patched      examples/linux's kernels, every version and
                              variant: needs DWARF in their fragments

Environment: EARLYINIT_AUDIT (the tool; under Bazel, from the runfiles),
EARLYINIT_CACHE (the cache, default ~/.cache/earlyinit).
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)), "..", "support"))
import kernel_env  # noqa: E402  (the checkout, cache, env, tool, versions, builds)
from kernel_env import Failure, verdict  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FAILED = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        FAILED.append(what)


def script_output(name):
    """Runs a fetch/build script of this folder; its last line is the vmlinux."""
    # The real folder, not the runfiles' symlinks: the scripts hash themselves.
    path = os.path.realpath(os.path.join(HERE, name))
    r = kernel_env.run([path], stderr=None)
    if r.returncode != 0:
        sys.exit(f"kernel_test: {name} failed (exit {r.returncode})")
    return r.stdout.strip().splitlines()[-1]


run = kernel_env.audit


def paths(vmlinux, *extra):
    """paths --preset linux-x86_64: exit 0 (clean) or 1 (findings)."""
    return verdict(run("paths", vmlinux, "--preset", "linux-x86_64", *extra), ok=(0, 1))


def nodes(node, out):
    out.append(node)
    for c in node.get("calls", []):
        nodes(c, out)
    return out


def entry_nodes(doc, name):
    e = next(e for e in doc["entries"] if e["name"] == name)
    return [n for root in e["tree"] for n in nodes(root, [])]


def reached(doc, entry, function):
    return any(n.get("name") == function for n in entry_nodes(doc, entry))


def matrix(doc):
    return {m["function"]: m["reached"] for m in doc["matrix"]}


def debian():
    vmlinux = script_output("fetch_debian_vmlinux")
    rc, doc = paths(vmlinux)
    check(rc == 0 and not doc["findings"], "Debian's kernel (no KASAN): no finding, exit 0")
    m = matrix(doc)
    # docs/linux.md, "What Linux did before": calls only the native path makes.
    for f in ("sme_early_init", "load_ucode_bsp", "reset_early_page_tables"):
        check(f in m and m[f]["native"] == "call" and m[f]["xen_pv"] is None,
              f"{f}: called on native, not on Xen PV ({m.get(f)})")
    check("xen_setup_features" in m and m["xen_setup_features"]["native"] is None
          and m["xen_setup_features"]["xen_pv"] == "call", "xen_setup_features: Xen PV only")
    # cr4_init_shadow is inlined on both, at different places.
    sites = {}
    for entry in ("native", "xen_pv"):
        found = [n for n in entry_nodes(doc, entry)
                 if n.get("name") == "cr4_init_shadow" and n["kind"] == "inline"]
        check(bool(found), f"{entry}: cr4_init_shadow inlined")
        sites[entry] = found[0]["where"] if found else ""
    check(sites["native"].startswith("x86_64_start_kernel+")
          and sites["xen_pv"].startswith("xen_start_kernel+"),
          f"cr4_init_shadow inlined at different places: {sites}")
    check("cr4_init_shadow" not in m, "cr4_init_shadow reached by every entry")


def unmodified():
    """Each version as Debian ships it, KASAN on: what the series fixes."""
    for linux, variants in kernel_env.versions():
        if "kasan" not in variants:
            continue
        vmlinux = os.path.join(kernel_env.build(linux, "kasan"), "..", "unmodified", "vmlinux")
        rc, doc = paths(vmlinux)
        check(reached(doc, "native", "kasan_early_init"), f"{linux}: native reaches kasan_early_init")
        check(not reached(doc, "xen_pv", "kasan_early_init"),
              f"{linux}: Xen PV does not reach kasan_early_init")
        flagged = sorted({f["entry"] for f in doc["findings"]})
        check(flagged == ["pvh", "xen_pv"],
              f"{linux}: the KASAN rule flags pvh and xen_pv, not native: {flagged}")
        check(rc == 1, f"{linux}: findings: exit 1")
        fns = {(f["entry"], f["function"]) for f in doc["findings"]}
        check(("xen_pv", "xen_start_kernel") in fns, f"{linux}: xen_start_kernel itself is instrumented")
        # The PVH function both series fix (6.1: its folder uninstrumented;
        # 6.12: its hypercall choice moved out of instrumented code).
        check(("pvh", "xen_pvh_init") in fns, f"{linux}: xen_pvh_init is instrumented")


DISPATCHERS = ("earlyinit_x86_run", "earlyinit_run_chain")
SUBARCH = {"native": "pc", "pvh": "xen_pvh", "xen_pv": "xen_pv"}


def patched():
    """examples/linux's kernels: every entry reaches the dispatcher, the chain
    under it is list --subarch S's, and a KASAN kernel is clean. Needs DWARF
    in examples/linux's config fragments (CONFIG_DEBUG_INFO_DWARF5)."""
    for linux, variants in kernel_env.versions():
        for variant in variants:
            patched_kernel(linux, variant)


def patched_kernel(linux, variant):
    name = f"{linux} {variant}"
    vmlinux = os.path.join(kernel_env.build(linux, variant), "vmlinux")
    r = run("paths", vmlinux, "--preset", "linux-x86_64", "--depth", "6")
    if "no DWARF" in r.stderr:
        sys.exit(f"kernel_test: examples/linux's {name} vmlinux has no DWARF: its config "
                 "fragments need CONFIG_DEBUG_INFO_DWARF5=y (and DEBUG_KERNEL, DEBUG_INFO)")
    _, doc = verdict(r, ok=(0, 1))
    for e in doc["entries"]:
        found = [n for n in entry_nodes(doc, e["name"]) if n.get("name") in DISPATCHERS]
        check(bool(found), f"{name}: entry {e['name']} reaches the dispatcher")
        got = [(n["step"], n["name"]) for n in entry_nodes(doc, e["name"]) if n["kind"] == "step"]
        want = [(c["step"], c["function"]) for c in kernel_env.chain(vmlinux, SUBARCH[e["name"]])]
        check(got == want, f"{name}: entry {e['name']}'s chain is list --subarch's")
    if variant == "kasan":
        known = KNOWN_KASAN_FINDINGS.get(linux, set())
        got = {(f["entry"], f["function"]) for f in doc["findings"]}
        check(got == known, f"{name}: the KASAN rule finds exactly the known findings "
              f"({sorted(known)}), found {sorted(got)}")
        check(all("earlyinit_stop" in f["chain"] for f in doc["findings"]),
              f"{name}: every known finding is on the fatal path")


# Known bugs the KASAN rule finds in a series, each until its fix lands (the
# test fails when the set changes, fixed or grown). None today: the fatal
# hook's Xen check used to call xen_cpuid_base(), and so the instrumented
# memcmp(), before kasan_early on every entry of 6.12's kasan variant
# (AMD_MEM_ENCRYPT off, lib/string.o instrumented); the entry stubs now
# say whether Xen started the kernel.
KNOWN_KASAN_FINDINGS = {}


def main():
    modes = {"debian": debian, "unmodified": unmodified, "patched": patched}
    if len(sys.argv) != 2 or sys.argv[1] not in modes:
        sys.exit("usage: kernel_test.py debian|unmodified|patched")
    try:
        modes[sys.argv[1]]()
    except Failure as e:
        sys.exit("kernel_test: %s" % e)
    print(f"{len(FAILED)} failed")
    sys.exit(1 if FAILED else 0)


main()
