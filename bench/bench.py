#!/usr/bin/env python3
"""Runs the earlyinit benchmarks and writes a markdown report.

usage: bench.py [--report FILE] [--work DIR] [--quick] [--audit-tool PATH] [--audit-1m]

Benchmarks print figures; they never pass or fail on speed. Instruction
counts come from valgrind's callgrind (deterministic), counting only the
measured function (--toggle-collect), minus the same function's run on an
empty chain, divided by the steps executed. Every ratio in the report comes
from figures of the same run. Compile and audit times are wall times.
See docs/bench.md for how to read the report.
"""
import argparse
import concurrent.futures
import datetime
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "bench", "gen.py")
LDSCRIPT = os.path.join(ROOT, "linker_scripts", "linktable.ld")
JOBS = os.cpu_count() or 2
SUBARCHS = ["pc", "lguest", "xen_pv", "intel_mid", "ce4100", "xen_pvh"]
PC = 0
CFLAGS = ["-std=gnu11", "-O2", "-Wall", "-Wextra", "-Werror"]
GOALS = {"ir_per_step": 10.0, "ratio_256": 1.3, "growth": 0.02, "bytes_per_entry": 16, "relocs": 0,
         "compile_ratio": 2.0, "audit_100k_s": 0.33, "audit_100k_mb": 100}


class BenchError(Exception):
    pass


def run(argv, cwd=None, capture=True):
    p = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE if capture else None,
                       stderr=subprocess.STDOUT if capture else None, text=True)
    if p.returncode != 0:
        out = (p.stdout or "")[-3000:]
        raise BenchError("command failed (%d): %s\n%s" % (p.returncode, " ".join(argv), out))
    return p.stdout or ""


def first_line(argv):
    try:
        return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True).stdout.splitlines()[0].strip()
    except (OSError, IndexError):
        return "(not found)"


def parallel(fn, items):
    with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as ex:
        return list(ex.map(fn, items))


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- builds ---

def compile_one(cc, src, obj, extra=()):
    run([cc] + CFLAGS + list(extra) + ["-I" + os.path.dirname(src), "-I" + ROOT,
                                       "-I" + os.path.join(ROOT, "include"), "-c", src, "-o", obj])
    return obj


def link(cc, objs, out):
    run([cc, "-fuse-ld=bfd", "-Wl,-T," + LDSCRIPT] + objs + ["-o", out])
    return out


def inputs_key(compilers):
    """What a dispatch build depends on: generator, driver, headers, linker
    fragment, flags and compilers. Builds are kept under this key, so a run
    after an unchanged one only measures."""
    h = hashlib.sha256()
    files = [GEN, LDSCRIPT]
    for sub in ("bench/dispatch", "include/earlyinit", "include/linktable", "include/bootproto"):
        base = os.path.join(ROOT, sub)
        files += [os.path.join(base, f) for f in sorted(os.listdir(base))
                  if f.endswith((".h", ".c"))]
    for path in files:
        with open(path, "rb") as f:
            h.update(path.encode() + b"\0" + f.read())
    h.update(" ".join(CFLAGS).encode())
    for cc in compilers:
        h.update(first_line([cc, "--version"]).encode())
    return h.hexdigest()[:12]


def gen_dispatch(work, n, growth, key):
    prefix = "dispatch-%d-g%d-" % (n, growth)
    d = os.path.join(work, prefix + key)
    for old in os.listdir(work):  # builds of older sources
        if old.startswith(prefix) and old != prefix + key:
            shutil.rmtree(os.path.join(work, old), ignore_errors=True)
    stamp = os.path.join(d, ".generated")
    if not os.path.exists(stamp):
        shutil.rmtree(d, ignore_errors=True)
        run([sys.executable, GEN, "dispatch", d, str(n), "--growth", str(growth), "--chunk", "1500"])
        open(stamp, "w").close()
    return d


def build_dispatch(work, n, growth, compilers):
    """Builds the dispatch program of (n, growth) with each compiler. The
    table objects (ei_*.o: data emitted by asm, the same bytes under any
    compiler) are compiled once, by the first compiler."""
    d = gen_dispatch(work, n, growth, inputs_key(compilers))
    done = os.path.join(d, ".built")
    if os.path.exists(done):
        return d, {cc: os.path.join(d, "dispatch.%s" % cc) for cc in compilers}
    table_srcs = sorted(f for f in os.listdir(d) if f.startswith("ei_") and f.endswith(".c"))
    code_srcs = sorted(f for f in os.listdir(d) if f.endswith(".c") and
                       (f.startswith("fns_") or f in ("direct.c", "arrays.c", "shared.c")))
    code_srcs = [os.path.join(d, f) for f in code_srcs] + [
        os.path.join(ROOT, "bench", "dispatch", "variants.c"),
        os.path.join(ROOT, "bench", "dispatch", "main.c")]
    first = compilers[0]
    jobs = []
    for f in table_srcs:
        obj = os.path.join(d, "%s.%s.o" % (f[:-2], first))
        if not os.path.exists(obj):
            jobs.append((first, os.path.join(d, f), obj))
    for cc in compilers:
        for src in code_srcs:
            obj = os.path.join(d, "%s.%s.o" % (os.path.basename(src)[:-2], cc))
            jobs.append((cc, src, obj))
    t0 = time.time()
    parallel(lambda j: compile_one(j[0], j[1], j[2], ["-I" + d]), jobs)
    progs = {}
    for cc in compilers:
        objs = [os.path.join(d, "%s.%s.o" % (f[:-2], first)) for f in table_srcs]
        objs += [os.path.join(d, "%s.%s.o" % (os.path.basename(s)[:-2], cc)) for s in code_srcs]
        progs[cc] = link(cc, objs, os.path.join(d, "dispatch.%s" % cc))
    open(done, "w").close()
    log("built dispatch N=%d growth=%d (%.0f s)" % (n, growth, time.time() - t0))
    return d, progs


