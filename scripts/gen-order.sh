#!/usr/bin/env bash
# Regenerates scripts/perfdash.order: every function of the perfdash binary that runs while the dashboard starts,
# shows each panel and quits, and while `snapshot` writes each format. scripts/build-static.sh hands it to lld
# (--symbol-ordering-file), which lays those functions out together at the start of .text.
#
# Why: the kernel maps a file's pages 64 KiB at a time around each fault (fault-around), so the dashboard's resident
# code is the number of 64 KiB blocks it touches at all. Unordered, its ~1.1 MB of code is spread over ~200 blocks of
# the 22 MB .text (docs/benchmarks.md, "Bounded cost"). Names missing from a later build are ignored by the linker, so
# a stale list only helps less; regenerate after large changes. Needs valgrind, tmux and ld.lld; with perf it also
# runs the dashboard natively to find what callgrind cannot name (functions without a symbol), for
# scripts/perfdash-hot.ld, a linker script that places sections by name where the order cannot.
#
#   bash scripts/gen-order.sh            # writes scripts/perfdash.order and scripts/perfdash-hot.ld
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind > /dev/null || { echo "gen-order: needs valgrind" >&2; exit 1; }
work=$(mktemp -d)
binary=$(LINK_MAP="$work/perfdash.map" bash scripts/build-static.sh .build-static)
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
# drive SOCKET STEP COMMAND: the dashboard (COMMAND) in a 200×50 tmux server, every panel shown for STEP seconds once
# the first frame is up, then quit.
drive() {
    tmux -L "$1" new-session -d -x 200 -y 50 "XDG_CONFIG_HOME=$work/config $3; sleep 600"
    for _ in $(seq 240); do
        tmux -L "$1" capture-pane -p | grep -q Overview && break
        sleep 0.5
    done
    sleep "$2"
    for key in 2 3 4 5 6 7 8 9 a 0 '?' Escape 1; do
        tmux -L "$1" send-keys "$key"
        sleep "$2"
    done
    tmux -L "$1" send-keys q
}
# Under valgrind the first frame takes tens of seconds, and each panel a few.
drive "$socket" 4 "valgrind --tool=callgrind --demangle=no --callgrind-out-file=$work/dashboard.out \
    $work/perfdash 2> $work/valgrind.log"
for _ in $(seq 240); do
    [ -s "$work/dashboard.out" ] && break
    sleep 0.5
