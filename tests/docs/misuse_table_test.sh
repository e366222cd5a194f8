#!/usr/bin/env bash
# docs/earlyinit.md's misuse table is what tests/docs/misuse_table.py
# generates from tests/earlyinit/misuse_test.cc's cases. The source tree is
# found through README.md's runfile (tagged `external`, as docs_claims_test).
set -uo pipefail
here="${TEST_SRCDIR:?run by bazel test}/earlyinit"
root=$(dirname "$(readlink -f "$here/README.md")")
gen="$here/tests/docs/misuse_table.py"

# The check notices drift either way: a case the doc does not show, a row
# edited by hand.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs" "$tmp/tests/earlyinit"
cp "$root/docs/earlyinit.md" "$tmp/docs/"
cp "$root/tests/earlyinit/misuse_test.cc" "$tmp/tests/earlyinit/"
python3 "$gen" --check "$tmp" >/dev/null || { echo "self-test: the copy does not agree"; exit 1; }
sed -i 's/unknown step `kasan_erly`/unknown step `kasan_early`/' "$tmp/docs/earlyinit.md"
if python3 "$gen" --check "$tmp" >/dev/null; then
  echo "self-test: a row edited by hand was not noticed"
  exit 1
fi
cp "$root/docs/earlyinit.md" "$tmp/docs/"
sed -i 's/"EARLYINIT_IMPL: unknown step `kasan_erly`/"EARLYINIT_IMPL: no step `kasan_erly`/' \
  "$tmp/tests/earlyinit/misuse_test.cc"
if python3 "$gen" --check "$tmp" >/dev/null; then
  echo "self-test: a changed case was not noticed"
  exit 1
fi
echo "self-test: drift is noticed both ways"

exec python3 "$gen" --check "$root"
