#!/usr/bin/env bash
# Installs what is missing, builds everything (release) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# The full set: the browser test needs chromium and playwright-core.
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release
