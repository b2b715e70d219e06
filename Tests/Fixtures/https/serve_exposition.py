"""Serves a fixed Prometheus exposition on 127.0.0.1, over TLS when given a certificate and key.

Usage: serve_exposition.py [CERT KEY]. Prints "PORT <n>" once listening; exits when stdin closes.
The body's first line echoes the request's Accept header so tests can check what the client sent.
"""
import http.server
import ssl
import sys
import threading

EXPOSITION = "# TYPE up gauge\nup 1\n# TYPE requests_total counter\nrequests_total 7\n"


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("# accept: %s\n" % self.headers.get("Accept", "")) + EXPOSITION
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; version=0.0.4")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
if len(sys.argv) == 3:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[1], sys.argv[2])
    server.socket = context.wrap_socket(server.socket, server_side=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
print("PORT %d" % server.server_address[1], flush=True)
sys.stdin.read()
server.shutdown()
