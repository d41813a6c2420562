"""`python -m linter.training [build|train|compare|all]`: the sentence model from the labelled corpora.

    build    parse every draft of corpora/batches into sentence examples, split 70/15/15 by id
    train    `spacy train` linter/training/sentences.cfg on them; the best model goes to linter/models/sentences
    tune     the sentence rules' thresholds that do best on the validation split (to copy into the pack)
    compare  on the test split: rules only, the sentence model only, and both, side by side
    all      build, train and compare (`make train`)

Training is deterministic (a fixed seed, CPU) and takes a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora" / "batches"
WORK = ROOT / "build" / "training"
CONFIG = Path(__file__).resolve().parent / "sentences.cfg"
MODEL = Path(__file__).resolve().parents[1] / "models" / "sentences"


def build() -> None:
    from linter.engine import get_linter
    from linter.training.data import read_drafts, write_docbins

    drafts = read_drafts(sorted(CORPORA.glob("*.jsonl")))
    counts = write_docbins(get_linter(), drafts, WORK / "data")
    print(f"{len(drafts)} drafts -> sentences: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def train() -> None:
    from spacy.cli.train import train as spacy_train

    output = WORK / "output"
    shutil.rmtree(output, ignore_errors=True)
    data = WORK / "data"
    spacy_train(
        CONFIG, output, overrides={"paths.train": str(data / "train.spacy"), "paths.dev": str(data / "valid.spacy")}
    )
    shutil.rmtree(MODEL, ignore_errors=True)
    shutil.copytree(output / "model-best", MODEL)
    print(f"saved the sentence model to {MODEL.relative_to(ROOT)}")


def compare() -> None:
    from linter.config import Config, build_pack
    from linter.engine import Linter
    from linter.evaluate import Labelled, score
    from linter.training.data import read_drafts, split_of

    test = [d for d in read_drafts(sorted(CORPORA.glob("*.jsonl"))) if split_of(d.id) == "test"]
    items = [Labelled(d.id, d.text, d.decision, d.categories) for d in test]
    model_rules = {r.id for r in build_pack(Config()).rules if r.check == "sentence"}
    all_rules = {r.id for r in build_pack(Config()).rules}
    variants = {
        "rules only": Config(disable=frozenset(model_rules)),
        "model only": Config(disable=frozenset(all_rules - model_rules)),
        "both": Config(),
    }
    keys = ("decision_accuracy", "block_recall", "flag_recall", "false_alarm_rate", "category_macro_f1")
    print(f"test split: {len(items)} drafts held out from training and from threshold tuning")
    print(f"{'':12}" + "".join(f"{k.replace('_', ' '):>20}" for k in keys))
    for name, config in variants.items():
        figures = score(items, list(Linter(config).lint_many(item.text for item in items))).figures()
        print(f"{name:12}" + "".join(f"{figures[k]:>20.3f}" for k in keys))


def tune() -> None:
    from linter.config import Config, build_pack
    from linter.training.data import read_drafts, split_of
    from linter.training.tune import figures, score_drafts
    from linter.training.tune import tune as best_thresholds

    valid = [d for d in read_drafts(sorted(CORPORA.glob("*.jsonl"))) if split_of(d.id) == "valid"]
    items = score_drafts(valid)
    thresholds_n = build_pack(Config()).thresholds
    chosen = best_thresholds(items)
    for name, thresholds in (("at 0.5", dict.fromkeys(chosen, 0.5)), ("tuned", chosen)):
        f = figures(items, thresholds, thresholds_n)
        print(f"{name:8} " + "  ".join(f"{k} {v:.3f}" for k, v in f.items()))
    print("thresholds (1.01 = leave the label to the rules): " + ", ".join(f"{k} {v}" for k, v in chosen.items()))


STEPS = {"build": build, "train": train, "tune": tune, "compare": compare}
ALL = ("build", "train", "compare")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m linter.training", description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=[*STEPS, "all"], nargs="?", default="all")
    step = parser.parse_args().step
    for name in ALL if step == "all" else [step]:
        STEPS[name]()


if __name__ == "__main__":
    sys.exit(main())
