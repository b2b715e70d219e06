#!/usr/bin/env bash
# Soak: RSS of `perfdash snapshot --interval 10ms` and of the dashboard at 100 ms (in a private tmux server) over
# DURATION seconds, sampled every STEP seconds. Once the longest window (15 m) is full, RSS must stay flat: the
# spread (max − min) of each process's RSS from FULL seconds on is printed next to the 1 MiB target.
# Not part of CI (it takes DURATION seconds). Needs tmux.
#   DURATION=1140 STEP=10 FULL=900 PERFDASH=.build-release/release/perfdash bash scripts/soak.sh
set -euo pipefail
DURATION=${DURATION:-1140}
STEP=${STEP:-10}
FULL=${FULL:-900}
cd "$(dirname "$0")/.."
PERFDASH=${PERFDASH:-$(bash scripts/build-static.sh)}
[ -x "$PERFDASH" ] || { echo "soak: $PERFDASH not built"; exit 1; }
PERFDASH=$(readlink -f "$PERFDASH")
SOCKET="perfdash-soak-$$"
LOG=$(mktemp -d)

"$PERFDASH" snapshot --interval 10ms --count 0 --format ndjson --output /dev/null &
SNAPSHOT=$!
tmux -L "$SOCKET" new-session -d -x 200 -y 50 "exec $PERFDASH --interval 100ms"
DASHBOARD=$(tmux -L "$SOCKET" list-panes -F '#{pane_pid}')
cleanup() {
  kill "$SNAPSHOT" 2>/dev/null || true
  tmux -L "$SOCKET" kill-server 2>/dev/null || true
  rm -rf "$LOG"
}
trap cleanup EXIT

rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }
printf '%8s %14s %14s\n' seconds snapshot_KiB dashboard_KiB
start=$(date +%s)
while :; do
  now=$(( $(date +%s) - start ))
  [ "$now" -gt "$DURATION" ] && break
  a=$(rss "$SNAPSHOT"); b=$(rss "$DASHBOARD")
  printf '%8d %14d %14d\n' "$now" "$a" "$b" | tee -a "$LOG/rss"
  sleep "$STEP"
done
awk -v full="$FULL" '
  $1 >= full { if (n == 0 || $2 < amin) amin = $2; if ($2 > amax) amax = $2;
               if (n == 0 || $3 < bmin) bmin = $3; if ($3 > bmax) bmax = $3; n++ }
  $1 < full { a0 = $2; b0 = $3 }
  END {
    if (n == 0) { print "soak: no sample after the window is full (raise DURATION)"; exit 1 }
    printf "snapshot --interval 10ms: RSS %d…%d KiB from %d s on, spread %d KiB (target ≤ 1024 KiB): %s\n",
           amin, amax, full, amax - amin, (amax - amin <= 1024 ? "flat" : "NOT flat")
    printf "dashboard at 100 ms:      RSS %d…%d KiB from %d s on, spread %d KiB (target ≤ 1024 KiB): %s\n",
           bmin, bmax, full, bmax - bmin, (bmax - bmin <= 1024 ? "flat" : "NOT flat")
  }' "$LOG/rss"
