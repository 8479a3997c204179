#!/usr/bin/env bash
# Soak: `tactful serve` on loopback with a temporary data directory, first its maximum
# /v1/suggest throughput measured briefly with wrk (as bench/server.sh does), then SOAK_SECONDS
# at half that rate across a mix of routes (/v1/suggest, /v1/stream messages, signed Chatwoot
# webhooks, /v2/check, admin reads) with an admin rule publish every 10 s. Every 30 s it prints
# each route's p50/p99 and errors and the server's RSS; at the end RSS first/last/max, the
# errors and p99 per interval. Exit status 1 when anything failed or RSS after the first
# WARMUP seconds (120; the server's bounded caches fill then) grew by over 10%.
#
#   bench/soak.sh                        build release if needed, then 10 minutes
#   SOAK_SECONDS=60 bench/soak.sh        a short run
#   RATE=3000 bench/soak.sh              skip the maximum, soak at 3000 req/s
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build/release"
SOAK_SECONDS="${SOAK_SECONDS:-600}"
MAX_SECONDS="${MAX_SECONDS:-10}"
INTERVAL="${INTERVAL:-30}"
WARMUP="${WARMUP:-120}"  # RSS is judged after this: the bounded caches fill first
WORK="$BUILD/bench-soak"
mkdir -p "$WORK"

command -v wrk >/dev/null || { echo "soak: wrk is missing (apt-get install wrk)"; exit 1; }
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then (cd "$ROOT" && cmake --preset release >/dev/null); fi
cmake --build "$BUILD" --target tactful tactful_soak_load >/dev/null
TACTFUL="$BUILD/plugin/cli/tactful"

DATA="$(mktemp -d "${TMPDIR:-/tmp}/tactful-soak.XXXXXX")"
AGENT_KEY="soak-agent-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
WEBHOOK_SECRET="soak-webhook-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
PORT=$((20000 + RANDOM % 20000))
# The rate limits are protections, not what is measured: the soak's one client address and one
# agent key would exceed them, so the per-address and per-key limits are off (0) and the admin
# limit is raised far above the soak's admin reads (it is per token, and one token does them all). The Chatwoot integration
# posts no notes: webhooks are received, stored and checked, and nothing leaves the machine.
cat >"$DATA/tactful.json" <<JSON
{"listen": "127.0.0.1:$PORT", "data_dir": "$DATA/data", "log_requests": false,
 "api_keys": [{"key": "$AGENT_KEY", "tenant": "soak"}],
 "admin": {"rate_per_minute": 1000000, "rate_burst": 100000},
 "rate_limits": {"per_ip_per_minute": 0, "per_key_per_minute": 0},
 "integrations": [{"id": "cw", "vendor": "chatwoot", "webhook_secret": "$WEBHOOK_SECRET"}]}
JSON
ADMIN_TOKEN="$("$TACTFUL" admin token create --tenant soak --role admin --name soak \
  --config "$DATA/tactful.json" 2>/dev/null)"

"$TACTFUL" serve --config "$DATA/tactful.json" >"$WORK/serve.out" 2>"$WORK/serve.log" &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

echo "soak: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) before the run; $(date -u +%FT%TZ)"
if [[ -z "${RATE:-}" ]]; then
  cat >"$WORK/suggest.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $AGENT_KEY"
local f = io.open("$ROOT/bench/suggest.json", "r")
wrk.body = f:read("*a")
f:close()
LUA
  wrk -t2 -c64 -d"${MAX_SECONDS}s" -s "$WORK/suggest.lua" "http://127.0.0.1:$PORT/v1/suggest" \
    >"$WORK/max.wrk"
  MAX=$(awk '/Requests\/sec/ {printf "%d", $2}' "$WORK/max.wrk")
  grep -qE "Non-2xx|Socket errors" "$WORK/max.wrk" && { cat "$WORK/max.wrk"; echo "soak: errors while measuring the maximum"; exit 1; }
  RATE=$((MAX / 2))
  echo "maximum /v1/suggest throughput (wrk -t2 -c64 -d${MAX_SECONDS}s): $MAX req/s; soaking at $RATE req/s"
fi

status=0
"$BUILD/bench/server/tactful_soak_load" --port "$PORT" --pid "$PID" --rate "$RATE" \
  --seconds "$SOAK_SECONDS" --interval "$INTERVAL" --warmup "$WARMUP" --agent-key "$AGENT_KEY" \
  --admin-token "$ADMIN_TOKEN" --webhook-secret "$WEBHOOK_SECRET" \
  --suggest-body "$ROOT/bench/suggest.json" | tee "$WORK/soak.txt" || status=$?
kill -0 $PID 2>/dev/null || { echo "soak: the server died"; status=1; }
curl -sf "http://127.0.0.1:$PORT/metrics" >"$WORK/metrics.txt" || true
grep -E '^tactful_(http_requests_total|errors_total)' "$WORK/metrics.txt" | grep -v ' 0$' | head -40 || true
echo "server log lines of level error: $(grep -c '"level":"error"' "$WORK/serve.log" || true)"
echo "load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exit $status
