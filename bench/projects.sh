#!/usr/bin/env bash
# Projects benchmark (issue 13): the stakeholder map of 200 actors and 600 links (whole page,
# target: median under 50 ms) and the DOCX export of a complete project (time, pandoc's
# peak memory). A missed target is reported but exits 0; an incomplete page or file exits
# non-zero.
#
# Environment: ATELIERS_BIN (default build/ateliers), RUNS (50), EXPORTS (5), TARGET_MS (50).
set -euo pipefail
cd "$(dirname "$0")/.."
export ATELIERS_BIN=${ATELIERS_BIN:-build/ateliers}
[[ -x $ATELIERS_BIN ]] || { echo "App binary '$ATELIERS_BIN' not found: run 'ninja -C build' first." >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is required" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is required (apt-get install time)" >&2; exit 1; }
exec node bench/projects.mjs --runs "${RUNS:-50}" --exports "${EXPORTS:-5}" --target-ms "${TARGET_MS:-50}"
