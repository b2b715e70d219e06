#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that already has Swift: what building needs
# (scripts/install-build-deps.sh), and the real components the tests start (tmux, redis-server,
# prometheus-node-exporter, htop for the TUI benchmark, python's prometheus_client for the instrumented test service,
# psutil as the reference of the live process check).
set -euo pipefail
bash "$(dirname "$0")/install-build-deps.sh"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
need=()
for pkg in libncursesw5-dev tmux redis-server prometheus-node-exporter htop procps; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
for module in prometheus_client psutil; do
  if ! python3 -c "import $module" 2>/dev/null; then
    python3 -m pip install -q "$module" 2>/dev/null \
      || python3 -m pip install -q --break-system-packages "$module"
  fi
done
