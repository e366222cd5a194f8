#!/usr/bin/env bash
# Bazel entry of tests/linux/series_test.py (local: checkpatch runs in the
# kernel trees examples/linux/build caches outside the clone).
exec python3 "$(dirname "$0")/series_test.py" "$@"
