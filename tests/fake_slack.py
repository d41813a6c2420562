"""A stand-in for Slack in tests: its Web API and response URLs on loopback, a request signer, and the bot process.

`FakeSlack` answers the Web API methods the bot uses the way Slack does (`{"ok": true, ...}` with message
timestamps, view ids and user group members) and records every call, response URLs included, so a test can
check each reply as Slack would receive it. `signed` signs a body the way Slack does (v0, HMAC-SHA256).
`FakeSocketMode` is Slack's end of a Socket Mode WebSocket (plain ws:// on loopback, which slack_sdk allows
off port 443), enough to hand the bot envelopes and read its acknowledgements.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import itertools
import json
import os
import re
import socket
import struct
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests

BOT_TOKEN = "xoxb-test-8c1f2e0d9a"
APP_TOKEN = "xapp-test-3e9b1c7f40"
SIGNING_SECRET = "test-signing-secret-5d0b7"
BOT_USER, BOT_ID, TEAM = "UPOSTLINT", "BPOSTLINT", "T0TEAM"


@dataclass(frozen=True)
class Call:
    method: str  # a Web API method such as chat.postMessage, or "response_url" for a POST to a response URL
    params: dict[str, Any]
    path: str
    answer: dict[str, Any]


class FakeSlack:
    def __init__(self, approvers: tuple[str, ...]):
        self.approvers = list(approvers)
        self.errors: dict[str, str] = {}  # method -> the error Slack should answer it with
        self.socket_url = ""  # what apps.connections.open hands out
        self.calls: list[Call] = []
        self._ts = itertools.count(1)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self.api_url = f"{self.url}/api/"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def response_url(self, name: str) -> str:
        return f"{self.url}/response/{name}"

    def find(self, method: str, **where: Any) -> list[Call]:
        """The calls of `method` whose params have the values in `where` (`path` matches the URL path)."""
        return [
            call
            for call in list(self.calls)
            if call.method == method
            and all((call.path if key == "path" else call.params.get(key)) == value for key, value in where.items())
        ]

    def wait_for(self, method: str, count: int = 1, timeout: float = 15, **where: Any) -> list[Call]:
        """`find`, once it finds `count` calls; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            calls = self.find(method, **where)
            if len(calls) >= count or time.monotonic() > deadline:
                assert len(calls) >= count, f"waited for {count} {method} call(s), got {len(calls)}: {self.calls}"
                return calls
            time.sleep(0.05)

    def answer(self, method: str, params: dict[str, Any], authorization: str) -> dict[str, Any]:
        if method == "apps.connections.open" and authorization == f"Bearer {APP_TOKEN}":
            return {"ok": True, "url": self.socket_url}
        if authorization != f"Bearer {BOT_TOKEN}":
            return {"ok": False, "error": "not_authed"}
        if method in self.errors:
            return {"ok": False, "error": self.errors[method]}
        if method == "auth.test":
            return {"ok": True, "team_id": TEAM, "user_id": BOT_USER, "bot_id": BOT_ID, "url": "https://fake.slack/"}
        if method == "chat.postMessage":
            ts = f"1700000000.{next(self._ts):06d}"
            return {"ok": True, "channel": params["channel"], "ts": ts, "message": {"ts": ts, "bot_id": BOT_ID}}
        if method == "chat.update":
            return {"ok": True, "channel": params["channel"], "ts": params["ts"]}
        if method == "views.open":
            return {"ok": True, "view": {**params["view"], "id": "V0MODAL"}}
        if method == "usergroups.users.list":
            return {"ok": True, "users": self.approvers}
        return {"ok": False, "error": "unknown_method"}


