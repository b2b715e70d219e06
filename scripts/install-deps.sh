#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that already has Swift: what building needs
# (scripts/install-build-deps.sh), and the real components the tests start (tmux, redis-server,
# prometheus-node-exporter, htop for the TUI benchmark, PostgreSQL with pgbench and pg_stat_statements, memcached,
# python's prometheus_client for the instrumented test service, RQ and Celery as real queue producers, statsmodels
# for the forecast references).
set -euo pipefail
bash "$(dirname "$0")/install-build-deps.sh"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
need=()
for pkg in libncursesw5-dev tmux redis-server prometheus-node-exporter htop procps postgresql postgresql-contrib \
  memcached; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# PostgreSQL's server programs live in a versioned directory; the tests find initdb, postgres and pgbench on PATH.
if ! command -v initdb >/dev/null 2>&1; then
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/initdb" ] || continue
    for tool in initdb postgres pg_ctl pgbench; do $SUDO ln -sf "$bin/$tool" "/usr/local/bin/$tool"; done
    break
  done
fi
pip_need=()
python3 -c 'import prometheus_client' 2>/dev/null || pip_need+=(prometheus_client)
python3 -c 'import rq' 2>/dev/null || pip_need+=(rq)
python3 -c 'import celery, redis' 2>/dev/null || pip_need+=('celery[redis]')
if [ ${#pip_need[@]} -gt 0 ]; then
  python3 -m pip install -q "${pip_need[@]}" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "${pip_need[@]}"
fi
# statsmodels (with numpy): the reference forecasts of HoltForecasterTests (Tests/Fixtures/forecast/generate.py).
if ! python3 -c 'import statsmodels' 2>/dev/null; then
  python3 -m pip install -q statsmodels 2>/dev/null \
    || python3 -m pip install -q --break-system-packages statsmodels
fi
