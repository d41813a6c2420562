"""Memory under a long run: a real `postlint serve` fed drafts of words it has never seen, RSS sampled.

    python benchmarks/soak.py [--minutes 10] [--every 30]

Every draft is new words (the worst case for spaCy's string store, which keeps each string it meets).
The server's memory is the resident set of its whole process tree (the worker and its lint process),
read from /proc. It prints a sample every `--every` seconds and the growth from the first to the last.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.serving import running_server  # noqa: E402

TOKEN = "soak-benchmark-token"


def tree_rss_mb(port: int) -> float:
    """Resident memory of the server listening on `port` and all its descendants."""
    pids = [p for p in os.listdir("/proc") if p.isdigit()]
    parents = {}
    root = None
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        parents[pid] = status.split("PPid:")[1].split()[0]
        if b"serve" in cmdline and str(port).encode() in cmdline:
            root = pid
    tree, grew = {root}, True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    total = 0
    for pid in tree:
        try:
            total += int(Path(f"/proc/{pid}/status").read_text().split("VmRSS:")[1].split()[0])
        except (OSError, IndexError):
            continue
    return total / 1024


def unique_draft() -> str:
    words = " ".join(uuid.uuid4().hex[: 6 + i % 5] for i in range(30))
    return f"Our riders said {words} about the new route this week."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--every", type=float, default=30)
    args = parser.parse_args()
    env = {"POSTLINT_API_KEYS": f"soak:{TOKEN}", "POSTLINT_RATE_LIMIT": "100000000"}
    sent = 0
    stop = threading.Event()

    def client(base: str) -> None:
        nonlocal sent
        with requests.Session() as session:
            while not stop.is_set():
                posts = [{"text": unique_draft()} for _ in range(20)]
                answer = session.post(f"{base}/v1/lint/batch", json={"posts": posts},
                                      headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)  # fmt: skip
                answer.raise_for_status()
                sent += len(posts)

    with tempfile.TemporaryDirectory() as tmp, running_server(Path(tmp) / "server.log", env) as base:
        port = int(base.rsplit(":", 1)[1])
        thread = threading.Thread(target=client, args=(base,), daemon=True)
        thread.start()
        started = time.monotonic()
        samples = []
        print(f"{'minutes':>7} {'drafts':>8} {'RSS MB':>8}")
        while (elapsed := time.monotonic() - started) < args.minutes * 60:
            samples.append(tree_rss_mb(port))
            print(f"{elapsed / 60:>7.1f} {sent:>8} {samples[-1]:>8.0f}", flush=True)
            time.sleep(args.every)
        samples.append(tree_rss_mb(port))
        stop.set()
        first, last = samples[1], samples[-1]
        print(f"{sent} unique-word drafts in {args.minutes:g} min: RSS {first:.0f} MB after the first sample, "
              f"{last:.0f} MB at the end ({last - first:+.0f} MB), peak {max(samples):.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
