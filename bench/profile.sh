#!/usr/bin/env bash
# CPU profile of one load-benchmark scenario: the release server under `perf record` (DWARF
# call graphs, cpu-clock sampling, which works in VMs without hardware counters) while wrk
# replays the scenario, then a flame graph. Or, with heap:, a heap profile of the server
# under heaptrack (every allocation, C libraries' included), then its peak consumers.
#
#   bench/profile.sh SCENARIO [sqlite|postgres] [SECONDS] [CONNECTIONS]
#   bench/profile.sh list sqlite 10 32
#   bench/profile.sh dbceiling:list sqlite 10 32      (the database ceiling instead of the server)
#   bench/profile.sh heap:search sqlite 30 32         (heap, not CPU)
#
# SCENARIO is a wrk scenario of bench/load.sh (list, search, detail, assignments, leaderboard,
# login), dbceiling:<scenario> for `dbceiling`, or heap:<scenario>. Run bench/load.sh on the
# backend first: this reuses its working database, request files (their tokens) and server
# settings. Needs perf (linux-perf) and inferno (`cargo install inferno`), or heaptrack for
# heap:. Writes target/bench/profiles/<backend>-<scenario>.svg, the folded stacks beside it,
# and prints the functions with the most samples of their own; heap: writes
# <backend>-heap-<scenario>.zst (open it with heaptrack_print or heaptrack_gui) and prints
# the peak heap and its largest consumers.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scenario=${1:?usage: bench/profile.sh SCENARIO [sqlite|postgres] [SECONDS] [CONNECTIONS]}
backend=${2:-sqlite}
seconds=${3:-10}
connections=${4:-32}
target=${CARGO_TARGET_DIR:-$root/target}
bench=$target/bench
out=$bench/profiles
mkdir -p "$out"
name=$backend-${scenario/:/-}
tools=(perf wrk inferno-collapse-perf inferno-flamegraph)
[[ $scenario == heap:* ]] && tools=(heaptrack heaptrack_print wrk)
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "profile.sh: $tool is missing" >&2; exit 1; }
done
env_file=$bench/work/server-$backend-full-2.env
[ -f "$env_file" ] || { echo "profile.sh: run bench/load.sh $backend first ($env_file)" >&2; exit 1; }

if [[ $scenario == dbceiling:* ]]; then
  perf record -e cpu-clock -F 499 --call-graph dwarf,32768 -o "$out/$name.perf" -- \
    "$target/release/dbceiling" --inputs "$bench/work/inputs-$backend.json" \
    --scenario "${scenario#dbceiling:}" --concurrency "$connections" --duration "$seconds"
else
  requests=$bench/logs/$backend/${scenario#heap:}.requests
  [ -f "$requests" ] || { echo "profile.sh: no $requests" >&2; exit 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  wrapper=()
  [[ $scenario == heap:* ]] && wrapper=(heaptrack -o "$out/$name")
  # shellcheck disable=SC2046
  env -i PATH="$PATH" $(cat "$env_file") BIND_ADDRESS="127.0.0.1:$port" \
    "${wrapper[@]}" "$target/release/api" serve >"$out/$name.server.log" 2>&1 &
  launcher=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do sleep 0.05; done
  # heaptrack runs the server as its child: signal the server itself.
  server=$(pgrep -n -f "$target/release/api serve")
  trap 'kill "$server" 2>/dev/null || true' EXIT
  wrk -t2 -c"$connections" -d2s --timeout 30s -s "$bench/bench.lua" "http://127.0.0.1:$port" -- "$requests" >/dev/null
  if [[ $scenario == heap:* ]]; then
    recorder=
  else
    perf record -e cpu-clock -F 499 --call-graph dwarf,32768 -p "$server" -o "$out/$name.perf" -- sleep "$seconds" &
    recorder=$!
  fi
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s -s "$bench/bench.lua" "http://127.0.0.1:$port" -- "$requests" |
    grep BENCHJSON || true
  [ -z "$recorder" ] || wait "$recorder"
  kill "$server"
  wait "$launcher" 2>/dev/null || true
  trap - EXIT
fi
if [[ $scenario == heap:* ]]; then
  echo "profile.sh: $out/$name.zst"
  heaptrack_print -f "$out/$name.zst" --print-peaks 1 --peak-limit 8 --print-allocators 0 \
    --print-temporary 0 --print-leaks 0 2>/dev/null |
    awk 'function flush() { if (line != "") print line; line = "" }
         /peak memory consumed/ { flush(); blocks++; kids = 0; show = blocks <= 4; head = show; if (show) line = $0; next }
         head && /^[^ ]/ { line = line " " $1; flush(); head = 0; next }
         show && /consumed over/ { flush(); kids++; frames = (kids <= 3) ? 5 : 0; if (frames) line = "  " $1 " from"; next }
         frames > 0 && /^ +[^ ]/ && !/^ +(at|in) / { line = line " " $1; frames--; next }
         /^peak heap memory consumption/ { flush(); print }
         END { flush() }'
  exit 0
fi
perf script -i "$out/$name.perf" 2>/dev/null | inferno-collapse-perf >"$out/$name.folded"
inferno-flamegraph --title "$name" <"$out/$name.folded" >"$out/$name.svg"
echo "profile.sh: $out/$name.svg"
perf report -i "$out/$name.perf" --stdio --no-children --sort symbol 2>/dev/null |
  grep -E '^ +[0-9]' | head -25 | cut -c1-160
