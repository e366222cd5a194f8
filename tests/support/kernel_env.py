"""What the kernel-facing Python tests share (tests/linux, tests/audit_paths).

  PROJECT, LINUX     the checkout and its examples/linux
  CACHE, ENV         the kernel cache and the environment scripts run in
  run(cmd)           a command in ENV, its output captured
  versions()         [(version, [variants])] of examples/linux/versions-query
  build(linux, v)    the folder examples/linux/build prints (built once)
  audit_tool()       the earlyinit-audit binary
  audit(...), verdict(r, ok), chain(vmlinux, subarch)
                     the tool's JSON answers, their exit status checked
  trace(log), steps(doc), traced(log), fatals(log)
                     a boot log's trace and fatal lines, as the tool reads
                     them: no test parses them itself

The tests using it are local (no sandbox): examples/linux/build hashes the
files of the checkout, so every path here leads to the checkout (through
this file's real path), not to the runfiles' symlinks. A test imports it
with

    sys.path.insert(0, os.path.join(os.path.dirname(os.path.realpath(__file__)),
                                    "..", "support"))
    import kernel_env

A problem a test cannot go on after (a failed build, the tool exiting with
an unexpected status) raises Failure, an AssertionError: a unittest case
reports it as a failure, a script catches it and says it.
"""
import json
import os
import pwd
import subprocess
import tempfile

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(__file__))))
LINUX = os.path.join(PROJECT, "examples", "linux")
# Bazel's test environment has no HOME: the cache is the user's own.
HOME = pwd.getpwuid(os.getuid()).pw_dir
CACHE = os.environ.get("EARLYINIT_CACHE") or os.path.join(HOME, ".cache", "earlyinit")
TOOL = "src/audit/earlyinit-audit"


class Failure(AssertionError):
    """What stops a kernel test: a build or the tool failed."""


def find_tool():
    """earlyinit-audit: $EARLYINIT_AUDIT, else Bazel's runfiles, else the
    checkout's bazel-bin; None when none is there."""
    if os.environ.get("EARLYINIT_AUDIT"):
        return os.environ["EARLYINIT_AUDIT"]
    places = [os.path.join(PROJECT, "bazel-bin", TOOL)]
    if os.environ.get("TEST_SRCDIR"):
        places.insert(0, os.path.join(os.environ["TEST_SRCDIR"],
                                      os.environ.get("TEST_WORKSPACE") or "earlyinit", TOOL))
    return next((os.path.abspath(p) for p in places if os.path.isfile(p)), None)


def audit_tool():
    tool = find_tool()
    if not tool:
        raise Failure("earlyinit-audit not found (EARLYINIT_AUDIT, the runfiles, bazel-bin): "
                      "bazel build //src/audit:earlyinit-audit")
    return tool


# The environment of every script a test runs: the cache, a plain PATH, and
# the tool (examples/linux/boot reads the logs with it; under Bazel it must
# not run Bazel itself).
ENV = dict(os.environ, EARLYINIT_CACHE=CACHE,
           PATH="/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin")
ENV.setdefault("HOME", HOME)
if find_tool():
    ENV["EARLYINIT_AUDIT"] = find_tool()


def run(cmd, **kw):
    """subprocess.run(cmd) in ENV, stdout and stderr captured as text (KW
    may say otherwise: stderr=None passes it on)."""
    for k, v in (("env", ENV), ("stdout", subprocess.PIPE), ("stderr", subprocess.PIPE),
                 ("text", True), ("errors", "replace")):
        kw.setdefault(k, v)
    return subprocess.run(cmd, **kw)


_versions = None


def versions():
    """[(version, [variants])] of examples/linux/versions, the default first,
    as examples/linux/versions-query json answers."""
    global _versions
    if _versions is None:
        r = run([os.path.join(LINUX, "versions-query"), "json"])
        if r.returncode != 0:
            raise Failure("examples/linux/versions-query json failed: " + r.stderr.strip())
        _versions = [(d["version"], d["variants"]) for d in json.loads(r.stdout)]
    return _versions


_built = {}


def build(linux, variant):
    """The output folder (vmlinux, bzImage) of examples/linux/build --linux
    LINUX VARIANT, built once per process."""
    if (linux, variant) not in _built:
        r = run([os.path.join(LINUX, "build"), "--linux", linux, variant])
        if r.returncode != 0:
            raise Failure("examples/linux/build --linux %s %s failed (exit %d):\n%s"
                          % (linux, variant, r.returncode, r.stderr[-3000:]))
        _built[(linux, variant)] = r.stdout.strip().splitlines()[-1]
    return _built[(linux, variant)]


def audit(*args):
    """`earlyinit-audit ARGS... --format json`, finished."""
    return run([audit_tool()] + list(args) + ["--format", "json"])


def verdict(r, ok=(0,)):
    """(exit status, JSON document) of a finished audit(...); Failure when the
    tool exited with a status not in OK (its stdout is then no verdict) or
    printed what is not JSON."""
    what = " ".join(["earlyinit-audit"] + r.args[1:])
    if r.returncode not in ok:
        raise Failure("%s exited %d: %s" % (what, r.returncode, r.stderr.strip()))
    try:
        return r.returncode, json.loads(r.stdout)
    except json.JSONDecodeError as e:
        raise Failure("%s printed no JSON (%s)" % (what, e))


def chain(vmlinux, subarch):
    """The chain entries ({phase, step, function, address, ...}) of one
    subarch, in run order: `list --subarch SUBARCH`."""
    _, doc = verdict(audit("list", "--subarch", subarch, vmlinux))
    (sub,) = [s for s in doc["subarchs"] if s["name"] == subarch]
    return sub["chain"]


NO_TRACE = "no earlyinit trace lines in "


def trace(log, binary=None):
    """The tool's document of the text LOG (`trace --format json`; with
    BINARY, `--binary BINARY`: each boot checked against its chain, exit 1
    on a difference); None when the log holds no trace or fatal line."""
    with tempfile.NamedTemporaryFile("w", suffix=".log") as f:
        f.write(log)
        f.flush()
        r = audit("trace", f.name, *(["--binary", binary] if binary else []))
    if r.returncode == 2 and NO_TRACE in r.stderr:
        return None
    return verdict(r, ok=(0, 1) if binary else (0,))[1]


def steps(doc):
    """[(subarch, phase, step, status, address)] of every step of every boot
    of a trace document (None: no step), in order; status is the tool's
    (ok, failed, skipped, unfinished), address an int or None."""
    return [(b["subarch"], s["phase"], s["step"], s["status"],
             int(s["address"], 16) if s["address"] else None)
            for b in (doc["boots"] if doc else []) for s in b["steps"]]


def traced(log):
    """steps() of the text LOG."""
    return steps(trace(log))


def fatals(log):
    """The fatal reports (from "earlyinit: " on) in the text LOG."""
    doc = trace(log)
    return [f["message"] for b in (doc["boots"] if doc else []) for f in b["fatals"]]
