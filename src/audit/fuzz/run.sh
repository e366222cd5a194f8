#!/usr/bin/env bash
# Runs the earlyinit-audit fuzz target for a while, seeded with the audit
# fixtures (executables, PIE, 32-bit, objects, archives, damaged copies).
#
# usage: src/audit/fuzz/run.sh [SECONDS] [WORKDIR]
#   SECONDS: how long to fuzz (default 60)
#   WORKDIR: where the binary, corpus and crash files go
#            (default /tmp/earlyinit-audit-fuzz); a crash leaves
#            WORKDIR/crash-* and a non-zero exit status.
# Environment: AUDIT_FUZZ_ROOT overrides the workspace root (default: the
# directory two levels above this script's).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${AUDIT_FUZZ_ROOT:-$(cd "$here/../../.." && pwd)}
seconds=${1:-60}
work=${2:-/tmp/earlyinit-audit-fuzz}
mkdir -p "$work/corpus" "$work/seeds"
work=$(cd "$work" && pwd)

"$here/build.sh" "$root" "$work/audit_fuzz"

"$here/seeds.sh" "$root" "$work/seeds"

cd "$work"
exec ./audit_fuzz -max_total_time="$seconds" -max_len=262144 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 corpus seeds
