#!/usr/bin/env bash
# The backup and restore procedure of docs/operations.md, run for real: while the service takes
# feedback, back the SQLite store up online with `sqlite3 .backup` and with `VACUUM INTO`, check
# both copies, then restore one into an empty data directory and serve from it.
#
#   tests/packaging/backup_test.sh TACTFUL_BINARY
set -euo pipefail

binary=$(realpath "$1")
work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

passed=0
failed=0
check() {  # check "what" command...
  local what=$1
  shift
  if "$@" >"$work/out" 2>&1; then
    passed=$((passed + 1)); echo "  ok      $what"
  else
    failed=$((failed + 1)); echo "  FAILED  $what"; sed 's/^/          /' "$work/out" | head -n 20
  fi
}

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
serve() {  # serve DATA_DIR: starts the service on loopback; sets pid
  env -i TACTFUL_LISTEN="127.0.0.1:$port" TACTFUL_DATA_DIR="$1" TACTFUL_LOG_REQUESTS=0 \
    "$binary" serve >>"$work/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do
    "$binary" healthcheck "http://127.0.0.1:$port/readyz" --timeout-ms 500 >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$work/serve.log"
  return 1
}
stop() { kill -TERM "$pid"; wait "$pid"; pid=""; }
feedback() {  # posts N feedback rows
  python3 - "$port" "$1" <<'PY'
import sys, urllib.request
port, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    body = b'{"rule": "policy.per-policy", "action": "accepted"}'
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/feedback", data=body, timeout=10) as r:
        assert r.status == 201, r.status
PY
}
rows() { sqlite3 "$1" 'SELECT count(*) FROM feedback;'; }

live=$work/live
mkdir -p "$live" "$work/backups"
check "the service starts on an empty data directory" serve "$live"
check "it stores 25 feedback rows" feedback 25
# Online backups while the service keeps writing (WAL mode: readers do not block the writer).
feedback 2000 &
writer=$!
# Start the backups only once the writer is under way, so they really overlap its writes.
for _ in $(seq 1 200); do
  [ "$(rows "$live/tactful.db")" -ge 50 ] && break
  sleep 0.05
done
check "sqlite3 .backup copies the store while it is in use" \
  sqlite3 "$live/tactful.db" ".backup '$work/backups/dot-backup.db'"
check "VACUUM INTO copies the store while it is in use" \
  sqlite3 "$live/tactful.db" "VACUUM INTO '$work/backups/vacuum-into.db';"
writer_running() { kill -0 "$writer"; }
check "the writer was still writing when both backups had finished" writer_running
wait "$writer"
check "the service kept taking feedback during the backups" test "$(rows "$live/tactful.db")" = 2025
for copy in dot-backup vacuum-into; do
  check "$copy.db passes PRAGMA integrity_check" \
    test "$(sqlite3 "$work/backups/$copy.db" 'PRAGMA integrity_check;')" = ok
  n=$(rows "$work/backups/$copy.db")
  check "$copy.db holds a snapshot taken mid-writes (50..2025 rows: $n)" test "$n" -ge 50 -a "$n" -lt 2025
done
check "the service stops cleanly" stop

# Restore: stop the service, put the copy in place as tactful.db with no stale -wal/-shm, start.
restored=$work/restored
mkdir -p "$restored"
cp "$work/backups/vacuum-into.db" "$restored/tactful.db"
rm -f "$restored/tactful.db-wal" "$restored/tactful.db-shm"
before=$(rows "$restored/tactful.db")
check "the service starts on the restored store" serve "$restored"
check "it takes feedback into the restored store" feedback 1
check "the restored store has its rows plus the new one" test "$(rows "$restored/tactful.db")" = $((before + 1))
check "the service stops cleanly" stop

echo "backup: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
