#!/usr/bin/env bash
# tools/docs builds the API reference with no Doxygen warning and without
# the internals; and the probe is real: with the INTERNAL section enabled,
# an internal name does show up.
set -uo pipefail
root="${TEST_SRCDIR:?run by bazel test}/earlyinit"
out="${TEST_TMPDIR:?}/docs"

"$root/tools/docs" "$out" || exit 1

probe="$TEST_TMPDIR/probe"
mkdir -p "$probe"
(cd "$root" && { cat Doxyfile; echo "ENABLED_SECTIONS = INTERNAL"; echo "WARN_AS_ERROR = NO"; } |
   EARLYINIT_DOCS_OUT="$probe" doxygen - > /dev/null 2>&1)
if ! grep -rqw LINKTABLE_EMITTER_SECTION "$probe/html"; then
  echo "probe: LINKTABLE_EMITTER_SECTION not found even with @cond INTERNAL enabled;"
  echo "the check that @cond hides it proves nothing"
  exit 1
fi
echo "probe: @cond INTERNAL is what hides LINKTABLE_EMITTER_SECTION"
