"""Load on a real `postlint serve` over loopback: sustained requests a second and p50/p99 latency.

    python benchmarks/load.py [--rates 50,100] [--seconds 15] [--workers 2] [--worst]

Open-loop: requests are sent on a fixed schedule whatever the answers, so queueing shows up in the
latency instead of slowing the sender. Drafts are 280 characters, cut from the development corpus.
The target is p99 <= 50 ms at 50 requests a second with no errors. Client and server share this
machine's cores, so the client's own cost is in the figures too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.serving import running_server  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"
TOKEN = "load-benchmark-token"


def drafts_of_280() -> list[str]:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    joined = " ".join(texts)
    return [joined[i : i + 280] for i in range(0, len(joined) - 280, 280)]


def run_at(base: str, rate: int, seconds: float, drafts: list[str]) -> dict[str, float]:
    local = threading.local()
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()

    def send(index: int, due: float) -> None:
        nonlocal errors
        session = getattr(local, "session", None) or setattr(local, "session", requests.Session()) or local.session
        time.sleep(max(0.0, due - time.perf_counter()))
        started = time.perf_counter()
        try:
            ok = session.post(
                f"{base}/v1/lint",
                json={"text": drafts[index % len(drafts)], "offsets": "utf16"},
                headers={"Authorization": f"Bearer {TOKEN}"},
                timeout=10,
            ).ok
        except requests.RequestException:
            ok = False
        with lock:
            latencies.append((time.perf_counter() - started) * 1000)
            errors += not ok

    total = int(rate * seconds)
    start = time.perf_counter() + 0.2
    with ThreadPoolExecutor(max_workers=32) as pool:
        for i in range(total):
            pool.submit(send, i, start + i / rate)
    elapsed = time.perf_counter() - start
    latencies.sort()
    return {
        "rate": rate,
        "sent": total,
        "achieved_rps": total / elapsed,
        "p50_ms": statistics.median(latencies),
        "p99_ms": latencies[max(int(len(latencies) * 0.99) - 1, 0)],
        "errors": errors,
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
    latencies.sort()
    p99 = latencies[max(int(len(latencies) * 0.99) - 1, 0)]
    return {"checks": len(latencies), "p50_ms": statistics.median(latencies), "p99_ms": p99, "worst_sent": worst_sent}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rates", default="50,100", help="requests a second to hold, comma-separated")
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worst", action="store_true", help="also: /healthz while one key sends the worst drafts")
    args = parser.parse_args()
    env = {"POSTLINT_API_KEYS": f"bench:{TOKEN}", "POSTLINT_RATE_LIMIT": "1000000", "POSTLINT_MAX_IN_FLIGHT": "64"}
    drafts = drafts_of_280()
    with tempfile.TemporaryDirectory() as tmp, running_server(Path(tmp) / "server.log", env, args.workers) as base:
        run_at(base, 20, 2, drafts)  # warm up every worker
        print(f"postlint serve --workers {args.workers}, 280-character drafts, {args.seconds:g} s per rate")
        print(f"{'target rps':>10} {'achieved':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
        for rate in (int(r) for r in args.rates.split(",")):
            r = run_at(base, rate, args.seconds, drafts)
            print(f"{rate:>10} {r['achieved_rps']:>9.1f} {r['p50_ms']:>8.1f} {r['p99_ms']:>8.1f} {r['errors']:>7}")
        if args.worst:
            h = healthz_under_worst(base, args.seconds)
            print(f"/healthz while one key sends {h['worst_sent']} worst drafts (~10,000 tokens each): "
                  f"{h['checks']} checks, p50 {h['p50_ms']:.1f} ms, p99 {h['p99_ms']:.1f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
