"""Fuzz the engine for a fixed time: the Hypothesis property test over `linter.lint_many` (any code point,
lone surrogates included, mixed with every evasion the normaliser folds), round after round with new seeds.

    python benchmarks/fuzz.py [--minutes 5] [--examples 400]

Each round is one pytest run of `tests/test_robustness.py::test_any_draft_gets_a_result_whose_spans_index_
the_text_as_typed` with `--examples` drafts lists; it prints the rounds, examples and failures, and exits 1
on any failure (Hypothesis prints the shrunk failing draft to the terminal that ran it, nowhere else).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST = "tests/test_robustness.py::test_any_draft_gets_a_result_whose_spans_index_the_text_as_typed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--examples", type=int, default=400, help="examples per round")
    args = parser.parse_args()
    deadline = time.monotonic() + args.minutes * 60
    rounds = failures = 0
    env = {**os.environ, "POSTLINT_FUZZ_EXAMPLES": str(args.examples)}
    while time.monotonic() < deadline:
        seed = int(time.time() * 1000) % 2**32
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--hypothesis-seed={seed}", TEST],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        rounds += 1
        if done.returncode != 0:
            failures += 1
            print(done.stdout[-3000:], file=sys.stderr)
        print(f"round {rounds} seed {seed}: {'ok' if done.returncode == 0 else 'FAILED'}", flush=True)
    print(f"{rounds} rounds, {rounds * args.examples} examples of up to 4 drafts, {failures} failures "
          f"in {args.minutes:g} minutes")  # fmt: skip
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
