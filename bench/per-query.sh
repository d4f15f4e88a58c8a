#!/usr/bin/env bash
# Each search query of the load benchmark alone, one at a time on one pooled connection,
# through its database ceiling (`dbceiling --each-query`), on the seed caches of every scale
# of the scale curve: where a query's cost grows with the data, it shows which query and how.
#
#   bench/per-query.sh [sqlite|postgres|all] [search|everything] [scales]
#   bench/per-query.sh all search 10,1000,10000      (default: all, search, 10,1000,10000)
#
# Needs a run of bench/load.sh first (its inputs files and seed caches). Prints one Markdown
# table per backend: p50 in ms per query and scale.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
which=${1:-all}
scenario=${2:-search}
scales=${3:-10,1000,10000}
target=${CARGO_TARGET_DIR:-$root/target}
bench=$target/bench
pg=${PG_SERVER:-postgres://postgres@127.0.0.1:5432}

cargo build --release -q -p sonla-bench --bin dbceiling

measure() {
  local backend=$1 url=$2
  "$target/release/dbceiling" --inputs "$bench/work/inputs-$backend.json" --database-url "$url" \
    --scenario "$scenario" --concurrency 1 --pool-size 1 --duration 2 --each-query
}

for backend in sqlite postgres; do
  [ "$which" = all ] || [ "$which" = "$backend" ] || continue
  results=$(mktemp -d)
  for scale in ${scales//,/ }; do
    case $backend in
      sqlite) url="sqlite://$bench/cache/sqlite-s$scale-seed2610.db" ;;
      postgres) url="$pg/bench_s${scale}_seed2610?sslmode=disable" ;;
    esac
    measure "$backend" "$url" > "$results/$scale.jsonl"
  done
  python3 - "$backend" "$scenario" "$results" ${scales//,/ } <<'PY'
import json, sys
backend, scenario, folder, *scales = sys.argv[1:]
rows = {s: [json.loads(l) for l in open(f"{folder}/{s}.jsonl")] for s in scales}
ideas = lambda s: f"{int(s) * 100:,}"
print(f"\n{backend}, {scenario}: p50 ms, one query at a time\n")
print("| query | " + " | ".join(ideas(s) for s in scales) + f" | {ideas(scales[-1])} ÷ {ideas(scales[0])} |")
print("|---|" + "---:|" * (len(scales) + 1))
for i, first in enumerate(rows[scales[0]]):
    p50 = [rows[s][i]["p50_ms"] for s in scales]
    print(f"| {first['query']} | " + " | ".join(f"{v:.2f}" for v in p50) + f" | {p50[-1] / p50[0]:.2f}× |")
mean = lambda s: sum(r["p50_ms"] for r in rows[s]) / len(rows[s])
print("| mean | " + " | ".join(f"{mean(s):.2f}" for s in scales) + f" | {mean(scales[-1]) / mean(scales[0]):.2f}× |")
PY
  rm -rf "$results"
done
