#!/usr/bin/env bash
# earlyinit-audit's sources obey C++'s One Definition Rule: built with GCC's
# link-time optimisation and -Wodr -Werror, two different types of one name
# in namespace audit fail the link. Such a clash compiles and links
# silently otherwise, and corrupts memory at run time: paths' first
# audit::ChainStep (call_tree.h) met trace_check.h's, and `trace --binary`
# died in malloc. Several engineers add types to namespace audit at once.
set -euo pipefail
root=${TEST_SRCDIR:+$TEST_SRCDIR/${TEST_WORKSPACE:-__main__}}
root=${root:-$(cd "$(dirname "$0")/../.." && pwd)}
command -v g++ >/dev/null || { echo "odr_test: needs g++ (run tools/install)" >&2; exit 1; }
tmp=$(mktemp -d "${TEST_TMPDIR:-/tmp}/odr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$root"
# Every source of the tool, in its stage folders too (not the fuzz targets).
mapfile -t sources < <(find src/audit -name '*.cc' ! -path 'src/audit/fuzz/*' | sort)
sources+=(src/linktable_meta/meta.cc)
[ ${#sources[@]} -gt 10 ] || { echo "odr_test: the audit sources are missing under $root" >&2; exit 1; }
printf '%s\n' "${sources[@]}" | TMP=$tmp xargs -P 2 -I{} sh -c \
  'g++ -std=c++17 -O1 -flto -I. -Iinclude -c "{}" -o "$TMP/$(echo "{}" | tr / _).o"'
if ! g++ -O1 -flto -Wodr -Werror "$tmp"/*.o -ldw -lelf -o "$tmp/earlyinit-audit" 2>"$tmp/link.log"; then
  grep -E "One Definition Rule|note:" "$tmp/link.log" >&2 || cat "$tmp/link.log" >&2
  echo "odr_test: FAIL: a type of namespace audit is defined twice, differently" >&2
  exit 1
fi
echo "odr_test: ${#sources[@]} sources, no ODR violation"
