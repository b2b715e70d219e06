#!/usr/bin/env bash
# CPU per headless tick of `perfdash snapshot` as a whole process (what a user runs: the sampling loop's wake-ups,
# the default alert rules and the advisor included), next to node_exporter's CPU per scrape of the collectors of
# the same files, measured in the same run (issue 11's target: tick <= 0.05x the scrape).
#
# perfdash: `snapshot --no-processes --interval 10ms --count N --format F`, CPU time (user + system, from wait4)
# of N ticks minus that of a 2-tick run (start-up), divided by N - 2. node_exporter: cpu, stat, meminfo, loadavg,
# diskstats, netdev, vmstat, pressure, filesystem and hwmon, scraped N times over HTTP, CPU from its threads'
# schedstat. Needs prometheus-node-exporter; builds perfdash with scripts/build-static.sh unless PERFDASH names one.
#
#   bash scripts/bench-headless.sh               # 1,000 ticks per format
#   TICKS=3000 PERFDASH=/path/to/perfdash bash scripts/bench-headless.sh
#   BASELINE=/path/to/older/perfdash bash scripts/bench-headless.sh   # also an older build, in the same run
set -euo pipefail
cd "$(dirname "$0")/.."
ticks=${TICKS:-1000}
exporter=${NODE_EXPORTER:-/usr/bin/prometheus-node-exporter}
[ -x "$exporter" ] || { echo "bench-headless: needs $exporter (apt-get install prometheus-node-exporter)" >&2; exit 1; }
if [ -z "${PERFDASH:-}" ]; then
    log=$(mktemp)
    PERFDASH=$(bash scripts/build-static.sh .build-static 2> "$log") || { tail -20 "$log" >&2; exit 1; }
    rm -f "$log"
fi

# The floor under any tick: the same system calls from C, when a C compiler is there.
floor_dir=$(mktemp -d)
trap 'rm -rf "$floor_dir"' EXIT
if command -v cc > /dev/null && cc -O2 -o "$floor_dir/tick-floor" scripts/bench/tick-floor.c 2> /dev/null; then
    export FLOOR_BINARY="$floor_dir/tick-floor"
fi
python3 - "$ticks" "$PERFDASH" "$exporter" "${BASELINE:-}" <<'PY'
import glob, os, socket, subprocess, sys, time, urllib.request
ticks, perfdash, exporter, baseline = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def schedstat_ns(pid):
    total = 0
    for path in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            total += int(open(path).read().split()[0])
        except (OSError, ValueError, IndexError):
            pass   # a thread that ended between the listing and the read
    return total

collectors = ["cpu", "stat", "meminfo", "loadavg", "diskstats", "netdev", "vmstat", "pressure", "filesystem", "hwmon"]
port = free_port()
node = subprocess.Popen([exporter, f"--web.listen-address=127.0.0.1:{port}", "--collector.disable-defaults",
                         "--log.level=error"] + [f"--collector.{c}" for c in collectors],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    url = f"http://127.0.0.1:{port}/metrics"
    deadline = time.monotonic() + 10
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            break
        except OSError:
            if time.monotonic() > deadline:
                sys.exit("bench-headless: node_exporter did not answer")
            time.sleep(0.05)
    for _ in range(20):
        urllib.request.urlopen(url).read()
    before = schedstat_ns(node.pid)
    for _ in range(ticks):
        urllib.request.urlopen(url).read()
    scrape_us = (schedstat_ns(node.pid) - before) / ticks / 1000
finally:
    node.terminate()
    node.wait()

def cpu_seconds(binary, count, fmt):
    child = subprocess.Popen([binary, "snapshot", "--no-processes", "--interval", "10ms", "--count", str(count),
                              "--format", fmt], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit(f"bench-headless: {binary} exited with status {status}")
    return usage.ru_utime + usage.ru_stime

print(f"bench-headless: node_exporter ({', '.join(collectors)}) {scrape_us:.0f} µs CPU per scrape, "
      f"{ticks} scrapes; perfdash {ticks} ticks at 10 ms per format")
floor = os.environ.get("FLOOR_BINARY")
if floor:
    # The mount points df would show (perfdash's default filesystem rows): no pseudo filesystems, each once.
    pseudo = {"proc", "sysfs", "cgroup", "cgroup2", "devpts", "mqueue", "debugfs", "tracefs", "securityfs",
              "pstore", "bpf", "configfs", "fusectl", "hugetlbfs", "binfmt_misc", "autofs", "rpc_pipefs", "nsfs"}
    points = []
    for line in open("/proc/self/mounts"):
        fields = line.split()
        if len(fields) > 2 and fields[2] not in pseudo and fields[1] not in points:
            points.append(fields[1].replace("\\040", " "))
    floor_us = float(subprocess.run([floor, str(ticks)] + points, capture_output=True, text=True, check=True).stdout)
    print(f"floor      {floor_us:7.0f} µs CPU per tick, ratio {floor_us / scrape_us:.3f}x: the same reads, statfs "
          f"({len(points)} mounts), write and wait in C, nothing else (scripts/bench/tick-floor.c)")
for fmt in ["csv", "ndjson", "json", "prometheus"]:
    for label, binary in [("", perfdash)] + ([("baseline ", baseline)] if baseline else []):
        tick_us = (cpu_seconds(binary, ticks, fmt) - cpu_seconds(binary, 2, fmt)) / (ticks - 2) * 1e6
        print(f"headless {label}{fmt:10} {tick_us:7.0f} µs CPU per tick, ratio {tick_us / scrape_us:.3f}x "
              f"(target <= 0.05x)")
PY
