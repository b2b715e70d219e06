#!/usr/bin/env bash
# Footprint: RSS of the dashboard (host defaults, no services, no config) next to htop's, both in a private tmux
# server at 200×50 for SECONDS seconds, and where perfdash's resident memory is: RSS per mapping (each shared
# library, the binary, the heap, anonymous memory) from /proc/PID/smaps, largest first. Needs tmux and htop.
#   bash scripts/footprint.sh                       # the binary the README's run command builds (scripts/build-static.sh)
#   PERFDASH=.build-release/release/perfdash SECONDS_=10 bash scripts/footprint.sh
#   FLOOR=1 bash scripts/footprint.sh               # also the floor: two Swift programs that do nothing, built as
#                                                   # perfdash is (static Swift runtime), one without Foundation
#                                                   # and one with it, measured in the same run
set -euo pipefail
cd "$(dirname "$0")/.."
PERFDASH=$(readlink -f "${PERFDASH:-$(bash scripts/build-static.sh)}")
WAIT=${SECONDS_:-10}
SOCKET="perfdash-footprint-$$"
HOME_DIR=$(mktemp -d)
trap 'tmux -L "$SOCKET" kill-server 2>/dev/null || true; rm -rf "$HOME_DIR"' EXIT
if [ -n "${FLOOR:-}" ]; then
    # Each prints a line, sleeps, and is read while asleep: what any statically linked Swift program costs.
    printf 'print("floor")\nsleep(%s)\n' "$((WAIT + 5))" | sed '1i import Glibc' > "$HOME_DIR/bare.swift"
    printf 'print("floor \\(Date().timeIntervalSince1970 > 0)")\nsleep(%s)\n' "$((WAIT + 5))" \
        | sed '1i import Foundation' > "$HOME_DIR/foundation.swift"
    for name in bare foundation; do
        swiftc -O -static-stdlib "$HOME_DIR/$name.swift" -o "$HOME_DIR/$name" 2> /dev/null
        tmux -L "$SOCKET" new-session -d -s "$name" -x 80 -y 24 "exec $HOME_DIR/$name" 2> /dev/null \
            || tmux -L "$SOCKET" new-window -d -t "$name" "exec $HOME_DIR/$name"
    done
fi
# No config file: an empty XDG_CONFIG_HOME.
tmux -L "$SOCKET" new-session -d -x 200 -y 50 "XDG_CONFIG_HOME=$HOME_DIR exec $PERFDASH"
tmux -L "$SOCKET" new-window -d "exec htop"
sleep "$WAIT"
pane() { tmux -L "$SOCKET" list-panes -a -F '#{pane_pid} #{pane_current_command}' | awk -v c="$1" '$2 == c { print $1; exit }'; }
P=$(pane "$(basename "$PERFDASH")"); H=$(pane htop)
field() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
if [ -n "${FLOOR:-}" ]; then
    for name in bare foundation; do
        F=$(pane "$name")
        [ -n "$F" ] && awk -v n="$name" -v f="$(field "$F" VmRSS)" -v h="$(field "$H" VmRSS)" \
            'BEGIN { printf "floor, %s Swift program (static runtime): VmRSS %s KiB, %.2f× htop\n", n, f, f / h }'
    done
fi
printf 'perfdash: VmRSS %s KiB, VmHWM %s KiB, threads %s\n' "$(field "$P" VmRSS)" "$(field "$P" VmHWM)" "$(field "$P" Threads)"
printf 'htop:     VmRSS %s KiB, VmHWM %s KiB\n' "$(field "$H" VmRSS)" "$(field "$H" VmHWM)"
awk -v p="$(field "$P" VmRSS)" -v h="$(field "$H" VmRSS)" 'BEGIN { printf "ratio %.2f× (target ≤ 1.5×)\n", p / h }'
echo "perfdash RSS by mapping (KiB):"
awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "" ? "[anonymous]" : $6) } /^Rss:/ { rss[name] += $2 }
     END { for (n in rss) if (rss[n] > 0) printf "%8d  %s\n", rss[n], n }' "/proc/$P/smaps" | sort -rn | head -40
