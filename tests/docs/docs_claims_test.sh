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
# a macro no source spells, an issue number, a wrong count (tests in a
# BUILD, the tool's commands, files), a list of the tool's commands that
# leaves some out, an option the tool does not have, a figure or a fact
# stated twice, Linux versions that are not examples/linux/versions' or are
# listed in two docs.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs" "$tmp/examples/linux" "$tmp/include/earlyinit" "$tmp/src/audit" "$tmp/tests/p"
touch "$tmp/.gitignore"
cp "$root/examples/linux/versions-query" "$tmp/examples/linux/"
printf '6.1 xen\n6.12 kasan\n' >"$tmp/examples/linux/versions"
echo '#define EARLYINIT_REAL 1' >"$tmp/include/earlyinit/real.h"
cat >"$tmp/src/audit/options.cc" <<'CC'
const char kUsage[] =
    "commands:\n"
    "  list [--subarch S] FILE...  a chain\n"
    "  matrix FILE...              the matrix\n"
    "  diff S1 S2 FILE...          two chains\n"
    "  check FILE...               parity\n"
    "\n"
    "options (anywhere on the line):\n"
    "  --format text|json          output format\n";
bool Known(const std::string& a) { return a == "--format" || a == "--subarch"; }
CC
printf 'sh_test(\n    name = "one_test",\n)\ncc_test(\n    name = "two_test",\n)\n' >"$tmp/tests/p/BUILD"
cat >"$tmp/README.md" <<'MD'
[ok](docs/a.md) [gone](docs/gone.md) [out](../x.md) `include/earlyinit/none.h`
`EARLYINIT_REAL` `EARLYINIT_GHOST`
`bazel test //tests/p/...` runs three tests: `one_test`.
`earlyinit-audit` has three commands: `list`, `matrix`, `diff`.
Run `earlyinit-audit list --subarch pc --frobnicate FILE`; `check` takes 0.19 s.
`include/earlyinit/` holds two headers.
A Linux kernel build takes about 8 minutes.
Linux 6.1 and 6.15, each a series.
MD
n=9  # the number apart, or this file would cite one
printf '%s\n' "as issue $n says" "check: 0.19 s" "Each Linux build took about 12 minutes." \
  "\`earlyinit-audit\` and its four commands" "Linux 6.12 and 6.1 through earlyinit" >"$tmp/docs/a.md"
out=$(python3 "$here/tests/docs/docs_claims.py" "$tmp")
for want in "README.md:1: link to a missing file: docs/gone.md" \
            "README.md:1: link outside the repository: ../x.md" \
            "README.md:1: names a missing path: include/earlyinit/none.h" \
            "README.md:2: names EARLYINIT_GHOST, which no source spells" \
            "docs/a.md:1: cites a tracker's issue number: issue $n" \
            "README.md:3: says //tests/p/... runs three tests; its BUILD has 2" \
            "README.md:3: counts the tests of //tests/p/... but does not name two_test" \
            "README.md:4: says three commands; earlyinit-audit has 4 (list, matrix, diff, check)" \
            "README.md:4: names earlyinit-audit's commands list, matrix, diff but not check" \
            "README.md:5: names the option --frobnicate, which earlyinit-audit does not have" \
            "README.md:6: says include/earlyinit/ holds two headers; it holds 1" \
            "README.md:5: states 0.19 s, as docs/a.md:2 does: one fact, one place" \
            "README.md:7: states how long a Linux kernel build takes, as docs/a.md:3 does" \
            "README.md:8: lists Linux 6.1, 6.15; examples/linux/versions has 6.1, 6.12" \
            "README.md:8: lists the Linux versions, as docs/a.md:5 does: one fact, one place"; do
  if ! grep -qF "FAIL $want" <<<"$out"; then
    echo "self-test: docs_claims.py did not report: $want"
    echo "$out"
    exit 1
  fi
done
if grep -q "EARLYINIT_REAL\|docs/a.md)\|--subarch\|--format\|docs/a.md:4: says four\|docs/a.md:5: lists Linux" <<<"$out"; then
  echo "self-test: docs_claims.py reported what is right:"
  echo "$out"
  exit 1
fi
echo "self-test: the checker reports each kind of problem"

exec python3 "$here/tests/docs/docs_claims.py" "$root"
