#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measures what issue 16 item 2 is about on a running gestiona-server (127.0.0.1 only):

  keepalive N   open files of the server after N keep-alive connections, each closed by the client
  slow N        latency of a normal request while N clients hold half-sent headers
  chunked MIB   the server's memory while a chunked body of MIB MiB goes to /v1/enroll

Run it under tests/server/pg-env.sh, which starts PostgreSQL and the server and sets
GESTIONA_TEST_SERVER_URL; the server's pid is found from its listening socket:

  tests/server/pg-env.sh _build/src/server/gestiona-server tests/server/measure-server.py keepalive 5000
"""
import os
import select
import socket
import statistics
import sys
import time
import urllib.parse


def server_address():
    url = urllib.parse.urlparse(os.environ["GESTIONA_TEST_SERVER_URL"])
    assert url.hostname == "127.0.0.1", "127.0.0.1 only"
    return url.hostname, url.port


def server_pid(port):
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            with open(table) as f:
                next(f)
                for line in f:
                    fields = line.split()
                    if int(fields[1].split(":")[1], 16) == port and fields[3] == "0A":
                        inodes.add(fields[9])
        except FileNotFoundError:
            pass
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                link = os.readlink(f"/proc/{pid}/fd/{fd}")
                if link.startswith("socket:[") and link[8:-1] in inodes:
                    return int(pid)
        except OSError:
            continue
    raise SystemExit("measure-server: no process listens on port %d" % port)


def open_files(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def memory(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS:", "VmHWM:")):
                name, value = line.split(":")
                values[name] = int(value.split()[0]) // 1024
    return values


def read_reply(sock, timeout=10.0):
    """The status of one HTTP reply with a Content-Length body, read whole."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(head.split(b" ")[1])


REQUEST = b"GET /v1/pull HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def one_request(address):
    start = time.monotonic()
    with socket.create_connection(address, timeout=30) as sock:
        sock.sendall(REQUEST)
        status = read_reply(sock, 30)
    return status, (time.monotonic() - start) * 1000


def keepalive(address, pid, n):
    n = min(n, 200000)
    one_request(address)
    before = open_files(pid)
    start = time.monotonic()
    for i in range(n):
        try:
            with socket.create_connection(address, timeout=10) as sock:
                sock.sendall(REQUEST)
                status = read_reply(sock)
        except OSError as e:
            status = e
        if status != 401:
            print(f"keepalive: connection {i + 1} got no 401 ({status}); server open files {open_files(pid)}")
            return
        # The client closes a keep-alive connection the server left open.
    time.sleep(1)
    after = open_files(pid)
    print(f"keepalive: {n} keep-alive connections closed by the client in {time.monotonic() - start:.1f} s;"
          f" server open files {before} before, {after} after")


def latencies(address, count=50):
    times = []
    for _ in range(count):
        status, ms = one_request(address)
        if status != 401:
            return None, status
        times.append(ms)
    times.sort()
    return times, 401


def slow(address, pid, n):
    n = min(n, 10000)
    quiet, _ = latencies(address)
    socks = []
    start = time.monotonic()
    for i in range(n):
        try:
            sock = socket.create_connection(address, timeout=5)
            sock.sendall(b"POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            socks.append(sock)
        except OSError as e:
            print(f"slow: connection {i} failed: {e}")
            break
    opened = time.monotonic() - start
    time.sleep(1)
    fds = open_files(pid)
    busy, status = latencies(address)
    print(f"slow: {len(socks)} clients with half-sent headers (connected in {opened:.1f} s);"
          f" server open files {fds}")
    print(f"slow: normal request without them: median {statistics.median(quiet):.1f} ms,"
          f" max {quiet[-1]:.1f} ms")
    if busy is None:
        print(f"slow: normal request with them: status {status}")
    else:
        print(f"slow: normal request with them: median {statistics.median(busy):.1f} ms,"
              f" max {busy[-1]:.1f} ms")
    wait = float(os.environ.get("MEASURE_SLOW_WAIT", "0"))
    if wait > 0:
        time.sleep(min(wait, 300))
        closed = 0
        for sock in socks:
            sock.setblocking(False)
            try:
                if sock.recv(1) == b"":
                    closed += 1
            except BlockingIOError:
                pass
            except OSError:
                closed += 1
        print(f"slow: after {wait:.0f} s the server had closed {closed} of them;"
              f" server open files {open_files(pid)}")
    for sock in socks:
        sock.close()


def chunked(address, pid, mib):
    mib = min(mib, 1024)
    chunk = b"[" * 65536
    frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    before = memory(pid)
    peak_rss = before["VmRSS"]
    sent = 0
    status = None
    start = time.monotonic()
    with socket.create_connection(address, timeout=60) as sock:
        sock.sendall(b"POST /v1/enroll HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        try:
            for i in range(mib * 16):
                readable, _, _ = select.select([sock], [], [], 0)
                if readable:
                    break
                sock.sendall(frame)
                sent += len(chunk)
                if i % 64 == 0:
                    peak_rss = max(peak_rss, memory(pid)["VmRSS"])
            else:
                sock.sendall(b"0\r\n\r\n")
        except OSError as e:
            print(f"chunked: sending stopped: {e}")
        try:
            status = read_reply(sock, 120)
        except OSError as e:
            print(f"chunked: no reply: {e}")
    elapsed = time.monotonic() - start
    after = memory(pid)
    peak_rss = max(peak_rss, after["VmRSS"])
    print(f"chunked: {sent / 1048576:.1f} MiB sent of {mib} MiB; reply {status} after {elapsed:.2f} s")
    print(f"chunked: server VmRSS {before['VmRSS']} MB before, {peak_rss} MB highest seen,"
          f" {after['VmRSS']} MB after; VmHWM {before['VmHWM']} -> {after['VmHWM']} MB")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    address = server_address()
    pid = server_pid(address[1])
    what = sys.argv[1]
    arg = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if what == "keepalive":
        keepalive(address, pid, arg or 5000)
    elif what == "slow":
        slow(address, pid, arg or 3000)
    elif what == "chunked":
        chunked(address, pid, arg or 400)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
