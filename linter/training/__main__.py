"""`python -m linter.training [build|train|tune|compare|all]`: the learned models from the labelled corpora.

    build    make examples from every draft of corpora/batches, split 70/15/15 by id: one per sentence
             (the sentence model) and one per post (the post model); training drafts also give a copy
             with the noun naming their group swapped (`linter.training.counterfactual`)
    train    `spacy train` linter/training/textcat.cfg on each; the best models go to linter/models/
    tune     the model-led thresholds that do best on the validation split (to copy into the pack)
    compare  on the test split: rules only, with each model, and with both, side by side
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
CONFIG = Path(__file__).resolve().parent / "textcat.cfg"
MODELS = Path(__file__).resolve().parents[1] / "models"
KINDS = ("sentences", "posts")  # examples in build/training/data/<kind>, model in linter/models/<kind>


def build() -> None:
    from linter.engine import get_linter
    from linter.training.counterfactual import counterfactual_drafts
    from linter.training.data import post_docs, read_drafts, sentence_docs, write_docbins

    drafts = read_drafts(sorted(CORPORA.glob("*.jsonl")))
    linter = get_linter()
    copies = counterfactual_drafts(linter.nlp, drafts, linter.pack.lexicons)
    print(f"{len(drafts)} drafts and {len(copies)} counterfactual copies (the group's noun swapped)")
    drafts += copies
    for kind, examples in (("sentences", sentence_docs), ("posts", post_docs)):
        counts = write_docbins(examples(linter, drafts), WORK / "data" / kind)
        print(f"{len(drafts)} drafts -> {kind}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


def train() -> None:
    from spacy.cli.train import train as spacy_train

    for kind in KINDS:
        output, data = WORK / "output" / kind, WORK / "data" / kind
        shutil.rmtree(output, ignore_errors=True)
        overrides = {"paths.train": str(data / "train.spacy"), "paths.dev": str(data / "valid.spacy")}
        spacy_train(CONFIG, output, overrides=overrides)
        shutil.rmtree(MODELS / kind, ignore_errors=True)
        shutil.copytree(output / "model-best", MODELS / kind)
        _without_machine_paths(MODELS / kind / "config.cfg")
        print(f"saved the {kind[:-1]} model to {(MODELS / kind).relative_to(ROOT)}")


def _without_machine_paths(config: Path) -> None:
    """The shipped config names its training data relative to the clone, not as this machine's path
    (spaCy writes the absolute paths it was given)."""
    config.write_text(config.read_text(encoding="utf-8").replace(f'"{ROOT}/', '"'), encoding="utf-8")


def compare() -> None:
    from linter.config import Config
    from linter.engine import Linter
    from linter.training.data import read_drafts, split_of
    from linter.training.tune import figures, parse, variants

    test = [d for d in read_drafts(sorted(CORPORA.glob("*.jsonl"))) if split_of(d.id) == "test"]
    linter = Linter(Config())
    parsed = parse(linter, test)
    keys = ("decision_accuracy", "block_recall", "flag_recall", "false_alarm_rate", "category_macro_f1")
    print(f"test split: {len(test)} drafts held out from training and from threshold tuning")
    print(f"{'':24}" + "".join(f"{k.replace('_', ' '):>20}" for k in keys))
    for name, pack in variants(linter.pack).items():
        f = figures(linter, parsed, pack)
        print(f"{name:24}" + "".join(f"{f[k]:>20.3f}" for k in keys))


def tune() -> None:
    from linter.config import Config
    from linter.engine import Linter
    from linter.training.data import read_drafts, split_of
    from linter.training.tune import figures, knobs_of, parse, tune, with_knobs

    valid = [d for d in read_drafts(sorted(CORPORA.glob("*.jsonl"))) if split_of(d.id) == "valid"]
    linter = Linter(Config())
    parsed = parse(linter, valid)
    settings = tune(linter, parsed)
    keys = ("decision_accuracy", "block_recall", "false_alarm_rate", "category_macro_f1")
    print(f"validation split: {len(valid)} drafts")
    for name, pack in (("as shipped", linter.pack), ("tuned", with_knobs(linter.pack, settings))):
        f = figures(linter, parsed, pack)
        print(f"{name:11} " + "  ".join(f"{k.replace('_', ' ')} {f[k]:.3f}" for k in keys))
    shipped = knobs_of(linter.pack)
    print("to copy into the pack (as shipped -> tuned):")
    for name, value in settings.items():
        print(f"  {name:22} {shipped[name]:.2f} -> {value:.2f}")


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
