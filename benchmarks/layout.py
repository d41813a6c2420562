"""Does layout change a decision? Every draft is checked as written and again with whitespace a person or
a file adds without meaning to: a leading space or line break, a file's last newline, two spaces after
each full stop, a tab between words.

    python benchmarks/layout.py [CORPUS.jsonl ...]

Default corpora: the dev corpus beside the checkout (if there), else tests/data/*.jsonl. Prints, per kind
of layout, the drafts it changed and how many of their decisions moved, side by side in one run. The
target is none: the normaliser reads such whitespace as the draft as written.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from drafts import default_corpora, described, texts_of

from linter.engine import get_linter

LAYOUTS = {
    "leading space": lambda text: "  " + text,
    "leading line break": lambda text: "\n" + text,
    "file's last newline": lambda text: text + "\n",
    "two spaces after a full stop": lambda text: re.sub(r"([.!?]) (?=\S)", r"\1  ", text),
    "tab between words": lambda text: text.replace(" ", "\t", 1),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    paths = parser.parse_args().corpora or default_corpora()
    texts = texts_of(paths)
    linter = get_linter()
    as_written = [r.decision for r in linter.lint_many(texts)]
    print(f"{len(texts)} drafts from {described(paths)}")
    print(f"{'layout':<32}{'drafts changed':>16}{'decisions moved':>18}")
    for name, change in LAYOUTS.items():
        changed = [(i, laid_out) for i, t in enumerate(texts) if (laid_out := change(t)) != t]
        decisions = [r.decision for r in linter.lint_many([t for _, t in changed])]
        moved = sum(d != as_written[i] for (i, _), d in zip(changed, decisions, strict=True))
        print(f"{name:<32}{len(changed):>16}{moved:>18}")


if __name__ == "__main__":
    main()
