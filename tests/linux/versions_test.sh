#!/usr/bin/env bash
# Bazel entry of tests/linux/versions_test.py (local: it reads the
# checkout's examples/linux and tools/pins through its own real path).
exec python3 "$(dirname "$0")/versions_test.py" "$@"
