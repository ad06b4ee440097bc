#!/usr/bin/env bash
# Installs the Debian packages that building and testing citfee need, if any
# is missing. A fast no-op when all are installed. Works on a fresh Debian 12.
set -euo pipefail

# Extra packages may be named as arguments (make bench adds its tools).
packages=(cmake ninja-build g++ make libcli11-dev libfmt-dev libtomlplusplus-dev catch2
  clang libclang-rt-14-dev clang-format
  libxlsxwriter-dev scdoc python3-openpyxl groff-base dpkg-dev file
  pkg-config libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils
  libsqlite3-dev sqlite3 libxml2-dev libzip-dev libexpat1-dev hledger lintian debhelper strace "$@")

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [[ "$status" != installed ]]; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

as_root=()
if ((EUID != 0)); then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "install-deps: missing ${missing[*]}, and not root and no sudo: install them as root" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}" >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