# -------------------------------------------------------------- callgrind ---

def callgrind(prog, fn, args):
    out = prog + ".cg.%s.%s" % (fn, "_".join(args))
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
                        "--collect-atstart=no", "--toggle-collect=" + fn, prog] + args,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise BenchError("%s %s exited %d under callgrind:\n%s" % (prog, args, p.returncode,
                                                                  p.stderr[-2000:]))
    with open(out) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                count = int(line.split()[1])
                os.remove(out)
                return count
    raise BenchError("no summary in " + out)


VARIANTS = [  # (key, label, toggled function, driver variant)
    ("a", "(a) earlyinit_run_chain, hooks {0}", "bench_a", "a"),
    ("at", "(a) earlyinit_run_chain, trace hook", "bench_at", "at"),
    ("b", "(b) direct calls (the limit)", "bench_b", "b"),
    ("c", "(c) array of function pointers", "bench_c", "c"),
    ("d_walk", "(d) shared table: filter walk", "bench_d_walk", "d_walk"),
    ("d_sort", "(d) shared table: boot sort", "bench_d_sort", "d_sort"),
]


def measure_dispatch(prog, n, keys):
    """Instructions of each variant's function: full run, empty run, per step."""
    def one(v):
        key, _, fn, arg = v
        full = callgrind(prog, fn, [arg, str(PC)])
        empty = callgrind(prog, fn, [arg, str(PC), "empty"])
        return key, {"full": full, "empty": empty, "per_step": (full - empty) / n}
    return dict(parallel(one, [v for v in VARIANTS if v[0] in keys]))


# ------------------------------------------------------------------- size ---

def sections(path):
    """name -> (size, allocated) from readelf -S -W."""
    out = run(["readelf", "-S", "-W", path])
    res = {}
    for line in out.splitlines():
        m = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+[0-9a-f]+\s*(\S*)", line)
        if m and m.group(1) != "NULL":
            res[m.group(1)] = (int(m.group(2), 16), "A" in m.group(3))
    return res


def dyn_relocs(path):
    out = run(["readelf", "-r", "-W", path])
    return sum(1 for line in out.splitlines() if re.match(r"^[0-9a-f]{8,16}\s+[0-9a-f]+\s+R_", line))


def is_pie(path):
    return "DYN" in run(["readelf", "-h", path])


SIZE_CONFIGS = [  # (tag, extra compiler flags, description)
    ("hosted", [], "Debian's defaults (PIE, asynchronous unwind tables)"),
    ("kernel", ["-fno-asynchronous-unwind-tables"],
     "PIE and `-fno-asynchronous-unwind-tables`, as x86 kernels compile"),
]


def size_programs(d, cc, tag, extra):
    """Links, from a dispatch build's sources compiled with `extra`, one
    program per way of registering the same step functions, each with an
    empty main."""
    main_c = os.path.join(d, "size_main.c")
    with open(main_c, "w") as f:
        f.write("int main(void) { return 0; }\n")
    srcs = sorted(f for f in os.listdir(d) if f.endswith(".c") and
                  (f.startswith(("fns_", "ei_")) or f in ("arrays.c", "shared.c", "size_main.c")))
    objs = {}

    def build(f):
        obj = os.path.join(d, "%s.size-%s.%s.o" % (f[:-2], tag, cc))
        if not os.path.exists(obj):
            compile_one(cc, os.path.join(d, f), obj, extra)
        return f, obj
    objs = dict(parallel(build, srcs))
    fns = [o for f, o in sorted(objs.items()) if f.startswith("fns_")]
    ei = [o for f, o in sorted(objs.items()) if f.startswith("ei_")]
    main_o = objs["size_main.c"]
    progs = {
        "fns": fns + [main_o],
        "a": fns + ei + [main_o],
        "c": fns + [objs["arrays.c"], main_o],
        "d": fns + [objs["shared.c"], main_o],
    }
    res = {}
    for k, o in progs.items():
        out = link(cc, o, os.path.join(d, "size_%s.%s.%s" % (k, tag, cc)))
        res[k] = {"sections": sections(out), "relocs": dyn_relocs(out), "pie": is_pie(out)}
    return res


def alloc_total(secs):
    return sum(s for s, a in secs.values() if a)


def size_report(small, large, n_small, n_large):
    """Marginal bytes per (step, subarch) entry between two builds (6 entries
    per step), per program and per allocated section."""
    d_entries = 6 * (n_large - n_small)
    d_steps = n_large - n_small
    rows = {}
    for k in ("a", "c", "d"):
        def over(r):  # what registering adds over the bare functions
            return alloc_total(r[k]["sections"]) - alloc_total(r["fns"]["sections"])
        per_sec = {}
        names = set(large[k]["sections"]) | set(large["fns"]["sections"])
        for name in names:
            def sz(r, prog):
                s = r[prog]["sections"].get(name)
                return s[0] if s and s[1] else 0
            delta = (sz(large, k) - sz(large, "fns")) - (sz(small, k) - sz(small, "fns"))
            if delta:
                per_sec[name] = delta / d_entries
        meta = (large[k]["sections"].get(".linktable_meta", (0, 0))[0] -
                small[k]["sections"].get(".linktable_meta", (0, 0))[0])
        rows[k] = {
            "alloc_per_entry": (over(large) - over(small)) / d_entries,
            "per_section": per_sec,
            "meta_per_step": meta / d_steps,
            "meta_per_entry": meta / d_entries,
            "relocs_small": small[k]["relocs"], "relocs_large": large[k]["relocs"],
            "relocs_fns": large["fns"]["relocs"],
            "relocs_per_entry": ((large[k]["relocs"] - large["fns"]["relocs"]) -
                                 (small[k]["relocs"] - small["fns"]["relocs"])) / d_entries,
            "pie": large[k]["pie"],
        }
    return rows


