#!/usr/bin/env bash
# HTTP throughput benchmark: the app against a bare RESTinio "Hello, World!".
#
# The absolute req/s depend on the machine, so the figure that matters is the
# ratio app/bare measured on the same machine in the same run. Target: the home
# page (and every EXTRA_PATHS entry) reaches at least TARGET_RATIO of bare.
# The app's database holds the real referential and 50 published cycles.
#
# Usage: bench/http.sh
# Environment:
#   ATELIERS_BIN   app binary                          (default build/ateliers)
#   DURATION       seconds of measurement per URL      (default 10)
#   WARMUP         seconds of unmeasured load per URL  (default 2)
#   EXTRA_PATHS    more app paths, space-separated, e.g. "/catalogue /cycles/xyz"
#   THREADS        bare server pool size; keep it equal to the app's (default 2)
#   BARE_PORT, APP_PORT                                (default 18081, 18080)
#   TARGET_RATIO                                       (default 0.25)
#   BARE_ONLY=1    measure only the baseline (useful while the app does not build)
#   SIGNED_IN=1    the pages of people who are signed in: the public-page cache off
#                  (--public-cache-ms 0), the public pages above measured uncached, then
#                  /espace, /admin, a facilitator's groups page, an event programme and a
#                  programme dashboard with an organiser's session cookie (p99 target
#                  P99_TARGET_MS, default 20)
#
# A missed target prints "TARGET MISSED" but still exits 0: this is a
# benchmark, not a test. Setup failures (build, app start) exit non-zero.
set -euo pipefail

cd "$(dirname "$0")/.."

BIN=${ATELIERS_BIN:-build/ateliers}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-2}
EXTRA_PATHS=${EXTRA_PATHS:-/cycles /cycles/forets-cooperer}
THREADS=${THREADS:-2}
BARE_PORT=${BARE_PORT:-18081}
APP_PORT=${APP_PORT:-18080}
TARGET_RATIO=${TARGET_RATIO:-0.25}
BARE_ONLY=${BARE_ONLY:-0}
SIGNED_IN=${SIGNED_IN:-0}
P99_TARGET_MS=${P99_TARGET_MS:-20}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}
HOST=127.0.0.1   # loopback only, never anything else

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- dependencies -----------------------------------------------------------
# curl is needed for the readiness probes, on top of the packages of the brief.
need_pkgs=(wrk sqlite3 g++ curl librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev)
missing=()
for pkg in "${need_pkgs[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
    log "installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y "${missing[@]}"
fi

# Checked before the slow compile, so a missing binary fails fast.
if [[ $BARE_ONLY != 1 && ! -x $BIN ]]; then
    echo "App binary '$BIN' not found: run 'make build' first (or set ATELIERS_BIN)." >&2
    exit 1
fi

# --- cleanup ----------------------------------------------------------------
TMP=$(mktemp -d /tmp/ateliers-bench.XXXXXX)
SERVER_PID=

stop_server() {
    [[ -n $SERVER_PID ]] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    # Give a graceful shutdown 5 s, then insist: the next server needs the CPU.
    for _ in $(seq 50); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
}

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
    stop_server
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- helpers ----------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

# wait_ready URL TIMEOUT_S LOGFILE: the server must answer 2xx before we load it,
# and must still be alive (a crash at startup should not look like a timeout).
wait_ready() {
    local url=$1 timeout=$2 logfile=$3 deadline=$((SECONDS + $2))
    while ((SECONDS < deadline)); do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            echo "server exited during startup; last log lines:" >&2
            tail -n 30 "$logfile" >&2 || true
            return 1
        fi
        curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
        sleep 0.2
    done
    echo "server not ready after ${timeout}s at $url; last log lines:" >&2
    tail -n 30 "$logfile" >&2 || true
    return 1
}

# Converts a wrk latency ("850.12us", "7.01ms", "1.20s", "2.00m") to ms.
to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v == "" || v == "n/a") { print "n/a"; exit }
        n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
        if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
        printf "%.2f", n }'
}

