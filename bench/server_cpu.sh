#!/usr/bin/env bash
# The server's CPU time per POST /v1/suggest (user + system time of the whole process, from
# /proc/PID/stat, over a wrk run with bench/suggest.json): on a shared, loaded machine it moves
# less than requests per second, which also count the time the server waited for a core. Each
# binary given is measured in turn, ROUNDS times alternated (an A/B of two builds).
#
#   bench/server_cpu.sh                                   this checkout's build/release
#   ROUNDS=5 DURATION=8 bench/server_cpu.sh OLD/tactful build/release/plugin/cli/tactful
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-8}"
binaries=()
for b in "$@"; do binaries+=("$(realpath "$b")"); done
[[ ${#binaries[@]} -gt 0 ]] || binaries=("$ROOT/build/release/plugin/cli/tactful")
command -v wrk >/dev/null || { echo "server_cpu: wrk is missing (apt-get install wrk)"; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export SUGGEST_BODY="$ROOT/bench/suggest.json"  # read by bench/suggest.lua
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # utime + stime, in clock ticks

echo "| round | binary | UTC | load | requests | req/s | CPU µs per request |"
echo "|---|---|---|---:|---:|---:|---:|"
for round in $(seq "$ROUNDS"); do
  for bin in "${binaries[@]}"; do
    port=$((20000 + RANDOM % 20000))
    (cd "$WORK" && TACTFUL_RATE_LIMIT_PER_IP_PER_MINUTE=0 TACTFUL_RATE_LIMIT_PER_KEY_PER_MINUTE=0 \
      exec "$bin" serve --listen "127.0.0.1:$port" >/dev/null 2>&1) &
    pid=$!
    up=0
    for _ in $(seq 300); do
      curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && up=1 && break
      sleep 0.1
    done
    if [[ $up == 0 ]]; then
      echo "| $round | $bin | $(date -u +%H:%M:%S) | did not start (port $port taken?) | | | |"
      kill "$pid" 2>/dev/null || true
      continue
    fi
    curl -sf -XPOST --data-binary @"$ROOT/bench/suggest.json" "http://127.0.0.1:$port/v1/suggest" \
      -o /dev/null  # the history cache has the conversation from here on
    load=$(cut -d' ' -f1 /proc/loadavg)
    before=$(cpu "$pid")
    out=$(wrk -t2 -c64 -d"${DURATION}s" -s "$ROOT/bench/suggest.lua" "http://127.0.0.1:$port/v1/suggest")
    after=$(cpu "$pid")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    echo "| $round | $bin | $(date -u +%H:%M:%S) | $load | $n | $rps | $(((after - before) * 1000000 / tick / n)) |"
  done
done
