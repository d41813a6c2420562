"""Load on a real `postlint serve` over loopback: sustained requests a second, latency, shedding, health.

    python benchmarks/load.py [--rates 50,100,300] [--seconds 15] [--workers 2] [--worst]

Open-loop: requests are sent on a fixed schedule whatever the answers, so queueing shows up in the
latency instead of slowing the sender. Drafts are 280 characters, cut from the development corpus (or,
without it, the bundled corpora: see drafts.py). The server runs with its default limits. Per rate:
p50/p99 of the answered requests, requests shed with 503 (past capacity the server refuses rather than
queueing without bound), other errors, and the p99 of a `/healthz` probe sent every 50 ms meanwhile.
The target is p99 <= 50 ms at 100 requests a second with no errors. Client and server share this
machine's cores, so the client's own cost is in the figures too.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from drafts import default_corpora, described, texts_of  # noqa: E402

from tests.serving import running_server  # noqa: E402

TOKEN = "load-benchmark-token"


def drafts_of_280() -> list[str]:
    joined = " ".join(texts_of(default_corpora()))
    return [joined[i : i + 280] for i in range(0, len(joined) - 280, 280)]


def percentile(values: list[float], share: float) -> float:
    values = sorted(values)
    return values[max(int(len(values) * share) - 1, 0)] if values else float("nan")


class HealthProbe(threading.Thread):
    """GET /healthz every 50 ms until stopped; its latencies."""

    def __init__(self, base: str):
        super().__init__()
        self.base, self.latencies, self.stopped = base, [], threading.Event()

    def run(self) -> None:
        with requests.Session() as session:
            while not self.stopped.wait(0.05):
                started = time.perf_counter()
                session.get(f"{self.base}/healthz", timeout=5).raise_for_status()
                self.latencies.append((time.perf_counter() - started) * 1000)


def run_at(base: str, rate: int, seconds: float, drafts: list[str]) -> dict[str, float]:
    local = threading.local()
    latencies: list[float] = []
    shed = errors = 0
    lock = threading.Lock()

    def send(index: int, due: float) -> None:
        nonlocal shed, errors
        session = getattr(local, "session", None) or setattr(local, "session", requests.Session()) or local.session
        time.sleep(max(0.0, due - time.perf_counter()))
        started = time.perf_counter()
        try:
            status = session.post(
                f"{base}/v1/lint",
                json={"text": drafts[index % len(drafts)], "offsets": "utf16"},
                headers={"Authorization": f"Bearer {TOKEN}"},
                timeout=10,
            ).status_code
        except requests.RequestException:
            status = 0
        with lock:
            if status == 200:
                latencies.append((time.perf_counter() - started) * 1000)
            shed += status == 503
            errors += status not in (200, 503)

    total = int(rate * seconds)
    probe = HealthProbe(base)
    probe.start()
    start = time.perf_counter() + 0.2
    with ThreadPoolExecutor(max_workers=64) as pool:
        for i in range(total):
            pool.submit(send, i, start + i / rate)
    elapsed = time.perf_counter() - start
    probe.stopped.set()
    probe.join()
    return {
        "rate": rate,
        "sent": total,
        "achieved_rps": total / elapsed,
        "p50_ms": statistics.median(latencies) if latencies else float("nan"),
        "p99_ms": percentile(latencies, 0.99),
        "shed": shed,
        "errors": errors,
        "healthz_p99_ms": percentile(probe.latencies, 0.99),
    }


WORST = "A-" * 4_990  # about 10,000 tokens: the most work one request may ask for, parsed as one long sentence


def healthz_under_worst(base: str, seconds: float) -> dict[str, float]:
    """/healthz latency while one key sends the worst draft it can, back to back."""
    stop = threading.Event()
    worst_sent = 0

    def hammer() -> None:
        nonlocal worst_sent
        with requests.Session() as session:
            while not stop.is_set():
                session.post(f"{base}/v1/lint", json={"text": WORST}, headers={"Authorization": f"Bearer {TOKEN}"})
                worst_sent += 1

    sender = threading.Thread(target=hammer)
    sender.start()
    latencies = []
    deadline = time.perf_counter() + seconds
    with requests.Session() as session:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            session.get(f"{base}/healthz", timeout=5).raise_for_status()
            latencies.append((time.perf_counter() - started) * 1000)
            time.sleep(0.02)
    stop.set()
    sender.join()
    p99 = percentile(latencies, 0.99)
    return {"checks": len(latencies), "p50_ms": statistics.median(latencies), "p99_ms": p99, "worst_sent": worst_sent}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="50,100,300", help="requests a second to hold, comma-separated")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worst", action="store_true", help="also: /healthz while one key sends the worst drafts")
    args = parser.parse_args()
    env = {"POSTLINT_API_KEYS": f"bench:{TOKEN}", "POSTLINT_RATE_LIMIT": "1000000"}  # one key: no rate limit
    drafts = drafts_of_280()
    with tempfile.TemporaryDirectory() as tmp, running_server(Path(tmp) / "server.log", env, args.workers) as base:
        run_at(base, 20, 2, drafts)  # warm up every worker
        print(f"postlint serve --workers {args.workers}, 280-character drafts from {described(default_corpora())}, "
              f"{args.seconds:g} s per rate")  # fmt: skip
        columns = ("target rps", "achieved", "p50 ms", "p99 ms", "shed 503", "errors", "/healthz p99 ms")
        print(" ".join(f"{c:>{len(c) + 1}}" for c in columns))
        for rate in (int(r) for r in args.rates.split(",")):
            r = run_at(base, rate, args.seconds, drafts)
            print(f"{rate:>11} {r['achieved_rps']:>9.1f} {r['p50_ms']:>7.1f} {r['p99_ms']:>7.1f} {r['shed']:>9} "
                  f"{r['errors']:>7} {r['healthz_p99_ms']:>16.1f}")  # fmt: skip
        if args.worst:
            h = healthz_under_worst(base, args.seconds)
            print(f"/healthz while one key sends {h['worst_sent']} worst drafts (~10,000 tokens each): "
                  f"{h['checks']} checks, p50 {h['p50_ms']:.1f} ms, p99 {h['p99_ms']:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
