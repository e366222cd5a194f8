#!/usr/bin/env bash
# Builds the earlyinit-audit libFuzzer target with clang-14, ASan and UBSan.
# usage: src/audit/fuzz/build.sh ROOT OUT_BINARY
#   ROOT: the workspace (src/audit, src/linktable_meta, include)
set -euo pipefail
root=$(cd "$1" && pwd)
out=$2
cxx=$(command -v clang++-14 || command -v clang++)
"$cxx" -std=c++17 -O1 -g -Wall -Wextra -Werror \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -I"$root" -I"$root/include" \
  "$root"/src/audit/fuzz/audit_fuzz.cc \
  $(ls "$root"/src/audit/*.cc | grep -v '/main\.cc$') \
  "$root"/src/linktable_meta/meta.cc \
  -lelf -o "$out"
