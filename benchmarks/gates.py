"""Do the learned models' gates earn their place? Every labelled draft is parsed once and decided under
the pack as shipped and under variants side by side: the post model's harmless veto off, and the claim
rules' sentence-model gate (`claim_score`) lowered or off.

    python benchmarks/gates.py [CORPUS.jsonl ...]

Default corpora: the dev corpus beside the checkout (if there), else tests/data/*.jsonl. Only drafts the
models never trained on measure the gates fairly (the newest batches in corpora/batches/, see
docs/accuracy.md). Prints each variant's decision accuracy and how many decisions moved toward or away
from their labels against the shipped pack.
"""

from __future__ import annotations

import argparse
import dataclasses
from collections import Counter
from pathlib import Path

from drafts import default_corpora, described

from linter.engine import get_linter
from linter.evaluate import read_corpus
from linter.policy.pack import Pack
from linter.training.tune import parse

CLAIM_GATES = (0.35, 0.2, 0.0)


def variants(shipped: Pack) -> dict[str, Pack]:
    def claim_gate(value: float) -> Pack:
        rules = tuple(
            dataclasses.replace(rule, params={**rule.params, "claim_score": value}) if rule.check == "claim" else rule
            for rule in shipped.rules
        )
        return dataclasses.replace(shipped, rules=rules)

    return {
        "as shipped": shipped,
        "harmless veto off": dataclasses.replace(shipped, harmless_below=0.0),
        **{f"claim gate {value:.2f}": claim_gate(value) for value in CLAIM_GATES},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    paths = parser.parse_args().corpora or default_corpora()
    items = [item for path in paths for item in read_corpus(path)]
    linter = get_linter()
    packs = variants(linter.pack)
    right: Counter[str] = Counter()
    moved: Counter[tuple[str, str]] = Counter()
    for item, norm, doc in parse(linter, items):  # each draft parsed once, decided under every pack
        decisions = {name: linter.result(doc, norm, pack).decision for name, pack in packs.items()}
        shipped = decisions["as shipped"]
        for name, decision in decisions.items():
            right[name] += decision == item.decision
            if decision != shipped:
                moved[
                    name, "toward" if decision == item.decision else "away" if shipped == item.decision else "other"
                ] += 1
    print(f"{len(items)} drafts from {described(paths)}")
    print(f"{'variant':<22}{'accuracy':>10}{'toward':>9}{'away':>7}")
    for name in packs:
        print(f"{name:<22}{right[name] / len(items):>10.4f}{moved[name, 'toward']:>9}{moved[name, 'away']:>7}")


if __name__ == "__main__":
    main()
