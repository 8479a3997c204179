#!/usr/bin/env bash
# Installs what is missing, builds tactful (release) and runs it on its embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
TACTFUL_DEPS=build scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target tactful
# With no arguments: check the built-in demo conversation and print the hints.
if [ $# -eq 0 ]; then set -- check --demo; fi
exec build/release/plugin/cli/tactful "$@"
