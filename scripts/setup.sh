#!/usr/bin/env bash
# Sets Pushboard up on a Debian machine with Node 20: the Pushgateway (for the embedded default and
# the tests), with --test also Chromium, nginx, openssl and curl (end-to-end tests, screenshots) and
# Debian trixie's newer Pushgateway 1.11.0 in .cache/ (the suite runs against both), the npm
# packages, and the build.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=false
for arg in "$@"; do
  case "$arg" in
    --test) with_tests=true ;;
    -h|--help) echo "usage: bash scripts/setup.sh [--test]"; exit 0 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=()
command -v prometheus-pushgateway >/dev/null || packages+=(prometheus-pushgateway)
if $with_tests; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  [ -x /usr/sbin/nginx ] || packages+=(nginx)
  command -v openssl >/dev/null || packages+=(openssl)
  command -v curl >/dev/null || packages+=(curl)
fi
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${packages[*]} from Debian's packages"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

if $with_tests; then
  echo "setup: the newer gateway for the tests: $(bash scripts/fetch-gateway.sh 1.11.0)"
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

echo "setup: building the app"
npm run -s build