# Results, indexed like NAMES; filled by measure().
NAMES=() RPS=() P99=() ERRS=() NON2XX=() TARGETED=()

# measure NAME URL TARGETED(0|1) [COOKIE]
measure() {
    local name=$1 url=$2 targeted=$3 cookie=${4:-} out rps p99 non2xx sockerr
    local headers=()
    [[ -z $cookie ]] || headers=(-H "Cookie: $cookie")
    # Status is checked first: a 404 or 500 page is cheap and would inflate req/s.
    local code
    code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 "${headers[@]}" "$url" || echo 000)
    [[ $code == 2?? ]] || log "warning: $url answers HTTP $code, its figure is not meaningful"

    if ((WARMUP > 0)); then
        log "warm-up ${WARMUP}s: $name ($url)"
        wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${WARMUP}s" "${headers[@]}" "$url" >/dev/null
    fi
    log "measuring ${DURATION}s: $name ($url)"
    out=$(wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"${DURATION}s" --latency "${headers[@]}" "$url")

    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")
    sockerr=$(awk '/Socket errors:/ {sub(/^.*Socket errors: */, ""); print}' <<<"$out")

    local errs=()
    [[ -n $non2xx ]] && errs+=("non-2xx=$non2xx")
    [[ -n $sockerr ]] && errs+=("socket errors: $sockerr")

    NAMES+=("$name") RPS+=("${rps:-0}") P99+=("$(to_ms "${p99:-n/a}")")
    ERRS+=("${errs[*]}") NON2XX+=("${non2xx:-0}") TARGETED+=("$targeted")
}

# --- bare RESTinio baseline -------------------------------------------------
# ASIO_STANDALONE selects asio from libasio-dev. RESTINIO_USE_BOOST_ASIO must
# stay undefined: restinio/asio_include.hpp tests it with #if !defined(...), so
# any value, even "none", switches RESTinio to Boost.Asio.
log "building bench/bare_hello.cpp"
g++ -O2 -std=c++20 -DASIO_STANDALONE -o "$TMP/bare_hello" bench/bare_hello.cpp \
    -lfmt -lhttp_parser -pthread

port_in_use "$BARE_PORT" && die "port $BARE_PORT already in use (set BARE_PORT)"
"$TMP/bare_hello" "$BARE_PORT" "$THREADS" >"$TMP/bare.log" 2>&1 &
SERVER_PID=$!
wait_ready "http://$HOST:$BARE_PORT/" 30 "$TMP/bare.log" || die "bare server did not start"
measure "bare hello /" "http://$HOST:$BARE_PORT/" 0
# Stopped before the app starts, so the two never compete for the CPU.
stop_server

