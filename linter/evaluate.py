"""Scoring the linter against a labelled corpus, as shared/corpus/README.md defines it.

Each corpus line is {"id", "text", "decision", "categories"}. Figures: decision accuracy, block recall,
flag recall (labelled warn/block items the linter flags at all), false-alarm rate, and per-category
precision, recall and F1 with their macro-average.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from linter.errors import InputError
from linter.policy.pack import CATEGORIES
from linter.result import Result


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    decision: str
    categories: frozenset[str]


@dataclass
class Scores:
    total: int = 0
    correct: int = 0
    blocks: int = 0
    blocks_caught: int = 0
    flagged_items: int = 0
    flagged_caught: int = 0
    passes: int = 0
    false_alarms: int = 0
    per_category: dict[str, list[int]] = field(default_factory=lambda: {c: [0, 0, 0] for c in CATEGORIES})
    misses: list[tuple[str, str, str, list[str], list[str]]] = field(default_factory=list)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)  # (labelled, got) -> drafts

    def add(self, item: Labelled, result: Result) -> None:
        got, want = result.decision, item.decision
        self.confusion[want, got] += 1
        self.total += 1
        self.correct += got == want
        if want == "block":
            self.blocks += 1
            self.blocks_caught += got == "block"
        if want != "pass":
            self.flagged_items += 1
            self.flagged_caught += got != "pass"
        else:
            self.passes += 1
            self.false_alarms += got != "pass"
        predicted = set(result.categories)
        for category, counts in self.per_category.items():
            counts[0] += category in predicted and category in item.categories  # both
            counts[1] += category in predicted  # linter has it
            counts[2] += category in item.categories  # label has it
        if got != want or predicted != item.categories:
            self.misses.append((item.id, want, got, sorted(item.categories), sorted(predicted)))

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        figures = {
            "decision_accuracy": ratio(self.correct, self.total),
            "block_recall": ratio(self.blocks_caught, self.blocks),
            "flag_recall": ratio(self.flagged_caught, self.flagged_items),
            "false_alarm_rate": ratio(self.false_alarms, self.passes) if self.passes else 0.0,
        }
        f1s = []
        for category, (both, predicted, labelled) in self.per_category.items():
            precision, recall = ratio(both, predicted), ratio(both, labelled)
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            figures[f"{category}_precision"], figures[f"{category}_recall"], figures[f"{category}_f1"] = (
                precision,
                recall,
                f1,
            )
            f1s.append(f1)
        figures["category_macro_f1"] = sum(f1s) / len(f1s)
        return figures


def read_corpus(path: Path) -> list[Labelled]:
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read corpus: {exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            items.append(Labelled(str(data["id"]), data["text"], data["decision"], frozenset(data["categories"])))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                f"{path}:{number}: not a corpus line (needs id, text, decision, categories): {exc}"
            ) from None
    return items


def score(items: list[Labelled], results: list[Result]) -> Scores:
    scores = Scores()
    for item, result in zip(items, results, strict=True):
        scores.add(item, result)
    return scores
