#!/usr/bin/env python3
"""A real HTTP service instrumented with prometheus_client the way prometheus-fastapi-instrumentator names things.

Serves on 127.0.0.1 at a free port and prints "PORT <n>". Every GET is a request:
  /metrics                       the exposition (not counted, as the instrumentator excludes it by default)
  /<any path>?status=S&latency=L answers S and records one request of handler <path>, status class "Sxx"
                                 (the instrumentator groups status codes), observing L seconds.
It also exposes a pool (in use / max / pending, acquire-time histogram) and a limiter's rejections through
GET /pool?in_use=A&max=M&pending=P&acquire=T and GET /reject?limiter=N&count=C.
Handler names are the paths, so /health requests are counted: perfdash's preset must leave them out.
"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, CONTENT_TYPE_LATEST
from prometheus_client import PlatformCollector, ProcessCollector, GCCollector

registry = CollectorRegistry()
# The default collectors give the python_info signature the preset is detected by.
PlatformCollector(registry=registry)
ProcessCollector(registry=registry)
GCCollector(registry=registry)
requests = Counter("http_requests", "Requests by handler, method and status class.", ["handler", "method", "status"],
                   registry=registry)
latency = Histogram("http_request_duration_seconds", "Request latency.", ["handler", "method"],
                    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0), registry=registry)
in_use = Gauge("app_pool_connections_in_use", "Connections in use.", ["pool"], registry=registry)
maximum = Gauge("app_pool_connections_max", "Pool size.", ["pool"], registry=registry)
pending = Gauge("app_pool_connections_pending", "Waiting for a connection.", ["pool"], registry=registry)
acquire = Histogram("app_pool_acquire_seconds", "Time to get a connection.", ["pool"],
                    buckets=(0.001, 0.01, 0.1, 1.0), registry=registry)
rejections = Counter("app_rate_limiter_rejections", "Requests rejected.", ["limiter"], registry=registry)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body=b"ok\n", content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urlparse(self.path)
        query = {key: values[-1] for key, values in parse_qs(url.query).items()}
        if url.path == "/metrics":
            self.answer(200, generate_latest(registry), CONTENT_TYPE_LATEST)
        elif url.path == "/pool":
            pool = query.get("pool", "db")
            in_use.labels(pool=pool).set(float(query["in_use"]))
            maximum.labels(pool=pool).set(float(query["max"]))
            pending.labels(pool=pool).set(float(query["pending"]))
            if "acquire" in query:
                acquire.labels(pool=pool).observe(float(query["acquire"]))
            self.answer(200)
        elif url.path == "/reject":
            rejections.labels(limiter=query["limiter"]).inc(float(query["count"]))
            self.answer(200)
        else:
            status = int(query.get("status", "200"))
            requests.labels(handler=url.path, method="GET", status=f"{status // 100}xx").inc()
            latency.labels(handler=url.path, method="GET").observe(float(query.get("latency", "0.001")))
            self.answer(status)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print("PORT", server.server_address[1], flush=True)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
