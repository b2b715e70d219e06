#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that already has Swift: what building needs
# (scripts/install-build-deps.sh), then the real components the tests start, listed below (only what is missing).
# The tests start their own servers on free loopback ports; the system services Debian's packages would start are
# kept from starting and disabled.
set -euo pipefail
bash "$(dirname "$0")/install-build-deps.sh"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
need=()
for pkg in libncursesw5-dev tmux redis-server prometheus-node-exporter prometheus htop procps strace; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  # No service may start during the install (policy-rc.d answering 101 is Debian's way to say so); a policy
  # already in place (containers have one) is left as it is.
  policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    trap '$SUDO rm -f "$policy"' EXIT
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$policy" >/dev/null
    $SUDO chmod +x "$policy"
  fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# On a machine run by systemd, make sure the packaged servers are neither running nor started at boot.
if [ -d /run/systemd/system ]; then
  for unit in prometheus prometheus-node-exporter; do
    $SUDO systemctl disable --now "$unit" >/dev/null 2>&1 || true
  done
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
