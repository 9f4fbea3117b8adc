#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real SMTP server on 127.0.0.1 for tests/test-mail.c (T4), built on aiosmtpd.

Every message accepted is saved to --dir as NAME.eml (the bytes as received) and NAME.json:
the envelope and what Python's email package (policy=default) reads in it: decoded subject,
headers, the plain-text body, parser defects, and each attachment's filename, content type
and base64 payload exactly as transmitted, so the C test decodes and compares the bytes
itself. Recipients listed with --reject are refused with a 550 reply; with --user and
--password the server offers AUTH and accepts only those credentials.

Prints "READY <port>" once it accepts connections. Stops on SIGTERM, when its parent
exits, or after --timeout seconds, so a crashed test never leaves it behind.
"""

import argparse
import json
import logging
import warnings
import os
import signal
import socket
import sys
import threading

import email
import email.policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Sink:
    def __init__(self, folder, reject):
        self.folder = folder
        self.reject = set(reject)
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = "%d-%06d" % (os.getpid(), self.count)
        content = envelope.original_content or envelope.content
        summary = summarize(content)
        summary["mail_from"] = envelope.mail_from
        summary["rcpt_tos"] = list(envelope.rcpt_tos)
        write_atomically(os.path.join(self.folder, name + ".eml"), content)
        write_atomically(os.path.join(self.folder, name + ".json"),
                         json.dumps(summary, ensure_ascii=False, indent=1).encode("utf-8"))
        return "250 Message accepted for delivery"


def summarize(content):
    msg = email.message_from_bytes(content, policy=email.policy.default)
    defects = [repr(d) for d in msg.defects]
    attachments = []
    for part in msg.walk():
        defects += [repr(d) for d in part.defects]
        if part.get_content_disposition() == "attachment":
            attachments.append({
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "transfer_encoding": part.get("Content-Transfer-Encoding", ""),
                "base64": part.get_payload(decode=False),
            })
    body = msg.get_body(preferencelist=("plain",))
    lines = content.split(b"\r\n")
    return {
        "subject": str(msg["subject"]),
        "from": str(msg["from"]),
        "to": str(msg["to"]),
        "date": str(msg["date"]),
        "message_id": str(msg["message-id"]),
        "content_type": msg.get_content_type(),
        "body": body.get_content() if body is not None else None,
        "attachments": attachments,
        "defects": defects,
        "bare_lf": any(b"\n" in line for line in lines),
        "max_line": max(len(line) for line in lines),
    }


def write_atomically(path, data):
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.rename(tmp, path)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()

    kwargs = {}
    # A loopback test server: AUTH without TLS is what it is for.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")
    logging.getLogger("mail.log").setLevel(logging.ERROR)
    if args.user is not None:
        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and
                  auth_data.login == args.user.encode() and
                  auth_data.password == (args.password or "").encode())
            return AuthResult(success=ok, handled=False)
        kwargs = dict(authenticator=authenticator, auth_require_tls=False, auth_required=True)

    port = args.port or free_port()
    controller = Controller(Sink(args.dir, args.reject), hostname="127.0.0.1", port=port, **kwargs)
    controller.start()
    print("READY %d" % port, flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    parent = os.getppid()
    waited = 0.0
    while not stop.is_set() and waited < args.timeout and os.getppid() == parent:
        stop.wait(0.2)
        waited += 0.2
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
