"""Thresholds for the sentence rules, chosen on the validation split (never the test split).

The engine runs once with the sentence rules off; the model scores every sentence once; then each
candidate set of thresholds is applied the way the `sentence` check applies it, simplified: a score at
or over the threshold flags the sentence, and for sensitive and small_cohort the size of the claims in
that sentence picks block or warn, or nothing. The check's claim gate and the grammar's veto are not
simulated, so confirm a choice with the real engine (`compare`, or `postlint eval` on the split).
Thresholds are improved one label at a time, twice over, for the best decision accuracy, block recall
breaking ties.
"""

from __future__ import annotations

from dataclasses import dataclass

from linter.config import Config, build_pack
from linter.engine import Linter
from linter.normalise import normalise
from linter.policy.pack import CATEGORIES
from linter.training.data import Draft

RANK = {"pass": 0, "warn": 1, "block": 2}
GRID = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: the label is better left to the rules


@dataclass
class Scored:
    draft: Draft
    rules_decision: str
    rules_categories: set[str]
    sentences: list[tuple[dict[str, float], int | None]]  # (scores, largest n of a claim in the sentence)


def score_drafts(drafts: list[Draft]) -> list[Scored]:
    pack = build_pack(Config())
    linter = Linter(Config(disable=frozenset(r.id for r in pack.rules if r.check == "sentence")))
    model = linter.nlp.add_pipe("postlint_sentence_model")
    scored = []
    for draft, result in zip(drafts, linter.lint_many(d.text for d in drafts), strict=True):
        doc = model(linter.nlp(normalise(draft.text).text))
        sentences = []
        for start, end, scores in doc._.sentence_scores:
            sizes = [c.size.low for c in doc._.claims if start <= c.cohort.start_char < end and c.size.low is not None]
            sentences.append((scores, max(sizes, default=None)))
        scored.append(Scored(draft, result.decision, set(result.categories), sentences))
    linter.nlp.remove_pipe("postlint_sentence_model")
    return scored


def decide(item: Scored, thresholds: dict[str, float], thresholds_n: dict[str, int]) -> tuple[str, set[str]]:
    rank, categories = RANK[item.rules_decision], set(item.rules_categories)
    for scores, largest in item.sentences:
        for label, threshold in thresholds.items():
            if scores.get(label, 0.0) < threshold:
                continue
            if label == "small_cohort" and largest is not None and largest >= thresholds_n["k_block"]:
                continue
            categories.add(label)
            large_sensitive = label == "sensitive" and largest is not None and largest >= thresholds_n["k_sensitive"]
            block = label in {"individual", "small_cohort"} or (label == "sensitive" and not large_sensitive)
            rank = max(rank, 2 if block else 1)
    return ("pass", "warn", "block")[rank], categories


def figures(items: list[Scored], thresholds: dict[str, float], thresholds_n: dict[str, int]) -> dict[str, float]:
    correct = blocks = caught = passes = alarms = 0
    for item in items:
        decision, _ = decide(item, thresholds, thresholds_n)
        correct += decision == item.draft.decision
        blocks += item.draft.decision == "block"
        caught += item.draft.decision == "block" and decision == "block"
        passes += item.draft.decision == "pass"
        alarms += item.draft.decision == "pass" and decision != "pass"
    return {
        "decision_accuracy": correct / len(items),
        "block_recall": caught / max(blocks, 1),
        "false_alarm_rate": alarms / max(passes, 1),
    }


def tune(items: list[Scored]) -> dict[str, float]:
    thresholds_n = build_pack(Config()).thresholds
    best = dict.fromkeys(CATEGORIES, 0.5)

    def key(candidate: dict[str, float]) -> tuple[float, float]:
        f = figures(items, candidate, thresholds_n)
        return round(f["decision_accuracy"], 4), f["block_recall"]

    for _ in range(2):
        for label in CATEGORIES:
            best = max(({**best, label: t} for t in GRID), key=key)
    return best
