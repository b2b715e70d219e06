#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that already has Swift: what building needs
# (scripts/install-build-deps.sh), then the real components the tests start, listed below (only what is missing).
set -euo pipefail
bash "$(dirname "$0")/install-build-deps.sh"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
need=()
for pkg in libncursesw5-dev tmux redis-server prometheus-node-exporter htop procps strace; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! python3 -c 'import prometheus_client' 2>/dev/null; then
  python3 -m pip install -q prometheus_client 2>/dev/null \
    || python3 -m pip install -q --break-system-packages prometheus_client
fi
# statsmodels (with numpy): the reference forecasts of HoltForecasterTests (Tests/Fixtures/forecast/generate.py).
if ! python3 -c 'import statsmodels' 2>/dev/null; then
  python3 -m pip install -q statsmodels 2>/dev/null \
    || python3 -m pip install -q --break-system-packages statsmodels
fi
