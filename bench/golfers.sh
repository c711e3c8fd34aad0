#!/usr/bin/env bash
# Social Golfer benchmark: `ateliers groups --golfers G-S-W` on the classic
# table, groups of 2 to 4 golfers and 2 to 10 groups (s <= g; with more
# golfers per group than groups a second week is impossible), each at the
# largest number of weeks W for which a schedule without any repeated pair is
# known. The best-known value of each instance is therefore 0 repeated pairs;
# the upper bound (G*S-1)/(S-1) on weeks is printed beside W.
#
# Sources of W: round robins (S = 2, 2G-1 weeks); Kirkman triple systems
# (G = 3, 5, 7, 9) and nearly Kirkman triple systems (G = 6, 8, 10) for S = 3,
# and 4-3-4 (no nearly Kirkman system on 12 points); affine planes 4-4-5 and
# 5-4-5 (5-4-6 is proven impossible); resolvable designs 6-4-7, 7-4-9
# (RBIBD(28,4,1)), 8-4-10 (Aguado, 2004), 9-4-11 and 10-4-13 (RBIBD(40,4,1)).
#
# Target: 0 repeated pairs in under TARGET seconds on every line.
#
# Usage: bench/golfers.sh
# Environment:
#   ATELIERS_BIN   app binary                                  (default build/ateliers)
#   GROUPS_CMD     whole command instead of "$ATELIERS_BIN groups"
#   SEED           seed of every run                           (default 1)
#   TIME_LIMIT     --time-limit given to each run, seconds     (default 10)
#   TARGET         seconds                                     (default 10)
#   ONLY           e.g. "8-4-10 7-4-9": run these instances only
#
# A missed target prints "TARGET MISSED" but still exits 0: this is a
# benchmark, not a test. Setup failures (no binary, bad output) exit non-zero.
set -euo pipefail

cd "$(dirname "$0")/.."

BIN=${ATELIERS_BIN:-build/ateliers}
GROUPS_CMD=${GROUPS_CMD:-"$BIN groups"}
SEED=${SEED:-1}
TIME_LIMIT=${TIME_LIMIT:-10}
TARGET=${TARGET:-10}
ONLY=${ONLY:-}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

read -r -a cmd <<< "$GROUPS_CMD"
command -v "${cmd[0]}" >/dev/null 2>&1 || [[ -x "${cmd[0]}" ]] || die "${cmd[0]} not found (build first, or set ATELIERS_BIN / GROUPS_CMD)"

# g s w: the largest W known without repeats.
table=(
    "2 2 3" "3 2 5" "4 2 7" "5 2 9" "6 2 11" "7 2 13" "8 2 15" "9 2 17" "10 2 19"
    "3 3 4" "4 3 4" "5 3 7" "6 3 8" "7 3 10" "8 3 11" "9 3 13" "10 3 14"
    "4 4 5" "5 4 5" "6 4 7" "7 4 9" "8 4 10" "9 4 11" "10 4 13"
)

out=$(mktemp)
trap 'rm -f "$out"' EXIT

log "command: ${cmd[*]} --golfers G-S-W --seed $SEED --time-limit $TIME_LIMIT"
printf '%-9s %-7s %9s  %-14s %-10s %s\n' instance "W/max" seconds repeated_pairs best_known verdict
missed=0 total=0
for entry in "${table[@]}"; do
    read -r g s w <<< "$entry"
    name="$g-$s-$w"
    if [[ -n $ONLY && " $ONLY " != *" $name "* ]]; then continue; fi
    start=$(date +%s.%N)
    if ! "${cmd[@]}" --golfers "$name" --seed "$SEED" --time-limit "$TIME_LIMIT" > "$out"; then
        die "$name: command failed"
    fi
    end=$(date +%s.%N)
    repeated=$(grep -o '"repeated_pairs":[0-9]*' "$out" | head -1 | cut -d: -f2)
    [[ -n $repeated ]] || die "$name: no repeated_pairs in the output"
    secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
    why=()
    if ((repeated != 0)); then why+=(repeats); fi
    if awk -v s="$secs" -v t="$TARGET" 'BEGIN { exit !(s > t) }'; then why+=(time); fi
    verdict=ok
    if ((${#why[@]})); then verdict="TARGET MISSED (${why[*]})"; fi
    [[ $verdict == ok ]] || missed=$((missed + 1))
    total=$((total + 1))
    printf '%-9s %-7s %9s  %-14s %-10s %s\n' "$name" "$w/$(((g * s - 1) / (s - 1)))" "$secs" "$repeated" 0 "$verdict"
done
if ((missed)); then log "$missed of $total instance(s) missed the target"; else log "all $total instances met the target"; fi
