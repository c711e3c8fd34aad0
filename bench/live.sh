#!/usr/bin/env bash
# Live sessions benchmark (see bench/live.mjs): one `ateliers serve` on SQLite,
# 30 cycles each with a session under way, 500 participants with their live page
# open (server-sent events), 30 facilitators changing phase at the same moment,
# 5 times. Prints count, p50, p95, p99 and max of the delay from each phase-change
# POST to each page receiving it. Target: p99 under 1 s. A missed target is
# reported ("TARGET MISSED") but exits 0; a missing event or a setup failure exits 1.
#
# Usage: bench/live.sh
# Environment:
#   ATELIERS_BIN   app binary                      (default build/ateliers)
#   CYCLES         sessions under way              (default 30)
#   PARTICIPANTS   open pages                      (default 500)
#   ROUNDS         simultaneous phase changes      (default 5)
#   THREADS        HTTP threads of the server      (default 2)
#   TARGET_P99_MS  latency target                  (default 1000)
# Loopback only; bounded (ROUNDS × CYCLES requests) and cleans up after itself.
set -euo pipefail

cd "$(dirname "$0")/.."

export ATELIERS_BIN=${ATELIERS_BIN:-build/ateliers}
[[ -x $ATELIERS_BIN ]] || { echo "App binary '$ATELIERS_BIN' not found: build it first (or set ATELIERS_BIN)." >&2; exit 1; }
command -v node >/dev/null || { echo "node is required" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (apt-get install sqlite3)" >&2; exit 1; }
[[ -d node_modules/@etalab/decoupage-administratif ]] || { echo "run 'npm ci' first (referential data)" >&2; exit 1; }

exec node bench/live.mjs --cycles "${CYCLES:-30}" --participants "${PARTICIPANTS:-500}" --rounds "${ROUNDS:-5}" \
    --threads "${THREADS:-2}" --target-p99-ms "${TARGET_P99_MS:-1000}"
