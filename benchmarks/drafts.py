"""The drafts the benchmarks run on: the shared development corpus where it sits beside the checkout,
else the labelled corpora bundled in `tests/data/` (so a fresh clone can run every benchmark). Each
benchmark prints which it used: figures on one are not comparable with figures on the other."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
BUNDLED = sorted((ROOT / "tests" / "data").glob("*.jsonl"))


def default_corpora() -> list[Path]:
    return [DEV_CORPUS] if DEV_CORPUS.exists() else BUNDLED


def texts_of(paths: list[Path]) -> list[str]:
    return [json.loads(line)["text"] for path in paths for line in path.read_text("utf-8").splitlines() if line.strip()]


def described(paths: list[Path]) -> str:
    return ", ".join(str(p.relative_to(ROOT.parent)) if p.is_relative_to(ROOT.parent) else str(p) for p in paths)
