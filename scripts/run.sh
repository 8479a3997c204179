#!/usr/bin/env bash
# Installs what is missing, builds tactful (release) and runs the service on its embedded
# defaults: the built-in rule packs, SQLite in the default data dir, http://127.0.0.1:8080/.
# Arguments replace the default command, e.g. `scripts/run.sh check --demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
TACTFUL_DEPS=build scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tactful
# With no arguments: serve the API and the demo page (it prints where to open it).
if [ $# -eq 0 ]; then set -- serve; fi
exec build/release/plugin/cli/tactful "$@"
