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
# directory two levels above this script's); AUDIT_FUZZ_BINARY names a
# target build.sh already built (Bazel's //src/audit/fuzz:audit_fuzz).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=${AUDIT_FUZZ_ROOT:-$(cd "$here/../../.." && pwd)}
seconds=${1:-60}
work=${2:-/tmp/earlyinit-audit-fuzz}
mkdir -p "$work/corpus" "$work/seeds"
work=$(cd "$work" && pwd)

if [ -n "${AUDIT_FUZZ_BINARY:-}" ]; then
  cp "$AUDIT_FUZZ_BINARY" "$work/audit_fuzz" && chmod u+w "$work/audit_fuzz"
else
  "$here/build.sh" "$root" "$work/audit_fuzz"
fi

"$here/seeds.sh" "$root" "$work/seeds"

cd "$work"
exec ./audit_fuzz -max_total_time="$seconds" -max_len=262144 -timeout=10 \
  -rss_limit_mb=2048 -print_final_stats=1 corpus seeds
