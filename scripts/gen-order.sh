#!/usr/bin/env bash
# Regenerates scripts/perfdash.order: every function of the perfdash binary that runs while the dashboard starts,
# shows each panel and quits, and while `snapshot` writes each format. scripts/build-static.sh hands it to lld
# (--symbol-ordering-file), which lays those functions out together at the start of .text.
#
# Why: the kernel maps a file's pages 64 KiB at a time around each fault (fault-around), so the dashboard's resident
# code is the number of 64 KiB blocks it touches at all. Unordered, its ~1.1 MB of code is spread over ~200 blocks of
# the 22 MB .text (docs/benchmarks.md, "Bounded cost"). Names missing from a later build are ignored by the linker, so
# a stale list only helps less; regenerate after large changes. Needs valgrind, tmux and ld.lld.
#
#   bash scripts/gen-order.sh            # writes scripts/perfdash.order
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "gen-order: needs valgrind" >&2; exit 1; }
binary=$(bash scripts/build-static.sh .build-static)
work=$(mktemp -d)
socket="perfdash-order-$$"
trap 'tmux -L "$socket" kill-server 2> /dev/null || true; rm -rf "$work"' EXIT
# valgrind 3.19 cannot read the DWARF Swift writes; the symbol table is all it needs here.
cp "$binary" "$work/perfdash"
strip --strip-debug "$work/perfdash"
profile() { valgrind --tool=callgrind --demangle=no --callgrind-out-file="$1" "$work/perfdash" "${@:2}"; }
for format in json ndjson csv prometheus; do
    profile "$work/snapshot-$format.out" snapshot --count 5 --interval 10ms --format "$format" > /dev/null 2>&1
done
mkdir -p "$work/config"
tmux -L "$socket" new-session -d -x 200 -y 50 \
    "XDG_CONFIG_HOME=$work/config valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/dashboard.out \
     $work/perfdash 2> $work/valgrind.log; sleep 600"
# Under valgrind the first frame takes tens of seconds.
for _ in $(seq 240); do
    tmux -L "$socket" capture-pane -p | grep -q Overview && break
    sleep 0.5
done
sleep 5
for key in 2 3 4 5 6 7 8 9 a 0 '?' Escape 1; do
    tmux -L "$socket" send-keys "$key"
    sleep 4
done
tmux -L "$socket" send-keys q
for _ in $(seq 240); do
    [ -s "$work/dashboard.out" ] && break
    sleep 0.5
done
[ -s "$work/dashboard.out" ] || { echo "gen-order: the dashboard's profile is empty" >&2; tail "$work/valgrind.log" >&2; exit 1; }
python3 - "$work" > scripts/perfdash.order <<'PY'
import glob, re, subprocess, sys
work = sys.argv[1]
names = set()
for path in glob.glob(f"{work}/*.out"):
    for line in open(path, errors="replace"):
        match = re.match(r"^c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
        if match:
            names.add(match.group(1))
# Only the binary's own functions, in the order they have in it (neighbours in the source stay neighbours).
table = subprocess.run(["nm", "--defined-only", f"{work}/perfdash"], capture_output=True, text=True).stdout
address, defined = {}, {}
for line in table.splitlines():
    fields = line.split(" ", 2)
    if len(fields) == 3:
        defined[fields[2]] = defined.get(fields[2], 0) + 1
        if fields[1] in "tTwW":
            address.setdefault(fields[2], int(fields[0], 16))
# A local name defined in several objects (outlined copies, merged `…Tm` helpers) would pull the whole `.text` of
# every object that defines it to the front, hundreds of KB of code that never runs: such names are left out.
for name in sorted((n for n in names if n in address and defined[n] == 1), key=address.get):
    print(name)
PY
echo "gen-order: $(wc -l < scripts/perfdash.order) functions in scripts/perfdash.order" >&2
