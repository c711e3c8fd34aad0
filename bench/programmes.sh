#!/usr/bin/env bash
# The agency dashboard benchmark (issue 12): the programme page as the ANCT sees it
# (/programmes/territoires-engagement with its dashboard) over 15 territories × 3 years ×
# 40 actions (1,800 actions) with 20 follow-ups each (36,000), a diagnostic and three
# reviews per territory, on SQLite, uncached (a signed-in page is never cached).
# Reports the median and p95 of REQUESTS sequential requests; target: median under 50 ms.
# A missed target is reported but exits 0.
#
# Environment: ATELIERS_BIN (default build/ateliers), REQUESTS (50), TARGET_MS (50).
set -euo pipefail
cd "$(dirname "$0")/.."
export ATELIERS_BIN=${ATELIERS_BIN:-build/ateliers}
[[ -x $ATELIERS_BIN ]] || { echo "App binary '$ATELIERS_BIN' not found: run 'ninja -C build' first." >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is required" >&2; exit 1; }
exec node bench/programmes.mjs --requests "${REQUESTS:-50}" --target-ms "${TARGET_MS:-50}"
