#!/usr/bin/env bash
# Bazel entry of tests/linux/guest_test.py (a local test: it drives the real
# checkout's examples/linux/guest scripts and the kernel cache outside the clone).
exec python3 "$(dirname "$0")/guest_test.py" "$@"
