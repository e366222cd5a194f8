#!/usr/bin/env bash
# Fills SEEDDIR with seeds for the paths fuzz target: the fixture of
# tests/audit_paths built with DWARF 4 and 5 (gcc -O2), without start
# files or unwind tables (19 KB: mutations land in the DWARF more often).
#
# usage: src/audit/fuzz/paths_seeds.sh ROOT SEEDDIR
set -euo pipefail
root=$(cd "$1" && pwd)
seeds=$2
[ -e "$seeds/.built" ] && exit 0
mkdir -p "$seeds"
for v in 4 5; do
  gcc -O2 -g -gdwarf-$v -fno-asynchronous-unwind-tables -nostartfiles -Wl,-e,main \
    -o "$seeds/entries-dwarf$v" "$root/tests/audit_paths/fixtures/entries.c"
done
touch "$seeds/.built"
