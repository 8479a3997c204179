#!/usr/bin/env bash
# Builds the Debian package (scripts/package.sh) and runs its install test in a throwaway
# Debian 12 root (tests/packaging/install_test.sh): install, run as the unit says, upgrade,
# remove, purge, lintian. Needs root and the Debian mirror; exits 77 (skipped) without them.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(scripts/package.sh | tail -n 1)
exec tests/packaging/install_test.sh "$deb" build/release/package-test
