#!/usr/bin/env bash
# Runs the headless-chromium test of the admin console against a fresh `tactful serve`.
#   tests/e2e/run_admin.sh TACTFUL_BINARY ARTIFACT_DIR
# Screenshots go to ARTIFACT_DIR. Ten days of feedback are seeded into the server's store first
# (the API stamps feedback with today, and the charts need days). Exits 77 (CTest: skipped) when
# chromium, playwright-core or axe-core is not installed (scripts/install-deps.sh installs them
# unless TACTFUL_DEPS=build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="$1"
artifacts="$2"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] || [ ! -d "$here/node_modules/playwright-core" ] ||
   [ ! -d "$here/node_modules/axe-core" ] || ! command -v node >/dev/null || ! command -v sqlite3 >/dev/null; then
  echo "e2e: chromium, sqlite3, playwright-core or axe-core missing (scripts/install-deps.sh); skipped"
  exit 77
fi
work="$(mktemp -d)"
token="$("$bin" admin token create --tenant acme --role admin --name e2e --data-dir "$work/data" 2>/dev/null)"
viewer="$("$bin" admin token create --tenant acme --role viewer --name reporting --data-dir "$work/data" 2>/dev/null)"
{
  echo "BEGIN;"
  for i in $(seq 0 9); do
    day="$(date -u -d "-$i day" +%F)"
    row() { echo "INSERT INTO feedback (at, rule, category, action, agent_id, tenant, team, empathy) VALUES ('${day}T10:00:00Z', '$1', '$2', '$3', '$4', 'acme', '$5', $6);"; }
    for _ in 1 2 3; do row dismissive.calm-down dismissive dismissed dana billing $((40 + i)); done
    if [ $((i % 2)) -eq 0 ]; then row dismissive.calm-down dismissive accepted lee support $((70 - i)); fi
    row policy.per-policy policy-language accepted lee support $((60 + i))
    if [ $((i % 3)) -eq 0 ]; then row policy.per-policy policy-language dismissed dana billing 35; fi
  done
  echo "COMMIT;"
} | sqlite3 "$work/data/tactful.db"
TACTFUL_DATA_DIR="$work/data" TACTFUL_LOG_REQUESTS=0 TACTFUL_ADMIN_DEFAULT_TENANT=acme \
  "$bin" serve --listen 127.0.0.1:0 >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "serving on" "$work/out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*/' "$work/out" | head -1)"
[ -n "$url" ] || { echo "e2e: the server did not start"; cat "$work/err"; exit 1; }
node "$here/admin.test.mjs" "$url" "$token" "$artifacts" "$viewer"
