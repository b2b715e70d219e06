#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine that already has Swift: what building needs
# (scripts/install-build-deps.sh), then the real components the tests start, listed below (only what is missing).
# The tests start their own servers on free loopback ports (initdb into a temporary directory, redis-server,
# memcached, prometheus with its own config and storage); the system services Debian's packages would start are kept
# from starting and disabled.
set -euo pipefail
bash "$(dirname "$0")/install-build-deps.sh"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive

# Debian packages: the servers and tools the tests start or compare with.
#   tmux (the TUI end to end), htop (bench-tui.sh), procps (ps), strace (counting an error's writes), curl;
#   redis-server, redis-tools, prometheus-redis-exporter; prometheus (the server and promtool),
#   prometheus-node-exporter; postgresql (+ contrib for pg_stat_statements, pgbench), prometheus-postgres-exporter
#   (the postgres_exporter preset on its real output), memcached.
need=()
for pkg in libncursesw5-dev tmux htop procps strace curl redis-server redis-tools prometheus-redis-exporter \
  prometheus prometheus-node-exporter postgresql postgresql-contrib prometheus-postgres-exporter memcached; do
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
  for unit in prometheus prometheus-node-exporter prometheus-redis-exporter prometheus-postgres-exporter redis-server \
    memcached postgresql; do
    $SUDO systemctl disable --now "$unit" >/dev/null 2>&1 || true
  done
fi
# PostgreSQL's server tools live in a versioned folder: put them on PATH for the tests.
if ! command -v initdb >/dev/null 2>&1; then
  for bin in /usr/lib/postgresql/*/bin; do
    [ -x "$bin/initdb" ] || continue
    for tool in initdb postgres pg_ctl pgbench; do $SUDO ln -sf "$bin/$tool" "/usr/local/bin/$tool"; done
    break
  done
fi

# Python packages (module:package): prometheus_client (the instrumented test services), psutil (the live process
# check's reference), statsmodels (the forecast references), django-prometheus (a real Django app's exposition),
# rq and celery[redis] (real queue producers), the OpenTelemetry SDK and its Prometheus exporter (the opentelemetry
# preset on real output).
pip_need=()
for module in prometheus_client:prometheus_client psutil:psutil statsmodels:statsmodels \
  django_prometheus:django-prometheus rq:rq celery:celery[redis] redis:redis opentelemetry.sdk:opentelemetry-sdk \
  opentelemetry.exporter.prometheus:opentelemetry-exporter-prometheus; do
  python3 -c "import ${module%%:*}" 2>/dev/null || pip_need+=("${module#*:}")
done
if [ ${#pip_need[@]} -gt 0 ]; then
  python3 -m pip install -q "${pip_need[@]}" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages "${pip_need[@]}"
fi