done
[ -s "$work/dashboard.out" ] || { echo "gen-order: the dashboard's profile is empty" >&2; tail "$work/valgrind.log" >&2; exit 1; }
write_order() {
python3 - "$work" <<'PY'
import glob, re, subprocess, sys
work = sys.argv[1]
def ran(path):
    names = set()
    for line in open(path, errors="replace"):
        match = re.match(r"^c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
        if match:
            names.add(match.group(1))
    return names
dashboard = ran(f"{work}/dashboard.out")
# Functions the native runs below saw the dashboard enter (page faults on code) that callgrind's profile lacks.
native = open(f"{work}/native.names").read().split()
dashboard |= {name for name in native if not name.startswith("*/")}
local_sections = [name for name in native if name.startswith("*/")]
names = set().union(*(ran(path) for path in glob.glob(f"{work}/snapshot-*.out"))) - dashboard
# Only the binary's own functions, each group in the order they have in it (neighbours in the source stay neighbours).
table = subprocess.run(["nm", "--defined-only", f"{work}/perfdash"], capture_output=True, text=True).stdout
address, defined = {}, {}
for line in table.splitlines():
    fields = line.split(" ", 2)
    if len(fields) == 3:
        defined[fields[2]] = defined.get(fields[2], 0) + 1
        if fields[1] in "tTwW":
            address.setdefault(fields[2], int(fields[0], 16))
# A local name defined in several objects (outlined copies, merged `…Tm` helpers) is ordered only when none of its
# definitions sits in an object's plain `.text` (the prebuilt runtime and Foundation): ordering one there would pull
# that whole `.text` to the front, hundreds of KB of code that never runs (the regex parser's, at first). perfdash's
# code and its packages' are built with -function-sections, so theirs are in sections of their own (or aliases in
# another function's).
# Such a name's own sections are laid out by scripts/perfdash-hot.ld instead, which names sections, not symbols.
plain, own, container = set(), set(), ""
for line in open(f"{work}/perfdash.map", errors="replace"):
    body = line.rstrip("\n")[49:]
    if body.startswith("        ") and not body.startswith("         "):
        container = body.strip()
        match = re.search(r":\(\.text\.(.+)\)$", container)
        if match:
            own.add(match.group(1))
    elif body.startswith("                ") and container.endswith(":(.text)"):
        plain.add(body.strip())
def orderable(name):
    return name in address and (defined[name] == 1 or name not in plain)
# The dashboard's functions first, then those only `snapshot` runs: the dashboard's code is then one run of blocks.
groups = [sorted((n for n in group if n in address), key=address.get) for group in (dashboard, names)]
with open(f"{work}/order", "w") as order, open(f"{work}/hot.ld", "w") as script:
    # No comment in the script: lld then lays the whole binary out by its own rules (a comment before SECTIONS
    # left no .text.hot and no RELRO segment at all). Functions without a symbol come last, named by their object.
    script.write("SECTIONS {\n  .text.hot : {\n")
    for group in groups:
        for name in group:
            if orderable(name):
                order.write(name + "\n")
            elif name in own:
                script.write(f"    *(.text.{name})\n")
    for section in local_sections:
        script.write(f"    {section}\n")
    script.write("  }\n} INSERT BEFORE .text;\n")
PY
mv "$work/order" scripts/perfdash.order
mv "$work/hot.ld" scripts/perfdash-hot.ld
}
: > "$work/native.names"
write_order
# Callgrind's profile misses some of what the dashboard runs at start-up (found by page faults on code, below).
# With perf, each pass builds with the order so far, runs the dashboard natively, and adds the functions whose
# first instruction fetch in a 64 KiB block faulted outside the ordered code; fault-around hides the rest of a
# block, so the next pass finds what ran beside them.
if command -v perf > /dev/null; then
    for pass in 1 2 3; do
        binary=$(LINK_MAP="$work/perfdash.map" bash scripts/build-static.sh .build-static)
        rm -f "$work/faults.data"
        native="$socket-$pass"
        drive "$native" 1 "perf record -q -e page-faults -c 1 -d -o $work/faults.data $binary"
        sleep 2
        tmux -L "$native" kill-server 2> /dev/null || true
        perf script -i "$work/faults.data" --show-mmap-events -F ip,addr 2> /dev/null > "$work/faults.txt" || break
        python3 - "$work" "$(readlink -f "$binary")" > "$work/new.names" <<'PY'
import bisect, re, sys
work, binary = sys.argv[1], sys.argv[2]
sections = []
for line in open(f"{work}/perfdash.map", errors="replace"):
    text = line.rstrip("\n")
    body = text[49:]
    if body.startswith("        ") and not body.startswith("         "):
        match = re.search(r"/([^/]+/[^/]+):\((\.text\.(.+))\)$", body)
        if match:
            # A function without a symbol (`.text..L__unnamed_1`, one per object) is named by its object, for the
            # linker script: callgrind cannot name it, so only this pass finds it.
            local = match.group(3).startswith(".L")
            name = f"*/{match.group(1)}({match.group(2)})" if local else match.group(3)
            sections.append((int(text[:16], 16), int(text[34:42], 16), name))
sections.sort()
starts = [start for start, _, _ in sections]
known = set(open("scripts/perfdash.order").read().split())
known |= set(re.findall(r"\*\(\.text\.(.+)\)", open("scripts/perfdash-hot.ld").read()))
known |= set(line.strip() for line in open("scripts/perfdash-hot.ld") if line.strip().startswith("*/"))
base, found = None, set()
for line in open(f"{work}/faults.txt", errors="replace"):
    if "PERF_RECORD_MMAP" in line and binary in line and base is None:
        match = re.search(r"\[(0x[0-9a-f]+)\((0x[0-9a-f]+)\) @ (0x[0-9a-f]+|0) ", line)
        if match and int(match.group(3), 16) == 0:
            base = int(match.group(1), 16)
        continue
    fields = line.split()
    if base is None or len(fields) != 2:
        continue
    address, ip = int(fields[0], 16), int(fields[1], 16)
    if address != ip:
        continue
    index = bisect.bisect_right(starts, address - base) - 1
    if index >= 0 and address - base < sections[index][0] + sections[index][1] and sections[index][2] not in known:
        found.add(sections[index][2])
print("\n".join(sorted(found)))
PY
        [ -s "$work/new.names" ] || break
        echo "gen-order: pass $pass: $(wc -l < "$work/new.names") functions entered natively outside the order" >&2
        cat "$work/new.names" >> "$work/native.names"
        write_order
    done
fi

echo "gen-order: $(wc -l < scripts/perfdash.order) functions in scripts/perfdash.order," \
    "$(grep -c '^    \*' scripts/perfdash-hot.ld) sections in scripts/perfdash-hot.ld" >&2
