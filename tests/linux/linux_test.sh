#!/usr/bin/env bash
# Bazel entry of tests/linux/linux_test.py (a local test: it drives the real
# checkout's examples/linux scripts and the kernel cache outside the clone).
exec python3 "$(dirname "$0")/linux_test.py" "$@"
