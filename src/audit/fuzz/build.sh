#!/usr/bin/env bash
# Builds the earlyinit-audit libFuzzer target: the one build is tools/fuzz's
# (clang-14, ASan and UBSan, the same flags as every fuzz run).
# usage: src/audit/fuzz/build.sh ROOT OUT_BINARY
#   ROOT: the workspace (tools/fuzz, src/audit, src/linktable_meta, include)
# Objects go to FUZZ_OUT (default: a directory removed afterwards).
set -euo pipefail
root=$(cd "$1" && pwd)
out=$2
work=${FUZZ_OUT:-$(mktemp -d)}
[ -n "${FUZZ_OUT:-}" ] || trap 'rm -rf "$work"' EXIT
FUZZ_OUT=$work "$root/tools/fuzz" --build earlyinit_audit
cp "$work/earlyinit_audit/fuzzer" "$out"
