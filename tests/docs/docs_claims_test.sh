#!/usr/bin/env bash
# The docs' links, named paths and macro names against the source tree, and
# no tracker issue numbers anywhere (docs_claims.py). The source tree is
# found through README.md's runfile, a link into it; the test is tagged
# `external` so that Bazel reruns it instead of caching a verdict on files
# it does not declare.
set -uo pipefail
here="${TEST_SRCDIR:?run by bazel test}/earlyinit"
root=$(dirname "$(readlink -f "$here/README.md")")
if [ ! -f "$root/WORKSPACE" ]; then
  echo "docs_claims_test: README.md's runfile does not lead to the source tree ($root)"
  exit 1
fi

# The checker notices what it checks: a broken link, a missing named path,
# a macro no source spells, an issue number.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs" "$tmp/examples" "$tmp/include/earlyinit" "$tmp/src"
touch "$tmp/.gitignore"
echo '#define EARLYINIT_REAL 1' >"$tmp/include/earlyinit/real.h"
cat >"$tmp/README.md" <<'MD'
[ok](docs/a.md) [gone](docs/gone.md) [out](../x.md) `include/earlyinit/none.h`
`EARLYINIT_REAL` `EARLYINIT_GHOST`
MD
n=9  # the number apart, or this file would cite one
echo "as issue $n says" >"$tmp/docs/a.md"
out=$(python3 "$here/tests/docs/docs_claims.py" "$tmp")
for want in "README.md:1: link to a missing file: docs/gone.md" \
            "README.md:1: link outside the repository: ../x.md" \
            "README.md:1: names a missing path: include/earlyinit/none.h" \
            "README.md:2: names EARLYINIT_GHOST, which no source spells" \
            "docs/a.md:1: cites a tracker's issue number: issue $n"; do
  if ! grep -qF "FAIL $want" <<<"$out"; then
    echo "self-test: docs_claims.py did not report: $want"
    echo "$out"
    exit 1
  fi
done
if grep -q "EARLYINIT_REAL\|docs/a.md)" <<<"$out"; then
  echo "self-test: docs_claims.py reported what is right:"
  echo "$out"
  exit 1
fi
echo "self-test: the checker reports each kind of problem"

exec python3 "$here/tests/docs/docs_claims.py" "$root"
