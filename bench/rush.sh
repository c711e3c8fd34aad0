#!/usr/bin/env bash
# Registration rush benchmark: USERS distinct people (one real commune each)
# register for one 15-seat "premier arrivé" cycle through the JSON API,
# CONNECTIONS requests in flight (keep-alive), first on SQLite with one server,
# then on PostgreSQL with PG_SERVERS `ateliers serve` processes sharing the database
# (a fresh throw-away cluster per run, started here with tests/support/pg-cluster.sh).
# PG_SERVERS may list several counts ("1 2 4"): one run each, then a table.
#
# Prints registrations/s and p50/p90/p99/max latency, and checks the outcome:
# exactly 15 confirmed, the others waiting 1..N, one registration per collectivité.
# Target: p99 under 50 ms on SQLite. A missed target is reported ("TARGET
# MISSED") but exits 0; a wrong outcome or a setup failure exits non-zero.
#
# Usage: bench/rush.sh [sqlite|postgresql|all]      (default all)
# Environment:
#   ATELIERS_BIN   app binary                         (default build/ateliers)
#   USERS          people registering                 (default 2000)
#   CONNECTIONS    requests in flight                 (default 64)
#   THREADS        HTTP threads per server process    (default 2)
#   PG_SERVERS     server processes on PostgreSQL     (default 2; a list runs each: "1 2 4")
#   RUNS           runs of each configuration         (default 1; the load of a shared
#                                                      machine varies, 2 shows by how much)
#   TARGET_P99_MS  SQLite latency target              (default 50)
# Loopback only; every run is bounded (USERS requests) and cleans up after itself.
set -euo pipefail

cd "$(dirname "$0")/.."

WHICH=${1:-all}
export ATELIERS_BIN=${ATELIERS_BIN:-build/ateliers}
USERS=${USERS:-2000}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
PG_SERVERS=${PG_SERVERS:-2}
RUNS=${RUNS:-1}
TARGET_P99_MS=${TARGET_P99_MS:-50}

log() { printf '==> %s\n' "$*" >&2; }

[[ -x $ATELIERS_BIN ]] || { echo "App binary '$ATELIERS_BIN' not found: run 'ninja -C build' first (or set ATELIERS_BIN)." >&2; exit 1; }
command -v node >/dev/null || { echo "node is required" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is required (apt-get install sqlite3)" >&2; exit 1; }
[[ -d node_modules/@etalab/decoupage-administratif ]] || { echo "run 'npm ci' first (referential data)" >&2; exit 1; }

status=0
common=(--users "$USERS" --connections "$CONNECTIONS" --threads "$THREADS")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ateliers-benchpg-$$-XXXXXX")
chmod 755 "$tmp"   # the postgres user must traverse it
summary=$tmp/summary.tsv
: >"$summary"
cleanup() { tests/support/pg-cluster.sh stop "$tmp/cluster" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

if [[ $WHICH == all || $WHICH == sqlite ]]; then
    for _ in $(seq "$RUNS"); do
        node bench/rush.mjs --label sqlite --servers 1 --target-p99-ms "$TARGET_P99_MS" --summary "$summary" "${common[@]}" || status=1
    done
fi

if [[ $WHICH == all || $WHICH == postgresql ]]; then
    for servers in $PG_SERVERS; do
        for _ in $(seq "$RUNS"); do
            # A fresh cluster per run: the rush needs a cycle nobody has registered to yet.
            port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
            log "postgresql: throw-away cluster on 127.0.0.1:$port"
            url=$(tests/support/pg-cluster.sh start "$tmp/cluster" "$port" | tail -n1)
            node bench/rush.mjs --label "postgresql" --db "$url" --servers "$servers" --target-p99-ms 0 \
                --summary "$summary" "${common[@]}" || status=1
            tests/support/pg-cluster.sh stop "$tmp/cluster" >/dev/null 2>&1 || true
        done
    done
fi

printf '\n%-11s %9s %15s %9s %9s %9s  %s   (load average: %s)\n' store processes registrations/s p50_ms p99_ms max_ms outcome \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
while IFS=$'\t' read -r label servers rate p50 p99 max ok; do
    printf '%-11s %9s %15s %9s %9s %9s  %s\n' "$label" "$servers" "$rate" "$p50" "$p99" "$max" "$ok"
done <"$summary"

exit $status
