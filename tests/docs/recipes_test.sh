#!/usr/bin/env bash
# docs/recipes.md's recipes build, run and pass the audit as written, and
# each mistake it shows gives the message it quotes (recipes.py). First,
# the harness notices a broken recipe and a wrong quote, on copies.
set -uo pipefail
here="${TEST_SRCDIR:?run by bazel test}/earlyinit"
audit="$here/src/audit/earlyinit-audit"
doc="$here/docs/recipes.md"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs"
for d in include linker_scripts tests; do ln -s "$here/$d" "$tmp/$d"; done
# expect NAME LINE-PATTERN SED: the copy edited by SED fails, naming the line.
expect() {
  sed "$3" "$doc" >"$tmp/docs/recipes.md"
  if cmp -s "$doc" "$tmp/docs/recipes.md"; then
    echo "self-test: the edit \`$3\` changed nothing in docs/recipes.md"
    exit 1
  fi
  out=$(python3 "$here/tests/docs/recipes.py" "$tmp" --audit "$audit" --only "$1" --compilers gcc 2>&1)
  rc=$?
  if [ $rc -eq 0 ] || ! grep -q "^FAIL docs/recipes.md:[0-9]*: $2" <<<"$out"; then
    echo "self-test: recipes.py did not flag \`$3\` (exit $rc):"
    echo "$out"
    exit 1
  fi
}
expect add_step "recipe add_step does not build" 's/^EARLYINIT_DEFINE_STEP(microcode);/EARLYINIT_DEFINE_STEP(micrcode);/'
expect add_subarch_own "the mistake of .*does not contain" 's/have the same id, 0 (expected/have the same id, 1 (expected/'
expect add_phase "recipe add_phase: .earlyinit-audit list prog. .* does not print" 's/^  late_init  10     0100   rng_seed/  late_init  20     0100   rng_seed/'
echo "self-test: a broken recipe, a wrong quote and a wrong output are flagged"

exec python3 "$here/tests/docs/recipes.py" "$here" --audit "$audit" --jobs 2
