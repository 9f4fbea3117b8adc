#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""An HTTP proxy on 127.0.0.1 that misbehaves on purpose, for tests/test-sync-faults.c.

    sync-fault-proxy.py --upstream http://127.0.0.1:PORT --seed N [--port-file F]
                        [--drop-request P] [--drop-reply P] [--truncate P]
                        [--delay P] [--duplicate P]

Per request, with a seeded random generator: drop the request (close the connection, nothing
forwarded); drop the reply after forwarding (the server has committed); truncate the reply;
delay it (up to 300 ms); or forward it twice (a duplicate, as a client retry would) and answer
with the second reply. Prints the port it listens on (or writes it to --port-file) and counts
what it did to stderr on SIGTERM."""

import argparse
import os
import http.client
import http.server
import random
import signal
import socketserver
import sys
import threading
import time
import urllib.parse

HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
       "upgrade", "content-length"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--port-file")
    for name in ("drop-request", "drop-reply", "truncate", "delay", "duplicate"):
        ap.add_argument("--" + name, type=float, default=0.0)
    args = ap.parse_args()

    upstream = urllib.parse.urlsplit(args.upstream)
    rng = random.Random(args.seed)
    lock = threading.Lock()
    counts = {k: 0 for k in ("requests", "drop-request", "drop-reply", "truncate", "delay", "duplicate")}

    def choose():
        with lock:
            counts["requests"] += 1
            r = rng.random()
            delay = rng.random() * 0.3
            edge = 0.0
            for fault in ("drop-request", "drop-reply", "truncate", "duplicate", "delay"):
                edge += getattr(args, fault.replace("-", "_"))
                if r < edge:
                    counts[fault] += 1
                    return fault, delay
            return None, 0.0

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def forward(self, body):
            conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=120)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
            if body is not None:
                headers["Content-Length"] = str(len(body))
            conn.request(self.command, self.path, body=body, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            out = (resp.status, resp.reason, resp.getheaders(), data)
            conn.close()
            return out

        def handle_any(self):
            try:
                self.misbehave()
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def misbehave(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            fault, delay = choose()
            if fault == "drop-request":
                self.close_connection = True
                self.connection.close()
                return
            if fault == "delay":
                time.sleep(delay)
            status, reason, headers, data = self.forward(body)
            if fault == "duplicate":
                status, reason, headers, data = self.forward(body)
            if fault == "drop-reply":
                self.close_connection = True
                self.connection.close()
                return
            self.send_response(status, reason)
            for k, v in headers:
                if k.lower() not in HOP:
                    self.send_header(k, v)
            full = len(data)
            self.send_header("Content-Length", str(full))
            if fault == "truncate" and self.command != "HEAD":
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data[: full // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.close()
                return
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_HEAD = do_PUT = do_DELETE = handle_any

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True
        allow_reuse_address = True

    server = Server(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(port))
        os.rename(args.port_file + ".tmp", args.port_file)
    else:
        print(port, flush=True)

    def stop(*_):
        print("sync-fault-proxy: " + ", ".join("%s %d" % kv for kv in counts.items()), file=sys.stderr,
              flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)

    # Never outlive the test that started us.
    parent = os.getppid()

    def watch_parent():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch_parent, daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        stop()


if __name__ == "__main__":
    main()
