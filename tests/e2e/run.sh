#!/usr/bin/env bash
# Runs the headless-chromium test of the demo page against a fresh `tactful serve`.
#   tests/e2e/run.sh TACTFUL_BINARY
# Exits 77 (CTest: skipped) when chromium or playwright-core is not installed
# (scripts/install-deps.sh installs both unless TACTFUL_DEPS=build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$1"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] || [ ! -d "$here/node_modules/playwright-core" ] || ! command -v node >/dev/null; then
  echo "e2e: chromium or playwright-core missing (scripts/install-deps.sh); skipped"
  exit 77
fi
work="$(mktemp -d)"
TACTFUL_DATA_DIR="$work/data" TACTFUL_LOG_REQUESTS=0 "$bin" serve --listen 127.0.0.1:0 \
  >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "serving on" "$work/out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*/' "$work/out" | head -1)"
[ -n "$url" ] || { echo "e2e: the server did not start"; cat "$work/err"; exit 1; }
node "$here/demo.test.mjs" "$url"
