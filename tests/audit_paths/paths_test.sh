#!/usr/bin/env bash
# earlyinit-audit paths on small fixtures compiled here (fixtures/entries.c:
# gcc -O2 with DWARF 4 and 5, clang -O2 with DWARF 5): text and JSON
# goldens, the KASAN rule's exit statuses, the SVG (xmllint, rsvg-convert),
# bad inputs.
#
# Addresses and offsets depend on the compiler: the goldens hold them as
# 0x_ (the structure, names, kinds, order and findings are compared).
# Update the goldens after an intended change with
#   PATHS_UPDATE_GOLDEN=1 tests/audit_paths/paths_test.sh   (from the workspace)
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ -n "${TEST_SRCDIR:-}" ]; then
  tool=$TEST_SRCDIR/${TEST_WORKSPACE:-__main__}/src/audit/earlyinit-audit
else
  tool=${EARLYINIT_AUDIT:-$here/../../bazel-bin/src/audit/earlyinit-audit}
fi
tmp=$(mktemp -d "${TEST_TMPDIR:-/tmp}/paths.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/cache  # fontconfig's cache for rsvg-convert

passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL: $*" >&2; failed=$((failed + 1)); }
need() { command -v "$1" >/dev/null || { echo "paths_test: needs $1 (run tools/install)" >&2; exit 1; }; }
need gcc; need clang; need xmllint; need rsvg-convert; need python3

norm() { sed -E 's/0x[0-9a-f]+/0x_/g'; }

# run NAME WANT_STATUS ARGS...: runs the tool, keeps stdout/stderr, checks the status.
run() {
  local name=$1 want=$2
  shift 2
  (cd "$tmp" && exec "$tool" "$@") >"$tmp/$name.out" 2>"$tmp/$name.err"
  local rc=$?
  [ "$rc" -eq "$want" ] && ok || fail "$name: exit $rc, want $want; stderr: $(cat "$tmp/$name.err")"
}

golden() {  # golden NAME: normalised stdout against golden/NAME
  local name=$1
  norm <"$tmp/$name.out" >"$tmp/$name.norm"
  if [ -n "${PATHS_UPDATE_GOLDEN:-}" ]; then
    cp "$tmp/$name.norm" "$here/golden/$name"
  fi
  if diff -u "$here/golden/$name" "$tmp/$name.norm" >"$tmp/$name.diff"; then ok; else
    fail "$name differs from golden/$name:"; cat "$tmp/$name.diff" >&2
  fi
}

stderr_has() {  # stderr_has NAME TEXT
  grep -qF -- "$2" "$tmp/$1.err" && ok || fail "$1: stderr lacks \"$2\": $(cat "$tmp/$1.err")"
}

for v in 4 5; do
  gcc -O2 -g -gdwarf-$v -o "$tmp/entries-dwarf$v" "$here/fixtures/entries.c" ||
    { echo "paths_test: cannot build the fixture with gcc -gdwarf-$v" >&2; exit 1; }
done
gcc -O2 -o "$tmp/entries-nodebug" "$here/fixtures/entries.c"

# The preset: native clean, PVH and Xen PV flagged by the KASAN rule.
for v in 4 5; do
  run preset-dwarf$v 1 paths entries-dwarf$v --preset linux-x86_64 --depth 4
  run preset-json-dwarf$v 1 paths --format json entries-dwarf$v --preset linux-x86_64 --depth 4
done
golden preset-dwarf5
golden preset-json-dwarf5
# DWARF 4 (DW_TAG_GNU_call_site) reads as DWARF 5 (DW_TAG_call_site).
diff <(norm <"$tmp/preset-dwarf4.out") <(norm <"$tmp/preset-dwarf5.out") >/dev/null && ok ||
  fail "DWARF 4 and DWARF 5 give different trees"
# Clang's DWARF 5 (its call sites sit beside the inlined helpers, not in
# them): the same findings.
clang -O2 -g -gdwarf-5 -Wno-unknown-attributes -o "$tmp/entries-clang" "$here/fixtures/entries.c" ||
  { echo "paths_test: cannot build the fixture with clang -gdwarf-5" >&2; exit 1; }
run preset-clang 1 paths entries-clang --preset linux-x86_64 --depth 4
diff <(grep "^kasan-before" "$tmp/preset-clang.out") <(grep "^kasan-before" "$tmp/preset-dwarf5.out") &&
  ok || fail "clang's DWARF 5 gives other findings than gcc's"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [f["entry"] for f in d["findings"]] == ["pvh","xen_pv","xen_pv"], d["findings"]' \
  "$tmp/preset-json-dwarf4.out" && ok || fail "JSON findings of the preset"

# Entries of one's own: native alone is clean (exit 0); --stop cuts the
# tree; --depth 1 shows the entry's own calls only.
run native 0 paths entries-dwarf5 --entry native=x86_64_start_kernel \
  --stop x86_64_start_reservations --depth 2
golden native
run depth1 1 paths entries-dwarf5 --entry=xen=xen_start_kernel --depth=1
golden depth1
# The rule follows path order: the instrumented copy_bootdata runs after
# kasan_early_init on native, so it is no finding; a stop at
# kasan_early_init's caller hides the instrumented code and the finding.
grep -q "copy_bootdata" "$tmp/native.out" && ok || fail "native: copy_bootdata not shown"
# An indirect call is shown with the pointer it goes through, not followed.
grep -q "indirect \*pv_cpu_op  *xen_start_kernel+0x_" <(norm <"$tmp/depth1.out") && ok ||
  fail "depth1: the indirect call through pv_cpu_op"
run stop-before 0 paths entries-dwarf5 --entry x=xen_start_kernel --stop xen_setup_features \
  --stop checked_load
grep -q "inline checked_load  *\[stop\]" "$tmp/stop-before.out" && ok || fail "stop on an inlined function"

# The preset on kernels built otherwise: without XEN_PV its entry is left
# out and said so; with examples/linux's PVH entry (earlyinit_enter_pvh,
# not instrumented) the PVH path is clean; a file with none is an error.
gcc -O2 -g -DNO_XEN_PV -o "$tmp/no-xen-pv" "$here/fixtures/entries.c"
gcc -O2 -g -DNO_XEN_PV -DPATCHED_PVH -o "$tmp/patched-pvh" "$here/fixtures/entries.c"
run no-xen-pv 1 paths no-xen-pv --preset linux-x86_64
grep -q "^entry xen_pv: not in this file (no xen_start_kernel)" "$tmp/no-xen-pv.out" && ok ||
  fail "no-xen-pv: the absent entry is not said"
run patched-pvh 0 paths patched-pvh --preset linux-x86_64
grep -q "^entry pvh: earlyinit_enter_pvh, then x86_64_start_kernel" "$tmp/patched-pvh.out" && ok ||
  fail "patched-pvh: the PVH entry is not earlyinit_enter_pvh"
printf 'int main(void) { return 0; }\n' >"$tmp/empty.c"
gcc -g -o "$tmp/empty" "$tmp/empty.c"
run none 2 paths empty --preset linux-x86_64
stderr_has none "none of the preset's entries is in the file"

# SVG: valid XML, renders, flagged calls in red.
run svg 1 paths entries-dwarf5 --preset linux-x86_64 --format svg
xmllint --noout "$tmp/svg.out" && ok || fail "svg: not valid XML"
rsvg-convert -o "$tmp/svg.png" "$tmp/svg.out" && [ -s "$tmp/svg.png" ] && ok || fail "svg: rsvg-convert failed"
[ "$(grep -c 'class="finding"' "$tmp/svg.out")" -eq 3 ] && ok || fail "svg: want 3 flagged calls"

# A program that uses earlyinit (examples/hosted, built here with -g): where
# a path reaches the dispatcher, the chain of the entry's subarch from
# .linktable_meta hangs under it, equal to `earlyinit-audit list`.
root=$(cd "$here/../.." && pwd)
if [ -d "$root/examples/hosted" ] && [ -f "$root/linker_scripts/linktable.ld" ]; then
  mkdir -p "$tmp/hosted"
  gcc -std=gnu11 -O2 -g -I"$root/include" -I"$root" -c "$root/examples/hosted/steps.c" -o "$tmp/hosted/steps.o" &&
    for f in boot cpu kasan main; do
      g++ -std=c++17 -O2 -g -I"$root/include" -I"$root" -c "$root/examples/hosted/$f.cc" -o "$tmp/hosted/$f.o" || exit 1
    done &&
    g++ -fuse-ld=bfd -O2 -g "$tmp"/hosted/*.o -Wl,-T,"$root/linker_scripts/linktable.ld" -o "$tmp/hosted/hosted" ||
    { echo "paths_test: cannot build examples/hosted with -g" >&2; exit 1; }
  run hosted 0 paths --format json hosted/hosted --entry pc=main --entry xen_pv=main --entry xen_pvh=main --depth 1
  for s in pc xen_pv xen_pvh; do
    run list-$s 0 list --format json --subarch $s hosted/hosted
    python3 - "$tmp/hosted.out" "$tmp/list-$s.out" $s <<'PY' && ok || fail "hosted: the chain under the dispatcher of $s differs from list"
import json, sys
paths, listed, sub = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
def steps(n, out):
    if n["kind"] == "step": out.append((n["step"], n["name"]))
    for c in n.get("calls", []): steps(c, out)
    return out
got = [s for r in next(e for e in paths["entries"] if e["name"] == sub)["tree"] for s in steps(r, [])]
want = [(c["step"], c["function"]) for c in listed["subarchs"][0]["chain"]]
assert got and got == want, (got, want)
PY
  done
else
  fail "examples/hosted or linker_scripts/linktable.ld missing"
fi

# Bad input: no DWARF, a missing entry symbol, not ELF, truncated, damaged.
run nodebug 2 paths entries-nodebug --preset linux-x86_64
stderr_has nodebug "no DWARF debug info (build the kernel with CONFIG_DEBUG_INFO"
stderr_has nodebug "-dbg package"
[ "$(wc -l <"$tmp/nodebug.err")" -eq 1 ] && ok || fail "nodebug: want one line"
run missing 2 paths entries-dwarf5 --entry a=x86_64_start_kernel --entry b=no_such_entry,other
stderr_has missing "no function symbol no_such_entry (entry b), other (entry b)"
gcc -O2 -g -c -o "$tmp/entries.o" "$here/fixtures/entries.c"
run object 2 paths entries.o --preset linux-x86_64
stderr_has object "a relocatable object; paths reads a linked executable"
echo "not an ELF file" >"$tmp/text"
run notelf 2 paths text --preset linux-x86_64
stderr_has notelf "not an ELF file"
run nofile 2 paths absent --preset linux-x86_64
stderr_has nofile "No such file"
size=$(stat -c %s "$tmp/entries-dwarf5")
for cut in 2 3 5 8; do
  head -c $((size * cut / 10)) "$tmp/entries-dwarf5" >"$tmp/cut$cut"
  run cut$cut 2 paths cut$cut --preset linux-x86_64
  stderr_has cut$cut "truncated or damaged ELF file"
done
# Damaged .debug_info: every byte after the unit headers flipped.
python3 "$here/damage.py" "$tmp/entries-dwarf5" "$tmp/damaged"
run damaged 2 paths damaged --preset linux-x86_64
stderr_has damaged "damaged DWARF"

# Deeper than paths follows: 70 calls with 8 inlines each stop at 512
# levels, marked [depth]; DIEs nested 300 deep are refused by name.
python3 "$here/deep.py" "$tmp"
gcc -O2 -g -o "$tmp/chain" "$tmp/chain.c" && gcc -O2 -g -o "$tmp/nest" "$tmp/nest.c" ||
  { echo "paths_test: cannot build deep.py's programs" >&2; exit 1; }
run chain 0 paths chain --entry c=f0 --depth 64
[ "$(grep -c '\[depth\]' "$tmp/chain.out")" -eq 1 ] && ! grep -q "call f60" "$tmp/chain.out" && ok ||
  fail "chain: want one [depth] mark, before f60"
run nest 2 paths nest --entry n=top
stderr_has nest "DIEs nest deeper than 256 levels"

# Usage errors.
run no-entry 2 paths entries-dwarf5
stderr_has no-entry "paths needs --entry NAME=SYMBOL or --preset linux-x86_64"
run bad-entry 2 paths entries-dwarf5 --entry native
stderr_has bad-entry "--entry needs NAME=SYMBOL[,SYMBOL...]"
run bad-depth 2 paths entries-dwarf5 --preset linux-x86_64 --depth 0
stderr_has bad-depth "--depth needs a number from 1 to 64"
run bad-preset 2 paths entries-dwarf5 --preset linux-arm
stderr_has bad-preset "unknown preset"
run twice 2 paths entries-dwarf5 --preset linux-x86_64 --entry native=main
stderr_has twice "entry native is given twice"
run two-files 2 paths entries-dwarf5 entries-dwarf4 --preset linux-x86_64
stderr_has two-files "paths needs exactly one FILE"

run dashdash 0 paths --entry native=x86_64_start_kernel --stop x86_64_start_reservations -- entries-dwarf5
run help 0 paths --help
grep -q "paths FILE \[--entry NAME=SYMBOL" "$tmp/help.out" && ok || fail "paths --help: no paths line"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
