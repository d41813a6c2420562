"""Per-key rate limits and a bound on work in flight, so overload is answered fast instead of queued."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field


@dataclass
class RateLimiter:
    """A token bucket per API key: `per_minute` requests a minute, in bursts of up to a tenth of that."""

    per_minute: int
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)  # key -> (tokens, last time)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def burst(self) -> float:
        return max(self.per_minute / 10, 1.0)

    def acquire(self, key: str, cost: int = 1) -> float:
        """0 when allowed; otherwise the seconds to wait before `cost` requests would be allowed."""
        rate = self.per_minute / 60
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * rate)
            if tokens >= cost:
                self._buckets[key] = (tokens - cost, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (cost - tokens) / rate


def retry_after(seconds: float) -> str:
    return str(max(1, math.ceil(seconds)))


class InFlight:
    """Admits at most `limit` requests at once; the rest are turned away at once with 503."""

    def __init__(self, limit: int):
        self._slots = threading.BoundedSemaphore(limit)

    def try_enter(self) -> bool:
        return self._slots.acquire(blocking=False)

    def leave(self) -> None:
        self._slots.release()
