#!/usr/bin/env bash
# `perfdash probe FILE` as a whole process against Go's expfmt parser (scripts/bench-probe/expfmt_anchor.go) on the
# same exposition, in the same run: wall and CPU time per run (best and median of RUNS) and the ratio Go / perfdash
# (issue 11's target: ≥ 10×). Needs golang-go and golang-github-prometheus-common-dev (Debian); builds perfdash with
# scripts/build-static.sh unless PERFDASH names a binary.
#
#   bash scripts/bench-probe.sh                 # 100,000 series from shared/bench/gen_exposition.py, 11 runs each
#   SERIES=20000 RUNS=21 PERFDASH=/path/to/perfdash bash scripts/bench-probe.sh
set -euo pipefail
cd "$(dirname "$0")/.."
series=${SERIES:-100000}
runs=${RUNS:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generator=${GENERATOR:-../shared/bench/gen_exposition.py}
[ -f "$generator" ] || generator=/work/shared/bench/gen_exposition.py
python3 "$generator" "$series" > "$work/exposition.txt"

# perfdash as installed (scripts/install.sh): static Swift runtime, libcurl opened only for https.
if [ -z "${PERFDASH:-}" ]; then
    PERFDASH=$(bash scripts/build-static.sh .build-static 2> "$work/build.log") \
        || { tail -20 "$work/build.log" >&2; exit 1; }
fi
command -v go > /dev/null || { echo "bench-probe: needs golang-go (apt-get install golang-go golang-github-prometheus-common-dev)" >&2; exit 1; }
# GOPATH mode against Debian's packaged sources: no module download, nothing fetched.
GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" GOFLAGS= \
    go build -o "$work/expfmt_anchor" scripts/bench-probe/expfmt_anchor.go

"$PERFDASH" probe "$work/exposition.txt" > "$work/perfdash.out"
"$work/expfmt_anchor" "$work/exposition.txt" > "$work/go.out"
echo "bench-probe: $(wc -c < "$work/exposition.txt") bytes, $series series requested; go says: $(cat "$work/go.out")"

python3 - "$runs" "$PERFDASH" "$work/expfmt_anchor" "$work/exposition.txt" <<'PY'
import os, statistics, subprocess, sys, time
runs, perfdash, anchor, path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
def once(cmd):
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"bench-probe: {cmd[0]} exited with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
figures = {"perfdash": [], "go": []}
for _ in range(runs):   # alternated, so drift in the machine's speed hits both alike
    figures["perfdash"].append(once([perfdash, "probe", path]))
    figures["go"].append(once([anchor, path]))
for name, rows in figures.items():
    wall = [r[0] for r in rows]; cpu = [r[1] for r in rows]; rss = [r[2] for r in rows]
    print(f"{name:9} wall best {min(wall)*1000:7.1f} ms median {statistics.median(wall)*1000:7.1f} ms | "
          f"cpu median {statistics.median(cpu)*1000:7.1f} ms | peak RSS {max(rss):6.1f} MiB")
p = statistics.median(r[0] for r in figures["perfdash"]); g = statistics.median(r[0] for r in figures["go"])
pc = statistics.median(r[1] for r in figures["perfdash"]); gc = statistics.median(r[1] for r in figures["go"])
print(f"ratio go / perfdash: wall {g/p:.1f}x, cpu {gc/pc:.1f}x (target >= 10x)")
PY
