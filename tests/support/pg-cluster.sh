#!/usr/bin/env bash
# Throw-away PostgreSQL 15 cluster for the test suites.
#
#   tests/support/pg-cluster.sh start DIR PORT   create + start, print the URL
#   tests/support/pg-cluster.sh stop DIR         stop and remove DIR
#
# The cluster listens on 127.0.0.1:PORT only (Unix socket inside DIR), trusts
# every local connection as user `postgres`, runs with fsync=off, and holds a
# database `ateliers_test`. The printed URL is
#   postgresql://postgres@127.0.0.1:PORT/ateliers_test
# Root cannot run postgres: when run as root, DIR is chowned to the `postgres`
# user and every server command runs through runuser.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DB_NAME=${PG_TEST_DB:-ateliers_test}

usage() {
  sed -n '2,12p' "$0" >&2
  exit 2
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  local dir=$1
  [ -n "$dir" ] || usage
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -t 30 -w stop >/dev/null 2>&1 || true
    # pg_ctl may fail if the data dir is broken: kill the recorded postmaster.
    if [ -f "$dir/data/postmaster.pid" ]; then
      local pid
      pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill -QUIT "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  # Refuse to remove something that does not look like one of our clusters.
  if [ -d "$dir" ]; then
    if [ -d "$dir/data" ] || [ -f "$dir/.ateliers-pg-cluster" ] || [ -z "$(ls -A "$dir")" ]; then
      rm -rf "$dir"
    else
      echo "pg-cluster: $dir does not look like a test cluster, not removing it" >&2
      return 1
    fi
  fi
}

start_cluster() {
  local dir=$1 port=$2
  [ -n "$dir" ] && [ -n "$port" ] || usage
  case "$port" in *[!0-9]*) echo "pg-cluster: bad port: $port" >&2; exit 2 ;; esac

  # Idempotent-ish: a stale cluster in DIR is stopped and removed first.
  stop_cluster "$dir"
  mkdir -p "$dir"
  touch "$dir/.ateliers-pg-cluster"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$dir"
  fi
  chmod 0700 "$dir"
  # postgres must be able to traverse to DIR (mkdtemp parents are fine; /root is not).
  local abs
  abs=$(cd "$dir" && pwd)

  as_pg "$PG_BIN/initdb" -D "$abs/data" --auth=trust -U postgres \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$abs/initdb.log" 2>&1 || {
    cat "$abs/initdb.log" >&2
    exit 1
  }
  cat >>"$abs/data/postgresql.conf" <<EOF
# ateliers test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$abs'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
shared_buffers = 32MB
logging_collector = off
EOF
  if ! as_pg "$PG_BIN/pg_ctl" -D "$abs/data" -l "$abs/server.log" -t 60 -w start >/dev/null; then
    echo "pg-cluster: server did not start; log tail:" >&2
    tail -n 30 "$abs/server.log" >&2 || true
    exit 1
  fi
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB_NAME"
  echo "postgresql://postgres@127.0.0.1:$port/$DB_NAME"
}

cmd=${1:-}
case "$cmd" in
  start) [ $# -eq 3 ] || usage; start_cluster "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; stop_cluster "$2" ;;
  *) usage ;;
esac
