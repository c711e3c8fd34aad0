#!/usr/bin/env bash
# Breakout groups benchmark: time and repeated pairs of `ateliers groups` on
# the product sizes and on classic Social Golfer instances.
#
# Targets: product sizes (15 people / 3 groups / 4 sessions, 40 / 8 / 6) under
# TARGET_PRODUCT seconds with no same-collectivité pair and every group mixed;
# 5-3-7 (Kirkman's schoolgirls) and 8-4-9 with zero repeated pairs under
# TARGET_GOLFERS seconds.
#
# Usage: bench/groups.sh
# Environment:
#   ATELIERS_BIN    app binary                                (default build/ateliers)
#   GROUPS_CMD      whole command instead of "$ATELIERS_BIN groups"
#   SEEDS           seeds to run each instance with           (default "1 2 3")
#   EXTRA_ARGS      appended to every run, e.g. "--time-limit 30"
#   RUN_TIMEOUT     seconds before a run is killed            (default 120)
#   TARGET_PRODUCT  seconds                                   (default 1)
#   TARGET_GOLFERS  seconds                                   (default 60)
#
# A missed target prints "TARGET MISSED" but still exits 0: this is a
# benchmark, not a test. Setup failures (no binary, bad output) exit non-zero.
set -euo pipefail

cd "$(dirname "$0")/.."

BIN=${ATELIERS_BIN:-build/ateliers}
GROUPS_CMD=${GROUPS_CMD:-"$BIN groups"}
SEEDS=${SEEDS:-"1 2 3"}
EXTRA_ARGS=${EXTRA_ARGS:-}
RUN_TIMEOUT=${RUN_TIMEOUT:-120}
TARGET_PRODUCT=${TARGET_PRODUCT:-1}
TARGET_GOLFERS=${TARGET_GOLFERS:-60}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

read -r -a cmd <<< "$GROUPS_CMD"
command -v "${cmd[0]}" >/dev/null 2>&1 || [[ -x "${cmd[0]}" ]] || die "${cmd[0]} not found (build first, or set ATELIERS_BIN / GROUPS_CMD)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 15 people: 6 élus, 9 agents, three collectivités shared by two people each.
people15() {
    local shared=(Pélussin Pélussin Annonay Annonay Vienne Vienne) i role coll sep=''
    printf '{"participants": ['
    for i in $(seq 0 14); do
        if ((i % 5 == 0 || i % 5 == 3)); then role=elu; else role=agent; fi
        if ((i < 6)); then coll=${shared[$i]}; else coll="Commune $i"; fi
        printf '%s\n {"id": "p%02d", "role": "%s", "collectivite": "%s"}' "$sep" "$i" "$role" "$coll"
        sep=,
    done
    printf ']}\n'
}

# 40 people: 16 élus, 24 agents, 23 collectivités of one to three people.
people40() {
    local i role sep=''
    printf '{"participants": ['
    for i in $(seq 0 39); do
        if ((i % 5 == 0 || i % 5 == 2)); then role=elu; else role=agent; fi
        printf '%s\n {"id": "q%02d", "role": "%s", "collectivite": "Commune %d"}' "$sep" "$i" "$role" $((i * 7 % 23))
        sep=,
    done
    printf ']}\n'
}

people15 > "$work/people15.json"
people40 > "$work/people40.json"

count() { grep -o "\"$1\":[0-9]*" "$2" | head -1 | cut -d: -f2; }

missed=0
# run LABEL TARGET_SECONDS NEED_ZERO_REPEATS ARGS...
run() {
    local label=$1 target=$2 need_zero=$3
    shift 3
    local seed start end secs repeated same unmixed verdict
    for seed in $SEEDS; do
        start=$(date +%s.%N)
        # shellcheck disable=SC2086 # EXTRA_ARGS is a list of words
        if ! timeout "$RUN_TIMEOUT" "${cmd[@]}" "$@" --seed "$seed" $EXTRA_ARGS > "$work/out.json" 2> "$work/err.txt"; then
            cat "$work/err.txt" >&2
            die "$label seed $seed: command failed or exceeded ${RUN_TIMEOUT}s"
        fi
        end=$(date +%s.%N)
        grep -q '"rounds"' "$work/out.json" || die "$label: no rounds in the output"
        secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
        repeated=$(count repeated_pairs "$work/out.json")
        same=$(count same_collectivite_pairs "$work/out.json")
        unmixed=$(count groups_without_mix "$work/out.json")
        verdict=ok
        if awk -v s="$secs" -v t="$target" 'BEGIN { exit !(s > t) }'; then verdict="TARGET MISSED (time)"; fi
        if [[ $need_zero == yes && $repeated != 0 ]]; then verdict="TARGET MISSED (repeats)"; fi
        if [[ $need_zero == people && ($same != 0 || $unmixed != 0) ]]; then verdict="TARGET MISSED (rules)"; fi
        [[ $verdict == ok ]] || missed=$((missed + 1))
        printf '%-26s seed %-3s %8ss  repeated_pairs %-4s same_collectivite %-3s unmixed %-3s %s\n' \
            "$label" "$seed" "$secs" "$repeated" "$same" "$unmixed" "$verdict"
    done
}

log "command: ${cmd[*]}"
run "15 people, 3 groups x 4"  "$TARGET_PRODUCT" people --input "$work/people15.json" --groups 3 --sessions 4
run "40 people, 8 groups x 6"  "$TARGET_PRODUCT" people --input "$work/people40.json" --groups 8 --sessions 6
run "golfers 5-3-7 (Kirkman)"  "$TARGET_GOLFERS" yes --golfers 5-3-7
run "golfers 8-4-9"            "$TARGET_GOLFERS" yes --golfers 8-4-9

if ((missed)); then log "$missed run(s) missed their target"; else log "all targets met"; fi
