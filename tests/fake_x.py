"""A fake X API v2 on loopback, for driving `postlint post` and `audit` over real HTTP in the tests.

It serves user lookup, paged timelines (meta.next_token, pagination_token) with x-rate-limit headers,
and POST /2/tweets; it records every request, and answers a scripted status (a 429 with its reset, a
500, a 503...) on the Nth call to a route.
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

RATE_LIMIT = 900
TITLES = {401: "Unauthorized", 403: "Forbidden", 429: "Too Many Requests", 500: "Internal Server Error"}


@dataclass
class Fault:
    """Answer `status` to the `call`-th request (1-based; None: every one) to `method path`."""

    method: str
    path: str
    status: int
    call: int | None = 1
    reset_in: int = 0  # for a 429: seconds from now to x-rate-limit-reset


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: Any
    authorization: str


@dataclass
class FakeX:
    timelines: dict[str, list[str]] = field(default_factory=dict)  # handle -> post texts, newest first
    page_size: int = 4
    faults: list[Fault] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    posted: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.calls: Counter[tuple[str, str]] = Counter()
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeX:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def user_id(self, handle: str) -> str:
        return str(1000 + list(self.timelines).index(handle))

    def post_id(self, handle: str, index: int) -> str:
        """Ids fall with age, as X's do."""
        return str(int(self.user_id(handle)) * 10_000 + len(self.timelines[handle]) - index)

    def route(self, method: str, path: str) -> list[Request]:
        return [r for r in self.requests if (r.method, r.path) == (method, path)]

    def answer(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any, dict[str, str]]:
        with self.lock:
            self.calls[method, path] += 1
            call = self.calls[method, path]
        now = int(time.time())
        headers = {
            "x-rate-limit-limit": str(RATE_LIMIT),
            "x-rate-limit-remaining": str(max(0, RATE_LIMIT - call)),
            "x-rate-limit-reset": str(now + 900),
        }
        for fault in self.faults:
            if (fault.method, fault.path) == (method, path) and fault.call in (None, call):
                if fault.status == 429:
                    headers |= {"x-rate-limit-remaining": "0", "x-rate-limit-reset": str(now + fault.reset_in)}
                title = TITLES.get(fault.status, "Service Unavailable")
                return fault.status, {"title": title, "detail": title, "status": fault.status}, headers
        return (*self._serve(method, path, query, body), headers)

    def _serve(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        parts = path.strip("/").split("/")
        if method == "POST" and parts == ["2", "tweets"]:
            post_id = str(2_000_000 + len(self.posted) + 1)
            self.posted.append(body)
            return 201, {"data": {"id": post_id, "text": body["text"], "edit_history_tweet_ids": [post_id]}}
        if method == "GET" and parts[:4] == ["2", "users", "by", "username"]:
            handle = next((h for h in self.timelines if h.lower() == parts[4].lower()), None)
            if handle is None:
                detail = f"Could not find user with username: [{parts[4]}]."
                return 200, {"errors": [{"detail": detail, "title": "Not Found Error", "value": parts[4]}]}
            metrics = {"tweet_count": len(self.timelines[handle]), "followers_count": 0}
            return 200, {
                "data": {"id": self.user_id(handle), "name": handle, "username": handle, "public_metrics": metrics}
            }
        if method == "GET" and len(parts) == 4 and parts[:2] == ["2", "users"] and parts[3] == "tweets":
            handle = next(h for h in self.timelines if self.user_id(h) == parts[2])
            start = int(query.get("pagination_token", "p0")[1:])
            end = start + min(self.page_size, int(query.get("max_results", 10)))
            texts = self.timelines[handle][start:end]
            ids = [self.post_id(handle, start + i) for i in range(len(texts))]
            posts = [{"id": i, "text": t, "edit_history_tweet_ids": [i]} for i, t in zip(ids, texts, strict=True)]
            meta: dict[str, Any] = {"result_count": len(posts)}
            if end < len(self.timelines[handle]):
                meta["next_token"] = f"p{end}"
            return 200, {"data": posts, "meta": meta} if posts else {"meta": meta}
        return 404, {"title": "Not Found Error", "detail": f"no route {method} {path}"}


def _handler(fake: FakeX) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._respond()

        def do_POST(self) -> None:
            self._respond()

        def _respond(self) -> None:
            url = urlsplit(self.path)
            query = {key: values[0] for key, values in parse_qs(url.query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length)) if length else None
            authorization = self.headers.get("Authorization", "")
            fake.requests.append(Request(self.command, url.path, query, body, authorization))
            if authorization:
                status, document, headers = fake.answer(self.command, url.path, query, body)
            else:
                status, document, headers = 401, {"title": "Unauthorized", "status": 401}, {}
            data = json.dumps(document).encode()
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # the tests read the request log instead
            pass

    return Handler
