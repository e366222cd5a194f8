#!/usr/bin/env bash
# tools/docs builds the API reference with no Doxygen warning and without
# the internals; and the probe is real: with the INTERNAL section enabled,
# an internal name does show up.
set -uo pipefail
root="${TEST_SRCDIR:?run by bazel test}/earlyinit"
out="${TEST_TMPDIR:?}/docs"

"$root/tools/docs" "$out" || exit 1

# The probe: with EXCLUDE_SYMBOLS cleared (it hides every name ending in
# `_`), the doc text of the internal LINKTABLE_I_HIDDEN_ must be absent without the
# INTERNAL section and present with it: @cond is what hides it.
probe() {  # probe OUT [extra Doxyfile lines...]
  local dir=$TEST_TMPDIR/$1
  shift
  mkdir -p "$dir"
  (cd "$root" && { cat Doxyfile; echo "EXCLUDE_SYMBOLS ="; echo "WARN_AS_ERROR = NO"; printf '%s\n' "$@"; } |
     EARLYINIT_DOCS_OUT="$dir" doxygen - > /dev/null 2>&1)
  grep -rq "markers and entries are never preempted" "$dir/html"  # its own doc text
}
if probe probe-hidden; then
  echo "probe: LINKTABLE_I_HIDDEN_ is in the reference without the INTERNAL section: @cond hides nothing"
  exit 1
fi
if ! probe probe-internal "ENABLED_SECTIONS = INTERNAL"; then
  echo "probe: LINKTABLE_I_HIDDEN_ not found even with @cond INTERNAL enabled;"
  echo "the check that @cond hides it proves nothing"
  exit 1
fi
echo "probe: @cond INTERNAL is what hides LINKTABLE_I_HIDDEN_"
