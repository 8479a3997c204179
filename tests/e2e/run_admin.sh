#!/usr/bin/env bash
# Runs the headless-chromium test of the admin console against a fresh `tactful serve`.
#   tests/e2e/run_admin.sh TACTFUL_BINARY ARTIFACT_DIR
# Screenshots go to ARTIFACT_DIR. Exits 77 (CTest: skipped) when chromium or playwright-core is
# not installed (scripts/install-deps.sh installs both unless TACTFUL_DEPS=build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$1"
artifacts="$2"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] || [ ! -d "$here/node_modules/playwright-core" ] || ! command -v node >/dev/null; then
  echo "e2e: chromium or playwright-core missing (scripts/install-deps.sh); skipped"
  exit 77
fi
work="$(mktemp -d)"
token="$("$bin" admin token create --tenant acme --role admin --name e2e --data-dir "$work/data" 2>/dev/null)"
TACTFUL_DATA_DIR="$work/data" TACTFUL_LOG_REQUESTS=0 TACTFUL_ADMIN_DEFAULT_TENANT=acme \
  "$bin" serve --listen 127.0.0.1:0 >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "serving on" "$work/out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*/' "$work/out" | head -1)"
[ -n "$url" ] || { echo "e2e: the server did not start"; cat "$work/err"; exit 1; }
node "$here/admin.test.mjs" "$url" "$token" "$artifacts"
