"""Bounds on what one client can make the server do: requests a minute per key, work queued at once,
bytes in a body (streamed or not), and time to send the request headers."""

from __future__ import annotations

import asyncio
import math
import socket
import threading
import time
from dataclasses import dataclass, field

import regex
from starlette.responses import JSONResponse
from uvicorn.protocols.http.h11_impl import H11Protocol


@dataclass
class RateLimiter:
    """A token bucket per API key: `per_minute` drafts a minute, in bursts of up to a tenth of that.

    A request is admitted while the key has a token; a batch then pays for its other drafts with
    `charge`, which can take the bucket below zero, so the key waits until the debt is repaid. Each
    worker process holds its own buckets, so `postlint serve` gives each of N workers 1/N of the
    configured rate: the sum over workers never exceeds it.
    """

    per_minute: float
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)  # key -> (tokens, last time)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def burst(self) -> float:
        return max(self.per_minute / 10, 1.0)

    def acquire(self, key: str) -> float:
        """0 when a request is admitted; otherwise the seconds to wait before one would be."""
        with self._lock:
            tokens, now = self._refill(key)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / (self.per_minute / 60)

    def charge(self, key: str, cost: int) -> None:
        """Take `cost` more tokens from an admitted request (a batch's other drafts), into debt if need be."""
        with self._lock:
            tokens, now = self._refill(key)
            self._buckets[key] = (tokens - cost, now)

    def _refill(self, key: str) -> tuple[float, float]:
        now = time.monotonic()
        tokens, last = self._buckets.get(key, (self.burst, now))
        return min(self.burst, tokens + (now - last) * self.per_minute / 60), now


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(min(seconds, 3600))))


class InFlight:
    """Admits at most `limit` units of work at once (requests, or tokens of drafts); the rest are turned
    away at once with 503, so overload is answered fast instead of queued without bound."""

    def __init__(self, limit: int):
        self.limit = limit
        self._used = 0
        self._lock = threading.Lock()

    def try_enter(self, cost: int = 1) -> bool:
        with self._lock:
            if self._used + cost > self.limit and self._used > 0:
                return False
            self._used += cost
            return True

    def leave(self, cost: int = 1) -> None:
        with self._lock:
            self._used -= cost


# The parser's work grows with tokens, not characters: "!!!!" is four tokens, "word" one. This counts
# words, numbers and every other non-space character, which is never fewer than spaCy's tokens.
_TOKENS = regex.compile(r"\w+|[^\w\s]")


def work_of(texts: list[str]) -> int:
    """The work a request asks for, in (an upper estimate of) tokens."""
    return sum(sum(1 for _ in _TOKENS.finditer(text)) for text in texts)


class BodyLimit:
    """ASGI middleware: reads a request body in full before the app sees it, and answers 413 once it
    passes `max_bytes`, whether or not the client sent Content-Length (a chunked body is counted as it
    arrives, so it cannot be buffered without bound)."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "POST":
            return await self.app(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if size > self.max_bytes:
                refusal = {"error": {"code": "too_large", "message": f"the body is over {self.max_bytes} bytes"}}
                await JSONResponse(refusal, 413, headers={"Connection": "close"})(scope, receive, send)
                return
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()  # waits for the disconnect, as the app expects
            replayed = True
            return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

        await self.app(scope, replay, send)


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol, but a connection must finish sending its request headers within the
    keep-alive timeout of opening, as it must between requests: idle or trickling connections are closed.

    It also sets TCP_NODELAY itself: with `--workers` above 1 the listening socket is rebuilt from its file
    descriptor without its protocol number, asyncio then leaves Nagle's algorithm on, and every answer on
    a kept-alive connection waited 40 ms for the client's delayed ACK.
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)
        self.timeout_keep_alive_task = self.loop.call_later(self.timeout_keep_alive, self.timeout_keep_alive_handler)
