#!/usr/bin/env bash
# Events rush benchmark (issue 11): 2,000 people register to one event with 6 parallel
# workshops of 30 places, 64 connections, on SQLite. Checks the outcome is exact (no
# workshop over capacity, queues in arrival order) and reports p99 (target: under 100 ms).
# A missed target is reported but exits 0; a wrong outcome exits non-zero.
# Then the badge sheet for BADGES (500) people: the PDF request's time, and WeasyPrint's
# wall time and peak memory under /usr/bin/time -v (bench/events_badges.mjs).
#
# Environment: ATELIERS_BIN (default build/ateliers), USERS (2000), CONNECTIONS (64),
# THREADS (2), TARGET_P99_MS (100), BADGES (500); ONLY=rush or ONLY=badges runs one part.
set -euo pipefail
cd "$(dirname "$0")/.."
export ATELIERS_BIN=${ATELIERS_BIN:-build/ateliers}
[[ -x $ATELIERS_BIN ]] || { echo "App binary '$ATELIERS_BIN' not found: run 'ninja -C build' first." >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is required" >&2; exit 1; }
if [[ ${ONLY:-} != badges ]]; then
  node bench/events.mjs --users "${USERS:-2000}" --connections "${CONNECTIONS:-64}" \
    --threads "${THREADS:-2}" --target-p99-ms "${TARGET_P99_MS:-100}"
fi
if [[ ${ONLY:-} != rush ]]; then
  [[ -x /usr/bin/time ]] || { echo "/usr/bin/time is required (Debian package 'time')" >&2; exit 1; }
  node bench/events_badges.mjs --people "${BADGES:-500}"
fi
