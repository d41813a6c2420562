"""Throughput of `lint_many` against a bare `nlp.pipe` of the same model, measured side by side.

    python benchmarks/speed.py [--corpus PATH ...] [--posts 5000] [--rounds 3]

Prints posts per second for both, their ratio (the target is >= 1.0: the checks cost no more than the
model they stand on), and single-post p50/p99 latency.
Rounds alternate between the two so machine noise hits both alike; the best round of each is compared.
"""

from __future__ import annotations

import argparse
import statistics
import time
from itertools import cycle, islice
from pathlib import Path

from drafts import default_corpora, described, texts_of

from linter.engine import BATCH_SIZE, get_linter
from linter.model import load_model


def posts_per_second(run, texts: list[str]) -> float:
    start = time.perf_counter()
    run(texts)
    return len(texts) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="a .jsonl of drafts (default: see drafts.py)")
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    corpora = args.corpus or default_corpora()
    missing = [str(path) for path in corpora if not path.is_file()]
    if missing:
        parser.error(f"no such corpus: {', '.join(missing)}")
    base = texts_of(corpora)
    print(f"drafts from {described(corpora)}")
    texts = list(islice(cycle(base), args.posts))
    linter = get_linter()
    bare = load_model(linter.config.model)

    def run_bare(batch: list[str]) -> None:
        for _ in bare.pipe(batch, batch_size=BATCH_SIZE):
            pass

    def run_linter(batch: list[str]) -> None:
        for _ in linter.lint_many(batch):
            pass

    run_bare(texts[:200]), run_linter(texts[:200])  # warm up both
    bare_rates, lint_rates = [], []
    for _ in range(args.rounds):
        bare_rates.append(posts_per_second(run_bare, texts))
        lint_rates.append(posts_per_second(run_linter, texts))

    latencies = []
    for text in base * 2:
        start = time.perf_counter()
        linter.lint(text)
        latencies.append((time.perf_counter() - start) * 1000)
    latencies.sort()

    print(f"posts per round            {len(texts)}")
    print(f"bare nlp.pipe   posts/s    {max(bare_rates):8.1f}   (rounds: {', '.join(f'{r:.0f}' for r in bare_rates)})")
    print(f"lint_many       posts/s    {max(lint_rates):8.1f}   (rounds: {', '.join(f'{r:.0f}' for r in lint_rates)})")
    print(f"ratio lint_many / bare     {max(lint_rates) / max(bare_rates):8.3f}   (target >= 1.0)")
    print(f"single post p50 ms         {statistics.median(latencies):8.2f}")
    print(f"single post p99 ms         {latencies[int(len(latencies) * 0.99) - 1]:8.2f}")


if __name__ == "__main__":
    main()
