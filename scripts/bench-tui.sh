#!/usr/bin/env bash
# Runs perfdash and htop side by side in a private tmux server, each in a 200x50 window at a 1 s refresh, for
# 30 s, and prints for both: CPU seconds used (utime + stime from /proc/PID/stat), peak RSS (VmHWM) and the bytes
# each wrote to its terminal (tmux pipe-pane). Targets: perfdash's CPU seconds and bytes <= htop's, RSS <= 24 MB.
#
# perfdash is measured as it would ship: a release build with the Swift runtime and Foundation linked statically
# (`--static-swift-stdlib`, built into .build-static/ if missing). Dynamically linked, the loader maps and relocates
# libFoundation, libFoundationEssentials and ICU at start-up, which adds about 5 MB of RSS and start-up CPU.
#
# PANEL=6 shows perfdash's Processes panel instead of the Overview (both read every process each tick unless
# --no-processes); EXTRA_PROCESSES=300 starts that many idle `sleep` processes first, for "a few hundred processes".
#
#   scripts/bench-tui.sh
#   DURATION=10 PERFDASH=.build/release/perfdash scripts/bench-tui.sh
#   PANEL=6 EXTRA_PROCESSES=300 scripts/bench-tui.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-30}
WIDTH=${WIDTH:-200}
HEIGHT=${HEIGHT:-50}
BIN=${PERFDASH:-.build-static/release/perfdash}
PANEL=${PANEL:-}
EXTRA_PROCESSES=${EXTRA_PROCESSES:-0}
command -v tmux >/dev/null || { echo "bench-tui: tmux is not installed" >&2; exit 1; }
command -v htop >/dev/null || { echo "bench-tui: htop is not installed" >&2; exit 1; }
if [ -z "${PERFDASH:-}" ]; then
    echo "building $BIN (release, static Swift runtime)…" >&2
    bash scripts/build-static.sh .build-static > /dev/null
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

SOCKET="perfdash-bench-$$"
WORK=$(mktemp -d)
TMUX_CMD=(tmux -L "$SOCKET" -f /dev/null)
SLEEPERS=()
cleanup() {
    "${TMUX_CMD[@]}" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$SOCKET"
    rm -rf "$WORK"
    if [ ${#SLEEPERS[@]} -gt 0 ]; then kill "${SLEEPERS[@]}" 2>/dev/null || true; fi
}
trap cleanup EXIT
for _ in $(seq 1 "$EXTRA_PROCESSES"); do
    sleep 3600 &
    SLEEPERS+=($!)
done

# htop writes its settings on exit: give it an empty home so the user's htoprc is neither read nor changed.
mkdir -p "$WORK/home"
CLK_TCK=$(getconf CLK_TCK)

start() { # name command
    local name=$1 command=$2
    # Start on a placeholder, attach the byte counter, then swap in the program: the first frame is counted too.
    "${TMUX_CMD[@]}" new-session -d -s "$name" -x "$WIDTH" -y "$HEIGHT" "sleep 3600"
    "${TMUX_CMD[@]}" pipe-pane -t "$name" -o "cat > '$WORK/$name.bytes'"
    "${TMUX_CMD[@]}" respawn-pane -k -t "$name" "env -u NO_COLOR HOME='$WORK/home' $command"
}

measure() { # name -> "cpu_seconds rss_kib bytes cpu_ms"
    local name=$1 pid ticks rss bytes ns
    pid=$("${TMUX_CMD[@]}" display-message -p -t "$name" '#{pane_pid}')
    # Fields 14 and 15 of /proc/PID/stat, counted after the ")" that ends the command name.
    ticks=$(sed 's/.*) //' "/proc/$pid/stat" | awk '{print $12 + $13}')
    # The same CPU time in nanoseconds, summed over the threads (stat counts in 10 ms ticks: too coarse here).
    ns=$(cat /proc/"$pid"/task/*/schedstat | awk '{s += $1} END {printf "%.0f", s}')
    rss=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status")
    "${TMUX_CMD[@]}" kill-session -t "$name"
    sleep 0.2
    bytes=$(stat -c %s "$WORK/$name.bytes" 2>/dev/null || echo 0)
    echo "$(awk -v t="$ticks" -v hz="$CLK_TCK" 'BEGIN {printf "%.2f", t / hz}') $rss $bytes $(awk -v n="$ns" 'BEGIN {printf "%.1f", n / 1e6}')"
}

start perfdash "'$BIN' --interval 1s"
start htop "htop -d 10"
if [ -n "$PANEL" ]; then
    sleep 0.5 # let the dashboard draw its first frame before the key arrives
    "${TMUX_CMD[@]}" send-keys -t perfdash "$PANEL"
fi
echo "processes: $(ls -d /proc/[0-9]* | wc -l)" >&2
echo "running perfdash and htop side by side for ${DURATION}s at ${WIDTH}x${HEIGHT}, 1 s refresh…" >&2
sleep "$DURATION" # the measured period itself, not a wait for a condition

read -r pd_cpu pd_rss pd_bytes pd_ms <<<"$(measure perfdash)"
read -r ht_cpu ht_rss ht_bytes ht_ms <<<"$(measure htop)"

verdict() { if awk -v a="$1" -v b="$2" 'BEGIN {exit !(a <= b)}'; then echo PASS; else echo FAIL; fi; }
printf '%-22s %12s %12s\n' "" perfdash htop
printf '%-22s %12s %12s\n' "CPU seconds" "$pd_cpu" "$ht_cpu"
printf '%-22s %12s %12s\n' "CPU ms (schedstat)" "$pd_ms" "$ht_ms"
printf '%-22s %12s %12s\n' "peak RSS (MiB)" "$(awk -v k="$pd_rss" 'BEGIN {printf "%.1f", k / 1024}')" \
    "$(awk -v k="$ht_rss" 'BEGIN {printf "%.1f", k / 1024}')"
printf '%-22s %12s %12s\n' "terminal bytes" "$pd_bytes" "$ht_bytes"
printf '%-22s %12s %12s\n' "terminal KB/s" "$(awk -v b="$pd_bytes" -v d="$DURATION" 'BEGIN {printf "%.2f", b / d / 1000}')" \
    "$(awk -v b="$ht_bytes" -v d="$DURATION" 'BEGIN {printf "%.2f", b / d / 1000}')"
echo
echo "CPU seconds    perfdash <= htop : $(verdict "$pd_cpu" "$ht_cpu")"
echo "terminal bytes perfdash <= htop : $(verdict "$pd_bytes" "$ht_bytes")"
echo "peak RSS       perfdash <= 24 MB: $(verdict "$pd_rss" 24576)"
