#!/usr/bin/env bash
# Bazel entry of kernel_test.py (a local test: it uses the kernel cache
# outside the clone, ~/.cache/earlyinit or $EARLYINIT_CACHE).
exec python3 "$(dirname "$0")/kernel_test.py" "$@"