# ----------------------------------------------------------- compile time ---

def time_cmd(argv, reps):
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        run(argv)
        times.append(time.perf_counter() - t0)
    return {"min": min(times), "median": statistics.median(times), "reps": reps}


def header_bytes(cc, d, inc):
    """Preprocessed size of the implementations' TU without its EARLYINIT_IMPLs."""
    src, out = os.path.join(d, "impls_header.c"), os.path.join(d, "impls_header.i")
    with open(os.path.join(d, "impls.c")) as f, open(src, "w") as g:
        g.writelines(line for line in f if not line.startswith("EARLYINIT_IMPL("))
    run([cc, "-std=gnu11", "-E"] + inc + [src, "-o", out])
    return os.path.getsize(out)


def compile_bench(work, impls, reps, compilers):
    d = os.path.join(work, "compile-%d" % impls)
    run([sys.executable, GEN, "compile", d, str(impls)])
    inc = ["-I" + ROOT + "/include"]
    res = {}
    for cc in compilers:
        r = {}
        for tu in ("impls", "steps", "plain", "floor", "steps_plain"):
            r[tu] = time_cmd([cc] + CFLAGS + inc + ["-c", os.path.join(d, tu + ".c"),
                                                    "-o", os.path.join(d, tu + ".o")], reps)
        r["impls_E"] = time_cmd([cc, "-std=gnu11", "-E"] + inc +
                                [os.path.join(d, "impls.c"), "-o", os.path.join(d, "impls.i")], reps)
        r["impls_i_bytes"] = os.path.getsize(os.path.join(d, "impls.i"))
        r["header_i_bytes"] = header_bytes(cc, d, inc)
        res[cc] = r
        log("compile time %s: impls %.2f s, plain %.2f s" % (cc, r["impls"]["min"], r["plain"]["min"]))
    return res


# ------------------------------------------------------------------ audit ---

def audit_inputs(work, sizes):
    """The programs of tests/audit/gen_big.py (its fast path: a template's
    assembly stamped out per step, byte for byte what gen_big.sh's gcc
    makes, tests/audit:gen_big_test), kept between runs, keyed by a hash of
    what they are made from: the generator, the fixture header, the
    linktable headers and the linker fragment."""
    h = hashlib.sha256()
    rels = ["tests/audit/gen_big.py", "tests/audit/fixtures/ei.h", "linker_scripts/linktable.ld"]
    rels += sorted(os.path.join("include/linktable", f)
                   for f in os.listdir(os.path.join(ROOT, "include/linktable")) if f.endswith(".h"))
    for rel in rels:
        h.update(rel.encode() + b"\0")
        with open(os.path.join(ROOT, rel), "rb") as f:
            h.update(f.read())
    key = h.hexdigest()[:12]
    res = {}
    for n in sizes:
        d = os.path.join(work, "audit-%d-%s" % (n, key))
        big = os.path.join(d, "big")
        if not os.path.exists(big):
            t0 = time.time()
            shutil.rmtree(d, ignore_errors=True)
            run([sys.executable, os.path.join(ROOT, "tests/audit/gen_big.py"), ROOT, d, str(n)])
            log("generated audit input %d (%.0f s)" % (n, time.time() - t0))
        res[n] = big
    return res


def timed_run(argv):
    """Wall seconds and peak resident kilobytes of one run. The peak comes
    from GNU time (its child is forked from a small process: a child forked
    from Python would count Python's own pages); 0 without /usr/bin/time."""
    fd, out = tempfile.mkstemp(prefix="bench-rss-")
    os.close(fd)
    wrap = ["/usr/bin/time", "-f", "%M", "-o", out] if os.path.exists("/usr/bin/time") else []
    t0 = time.perf_counter()
    subprocess.run(wrap + argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t = time.perf_counter() - t0
    with open(out) as f:
        text = f.read().strip().splitlines()
    os.unlink(out)
    return t, int(text[-1]) if text and text[-1].isdigit() else 0


def audit_instructions(tool, big):
    """Instructions `check` executes on one input (callgrind's total): unlike
    wall time, not moved by the machine's load, so sizes compare exactly."""
    p = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", tool, "check", big],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected\s*:\s*(\d+)", p.stderr)
    return int(m.group(1)) if m else None


