#!/usr/bin/env bash
# Installs what building and running perfdash needs on a fresh Debian machine that already has Swift: ncursesw.
# (The tests need more: scripts/install-deps.sh installs that, and calls this script first.)
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! dpkg -s libncursesw5-dev >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq libncursesw5-dev >/dev/null
fi
