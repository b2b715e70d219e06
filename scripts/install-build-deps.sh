#!/usr/bin/env bash
# Installs what building and running perfdash needs on a fresh Debian machine that already has Swift: ncursesw, and
# libcurl's headers, which a build with the Swift runtime linked statically (scripts/install.sh) links against, and
# patchelf, with which scripts/build-static.sh leaves libcurl out of the libraries loaded at start-up.
# (The tests need more: scripts/install-deps.sh installs that, and calls this script first.)
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
need=()
for pkg in libncursesw5-dev libcurl4-openssl-dev patchelf; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
