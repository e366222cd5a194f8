#!/usr/bin/env bash
# earlyinit-audit paths --preset linux-x86_64 on Debian's 630 MB vmlinux
# (linux-image-6.1.0-47-amd64-dbg, fetched once by
# tests/audit_paths/fetch_debian_vmlinux): for each --depth, the wall time
# (best of 3), the peak resident set (/usr/bin/time) and callgrind's
# instruction count, the stable figure. Prints a markdown section.
#
#   bench/paths_bench.sh TOOL [DEPTH...]     (default depths 1 2 3 4 6 8)
set -euo pipefail
cd "$(dirname "$0")/.."
tool=$1
shift
depths=("$@")
[ ${#depths[@]} -gt 0 ] || depths=(1 2 3 4 6 8)
command -v valgrind >/dev/null || { echo "paths_bench: needs valgrind (tools/install)" >&2; exit 1; }
vmlinux=$(tests/audit_paths/fetch_debian_vmlinux | tail -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "## earlyinit-audit paths on Debian's vmlinux"
echo
echo "\`paths --preset linux-x86_64 --depth N\` on $(basename "$vmlinux") ($(($(stat -c %s "$vmlinux") / 1000000)) MB),"
echo "$(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) at the start."
echo
echo "| depth | tree lines | instructions (callgrind) | wall (best of 3) | peak RSS |"
echo "|---:|---:|---:|---:|---:|"
for d in "${depths[@]}"; do
  best=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$tmp/time" "$tool" paths "$vmlinux" --preset linux-x86_64 \
      --depth "$d" >"$tmp/out" || [ $? -eq 1 ]
    read -r wall rss <"$tmp/time"
    if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
  done
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$tool" paths "$vmlinux" \
    --preset linux-x86_64 --depth "$d" >/dev/null 2>"$tmp/vg" || true
  ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/vg")
  echo "| $d | $(wc -l <"$tmp/out") | $ir | ${best} s | $((rss / 1024)) MB |"
done
