#!/usr/bin/env bash
# Runs the headless-chromium tests of the agent widget (the test starts and stops its own
# tactful server and stand-in helpdesk).
#   tests/e2e/run_widget.sh TACTFUL_BINARY ARTIFACT_DIR [TEST_FILE [ARGS...]]
# Exits 77 (CTest: skipped) when chromium or playwright-core is not installed
# (scripts/install-deps.sh installs both unless TACTFUL_DEPS=build).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ] || [ ! -d "$here/node_modules/playwright-core" ] || ! command -v node >/dev/null; then
  echo "e2e: chromium or playwright-core missing (scripts/install-deps.sh); skipped"
  exit 77
fi
exec node "$here/${3:-widget.test.mjs}" "$1" "$2" "${@:4}"
