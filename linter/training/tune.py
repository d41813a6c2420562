"""Thresholds for the model-led parts of the pack, chosen on the validation split (never the test split).

The validation drafts are parsed once. Each candidate pack re-decides the parsed posts with the engine's
own checks, so what is tuned is exactly what ships. The settings ("knobs") are: the `sentence` rules'
threshold per label; the `post` rules' threshold per label and their block and flag thresholds; one
`claim_score` for every `claim` rule (how sure the sentence model must be that a sentence reports what
users did before a claim the grammar found there counts); and the pack's `harmless_below` (the post
model's flag score under which the rules' findings are suppressed). The search improves one knob at a time, twice
over, for decision accuracy + block recall + ½ category macro-F1 − 2 × false alarms, and no step may
lower block recall below the pack's own: a harmful draft passed costs its users most, and the search
would otherwise buy false alarms with it. False alarms count twice over because they decide
whether teams keep the linter on: a tool that questions one harmless post in ten gets switched off, and
then it stops nothing. A finding should name the right category (a model that adds a wrong one to a post
already blocked misleads the reader).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from linter.engine import Linter
from linter.evaluate import Labelled, score
from linter.normalise import NormalisedText, normalise
from linter.policy.pack import Pack, Rule
from linter.training.data import Draft

SCORE_GRID = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)  # 1.0: the label is better left to the rules
# A finding names a category: the model must find it more likely than not (block and flag may go lower).
# No 1.0 here: tuning chooses how sure a rule must be, not whether the pack has it (a team can ignore it).
LABEL_GRID = (0.5, 0.6, 0.7, 0.8, 0.9)
CLAIM_GRID = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5)
HARMLESS_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2)
GRIDS = {"claim score": CLAIM_GRID, "post claim score": CLAIM_GRID, "harmless below": HARMLESS_GRID}
Parsed = list[tuple[Draft, NormalisedText, Doc]]


def parse(linter: Linter, drafts: list[Draft]) -> Parsed:
    norms = [normalise(d.text) for d in drafts]
    return list(zip(drafts, norms, linter.nlp.pipe(n.text for n in norms), strict=True))


def _knobs(rule: Rule) -> list[tuple[str, str]]:
    """The knobs a rule's tunable parameters belong to, each with that parameter's name."""
    if rule.check == "sentence":
        return [(f"sentence {rule.params['label']}", "threshold")]
    if rule.check == "claim":
        return [("claim score", "claim_score")]
    if rule.check == "post":
        return [
            (f"post {rule.params['label']}", "threshold"),
            (f"post {rule.params['decision']}", "decision_threshold"),
            ("post claim score", "claim_score"),
        ]
    return []


def knobs_of(pack: Pack) -> dict[str, float]:
    """The pack's current value of every knob (the largest, where rules sharing a knob differ)."""
    settings: dict[str, float] = {"harmless below": pack.harmless_below}
    for rule in pack.rules:
        for name, param in _knobs(rule):
            settings[name] = max(settings.get(name, 0.0), rule.params[param])
    return settings


def with_knobs(pack: Pack, settings: dict[str, float]) -> Pack:
    def tuned(rule: Rule) -> Rule:
        params = dict(rule.params)
        for name, param in _knobs(rule):
            params[param] = settings[name]
        return replace(rule, params=params)

    rules = tuple(tuned(rule) for rule in pack.rules)
    return replace(pack, rules=rules, harmless_below=settings.get("harmless below", pack.harmless_below))


def variants(pack: Pack) -> dict[str, Pack]:
    """The shipped pack beside the same rules with either model or both taken out (for `compare`)."""

    def without(checks: set[str], knobs: dict[str, float]) -> Pack:
        tuned = with_knobs(pack, {**knobs_of(pack), **knobs})
        return replace(tuned, rules=tuple(r for r in tuned.rules if r.check not in checks))

    return {
        "rules only": without({"sentence", "post"}, {"claim score": 0.0, "harmless below": 0.0}),
        "rules + sentence model": without({"post"}, {"harmless below": 0.0}),
        "rules + post model": without({"sentence"}, {"claim score": 0.0}),
        "rules + both models": pack,
    }


def figures(linter: Linter, parsed: Parsed, pack: Pack) -> dict[str, float]:
    items = [Labelled(d.id, d.text, d.decision, d.categories) for d, _, _ in parsed]
    return score(items, [linter.result(doc, norm, pack) for _, norm, doc in parsed]).figures()


def objective(f: dict[str, float]) -> float:
    return f["decision_accuracy"] + f["block_recall"] + 0.5 * f["category_macro_f1"] - 2 * f["false_alarm_rate"]


def _grid(knob: str) -> tuple[float, ...]:
    return GRIDS.get(knob, SCORE_GRID if knob in {"post block", "post flag"} else LABEL_GRID)


def tune(linter: Linter, parsed: Parsed) -> dict[str, float]:
    """The best settings found starting from the pack's own (each moved onto its grid first)."""
    settings = {name: min(_grid(name), key=lambda g: abs(g - v)) for name, v in knobs_of(linter.pack).items()}

    def measured(candidate: dict[str, float]) -> dict[str, float]:
        return figures(linter, parsed, with_knobs(linter.pack, candidate))

    start = measured(settings)
    best, floor = objective(start), start["block_recall"]
    for _ in range(2):
        for name in settings:
            for v in _grid(name):
                candidate = {**settings, name: v}
                f = measured(candidate)
                if f["block_recall"] >= floor and objective(f) > best:
                    best, settings = objective(f), candidate
    return settings
