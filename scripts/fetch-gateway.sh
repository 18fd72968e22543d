#!/usr/bin/env bash
# Fetches Debian trixie's prometheus-pushgateway (the newer gateway the end-to-end tests also run
# against) into .cache/pushgateway-<version>/ without touching apt's own sources: a private sources
# list, built from the archive address this machine already uses, and a private lists directory.
# Prints the binary's path. Safe to run again: does nothing when the binary is already cached.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${1:-1.11.0}"
suite="trixie"
dest=".cache/pushgateway-$version"
binary="$dest/usr/bin/prometheus-pushgateway"
if [ -x "$binary" ]; then
  echo "$binary"
  exit 0
fi

# The archive address: the first non-security Debian entry of the machine's own sources
# (deb822 .sources files first, then the one-line format).
archive=""
keyring="/usr/share/keyrings/debian-archive-keyring.gpg"
for file in /etc/apt/sources.list.d/*.sources; do
  [ -f "$file" ] || continue
  archive=$(awk '
    /^[[:space:]]*$/ { if (uri != "" && suites !~ /-security/) { print uri; exit } uri = ""; suites = "" }
    /^URIs:/ { uri = $2 }
    /^Suites:/ { suites = $0 }
    END { if (uri != "" && suites !~ /-security/) print uri }
  ' "$file" | head -n 1)
  [ -n "$archive" ] && break
done
if [ -z "$archive" ] && [ -f /etc/apt/sources.list ]; then
  archive=$(awk '$1 == "deb" && $0 !~ /-security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
fi
if [ -z "$archive" ]; then
  echo "fetch-gateway: no Debian archive found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial"
signed=""
[ -f "$keyring" ] && signed=" [signed-by=$keyring]"
echo "deb$signed $archive $suite main" >"$work/sources.list"
apt_opts=(
  -o "Dir::Etc::sourcelist=$work/sources.list"
  -o "Dir::Etc::sourceparts=-"
  -o "Dir::State::Lists=$work/lists"
  -o "Dir::Cache::Archives=$work/archives"
  -o "Dir::Cache::pkgcache="
  -o "Dir::Cache::srcpkgcache="
  -o "APT::Get::List-Cleanup=0"
)
# apt hands downloads to its _apt user, which cannot write into our private (mktemp) directory.
[ "$(id -u)" -eq 0 ] && apt_opts+=(-o "APT::Sandbox::User=root")
echo "fetch-gateway: fetching prometheus-pushgateway $version from Debian $suite" >&2
apt-get "${apt_opts[@]}" -qq update >&2
(cd "$work" && apt-get "${apt_opts[@]}" -qq download "prometheus-pushgateway=$version*" >&2)
deb=$(ls "$work"/prometheus-pushgateway_*.deb)
mkdir -p "$dest.tmp"
dpkg-deb -x "$deb" "$dest.tmp"
rm -rf "$dest"
mv "$dest.tmp" "$dest"
"$binary" --version >/dev/null 2>&1 || { echo "fetch-gateway: $binary does not run" >&2; exit 1; }
echo "$binary"
