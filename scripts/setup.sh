#!/usr/bin/env bash
# Sets Pushboard up on a Debian machine with Node 20: the Pushgateway (for the embedded default and
# the tests), with --test also Chromium, nginx, openssl, curl, Prometheus (end-to-end tests,
# screenshots), systemd's systemd-analyze (the systemd unit's test), Python's and Go's Prometheus
# clients (the real-client tests; Go's pusher is built into .cache/), and Debian trixie's newer
# Pushgateway 1.11.0 in .cache/ (the suite runs against both), the npm packages, and the build.
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
lean=()
command -v prometheus-pushgateway >/dev/null || packages+=(prometheus-pushgateway)
if $with_tests; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  [ -x /usr/sbin/nginx ] || packages+=(nginx)
  command -v openssl >/dev/null || packages+=(openssl)
  command -v curl >/dev/null || packages+=(curl)
  # systemd-analyze checks deploy/pushboard.service (e2e/install.spec.ts); a container may lack it.
  command -v systemd-analyze >/dev/null || lean+=(systemd)
  # A real Prometheus scrapes the server's own metrics in the tests (only the binary is needed).
  command -v prometheus >/dev/null || lean+=(prometheus)
  # The client libraries that push in production (e2e/real-clients.spec.ts): Python's, and Go's,
  # built offline against Debian's packages in GOPATH mode. Node's prom-client is an npm dependency.
  for pkg in python3-prometheus-client golang-go golang-github-prometheus-client-golang-dev; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || lean+=("$pkg")
  done
fi
if [ $((${#packages[@]} + ${#lean[@]})) -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${packages[*]} ${lean[*]} from Debian's packages"
  $sudo apt-get update -qq
  if [ ${#packages[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
  if [ ${#lean[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${lean[@]}" >/dev/null
  fi
fi

if $with_tests; then
  echo "setup: the newer gateway for the tests: $(bash scripts/fetch-gateway.sh 1.11.0)"
  echo "setup: Go's client for the tests: .cache/go-pusher"
  mkdir -p .cache
  GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= GOPROXY=off GOCACHE="$PWD/.cache/go-build" \
    go build -o .cache/go-pusher e2e/clients/go-pusher.go
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi

echo "setup: building the app"
npm run -s build
