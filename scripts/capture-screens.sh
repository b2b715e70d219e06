#!/usr/bin/env bash
# Captures the Overview and Services panels of `perfdash --demo` as text (docs/screens/*.txt), from a real run in a
# private tmux server at 110×32, after the demo has run for a while. README.md embeds these captures.
#   scripts/capture-screens.sh [BINARY]     (default .build/debug/perfdash)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build/debug/perfdash}")
SOCKET="perfdash-capture-$$"
T=(tmux -L "$SOCKET" -f /dev/null)
trap '"${T[@]}" kill-server 2>/dev/null || true' EXIT
"${T[@]}" new-session -d -s cap -x 110 -y 32 "env -u NO_COLOR TERM=xterm-256color LANG=C.UTF-8 '$BIN' --demo"
sleep "${WARMUP:-40}" # let the demo's windows fill: the capture is of a dashboard that has been running
"${T[@]}" send-keys -t cap 1; sleep 1.5
"${T[@]}" capture-pane -p -t cap > docs/screens/overview.txt
"${T[@]}" send-keys -t cap 7; sleep 1.5
"${T[@]}" capture-pane -p -t cap > docs/screens/services.txt
# Panel keys move as panels are added: fall back to the Services tab found by name.
if ! grep -q 'Services' docs/screens/services.txt; then "${T[@]}" send-keys -t cap 6; sleep 1.5; "${T[@]}" capture-pane -p -t cap > docs/screens/services.txt; fi
"${T[@]}" send-keys -t cap q
wc -l docs/screens/*.txt
