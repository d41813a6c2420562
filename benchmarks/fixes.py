"""How often `--fix` takes a blocked draft out of block: every draft the engine blocks is fixed fully
(safe and unsafe fixes, as `postlint check --fix --unsafe-fixes` would) and checked again.

    python benchmarks/fixes.py [CORPUS.jsonl ...] [--sample 30] [--safe-only]

Default corpora: the dev corpus beside the checkout (if there) and tests/data/*.jsonl. Prints, per corpus
and pooled, the blocked drafts, how many re-check as pass or warn (the target is 90% or more), how many
had no fix at all, the same share among drafts with no sensitive finding (sensitive behaviour that is
the post's whole point has no rewrite that keeps it), and the rules still blocking; then a seeded
sample of fixed drafts to read for grammar. Fixed text is printed to this terminal only: the corpora
are the user's own files.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from drafts import BUNDLED, DEV_CORPUS, texts_of

from linter.engine import get_linter

DEFAULTS = [DEV_CORPUS, *BUNDLED]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--safe-only", action="store_true", help="apply safe fixes only (--fix without --unsafe-fixes)")
    args = parser.parse_args()
    missing = [str(path) for path in args.corpora if not path.is_file()]
    if missing:
        parser.error(f"no such corpus: {', '.join(missing)}")
    linter = get_linter()
    pooled: Counter[str] = Counter()
    still: Counter[str] = Counter()
    fixed_pairs: list[tuple[str, str, str]] = []
    for path in args.corpora or [p for p in DEFAULTS if p.exists()]:
        texts = texts_of([path])
        counts: Counter[str] = Counter()
        for text, result in zip(texts, linter.lint_many(texts), strict=True):
            if result.decision != "block":
                continue
            counts["blocked"] += 1
            sensitive = any(f.category == "sensitive" for f in result.findings if not f.suppressed)
            if not sensitive:
                counts["not sensitive"] += 1
            if not any(f.fix for f in result.findings if not f.suppressed):
                counts["no fix"] += 1
            fixed, after = linter.fix(text, result, unsafe=not args.safe_only)
            counts[after.decision] += 1
            if not sensitive and after.decision != "block":
                counts["not sensitive, fixed"] += 1
            if after.decision == "block":
                still.update({f.rule for f in after.findings if f.severity == "block" and not f.suppressed})
            elif fixed != text:
                fixed_pairs.append((text, fixed, after.decision))
        _row(path.name, counts)
        pooled.update(counts)
    _row("pooled", pooled)
    print("rules still blocking after the fix:", ", ".join(f"{r} {n}" for r, n in still.most_common()) or "none")
    print(f"\nsample of {min(args.sample, len(fixed_pairs))} fixed drafts (seed 0):")
    for before, after, decision in random.Random(0).sample(fixed_pairs, min(args.sample, len(fixed_pairs))):
        print(f"\n- before: {before}\n  after ({decision}): {after}")


def _row(name: str, counts: Counter[str]) -> None:
    blocked = counts["blocked"] or 1
    out = counts["pass"] + counts["warn"]
    plain = counts["not sensitive"] or 1
    print(
        f"{name:24} blocked {counts['blocked']:4}  fixed to pass or warn {out:4} ({out / blocked:6.1%})"
        f"  still block {counts['block']:4}  no fix offered {counts['no fix']:4}"
        f"  | no sensitive finding: {counts['not sensitive']:4}, fixed {counts['not sensitive, fixed'] / plain:6.1%}"
    )


if __name__ == "__main__":
    main()
