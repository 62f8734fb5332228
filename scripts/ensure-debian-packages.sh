#!/usr/bin/env bash
# Installs the Debian packages that provide the given commands when they are missing: as root with apt-get,
# otherwise it stops with the exact command to run. Usage: ensure-debian-packages.sh command=package ...
set -euo pipefail
missing=()
for pair in "$@"; do
  command="${pair%%=*}"
  package="${pair#*=}"
  command -v "$command" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
install="apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages}"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[stimawatch] missing Debian packages: ${packages}; install them with:" >&2
  echo "  sudo sh -c '${install}'" >&2
  exit 1
fi
echo "[stimawatch] installing Debian packages: ${packages}" >&2
sh -c "${install}" >/dev/null
