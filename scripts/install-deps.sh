#!/usr/bin/env bash
# Install the Debian (bookworm) packages and npm modules Ateliers needs.
# Idempotent and fast when nothing is missing. Must run as root when
# something has to be installed.
#   scripts/install-deps.sh          build and run dependencies
#   scripts/install-deps.sh --test   also the test-suite dependencies
set -euo pipefail
cd "$(dirname "$0")/.."

with_test=0
for arg in "$@"; do
  case "$arg" in
    --test) with_test=1 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "install-deps: unknown option: $arg" >&2; exit 2 ;;
  esac
done

packages=(
  build-essential cmake ninja-build ccache pkg-config git curl ca-certificates
  librestinio-dev libasio-dev libhttp-parser-dev libsoci-dev libsqlite3-dev libpq-dev
  libkainjow-mustache-dev nlohmann-json3-dev libsodium-dev libcurl4-openssl-dev
  libical-dev liblemon-dev libspdlog-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libxlsxwriter-dev
)
# Keep a node already on PATH (possibly newer, in /usr/local).
if ! command -v node >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
if [ "$with_test" = 1 ]; then
  packages+=(postgresql chromium python3-aiosmtpd wrk sqlite3)
fi

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages present"
else
  echo "install-deps: installing ${#missing[@]} Debian package(s): ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: must run as root to install packages" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: running npm ci"
  npm ci --no-audit --no-fund
else
  echo "install-deps: node_modules up to date"
fi
