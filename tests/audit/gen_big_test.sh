#!/usr/bin/env bash
# gen_big.py's fast path (--via asm: gcc -S of a template, stamped out per
# step, assembled) makes the same program as its reference path (--via c,
# gcc over every generated file, what gen_big.sh runs): earlyinit-audit's
# output on both is the same for every command and format, and the two
# executables are the same bytes. Small: 1,000 entries in files of 100
# steps (so four files, the last one short), a few seconds of gcc.
#
# usage: bazel test //tests/audit:gen_big_test
#        tests/audit/gen_big_test.sh ROOT AUDIT_TOOL   (outside Bazel)
set -uo pipefail

if [ -n "${TEST_SRCDIR:-}" ]; then
  root="$TEST_SRCDIR/earlyinit"
  tool="$root/src/audit/earlyinit-audit"
  tmp="${TEST_TMPDIR:?}"
else
  root=$(cd "${1:?usage: $0 ROOT AUDIT_TOOL}" && pwd)
  tool=$(cd "$(dirname "${2:?usage: $0 ROOT AUDIT_TOOL}")" && pwd)/$(basename "$2")
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
fi
n=1000
per_file=100
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

gen() {  # gen DIR ARGS...: gen_big.py into tmp/DIR
  local d=$1
  shift
  if ! python3 "$root/tests/audit/gen_big.py" --per-file "$per_file" "$@" "$root" "$tmp/$d" "$n" \
      > "$tmp/$d.log" 2>&1; then
    cat "$tmp/$d.log"
    echo "FAIL: gen_big.py $* did not make the program"
    exit 1
  fi
}
gen c --via c
gen asm --via asm
gen asm-gcc-order --via asm --gcc-section-order

# Every command and format, run from inside each directory so that the
# outputs name the same file (big). Exit statuses are compared too.
cases=(
  "list" "list --format json" "list --subarch xen_pv"
  "check" "check --format json"
  "matrix --color never" "matrix --format json"
  "diff pc xen_pvh" "diff pc xen_pvh --format json"
)
for c in "${cases[@]}"; do
  for d in c asm; do
    # shellcheck disable=SC2086  # the case is a word list
    (cd "$tmp/$d" && "$tool" $c big > "$tmp/$d.out" 2>&1; echo "exit $?" >> "$tmp/$d.out")
  done
  if ! cmp -s "$tmp/c.out" "$tmp/asm.out"; then
    fail "earlyinit-audit $c: the fast generator's program differs from gcc's:"
    diff "$tmp/c.out" "$tmp/asm.out" | head -20
  else
    echo "ok: earlyinit-audit $c: same output ($(wc -l < "$tmp/c.out") lines)"
  fi
done

# The outputs are those of a real program, not of two empty ones: every
# step in every chain, each step's source file and line, check clean.
steps=$(( (n + 2) / 3 ))
(cd "$tmp/c" && "$tool" list big) > "$tmp/list.txt" 2>&1
rows=$(grep -cE "^  early +10 +[0-9]{4} +s[0-9]{6} +f[0-9]{6} +big_[0-9]{6}\.c:[0-9]+$" "$tmp/list.txt")
[ "$rows" -eq $((3 * steps)) ] || fail "list: $rows step rows, want $((3 * steps))"
for s in "pc (id 0, PC)" "xen_pv (id 2, Xen PV)" "xen_pvh (id 5, Xen PVH)"; do
  grep -q "^subarch $s: $steps steps$" "$tmp/list.txt" || fail "list: no chain of $steps steps for $s"
done
# pc's implementation of the last file's first step is on its line 5.
grep -q " s000300  f000300   big_000300.c:5$" "$tmp/list.txt" || fail "list: no row s000300 from big_000300.c:5"
grep -q " s000333  f000333   big_000300.c:203$" "$tmp/list.txt" || fail "list: no row s000333 from big_000300.c:203"
(cd "$tmp/c" && "$tool" check big > "$tmp/check.txt" 2>&1) || fail "check of gcc's program is not clean: $(tail -3 "$tmp/check.txt")"

# Stronger than the outputs: the executables are the same bytes, and with
# gcc's section order the objects are too.
cmp "$tmp/c/big" "$tmp/asm/big" || fail "the executables differ"
cmp "$tmp/c/big" "$tmp/asm-gcc-order/big" || fail "the executables differ (gcc's section order)"
for o in "$tmp"/c/big_*.o; do
  cmp "$o" "$tmp/asm-gcc-order/$(basename "$o")" || fail "$(basename "$o") differs (gcc's section order)"
done
objs=("$tmp"/c/big_*.o)
nobj=${#objs[@]}
[ "$nobj" -eq 5 ] || fail "$nobj objects, want 4 files of steps and big_decl.o"

if [ "$failures" -ne 0 ]; then
  echo "$failures failed"
  exit 1
fi
echo "gen_big: the fast generator's program is gcc's"
