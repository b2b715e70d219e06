"""Prints every process as psutil sees it, one JSON object per line (the live check's reference).

psutil reads the same /proc files independently of perfdash: pid, ppid, real uid's user, cmdline, thread count,
create time (btime + starttime / CLK_TCK), rss, and cumulative user + system CPU seconds.
"""
import json
import psutil

for p in psutil.process_iter():
    try:
        with p.oneshot():
            print(json.dumps({
                "pid": p.pid, "ppid": p.ppid(), "user": p.username(), "cmdline": " ".join(p.cmdline()),
                "name": p.name(), "threads": p.num_threads(), "create": p.create_time(),
                "rss": p.memory_info().rss, "cpu": sum(p.cpu_times()[:2]), "status": p.status(),
            }))
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        pass
