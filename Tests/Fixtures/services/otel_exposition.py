#!/usr/bin/env python3
"""Records HTTP server and connection-pool metrics with the OpenTelemetry SDK as the semantic conventions define them
(http.server.request.duration in seconds with its advised buckets and attributes; db.client.connection.* for a
pool), and prints what the OpenTelemetry Prometheus exporter exposes: once, then a line "---", then again after more
traffic. The test reads both expositions as two scrapes.

Before the first exposition: GET /cart 200 (0.03 s), POST /pay 503 (0.3 s), GET /health 200, one request no route
matched (404, no http.route, as the conventions say). Pool "orders": 4 used, 12 idle, max 16, no waiters, one
wait for a connection (0.002 s).
Between the two: 20 x GET /cart 200 (0.02 s), 10 x GET /cart 200 (0.06 s), 5 x POST /pay 503 (0.4 s),
5 x POST /pay 200 (0.2 s), 10 x GET /health; the pool goes to 7 used, 9 idle, 3 waiting; 4 waits for a connection
(0.002, 0.002, 0.02, 0.02 s).
"""
from opentelemetry import metrics
from opentelemetry.exporter.prometheus import PrometheusMetricReader
from opentelemetry.sdk.metrics import MeterProvider
from opentelemetry.sdk.resources import Resource
from prometheus_client import REGISTRY, generate_latest

reader = PrometheusMetricReader()
metrics.set_meter_provider(MeterProvider(resource=Resource.create({"service.name": "checkout"}),
                                         metric_readers=[reader]))
meter = metrics.get_meter("perfdash.test")

# Names, units, buckets and attributes from the semantic conventions (http/http-metrics.md,
# database/database-metrics.md).
duration = meter.create_histogram(
    "http.server.request.duration", unit="s", description="Duration of HTTP server requests.",
    explicit_bucket_boundaries_advisory=[0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10])
connections = meter.create_up_down_counter(
    "db.client.connection.count", unit="{connection}",
    description="The number of connections that are currently in state described by the state attribute.")
maximum = meter.create_up_down_counter(
    "db.client.connection.max", unit="{connection}", description="The maximum number of open connections allowed.")
pending = meter.create_up_down_counter(
    "db.client.connection.pending_requests", unit="{request}",
    description="The number of current pending requests for an open connection.")
wait = meter.create_histogram(
    "db.client.connection.wait_time", unit="s",
    description="The time it took to obtain an open connection from the pool.",
    explicit_bucket_boundaries_advisory=[0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10])
pool = {"db.client.connection.pool.name": "orders"}


def request(method, route, status, seconds, times=1):
    attributes = {"http.request.method": method, "url.scheme": "http", "http.response.status_code": status}
    if route is not None:
        attributes["http.route"] = route
    if status >= 500:
        attributes["error.type"] = str(status)
    for _ in range(times):
        duration.record(seconds, attributes)


request("GET", "/cart", 200, 0.03)
request("POST", "/pay", 503, 0.3)
request("GET", "/health", 200, 0.001)
request("GET", None, 404, 0.002)
connections.add(4, {**pool, "db.client.connection.state": "used"})
connections.add(12, {**pool, "db.client.connection.state": "idle"})
maximum.add(16, pool)
pending.add(0, pool)
wait.record(0.002, pool)
print(generate_latest(REGISTRY).decode(), end="")
print("---")

request("GET", "/cart", 200, 0.02, 20)
request("GET", "/cart", 200, 0.06, 10)
request("POST", "/pay", 503, 0.4, 5)
request("POST", "/pay", 200, 0.2, 5)
request("GET", "/health", 200, 0.001, 10)
connections.add(3, {**pool, "db.client.connection.state": "used"})
connections.add(-3, {**pool, "db.client.connection.state": "idle"})
pending.add(3, pool)
for seconds in (0.002, 0.002, 0.02, 0.02):
    wait.record(seconds, pool)
print(generate_latest(REGISTRY).decode(), end="")
