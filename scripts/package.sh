#!/usr/bin/env bash
# Builds the Debian package from a release build: build/release/package/tactful_<ver>_<arch>.deb
# (the binary, /etc/tactful/tactful.json, the systemd unit, the docs; see docs/operations.md).
# Prints the package's path on its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
TACTFUL_DEPS=build scripts/install-deps.sh >&2
cmake --preset release >/dev/null
cmake --build --preset release --target tactful tactful_changelog >&2
rm -f build/release/package/tactful_*.deb
(cd build/release && cpack --config CPackConfig.cmake >&2)
ls build/release/package/tactful_*.deb
