#!/usr/bin/env bash
# Recaptures the real boot logs of examples/kernel in this directory (the
# goldens of trace_kernel_* in ../cases.txt then need
# AUDIT_UPDATE_GOLDEN=1 bazel run //tests/audit:golden_test). The serial
# output is kept as it comes: the PVH image's UART lines end in CR LF.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bazel build //examples/kernel:kernel-pvh //examples/kernel:kernel-multiboot
k=bazel-bin/examples/kernel
out=tests/audit/logs
examples/kernel/qemu-boot --append "console=ttyS0" $k/kernel-pvh >$out/kernel-pvh.log || [ $? = 33 ]
examples/kernel/qemu-boot --append "console=ttyS0" $k/kernel-multiboot >$out/kernel-multiboot.log || [ $? = 33 ]
examples/kernel/qemu-boot --append "console=ttyS0 mem=lots" $k/kernel-multiboot \
  >$out/kernel-multiboot-bad-cmdline.log || [ $? = 35 ]