def audit_bench(tool, inputs, reps):
    res = {}
    for n, big in inputs.items():
        r = {"entries": None}
        listing = subprocess.run([tool, "list", big], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
        chk = subprocess.run([tool, "check", big], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
        r["list_status"], r["check_status"] = listing.returncode, chk.returncode
        r["check_tail"] = chk.stdout.strip().splitlines()[-1:] if chk.stdout.strip() else []
        r["list_lines"] = len(listing.stdout.splitlines())
        r["bytes"] = os.path.getsize(big)
        for name, argv in (("readelf", ["readelf", "-S", "-W", big]),
                           ("list", [tool, "list", big]), ("check", [tool, "check", big])):
            times, rss = [], []
            for _ in range(reps):
                t, kb = timed_run(argv)
                times.append(t)
                rss.append(kb)
            r[name] = {"min": min(times), "median": statistics.median(times), "reps": reps,
                       "maxrss_mb": max(rss) / 1024.0}
        r["check_ir"] = audit_instructions(tool, big)
        res[n] = r
        log("audit %d: list %.3f s, check %.3f s (%.0f MB resident, %s instructions), readelf -S %.4f s" % (
            n, r["list"]["min"], r["check"]["min"], r["check"]["maxrss_mb"], r["check_ir"], r["readelf"]["min"]))
    return res


AUDIT_PROFILE = [  # (label, start of the demangled name in callgrind_annotate)
    ("loading the program", "audit::LoadProgram("),
    ("parsing `.linktable_meta`", "linktable_meta::Parse("),
    ("reading the ELF image", "audit::ElfLoader::LoadImage("),
    ("joining records and entries", "audit::BuildProgram("),
    ("building the model", "audit::BuildModel("),
    ("the checks", "audit::Check("),
    ("freeing the program at exit", "audit::Program::~Program("),
    ("malloc", "./malloc/./malloc/malloc.c:malloc "),
    ("free", "./malloc/./malloc/malloc.c:free "),
    ("memcmp (string keys)", "memcmp"),
]


def audit_profile(tool, big):
    """Where `check` spends its instructions, inclusive, from callgrind."""
    out = big + ".cg"
    subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out, tool, "check", big],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        text = run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out])
    finally:
        if os.path.exists(out):
            os.remove(out)
    total, found = None, []
    for line in text.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(.*)", line)
        if not m:
            continue
        if "PROGRAM TOTALS" in m.group(3):
            total = int(m.group(1).replace(",", ""))
            continue
        name = m.group(3)
        for label, key in AUDIT_PROFILE:
            if key in name and label not in [f[0] for f in found]:
                found.append((label, float(m.group(2))))
    order = [l for l, _ in AUDIT_PROFILE]
    found.sort(key=lambda f: order.index(f[0]))
    return {"total": total, "parts": found}


# ----------------------------------------------------------------- report ---

def machine_info(compilers):
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/etc/debian_version") as f:
            debian = f.read().strip()
    except OSError:
        debian = "?"
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    info = [("date", datetime.datetime.now().strftime("%Y-%m-%d %H:%M")),
            ("commit", commit + (" (with local changes)" if dirty else "")),
            ("CPU", "%s, %d cores" % (cpu, os.cpu_count() or 0)),
            ("OS", "Debian %s, Linux %s" % (debian, platform.release()))]
    for cc in compilers:
        info.append((cc, first_line([cc, "--version"])))
    info += [("ld", first_line(["ld.bfd", "--version"])),
             ("valgrind", first_line(["valgrind", "--version"])),
             ("python", platform.python_version())]
    return info


def fmt(x, nd=2):
    if isinstance(x, int):
        return "{:,}".format(x)
    return "{:,.{}f}".format(x, nd)


def verdict(ok):
    return "**met**" if ok else "**missed**"


