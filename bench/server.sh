#!/usr/bin/env bash
# Throughput and latency of `tactful serve` on this machine (wrk from Debian, load generator on
# the same machine): POST /v1/suggest with a realistic body (a ~600-character draft, 5 history
# messages) at 64 connections, the same with a new conversation in every request, beside GET /bench/ceiling (a fixed body through the same Beast
# session code: this machine's HTTP ceiling); the /v1/stream WebSocket round trip; RSS at rest.
#
#   bench/server.sh                 build release if needed, then measure
#   DURATION=30 THREADS=2 bench/server.sh
#   TACTFUL_LOG_REQUESTS=0 bench/server.sh   without the per-request log line
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/release"
DURATION="${DURATION:-10}"
CONNECTIONS="${CONNECTIONS:-64}"
WRK_THREADS="${WRK_THREADS:-2}"
WORK="$BUILD/bench-server"
mkdir -p "$WORK"

command -v wrk >/dev/null || { echo "server bench: wrk is missing (apt-get install wrk)"; exit 1; }
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then (cd "$ROOT" && cmake --preset release >/dev/null); fi
cmake --build "$BUILD" --target tactful tactful_ws_rtt >/dev/null

# The request: a realistic reply to an upset customer (bench/suggest.json, also what the
# BM_SuggestJson benchmark parses). The same body every time is an agent typing in one
# conversation: after the first request the server's history cache has its history. The
# "new-conversation" run gives every request a history of its own (a ticket number in the first
# customer message), so every request reads its history afresh.
# The wrk scripts are bench/suggest.lua and bench/new-conversation.lua.
export SUGGEST_BODY="$ROOT/bench/suggest.json"

PORT=$((20000 + RANDOM % 20000))
# wrk is one client address far above the default per-address rate (60,000 a minute): the bench
# measures the server, not its rate limiter (set the variables to a huge rate to measure the
# limiter's bookkeeping without refusals).
TACTFUL_RATE_LIMIT_PER_IP_PER_MINUTE=${TACTFUL_RATE_LIMIT_PER_IP_PER_MINUTE:-0} \
TACTFUL_RATE_LIMIT_PER_KEY_PER_MINUTE=${TACTFUL_RATE_LIMIT_PER_KEY_PER_MINUTE:-0} \
"$BUILD/plugin/cli/tactful" serve --listen "127.0.0.1:$PORT" --bench-ceiling \
  >"$WORK/serve.out" 2>"$WORK/serve.log" &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -sf -XPOST --data-binary @"$ROOT/bench/suggest.json" "http://127.0.0.1:$PORT/v1/suggest" \
  -o "$WORK/suggest.out"
hints=$(grep -o '"rule":' "$WORK/suggest.out" | wc -l)
rss_rest=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)

# The server's CPU time (user + system, in clock ticks) so far: a run's difference divided by its
# requests is the server's CPU per request, which the load of other processes changes far less
# than req/s (it is what the "85% of the ceiling" target compares; docs/server.md).
TICKS_PER_SECOND=$(getconf CLK_TCK)
server_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }

run() {  # name url [script]
  local name=$1 url=$2 script=${3:-}
  local out="$WORK/$name.wrk"
  local ticks_before
  ticks_before=$(server_ticks)
  wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency ${script:+-s "$script"} "$url" >"$out"
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$out")
  p50=$(awk '$1 == "50%" {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  errors=$(grep -E "Non-2xx|Socket errors" "$out" | tr '\n' ' ' || true)
  local cpu_us
  cpu_us=$(awk -v t="$(($(server_ticks) - ticks_before))" -v hz="$TICKS_PER_SECOND" \
    '/requests in/ {n = $1} END {if (n > 0) printf "%.1f", 1e6 * t / hz / n}' "$out")
  printf '| %-22s | %10s | %8s | %8s | %12s | %s\n' "$name" "$rps" "$p50" "$p99" "$cpu_us" \
    "${errors:-no errors}"
  echo "$rps" >"$WORK/$name.rps"
}

echo "tactful serve benchmark: $(nproc) cores, wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s, $hints hints per /v1/suggest response"
echo "| endpoint               |      req/s |      p50 |      p99 | server CPU µs/req | errors"
echo "|------------------------|-----------:|---------:|---------:|-------------:|-------"
run ceiling "http://127.0.0.1:$PORT/bench/ceiling"
run suggest "http://127.0.0.1:$PORT/v1/suggest" "$ROOT/bench/suggest.lua"
run new-conversation "http://127.0.0.1:$PORT/v1/suggest" "$ROOT/bench/new-conversation.lua"
ratio=$(awk -v a="$(cat "$WORK/suggest.rps")" -v b="$(cat "$WORK/ceiling.rps")" 'BEGIN {printf "%.0f", 100 * a / b}')
echo "suggest / ceiling: ${ratio}%"
# Server-side time per request (parse + analyze + serialize), from the server's own histogram
# (the mean over both /v1/suggest runs), and the history cache's hits and misses.
curl -sf "http://127.0.0.1:$PORT/metrics" >"$WORK/metrics.txt"
awk '/^tactful_http_request_duration_seconds_(sum|count)\{route="\/v1\/suggest"\}/ {v[$1 ~ /sum/ ? "s" : "c"] = $2}
     END {if (v["c"] > 0) printf "server-side time per /v1/suggest: %.0f us (mean of %d)\n", 1e6 * v["s"] / v["c"], v["c"]}' \
  "$WORK/metrics.txt"
grep '^tactful_history_cache_lookups_total' "$WORK/metrics.txt" | tr '\n' ' ' | sed 's/$/\n/' || true
"$BUILD/bench/server/tactful_ws_rtt" "$PORT" 5000
rss_after=$(awk '/VmRSS/ {print $2}' /proc/$PID/status)
echo "RSS at rest: $((rss_rest / 1024)) MiB; after the load: $((rss_after / 1024)) MiB"
