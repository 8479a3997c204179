#!/usr/bin/env bash
# Installs the Debian packages tactful needs to build, test and run. Idempotent; run as root
# (or with sudo) on Debian 12. Set TACTFUL_DEPS=build to skip the browser/benchmark extras.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  clang libclang-rt-14-dev clang-format
  rapidjson-dev libre2-dev libjemalloc-dev libboost-dev libcpprest-dev libssl-dev libsqlite3-dev sqlite3
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  python3
)
# The web pages (admin console, agent widget) are TypeScript compiled with npm at build time.
# Node.js may already come from elsewhere (NodeSource ships npm inside its nodejs package,
# which conflicts with Debian's npm): only ask apt for what is missing.
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
if [ "${TACTFUL_DEPS:-all}" = all ]; then
  packages+=(wrk hyperfine chromium)
  # The package's install test (scripts/package-test.sh): a throwaway Debian root, the linter.
  packages+=(debootstrap lintian)
fi

# The browser tests' npm packages (tests/e2e: playwright-core, axe-core), pinned by its
# package-lock.json; installed again when one of them is missing.
e2e_packages() {
  local e2e
  e2e="$(dirname "$0")/../tests/e2e"
  if [ "${TACTFUL_DEPS:-all}" = all ] && { [ ! -d "$e2e/node_modules/playwright-core" ] || [ ! -d "$e2e/node_modules/axe-core" ]; }; then
    (cd "$(dirname "$0")/../tests/e2e" && npm ci --no-audit --no-fund --silent)
  fi
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  e2e_packages
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
e2e_packages
