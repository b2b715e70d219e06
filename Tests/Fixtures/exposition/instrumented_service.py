#!/usr/bin/env python3
"""A small service instrumented with prometheus_client, for perfdash's tests.

Serves /metrics on 127.0.0.1 at a free port, prints "PORT <n>", then waits for commands on stdin:
"more" records a second round of traffic and answers "OK"; end of stdin exits.

Round 1: l1 170 hits / 30 misses, l2 30 / 70, 5 l1 evictions; queues high 3, low 12;
100 latency observations: 10×0.03, 20×0.07, 40×0.2, 20×0.4, 8×0.8, 2×3.0 (sum 30.1).
Round 2 ("more"): l1 +30 hits / +10 misses; 5×0.07 and 5×0.3 more observations; queue high → 9.
With --traffic-per-scrape, every scrape also records 9 l1 hits and 1 miss (collected after the counters, so each
scrape shows the traffic of the one before): between any two scrapes l1's hit rate is exactly 90 %, whatever the
timing of the scraper.
"""
import sys

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Summary, start_http_server

registry = CollectorRegistry()
hits = Counter("cache_hits", "Cache hits.", ["level"], registry=registry)
misses = Counter("cache_misses", "Cache misses.", ["level"], registry=registry)
evictions = Counter("cache_evictions", "Cache evictions.", ["level"], registry=registry)
depth = Gauge("queue_depth", "Jobs waiting.", ["queue"], registry=registry)
latency = Histogram("http_request_duration_seconds", "Request latency.", ["route"],
                    buckets=(0.05, 0.1, 0.25, 0.5, 1.0), registry=registry)
rpc = Summary("rpc_duration_seconds", "RPC latency.", registry=registry)


def observe(route, value, times):
    for _ in range(times):
        latency.labels(route=route).observe(value)


hits.labels(level="l1").inc(170)
misses.labels(level="l1").inc(30)
hits.labels(level="l2").inc(30)
misses.labels(level="l2").inc(70)
evictions.labels(level="l1").inc(5)
depth.labels(queue="high").set(3)
depth.labels(queue="low").set(12)
# Two routes, so the mapping has to sum buckets across the route label.
observe("/items", 0.03, 10)
observe("/items", 0.07, 20)
observe("/search", 0.2, 40)
observe("/search", 0.4, 20)
observe("/items", 0.8, 8)
observe("/search", 3.0, 2)
rpc.observe(0.5)
rpc.observe(1.5)



class TrafficPerScrape:
    """Records l1 traffic whenever the registry is collected; exposes no series of its own."""

    def describe(self):
        return []

    def collect(self):
        hits.labels(level="l1").inc(9)
        misses.labels(level="l1").inc(1)
        return []


if "--traffic-per-scrape" in sys.argv[1:]:
    registry.register(TrafficPerScrape())

server, _ = start_http_server(0, addr="127.0.0.1", registry=registry)
print("PORT", server.server_port, flush=True)

for line in sys.stdin:
    if line.strip() == "more":
        hits.labels(level="l1").inc(30)
        misses.labels(level="l1").inc(10)
        observe("/items", 0.07, 5)
        observe("/search", 0.3, 5)
        depth.labels(queue="high").set(9)
        print("OK", flush=True)
server.shutdown()