def write_report(path, r):
    L = []
    add = L.append
    add("# earlyinit benchmark report")
    add("")
    add("Written by `tools/bench`%s. How to read it: `docs/bench.md`. Benchmarks never pass "
        "or fail; goals are reported as met or missed." % (" --quick" if r["quick"] else ""))
    add("")
    add("## Machine")
    add("")
    add("| | |")
    add("|---|---|")
    for k, v in r["machine"]:
        add("| %s | %s |" % (k, v.replace("|", "\\|")))
    add("| load average (1 min) at start, end | %.2f, %.2f (other engineers share this machine: "
        "wall times below move with it, instruction counts do not) |" % (r["load_start"], r["load_end"]))
    add("| run time | %.0f s |" % r["elapsed"])
    add("")

    # Dispatch.
    comps = r["compilers"]
    add("## Dispatch cost per executed step")
    add("")
    add("Instructions counted by callgrind in the variant's function only (`--toggle-collect`), "
        "running subarch `pc`'s chain of N trivial `noinline` steps (`xor eax,eax; ret`), minus the "
        "same function on an empty chain, divided by N. Six subarchs, N steps each. Exact counts; "
        "ratios are to (b) of the same compiler, in this run. Flags: `%s`, PIE." % " ".join(CFLAGS))
    for cc in comps:
        add("")
        add("### %s" % cc)
        add("")
        head = "| variant |" + "".join(" N=%d: Ir/step | ratio to (b) |" % n for n in r["sizes"])
        add(head)
        add("|---|" + "---:|---:|" * len(r["sizes"]))
        for key, label, _, _ in VARIANTS:
            cells = []
            for n in r["sizes"]:
                m = r["dispatch"][n][cc]
                ps = m[key]["per_step"]
                cells.append(" %s | %s× |" % (fmt(ps), fmt(ps / m["b"]["per_step"])))
            add("| %s |%s" % (label, "".join(cells)))
        dd = []
        for n in r["sizes"]:
            m = r["dispatch"][n][cc]
            tot = m["d_walk"]["per_step"] + m["d_sort"]["per_step"]
            dd.append(" %s | %s× |" % (fmt(tot), fmt(tot / m["b"]["per_step"])))
        add("| (d) sort + walk (the boot's cost) |%s" % "".join(dd))
        add("")
        add("<details><summary>raw counts (%s): full run / empty run, instructions</summary>" % cc)
        add("")
        add("| variant |" + "".join(" N=%d |" % n for n in r["sizes"]))
        add("|---|" + "---:|" * len(r["sizes"]))
        for key, label, _, _ in VARIANTS:
            add("| %s |%s" % (label, "".join(" %s / %s |" % (
                fmt(r["dispatch"][n][cc][key]["full"]), fmt(r["dispatch"][n][cc][key]["empty"]))
                for n in r["sizes"])))
        add("")
        add("</details>")
    add("")

    # Growth.
    add("## Growth with foreign steps")
    add("")
    add("`pc`'s chain of N steps, alone (6N entries: N per subarch) and with ten times more steps "
        "registered for each other subarch (every other subarch gets 10N steps; the extra 9N are "
        "exempted on `pc`, their keys interleaved with `pc`'s). Instructions per executed `pc` step.")
    add("")
    add("| compiler | N | variant | alone | 10× foreign | growth |")
    add("|---|---:|---|---:|---:|---:|")
    for cc in comps:
        for n in r["growth_sizes"]:
            for key in ("a", "b", "c", "d_walk", "d_sort"):
                base = r["dispatch"][n][cc][key]["per_step"]
                grown = r["growth"][n][cc][key]["per_step"]
                label = [v[1] for v in VARIANTS if v[0] == key][0]
                add("| %s | %d | %s | %s | %s | %+.1f%% |" % (cc, n, label, fmt(base), fmt(grown),
                                                             100.0 * (grown - base) / base))
    add("")

    # Size.
    sz = r["size"]
    add("## Size")
    add("")
    add("Programs linked from one dispatch build's sources (%s `-O2`, PIE, ld.bfd with "
        "`linktable.ld`), each registering the same step functions one way, with an empty `main`. "
        "Bytes are marginal: the difference between N=%d and N=%d, over the %s extra (step, subarch) "
        "entries, after subtracting the program made of the bare functions. Six subarchs, so a step "
        "is six entries. Dynamic relocations: `readelf -r` of the whole program."
        % (sz["cc"], sz["n_small"], sz["n_large"], fmt(6 * (sz["n_large"] - sz["n_small"]))))
    names = {"a": "(a) earlyinit", "c": "(c) array of pointers", "d": "(d) x86_init_fn table"}
    for tag, desc, rows in sz["configs"]:
        add("")
        add("### %s" % desc)
        add("")
        add("| registration | allocated bytes per entry | non-allocated metadata per step (per entry) | "
            "dynamic relocations at N=%d (bare functions: %d) | per entry |"
            % (sz["n_large"], rows["a"]["relocs_fns"]))
        add("|---|---:|---:|---:|---:|")
        for k in ("a", "c", "d"):
            row = rows[k]
            add("| %s | %s | %s (%s) | %d | %s |" % (
                names[k], fmt(row["alloc_per_entry"]), fmt(row["meta_per_step"], 1),
                fmt(row["meta_per_entry"], 1), row["relocs_large"], fmt(row["relocs_per_entry"])))
        add("")
        add("Where the allocated bytes per entry go (output sections):")
        add("")
        add("| section | (a) | (c) | (d) |")
        add("|---|---:|---:|---:|")
        secs = set()
        for k in ("a", "c", "d"):
            secs |= set(rows[k]["per_section"])
        for name in sorted(secs, key=lambda x: -max(abs(rows[k]["per_section"].get(x, 0)) for k in "acd")):
            add("| `%s` | %s |" % (name, " | ".join(fmt(rows[k]["per_section"].get(name, 0)) for k in "acd")))
    add("")

    # Compile.
    add("## Compile time")
    add("")
    c = r["compile"]
    add("One translation unit with %s step implementations across six subarchs (`EARLYINIT_IMPL`, "
        "with the steps' `EARLYINIT_SPEC`s) against one with as many plain functions in an array; "
        "`-c %s`, wall time, %d repetitions, minimum (median). The floor TU is the plain "
        "functions plus one never-called function per function whose asm statement names it "
        "(what each `EARLYINIT_IMPL` compiles besides its text and checks). The steps' "
        "definitions (`EARLYINIT_DEFINE_TABLES` + one `EARLYINIT_DEFINE_STEP` per step) are a "
        "third TU, against their plain equivalent: the same header, then a name and an info word "
        "per step in an array. "
        "`-E` is the preprocessor alone on the implementations' TU."
        % (fmt(r["compile_impls"]), " ".join(CFLAGS), c[comps[0]]["impls"]["reps"]))
    add("")
    add("| compiler | implementations TU | plain TU | ratio | floor TU | floor ratio | `-E` of implementations | preprocessed size | per `EARLYINIT_IMPL` |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for cc in comps:
        x = c[cc]
        add("| %s | %.2f s (%.2f) | %.3f s (%.3f) | %s× | %.2f s (%.2f) | %s× | %.2f s | %s MB | %s bytes |" % (
            cc, x["impls"]["min"], x["impls"]["median"], x["plain"]["min"], x["plain"]["median"],
            fmt(x["impls"]["min"] / x["plain"]["min"], 1), x["floor"]["min"], x["floor"]["median"],
            fmt(x["floor"]["min"] / x["plain"]["min"], 1),
            x["impls_E"]["min"], fmt(x["impls_i_bytes"] / 1e6, 1),
            fmt((x["impls_i_bytes"] - x["header_i_bytes"]) / r["compile_impls"], 0)))
    add("")
    add("| compiler | steps TU | plain steps TU | ratio |")
    add("|---|---:|---:|---:|")
    for cc in comps:
        x = c[cc]
        add("| %s | %.3f s (%.3f) | %.3f s (%.3f) | %s× |" % (
            cc, x["steps"]["min"], x["steps"]["median"], x["steps_plain"]["min"],
            x["steps_plain"]["median"], fmt(x["steps"]["min"] / x["steps_plain"]["min"], 1)))
    add("")
    add("Bytes per `EARLYINIT_IMPL`: the preprocessed implementations' TU minus the same TU "
        "without its `EARLYINIT_IMPL` lines, divided by their number (one subarch each).")
    add("")

    # Audit.
    add("## The audit tool")
    add("")
    add("Inputs from `tests/audit/gen_big.py` (3 subarchs, N/3 steps, each depending on the one "
        "before); %s; wall time, %d repetitions, minimum (median); output to /dev/null. "
        "`readelf -S` on the same file is the floor for opening and reading it."
        % (r["audit_tool_desc"], r["audit_reps"]))
    add("")
    add("| entries | file | `readelf -S` | `list` | `check` | check / readelf | check resident "
        "| list resident | check instructions (per entry) | exit (list, check) |")
    add("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n, x in sorted(r["audit"].items()):
        ir = x.get("check_ir")
        add("| %s | %s MB | %.4f s (%.4f) | %.3f s (%.3f) | %.3f s (%.3f) | %s× | %s MB | %s MB | %s | %d, %d |" % (
            fmt(n), fmt(x["bytes"] / 1e6, 1), x["readelf"]["min"], x["readelf"]["median"],
            x["list"]["min"], x["list"]["median"], x["check"]["min"], x["check"]["median"],
            fmt(x["check"]["min"] / x["readelf"]["min"], 0),
            fmt(x["check"].get("maxrss_mb", 0), 0), fmt(x["list"].get("maxrss_mb", 0), 0),
            "%s (%s)" % (fmt(ir), fmt(ir / n, 0)) if ir else "?", x["list_status"], x["check_status"]))
    add("")
    add("Resident: peak, as GNU time reports it, the file's mapped pages included. Instructions: "
        "callgrind's count for one `check`, exact whatever the load.")
    add("")

    if r.get("audit_profile"):
        n, prof = r["audit_profile"]
        add("Where `check` of the %s-entry input spends its %s instructions (callgrind, inclusive, "
            "so the rows overlap):" % (fmt(n), fmt(prof["total"] or 0)))
        add("")
        add("| part | share |")
        add("|---|---:|")
        for label, pct in prof["parts"]:
            add("| %s | %.1f%% |" % (label, pct))
        add("")

    # Goals.
    add("## Goals")
    add("")
    add("| goal | measured | verdict |")
    add("|---|---|---|")
    for g in r["goals"]:
        add("| %s | %s | %s |" % g[:3])
    add("")
    add("### Where a goal is missed, by how much and why")
    add("")
    for g in r["goals"]:
        if len(g) > 3 and g[3]:
            add("- **%s**: %s" % (g[0], g[3]))
    add("")
    with open(path, "w") as f:
        f.write("\n".join(L))
    return "\n".join(L)


def judge(r):
    """The goals, each with the figure it is judged on."""
    goals = []
    cc = r["compilers"][0]
    n = 256 if 256 in r["sizes"] else r["sizes"][-1]
    m = r["dispatch"][n][cc]
    ratio = m["a"]["per_step"] / m["b"]["per_step"]
    ahead = m["a"]["per_step"] < m["c"]["per_step"] and m["a"]["per_step"] < m["d_walk"]["per_step"]
    ok = ratio <= GOALS["ratio_256"] and ahead
    extra = m["a"]["per_step"] - m["b"]["per_step"]
    why = ""
    if not ok:
        why = ("at N=%d (a) runs %s instructions per step against (b)'s %s and (c)'s %s: %s× the limit, "
               "%s× the goal of %.1f×; %s (c) by %s instructions per step and %s (d) by %s. "
               "A direct call costs the call, the step's two instructions and the test of its result; "
               "a table walk adds per step at least the entry pointer's increment, plus, in earlyinit, "
               "the resolution of the self-relative reference (load and add) and the reload of the "
               "context argument, about %s instructions over (b) in all (the chain's end costs no "
               "test: a sentinel entry ends it). With a step body of two instructions no table walk "
               "can come within 1.3× of direct calls; it would take steps whose bodies run ~%d "
               "instructions or more. docs/dev/bench-history.md, \"Findings\", has the walk's "
               "instructions one by one."
               % (n, fmt(m["a"]["per_step"]), fmt(m["b"]["per_step"]), fmt(m["c"]["per_step"]),
                  fmt(ratio), fmt(ratio / GOALS["ratio_256"]), GOALS["ratio_256"],
                  "behind" if m["a"]["per_step"] > m["c"]["per_step"] else "ahead of",
                  fmt(abs(m["a"]["per_step"] - m["c"]["per_step"])),
                  "behind" if m["a"]["per_step"] > m["d_walk"]["per_step"] else "ahead of",
                  fmt(abs(m["a"]["per_step"] - m["d_walk"]["per_step"])), fmt(extra),
                  int(extra / (GOALS["ratio_256"] - 1) - m["b"]["per_step"]) + 2))
    worst_ir = max((r["dispatch"][n2][c2]["a"]["per_step"], n2, c2)
                   for n2 in r["sizes"] for c2 in r["compilers"])
    goals.append(("dispatch at most %d instructions per executed step (every N, every compiler)"
                  % GOALS["ir_per_step"],
                  "%s Ir/step at worst (N=%d, %s)" % (fmt(worst_ir[0]), worst_ir[1], worst_ir[2]),
                  verdict(worst_ir[0] <= GOALS["ir_per_step"]),
                  "" if worst_ir[0] <= GOALS["ir_per_step"] else
                  "(a) runs %s instructions per step at N=%d with %s." % (fmt(worst_ir[0]), worst_ir[1], worst_ir[2])))
    goals.append(("dispatch within %.1f× of direct calls at N=%d, ahead of (c) and (d)" % (GOALS["ratio_256"], n),
                  "%s× (b); (a) %s, (c) %s, (d) walk %s Ir/step (%s)" % (
                      fmt(ratio), fmt(m["a"]["per_step"]), fmt(m["c"]["per_step"]),
                      fmt(m["d_walk"]["per_step"]), cc), verdict(ok), why))
    worst = 0.0
    for g in r["growth_sizes"]:
        for c2 in r["compilers"]:
            base = r["dispatch"][g][c2]["a"]["per_step"]
            worst = max(worst, abs(r["growth"][g][c2]["a"]["per_step"] - base) / base)
    goals.append(("no growth with 10× foreign steps (within 2%)", "(a): %.2f%% at worst" % (100 * worst),
                  verdict(worst <= GOALS["growth"]),
                  "" if worst <= GOALS["growth"] else "(a) grew by %.2f%%." % (100 * worst)))
    per = [(desc, rows["a"]) for _, desc, rows in r["size"]["configs"]]
    best = min(row["alloc_per_entry"] for _, row in per)
    ok = best <= GOALS["bytes_per_entry"]
    why = ""
    if not ok:
        parts = []
        for desc, row in per:
            secs = ", ".join("`%s` %s" % (k, fmt(v)) for k, v in
                             sorted(row["per_section"].items(), key=lambda kv: -kv[1]))
            parts.append("%s bytes with %s (%s× the goal: %s)" % (
                fmt(row["alloc_per_entry"]), desc, fmt(row["alloc_per_entry"] / GOALS["bytes_per_entry"]), secs))
        why = ("; ".join(parts) + ". The chain entry itself is 8 bytes (`.linktables`, with the step's "
               "own entry spread over its six), parity adds 4 per (step, subarch) in "
               "`.rodata.earlyinit.parity` (in `.rodata`, with the step's name). The rest is code and "
               "its unwind data. The never-called functions whose asm emits the entries "
               "(LINKTABLE_I_EMITTER_) are discarded by linktable.ld; what is left in `.text` and "
               "`.eh_frame` belongs to the measured programs' own code. Without code and unwind data "
               "earlyinit needs %s bytes per entry."
               % fmt(sum(v for k, v in per[-1][1]["per_section"].items()
                         if k not in (".text", ".eh_frame", ".eh_frame_hdr"))))
    goals.append(("at most 16 allocated bytes per entry", "; ".join(
        "%s bytes (%s)" % (fmt(row["alloc_per_entry"]), desc) for desc, row in per), verdict(ok), why))
    row = per[-1][1]  # dynamic relocations do not depend on the unwind-table flag
    rel = row["relocs_per_entry"]
    goals.append(("zero dynamic relocations (PIE)",
                  "%s per entry; %d in the whole program, as many as the bare functions' program"
                  % (fmt(rel), row["relocs_large"]) if row["relocs_large"] == row["relocs_fns"] else
                  "%s per entry; %d in the program against %d for the bare functions"
                  % (fmt(rel), row["relocs_large"], row["relocs_fns"]),
                  verdict(rel == 0 and row["pie"]), "" if rel == 0 else "see the size table."))
    worst_c = max(r["compile"][c2]["impls"]["min"] / r["compile"][c2]["plain"]["min"] for c2 in r["compilers"])
    ok = worst_c <= GOALS["compile_ratio"]
    why = ""
    if not ok:
        cc = max(r["compilers"], key=lambda c2: r["compile"][c2]["impls"]["min"] / r["compile"][c2]["plain"]["min"])
        x = r["compile"][cc]
        why = ("%s× the plain TU at worst, %s× the goal of 2×. The floor TU (the plain functions "
               "plus one asm-holding function per function) alone takes %s× the plain TU with "
               "%s: each EARLYINIT_IMPL needs its own never-called emitter function, because only "
               "an asm statement's operands give the function's real symbol name (mangled in C++, "
               "renamed by LTO; file-scope asm has no operands in GCC 12 or Clang 14, and naming "
               "the function in file-scope asm silently picked the wrong `static` function under "
               "Clang LTO). Above the floor: the preprocessor (%.2f s, %s bytes per use) and the "
               "asm text and checks. See docs/bench.md."
               % (fmt(worst_c, 1), fmt(worst_c / GOALS["compile_ratio"], 1),
                  fmt(x["floor"]["min"] / x["plain"]["min"], 1), cc, x["impls_E"]["min"],
                  fmt((x["impls_i_bytes"] - x["header_i_bytes"]) / r["compile_impls"], 0)))
    goals.append(("compile time within 2× of plain functions", "%s× at worst (%s)" % (
        fmt(worst_c, 1), ", ".join("%s %s×" % (c2, fmt(r["compile"][c2]["impls"]["min"] / r["compile"][c2]["plain"]["min"], 1))
                                   for c2 in r["compilers"])), verdict(ok), why))
    worst_s = max(r["compile"][c2]["steps"]["min"] / r["compile"][c2]["steps_plain"]["min"]
                  for c2 in r["compilers"])
    goals.append(("steps' TU within 2× of its plain equivalent", "%s× at worst (%s)" % (
        fmt(worst_s, 1), ", ".join("%s %s×" % (c2, fmt(r["compile"][c2]["steps"]["min"] /
                                                     r["compile"][c2]["steps_plain"]["min"], 1))
                                   for c2 in r["compilers"])), verdict(worst_s <= GOALS["compile_ratio"]),
                  "" if worst_s <= GOALS["compile_ratio"] else
                  "above the header, the steps' TU preprocesses EARLYINIT_DEFINE_TABLES and each "
                  "EARLYINIT_DEFINE_STEP's checks and asm text (no function: a step is file-scope "
                  "asm); see docs/bench.md."))
    big = 100000 if 100000 in r["audit"] else (max(r["audit"]) if r["audit"] else None)
    if big:
        x = r["audit"][big]
        t = max(x["check"]["min"], x["list"]["min"])
        mb = max(x["check"].get("maxrss_mb", 0), x["list"].get("maxrss_mb", 0))
        ok = t < GOALS["audit_100k_s"] and mb < GOALS["audit_100k_mb"] and big >= 100000
        why = ""
        if big < 100000:
            why = "not measured at 100,000 entries in this run (--quick)."
        elif not ok:
            small = r["audit"].get(10000)
            scale = ""
            if small and small.get("check_ir") and x.get("check_ir"):
                scale = (" From 10,000 to 100,000 entries `check` executes %s× the instructions "
                         "for 10× the entries." % fmt(x["check_ir"] / small["check_ir"], 1))
            parts = ""
            if r.get("audit_profile"):
                parts = " Under callgrind, `check` of 10,000 entries spends " + ", ".join(
                    "%.0f%% in %s" % (pct, label) for label, pct in r["audit_profile"][1]["parts"]) + \
                    " (inclusive shares, overlapping)."
            why = ("%.2f s for the slower of list and check (goal %.2f s), %.0f MB resident at the peak "
                   "(goal %d MB); `readelf -S` reads the same file in %.4f s.%s%s"
                   % (t, GOALS["audit_100k_s"], mb, GOALS["audit_100k_mb"], x["readelf"]["min"], scale, parts))
        goals.append(("audit of 100,000 entries under %.2f s and %d MB resident"
                      % (GOALS["audit_100k_s"], GOALS["audit_100k_mb"]),
                      "%s entries: list %.3f s, check %.3f s, %.0f MB" % (
                          fmt(big), x["list"]["min"], x["check"]["min"], mb),
                      verdict(ok) if big >= 100000 else "not measured", why))
    return goals


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", default=os.path.join(ROOT, "bench", "results", "REPORT.md"))
    ap.add_argument("--work", default=os.path.join(ROOT, "bench", "out"),
                    help="generated sources, objects and programs (kept between runs)")
    ap.add_argument("--quick", action="store_true",
                    help="N=16 and 256, growth at 16, audit up to 10,000 entries, 3 repetitions")
    ap.add_argument("--audit-tool", help="earlyinit-audit binary (tools/bench builds it)")
    ap.add_argument("--audit-1m", action="store_true",
                    help="also audit 1,000,000 entries (its input takes minutes to generate, once)")
    ap.add_argument("--compilers", default="gcc,clang")
    args = ap.parse_args()
    t0 = time.time()
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
    compilers = args.compilers.split(",")
    r = {"quick": args.quick, "compilers": compilers}
    r["sizes"] = [16, 256] if args.quick else [16, 256, 4096]
    r["growth_sizes"] = [16] if args.quick else [16, 256]
    reps = 3 if args.quick else 5
    r["machine"] = machine_info(compilers)
    r["load_start"] = os.getloadavg()[0]

    r["dispatch"], r["growth"], builds = {}, {}, {}
    for n in r["sizes"]:
        d, progs = build_dispatch(args.work, n, 1, compilers)
        builds[n] = d
        r["dispatch"][n] = {cc: measure_dispatch(p, n, [v[0] for v in VARIANTS]) for cc, p in progs.items()}
    for n in r["growth_sizes"]:
        _, progs = build_dispatch(args.work, n, 10, compilers)
        r["growth"][n] = {cc: measure_dispatch(p, n, ["a", "b", "c", "d_walk", "d_sort"])
                          for cc, p in progs.items()}
    log("dispatch measured")

    n_small, n_large = 16, 256
    cc = compilers[0]
    r["size"] = {"cc": cc, "n_small": n_small, "n_large": n_large, "configs": []}
    for tag, extra, desc in SIZE_CONFIGS:
        rows = size_report(size_programs(builds[n_small], cc, tag, extra),
                           size_programs(builds[n_large], cc, tag, extra), n_small, n_large)
        r["size"]["configs"].append((tag, desc, rows))
    r["size"]["rows"] = r["size"]["configs"][0][2]
    log("sizes measured")

    r["compile_impls"] = 1000
    r["compile"] = compile_bench(args.work, r["compile_impls"], reps, compilers)

    audit_sizes = [1000, 10000] if args.quick else [1000, 10000, 100000]
    if args.audit_1m:  # generating it (168 objects assembled, one link): minutes, once
        audit_sizes.append(1000000)
    r["audit_reps"] = reps
    if args.audit_tool:
        r["audit_tool_desc"] = "`earlyinit-audit` as `bazel build //src/audit:earlyinit-audit` builds it"
        inputs = audit_inputs(args.work, audit_sizes)
        r["audit"] = audit_bench(args.audit_tool, inputs, reps)
        r["audit_profile"] = (10000, audit_profile(args.audit_tool, inputs[10000]))
    else:
        r["audit_tool_desc"] = "no audit tool given"
        r["audit"] = {}
        r["audit_profile"] = None
    r["goals"] = judge(r)
    r["elapsed"] = time.time() - t0
    r["load_end"] = os.getloadavg()[0]
    print(write_report(args.report, r))
    log("report written to " + args.report)


if __name__ == "__main__":
    try:
        main()
    except BenchError as e:
        print("bench: " + str(e), file=sys.stderr)
        sys.exit(1)
