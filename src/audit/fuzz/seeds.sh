#!/usr/bin/env bash
# Fills SEEDDIR with seeds for the earlyinit-audit fuzz target: the audit
# fixtures (executables, PIE, 32-bit, objects, archives, damaged copies,
# and fuzz_*: inputs that once crashed a target) small enough to mutate
# usefully. Built once; a second call does nothing.
#
# usage: src/audit/fuzz/seeds.sh ROOT SEEDDIR
set -euo pipefail
root=$(cd "$1" && pwd)
seeds=$2
[ -e "$seeds/.built" ] && exit 0
mkdir -p "$seeds"
fixtures=$(mktemp -d)
trap 'rm -rf "$fixtures"' EXIT
"$root/tests/audit/build_fixtures.sh" "$root" "$fixtures" >/dev/null
find "$fixtures" -maxdepth 2 -type f \( -name '*.o' -o -name '*.a' -o -name 'good*' \
     -o -name 'bad.*' -o -name 'truncated*' -o -name parity -o -name deps -o -name tables \
     -o -name 'fuzz_*' \) \
     -size -200k -exec cp {} "$seeds/" \;
touch "$seeds/.built"
