#!/usr/bin/env bash
# Generates a large earlyinit-shaped program for benchmarking earlyinit-audit
# (bench/ owns the benchmarks; this only makes the inputs), with gcc over every
# generated C file: the reference. tests/audit/gen_big.py (--via asm, its
# default) makes the same program from assembly in minutes for 1,000,000
# entries, where this takes hours; tests/audit/gen_big_test.sh checks that
# both give the same program.
#
# usage: tests/audit/gen_big.sh ROOT OUTDIR N
#   N: total number of chain entries (e.g. 1000, 10000, 100000), spread over
#      3 subarchs (pc, xen_pv, xen_pvh), so N/3 steps, all implemented,
#      every step depending on the one before it.
# Leaves OUTDIR/big (executable) and OUTDIR/big_*.o; then time e.g.
#   earlyinit-audit check OUTDIR/big ; earlyinit-audit list OUTDIR/big
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 ROOT OUTDIR N" >&2; exit 2; }
exec python3 "$(dirname "$0")/gen_big.py" --via c "$1" "$2" "$3"
