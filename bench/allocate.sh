#!/usr/bin/env bash
# Benchmark of `ateliers allocate` on generated rounds of 1,000, 10,000 and
# 50,000 applicants (500 cycles, 3 choices each, 20,000 collectivités, fixed
# seed). Prints wall time and peak memory per size.
# Target: 50,000 applicants in under 2 s and under 1 GiB.
#
# Builds nothing. Runs "${ATELIERS_BIN:-build/ateliers} allocate", or the
# command in ALLOCATE_CMD, as: <command> --input ROUND --output RESULT.
# SIZES overrides the sizes, SEED the generator's seed, BENCH_OUT the folder.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${BENCH_OUT:-bench/out/allocate}
seed=${SEED:-20240601}
read -r -a cmd <<< "${ALLOCATE_CMD:-${ATELIERS_BIN:-build/ateliers} allocate}"
mkdir -p "$out"

seconds() {  # "h:mm:ss" or "m:ss.ss" from /usr/bin/time -v
  awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<< "$1"
}

failed=0
printf '%-11s %8s %10s  %s\n' applicants wall_s peak_MiB objective
for n in ${SIZES:-1000 10000 50000}; do
  round="$out/round_${n}_seed${seed}.json"
  if [[ ! -s $round || bench/gen_round.py -nt $round ]]; then
    python3 bench/gen_round.py "$n" "$round" --seed "$seed"
  fi
  result="$out/allocation_$n.json"
  report="$out/time_$n.txt"
  if ! /usr/bin/time -v -o "$report" "${cmd[@]}" --input "$round" --output "$result" > "$out/log_$n.txt" 2>&1; then
    printf '%-11s FAILED, see %s\n' "$n" "$out/log_$n.txt"
    failed=1
    continue
  fi
  wall=$(seconds "$(awk -F': ' '/Elapsed \(wall clock\)/ { print $NF }' "$report")")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $NF }' "$report")
  objective=$(grep -o '"objective": {[^}]*}' "$result" | sed 's/"objective": //')
  printf '%-11s %8s %10s  %s\n' "$n" "$wall" "$((rss_kb / 1024))" "$objective"
  if [[ $n == 50000 ]]; then
    verdict=$(awk -v w="$wall" -v m="$rss_kb" 'BEGIN { print (w < 2 && m < 1048576) ? "met" : "TARGET MISSED" }')
    echo "target for 50,000 (< 2 s, < 1 GiB): $verdict"
  fi
done
exit "$failed"