# --- the app ----------------------------------------------------------------
if [[ $BARE_ONLY != 1 ]]; then
    DB="sqlite:$TMP/bench.db"
    log "preparing database $DB"
    "$BIN" migrate --db "$DB"
    "$BIN" import-referential --db "$DB"
    "$BIN" seed-demo --db "$DB"
    # The catalogue is measured with 50 published cycles: the 6 demo cycles and
    # 44 copies of them (new slugs, same sessions), as a national programme has.
    db_file=${DB#sqlite:}
    for i in $(seq 1 8); do
        sqlite3 "$db_file" "
          INSERT INTO cycles (slug, title, theme, summary, description, territory_types, facilitator_id, capacity,
                              mode, status, registration_opens_at, registration_closes_at, created_at)
          SELECT slug || '-$i', title || ' ($i)', theme, summary, description, territory_types, facilitator_id,
                 capacity, mode, status, registration_opens_at, registration_closes_at, created_at
          FROM cycles WHERE slug NOT LIKE '%-_' AND slug NOT LIKE '%-__' LIMIT CASE WHEN $i <= 4 THEN 6 ELSE 5 END;
          INSERT INTO cycle_sessions (cycle_id, number, starts_at, ends_at, visio_url)
          SELECT c.id, s.number, s.starts_at, s.ends_at, s.visio_url FROM cycles c
          JOIN cycles o ON c.slug = o.slug || '-$i' JOIN cycle_sessions s ON s.cycle_id = o.id;"
    done
    log "published cycles: $(sqlite3 "$db_file" "SELECT COUNT(*) FROM cycles WHERE status = 'published'")"

    port_in_use "$APP_PORT" && die "port $APP_PORT already in use (set APP_PORT)"
    mkdir -p "$TMP/mail"
    cache_flags=()
    ((SIGNED_IN)) && cache_flags=(--public-cache-ms 0)
    "$BIN" serve --db "$DB" --port "$APP_PORT" --address "$HOST" --mail-dir "$TMP/mail" "${cache_flags[@]}" \
        >"$TMP/app.log" 2>&1 &
    SERVER_PID=$!
    wait_ready "http://$HOST:$APP_PORT/healthz" 30 "$TMP/app.log" || die "app did not start"

    measure "app /healthz" "http://$HOST:$APP_PORT/healthz" 0
    measure "app / (home)" "http://$HOST:$APP_PORT/" 1
    for path in $EXTRA_PATHS; do
        [[ $path == /* ]] || path="/$path"
        measure "app $path" "http://$HOST:$APP_PORT$path" 1
    done
    if ((SIGNED_IN)); then
        cycle=$(sqlite3 "$db_file" "SELECT id || ' ' || slug FROM cycles WHERE status = 'published' ORDER BY id LIMIT 1")
        cookie=$(node bench/signed_in_cookie.mjs "$DB" "http://$HOST:$APP_PORT" "${cycle%% *}")
        [[ -n $cookie ]] || die "could not sign in"
        for path in /espace /admin "/animation/${cycle#* }/groupes" /evenements/journees-des-territoires \
                    /programmes/territoires-engagement; do
            measure "signed-in $path" "http://$HOST:$APP_PORT$path" 1 "$cookie"
        done
    fi
    stop_server
fi

# --- report -----------------------------------------------------------------
bare_rps=${RPS[0]}
missed=()
echo
echo "===================== HTTP benchmark ====================="
echo "wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d${DURATION}s --latency, loopback only;" \
     "bare pool = $THREADS threads; $(nproc) CPUs shared with wrk"
printf '%-28s %12s %10s %8s  %s\n' name req/s p99_ms ratio "target (>= $TARGET_RATIO)"
for i in "${!NAMES[@]}"; do
    ratio=$(awk -v a="${RPS[i]}" -v b="$bare_rps" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
    verdict="-"
    if ((TARGETED[i])); then
        # Error pages are cheap to serve, so their req/s cannot count as a pass.
        if ((NON2XX[i] > 0)); then
            verdict="MISSED"
            missed+=("TARGET MISSED: ${NAMES[i]} answered ${NON2XX[i]} non-2xx/3xx responses, figure not valid")
        elif ((SIGNED_IN)) && ! awk -v p="${P99[i]}" -v t="$P99_TARGET_MS" 'BEGIN { exit !(p + 0 < t + 0) }'; then
            verdict="MISSED"
            missed+=("TARGET MISSED: ${NAMES[i]} p99 ${P99[i]} ms, needs < $P99_TARGET_MS ms")
        elif awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { exit !(r + 0 >= t + 0) }'; then
            verdict="ok"
        else
            verdict="MISSED"
            missed+=("TARGET MISSED: ${NAMES[i]} at ${RPS[i]} req/s = $ratio of bare (${bare_rps} req/s), needs >= $TARGET_RATIO")
        fi
    fi
    printf '%-28s %12s %10s %8s  %s\n' "${NAMES[i]}" "${RPS[i]}" "${P99[i]}" "$ratio" "$verdict"
    [[ -z ${ERRS[i]} ]] || printf '%-28s   ^ %s\n' "" "${ERRS[i]}"
done
echo
if ((${#missed[@]})); then
    printf '%s\n' "${missed[@]}"
elif [[ $BARE_ONLY == 1 ]]; then
    echo "Baseline only (BARE_ONLY=1): no target checked."
else
    echo "All targets met."
fi
echo "=========================================================="
exit 0
