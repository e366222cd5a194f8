#!/usr/bin/env bash
# Every documented example compiles (doc_examples.py), and the harness does
# notice a broken one: on selftest/ it must fail, naming the file and line.
set -uo pipefail
here="${TEST_SRCDIR:?run by bazel test}/earlyinit"

out=$(python3 "$here/tests/docs/doc_examples.py" "$here/tests/docs/selftest" 2>&1)
rc=$?
if [ $rc -eq 0 ] || ! grep -q '^FAIL include/demo/demo.h:18: ' <<<"$out" ||
   ! grep -q '^ok   include/demo/demo.h:9 (c)' <<<"$out" ||
   ! grep -q '^FAIL README.md:13: this c part includes headers and does not compile alone' <<<"$out"; then
  echo "self-test: the harness did not flag demo.h:18 and README.md:13 (exit $rc):"
  echo "$out"
  exit 1
fi
echo "self-test: broken example flagged at include/demo/demo.h:18, wrong include order at README.md:13"

exec python3 "$here/tests/docs/doc_examples.py" "$here" --jobs 2
