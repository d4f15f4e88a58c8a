#!/usr/bin/env bash
# Durability test: a write load (ideas created, score sheets saved and submitted), SIGKILL of
# the server mid-load, a restart on the same database, and a check that every request that got
# a 2xx is there. For SQLite (a fresh file) and PostgreSQL (a fresh database, dropped after).
#
#   scripts/durability.sh [sqlite|postgres|all]     (default: all)
#
# API_BIN: use this binary instead of building target/debug/api.
# PGHOST / PGPORT / PGUSER: the PostgreSQL server (default 127.0.0.1, 5432, postgres); it must
#   be running already (.ci/run starts it).
# DURABILITY_SEED: repeat a run's choices (the seed is printed in its summary).
# Bounded: each backend's load phase lasts under 25 s (a few in practice), the whole run a
# couple of minutes at most once built.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

which=${1:-all}
case "$which" in
  sqlite | postgres | all) ;;
  *)
    echo "usage: $0 [sqlite|postgres|all]" >&2
    exit 2
    ;;
esac

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

if [ -n "${API_BIN:-}" ]; then
  bin=$API_BIN
else
  cargo build -q -p api
  bin="${CARGO_TARGET_DIR:-$root/target}/debug/api"
fi
[ -x "$bin" ] || { echo "durability: no executable at $bin" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$(mktemp -d "${TMPDIR:-/tmp}/durability.XXXXXX")
pg_db=""

# Stops a server the driver may have left behind (it writes its pid to server.pid).
reap_server() {
  local pidfile=$1/server.pid pid
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  # Only our binary: the pid may have been reused since.
  if [ -n "$pid" ] && [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$bin" ]; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

drop_pg_db() {
  [ -n "$pg_db" ] || return 0
  psql -X -q -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" >/dev/null ||
    echo "durability: could not drop database $pg_db" >&2
  pg_db=""
}

cleanup() {
  local dir
  for dir in "$work"/*/; do
    [ -d "$dir" ] && reap_server "$dir"
  done
  drop_pg_db
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

driver() {
  # timeout: a hung run fails instead of blocking CI; SIGTERM lets the driver stop its server.
  timeout --foreground -k 10 240 python3 "$root/scripts/durability.py" --bin "$bin" "$@"
}

run_sqlite() {
  local dir=$work/sqlite status=0
  mkdir -p "$dir"
  driver --backend sqlite --workdir "$dir" --database-url "sqlite://$dir/durability.db" ||
    status=$?
  reap_server "$dir"
  return $status
}

run_postgres() {
  local dir=$work/postgres status=0
  mkdir -p "$dir"
  if ! pg_isready -q; then
    echo "durability postgres: FAILED: PostgreSQL is not reachable on $PGHOST:$PGPORT" >&2
    return 1
  fi
  pg_db="durability_$(date +%s)_$$_${RANDOM}"
  psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$pg_db\"" >/dev/null
  driver --backend postgres --workdir "$dir" \
    --database-url "postgres://$PGUSER@$PGHOST:$PGPORT/$pg_db?sslmode=disable" || status=$?
  reap_server "$dir"
  drop_pg_db
  return $status
}

failed=0
if [ "$which" = sqlite ] || [ "$which" = all ]; then
  run_sqlite || failed=1
fi
if [ "$which" = postgres ] || [ "$which" = all ]; then
  run_postgres || failed=1
fi
exit $failed
