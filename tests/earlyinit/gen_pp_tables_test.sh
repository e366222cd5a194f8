#!/usr/bin/env bash
# The unrolled preprocessor tables of include/ are what tools/gen_pp_tables.py
# writes (--check), and the check catches a table edited by hand.
set -uo pipefail
root="${TEST_SRCDIR:?run by bazel test}/earlyinit"
gen="$root/tools/gen_pp_tables.py"
python3 "$gen" --check "$root" || { echo "FAIL: the committed tables drifted from the generator"; exit 1; }
tmp=$(mktemp -d "${TEST_TMPDIR:-/tmp}/gen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/include"
cp -rL "$root/include/earlyinit" "$root/include/linktable" "$tmp/include/"
chmod -R u+w "$tmp/include"
sed -i 's/^#define EARLYINIT_I_FP_7_GO_(m, d, x, ...) m(d, x)/& \/\* hand *\//' "$tmp/include/earlyinit/phase_loop.h"
if out=$(python3 "$gen" --check "$tmp" 2>&1) || ! grep -q "phase_loop.h: the table \`phase loop\` differs" <<<"$out"; then
  echo "FAIL: a hand edit of a generated table was not caught: $out"
  exit 1
fi
python3 "$gen" "$tmp" && python3 "$gen" --check "$tmp" || { echo "FAIL: rewriting did not restore the table"; exit 1; }
echo "ok: the tables are the generator's, and a hand edit is caught"
