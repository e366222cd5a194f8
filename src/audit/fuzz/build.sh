#!/usr/bin/env bash
# Builds the earlyinit-audit libFuzzer target with clang-14, ASan and UBSan.
# usage: src/audit/fuzz/build.sh ROOT OUT_BINARY
#   ROOT: the workspace (src/audit, src/linktable_meta, include)
# Each source is compiled on its own, two at a time (FUZZ_BUILD_JOBS), with
# line tables only: enough for symbolized crash stacks, and the build is
# most of the smoke test's time.
set -euo pipefail
root=$(cd "$1" && pwd)
out=$2
cxx=$(command -v clang++-14 || command -v clang++)
objs=$(mktemp -d)
trap 'rm -rf "$objs"' EXIT
flags=(-std=c++17 -O1 -gline-tables-only -Wall -Wextra -Werror
       -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$root" -I"$root/include")
sources=("$root"/src/audit/fuzz/audit_fuzz.cc "$root"/src/linktable_meta/meta.cc)
for f in "$root"/src/audit/*.cc; do
  [ "$(basename "$f")" = main.cc ] || sources+=("$f")
done
export cxx objs
printf '%s\n' "${sources[@]}" |
  xargs -P "${FUZZ_BUILD_JOBS:-2}" -I{} sh -c \
    '"$cxx" "$@" -c "{}" -o "$objs/$(echo "{}" | tr / _).o"' _ "${flags[@]}"
"$cxx" "${flags[@]}" "$objs"/*.o -ldw -lelf -o "$out"
