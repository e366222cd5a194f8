#!/usr/bin/env bash
# Bazel entry of tests/linux/one_source_test.py (local: it scans the
# checkout through its own real path).
exec python3 "$(dirname "$0")/one_source_test.py" "$@"