def _handler(slack: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._serve(b"")

        def do_POST(self) -> None:
            self._serve(self.rfile.read(int(self.headers.get("Content-Length", 0))))

        def _serve(self, body: bytes) -> None:
            url = urlsplit(self.path)
            if body and self.headers.get("Content-Type", "").startswith("application/json"):
                params = json.loads(body)
            else:
                params = dict(parse_qsl(body.decode()) + parse_qsl(url.query))
            if url.path.startswith("/response/"):
                call = Call("response_url", params, url.path, {})
                reply = b"ok"
            else:
                method = url.path.removeprefix("/api/")
                call = Call(
                    method, params, url.path, slack.answer(method, params, self.headers.get("Authorization", ""))
                )
                reply = json.dumps(call.answer).encode()
            with slack._lock:
                slack.calls.append(call)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


class FakeSocketMode:
    """Accepts one WebSocket, greets it as Slack does, sends it envelopes and keeps the JSON it sends back."""

    ACCEPT_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # RFC 6455

    def __init__(self):
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{self._listener.getsockname()[1]}/link"
        self.connected = threading.Event()
        self.received: list[dict[str, Any]] = []
        self._connection: socket.socket | None = None
        self._send_lock = threading.Lock()
        threading.Thread(target=self._serve, daemon=True).start()

    def send(self, message: dict[str, Any]) -> None:
        self._frame(0x1, json.dumps(message).encode())

    def wait_for_ack(self, envelope_id: str, timeout: float = 15) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in list(self.received):
                if message.get("envelope_id") == envelope_id:
                    return message
            time.sleep(0.05)
        raise AssertionError(f"no ack for {envelope_id}: {self.received}")

    def close(self) -> None:
        self._listener.close()
        if self._connection is not None:
            self._connection.close()

    def _serve(self) -> None:
        connection, _ = self._listener.accept()
        request = b""
        while b"\r\n\r\n" not in request:
            request += connection.recv(4096)
        key = re.search(rb"Sec-WebSocket-Key: *(\S+)", request, re.I).group(1)
        accept = base64.b64encode(hashlib.sha1(key + self.ACCEPT_GUID).digest()).decode()
        connection.sendall(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept}\r\n\r\n".encode()
        )
        self._connection = connection
        self.send({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0POSTLINT"}})
        self.connected.set()
        frames = connection.makefile("rb")
        while header := frames.read(2):
            opcode, length = header[0] & 0x0F, header[1] & 0x7F
            if length >= 126:
                length = struct.unpack(">H" if length == 126 else ">Q", frames.read(2 if length == 126 else 8))[0]
            mask = frames.read(4) if header[1] & 0x80 else bytes(4)  # a client masks every frame
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(frames.read(length)))
            if opcode == 0x1:
                self.received.append(json.loads(payload))
            elif opcode == 0x9:
                self._frame(0xA, payload)  # ping -> pong
            elif opcode == 0x8:
                return

    def _frame(self, opcode: int, payload: bytes) -> None:
        size = len(payload)
        length = bytes([size]) if size < 126 else bytes([126]) + struct.pack(">H", size)  # envelopes stay < 64 KiB
        with self._send_lock:
            self._connection.sendall(bytes([0x80 | opcode]) + length + payload)


def signed(body: str, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_bot(config: Path, slack: FakeSlack, log_path: Path, socket_mode: FakeSocketMode | None = None):
    """`postlint slack run --port P` (or `--socket-mode`) in a subprocess against the fake Slack, once it is ready.

    Yields the URL Slack would send requests to (unused in Socket Mode). Everything the process writes (its
    whole log) goes to `log_path`, appended across restarts.
    """
    port = free_port()
    env = {**os.environ, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": slack.api_url}
    if socket_mode:
        slack.socket_url = socket_mode.url
        env = {**env, "SLACK_APP_TOKEN": APP_TOKEN}
        env.pop("SLACK_SIGNING_SECRET", None)
        ready, mode = socket_mode.connected.is_set, ["--socket-mode"]
    else:
        env = {**env, "SLACK_SIGNING_SECRET": SIGNING_SECRET}
        ready, mode = functools.partial(_listening, port), ["--port", str(port)]
    command = [sys.executable, "-m", "linter.cli", "slack", "run", *mode, "--config", str(config)]
    with log_path.open("a") as log:
        process = subprocess.Popen(command, env=env, cwd=config.parent, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while not ready():
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"postlint slack did not start:\n{log_path.read_text()}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/slack/events"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def post(url: str, body: str, content_type: str, headers: dict[str, str] | None = None) -> requests.Response:
    """POST a body signed as Slack would sign it (or with `headers` instead)."""
    headers = signed(body) if headers is None else headers
    return requests.post(url, data=body.encode(), headers={"Content-Type": content_type, **headers}, timeout=10)
