#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that already has Swift: what building needs
# (scripts/install-build-deps.sh), and the real components the tests start (tmux, redis-server,
# prometheus-node-exporter, htop for the TUI benchmark, python's prometheus_client for the instrumented test service;
# prometheus-redis-exporter, promtool (package prometheus) and django-prometheus for the service presets and the
# PromQL reference of the RED tests).
set -euo pipefail
bash "$(dirname "$0")/install-build-deps.sh"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
need=()
for pkg in libncursesw5-dev tmux redis-server redis-tools prometheus-node-exporter prometheus-redis-exporter \
           prometheus htop procps curl; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
for module in prometheus_client:prometheus_client django_prometheus:django-prometheus; do
  if ! python3 -c "import ${module%%:*}" 2>/dev/null; then
    python3 -m pip install -q "${module##*:}" 2>/dev/null \
      || python3 -m pip install -q --break-system-packages "${module##*:}"
  fi
done
