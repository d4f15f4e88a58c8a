#!/usr/bin/env bash
# The load benchmark (BENCHMARKS.md, "Load benchmark"): the release server on a seeded database
# under wrk on loopback, scenario by scenario, each against its framework and database
# ceilings; start-up times, peak memory and the scale curve. Prints one report per backend.
#
#   bench/load.sh [sqlite|postgres|all] [options of the driver]      (default: all)
#   bench/load.sh all --duration 10 --connections 32 --curve 10,100 --scale 1000
#   bench/load.sh --help                                              (every option)
#
# Installs wrk with apt-get when it is missing (needs root), builds the release binaries, then
# runs target/release/load. Seeded databases are kept between runs: SQLite files under
# target/bench/cache, PostgreSQL databases bench_s<scale>_seed<seed> on $PG_SERVER (default
# postgres://postgres@127.0.0.1:5432, trust authentication), each with a marker written once
# seeding finished. The first run seeds (about 1 min for 100,000 ideas; 8 to 18 min each for
# the 1,000,000 of the scale curve's last point, depending on the machine); a run of both
# backends then takes about 14 minutes on 2 cores (45 with the seeding on the slowest machine
# seen). bench/per-query.sh then times each search query alone at every scale.
# Results: target/bench/report-<backend>.md and results-<backend>.json; wrk outputs and
# server logs under target/bench/logs/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

if ! command -v wrk >/dev/null; then
  echo "load.sh: installing wrk" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else
    sudo apt-get install -y wrk >/dev/null
  fi
fi

cargo build --release -q -p api -p sonla-bench --bins

target=${CARGO_TARGET_DIR:-$root/target}
args=("$@")
if [ -n "${PG_SERVER:-}" ]; then
  args+=(--pg "$PG_SERVER")
fi
exec "$target/release/load" "${args[@]}"
