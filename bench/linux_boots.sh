#!/usr/bin/env bash
# Seconds to /init for each kernel of examples/linux: every version and
# variant of examples/linux/versions, every entry, booted RUNS times (best
# run kept). Two figures per boot: the kernel's own clock when it printed
# "Run /init as init process" (printk.time=1; for the Xen entries it starts
# with dom0, after Xen's own boot) and the wall time from QEMU's start to
# its exit after /init's power-off. QEMU runs TCG, so both depend on the
# host's load: the report names the load. Builds what is not cached.
# Prints a markdown section.
#
#   bench/linux_boots.sh [RUNS]        (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
case "$runs" in '' | *[!0-9]* | 0) echo "linux_boots: RUNS must be a positive number, not '$runs'" >&2; exit 2 ;; esac
entries=(native pvh xen-pvh xen-pv)
versions=$(examples/linux/versions-query list)
# examples/linux/boot reads fatal reports with the audit tool: built once here.
bazel build //src/audit:earlyinit-audit >/dev/null 2>&1 ||
  { echo "linux_boots: bazel build //src/audit:earlyinit-audit failed" >&2; exit 1; }
export EARLYINIT_AUDIT=$PWD/bazel-bin/src/audit/earlyinit-audit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One boot: "KERNEL_SECONDS WALL_SECONDS" on stdout, or a failure.
boot_once() {
  local linux=$1 variant=$2 entry=$3 start end at
  start=$(date +%s.%N)
  if ! examples/linux/boot "$entry" --linux "$linux" --variant "$variant" \
      --append printk.time=1 >"$tmp/log" 2>"$tmp/err"; then
    echo "linux_boots: $linux $variant $entry did not reach /init:" >&2
    tail -5 "$tmp/err" >&2
    return 1
  fi
  end=$(date +%s.%N)
  at=$(sed -n 's/^\[ *\([0-9.]*\)\] Run \/init as init process.*/\1/p' "$tmp/log" | head -1)
  [ -n "$at" ] || { echo "linux_boots: $linux $variant $entry: no timestamped 'Run /init' line" >&2; return 1; }
  awk -v a="$at" -v s="$start" -v e="$end" 'BEGIN { printf "%.2f %.1f\n", a, e - s }'
}

echo "## Linux: seconds to /init"
echo
echo "examples/linux kernels under QEMU TCG (-smp 2), best of $runs; $(nproc) cores,"
echo "load $(cut -d' ' -f1 /proc/loadavg) at the start. Each cell: the kernel's clock at"
echo "\`Run /init\` / wall seconds from QEMU's start to its exit."
echo
echo "| version | variant | native | PVH (QEMU) | PVH dom0 (Xen) | PV dom0 (Xen) |"
echo "|---|---|---:|---:|---:|---:|"
for linux in $versions; do
  variants=$(examples/linux/versions-query variants "$linux")
  for variant in $variants; do
    examples/linux/build --linux "$linux" "$variant" >/dev/null
    row="| $linux | $variant |"
    for entry in "${entries[@]}"; do
      best=""
      for _ in $(seq "$runs"); do
        read -r at wall < <(boot_once "$linux" "$variant" "$entry") || exit 1
        if [ -z "$best" ] || awk -v a="$at" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
          best="$at $wall"
        fi
      done
      row="$row ${best%% *} s / ${best##* } s |"
    done
    echo "$row"
  done
done
