"""Training examples from labelled drafts: one per sentence (the sentence model) and one per post (the post
model), made with the engine's own normaliser and pipeline so they match what the models see when linting."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin

from linter.engine import Linter
from linter.nlp.span_docs import model_docs
from linter.normalise import normalise
from linter.policy.pack import CATEGORIES

LABELS = (*CATEGORIES, "claim")  # the sentence model's
# Evidence that is part of the report itself: a sentence holding any of it reports what users did, even
# where the cohort is named in another ("Meet Kit. Forty spin classes since March."). Not tone, which can
# sit in a sentence of its own ("Are you okay?").
REPORT_EVIDENCE = {"individual", "small_cohort", "sensitive", "specificity"}
POST_LABELS = (*CATEGORIES, "flag", "block")  # the post model's: flag = warn or block
SPLITS = {"train": range(0, 14), "valid": range(14, 17), "test": range(17, 20)}


@dataclass(frozen=True)
class Draft:
    id: str
    text: str
    decision: str
    categories: frozenset[str]
    evidence: tuple[tuple[str, str], ...]  # (category, words)
    cohort: str | None


def read_drafts(paths: Iterable[Path]) -> list[Draft]:
    drafts = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                evidence = tuple(_evidence(e, item["categories"]) for e in item.get("evidence", []))
                drafts.append(
                    Draft(item["id"], item["text"], item["decision"], frozenset(item["categories"]), evidence,
                          item.get("cohort"))
                )  # fmt: skip
    return drafts


def _evidence(entry: dict | str, categories: list[str]) -> tuple[str, str]:
    """(category, words). A batch whose writers gave the words alone (kq6–kq8) names the category only
    where the draft has one; otherwise "", which labels no sentence."""
    if isinstance(entry, dict):
        return entry["category"], entry["text"]
    return (categories[0] if len(categories) == 1 else ""), entry


def split_of(draft_id: str) -> str:
    original = draft_id.partition("+")[0]  # a counterfactual copy goes where its draft went
    bucket = int(hashlib.sha1(original.encode()).hexdigest(), 16) % 20
    return next(name for name, buckets in SPLITS.items() if bucket in buckets)


def _occurrences(text: str, words: str) -> Iterator[tuple[int, int]]:
    start = text.find(words)
    while words and start >= 0:
        yield start, start + len(words)
        start = text.find(words, start + 1)


def sentence_docs(linter: Linter, drafts: list[Draft]) -> Iterator[tuple[Draft, Doc]]:
    """One Doc per sentence of each draft (normalised, as the engine reads it) with `cats` set."""
    nlp = linter.nlp
    norms = [normalise(d.text) for d in drafts]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser", "postlint_sentences"]):
        for draft, norm, doc in zip(drafts, norms, nlp.pipe(n.text for n in norms), strict=True):
            marked = [(c, span) for c, words in draft.evidence for span in _occurrences(draft.text, words)]
            if draft.cohort:
                marked += [("claim", span) for span in _occurrences(draft.text, draft.cohort)]
                marked += [("claim", span) for c, span in marked if c in REPORT_EVIDENCE]
            for sent in doc.sents:
                if not sent.text.strip():
                    continue
                a, b = norm.to_original(sent.start_char, sent.end_char)
                found = {c for c, (s, e) in marked if s < b and e > a}
                example = model_docs([sent])[0]
                example.cats = {label: float(label in found) for label in LABELS}
                yield draft, example


def post_docs(linter: Linter, drafts: list[Draft]) -> Iterator[tuple[Draft, Doc]]:
    """One Doc per draft (normalised and tokenised as the engine does) with `cats` set."""
    for draft in drafts:
        doc = model_docs([linter.nlp.make_doc(normalise(draft.text).text)[:]])[0]
        flags = {"flag", "block"} if draft.decision == "block" else {"flag"} if draft.decision == "warn" else set()
        labels = draft.categories | flags
        doc.cats = {label: float(label in labels) for label in POST_LABELS}
        yield draft, doc


def write_docbins(examples: Iterable[tuple[Draft, Doc]], folder: Path) -> dict[str, int]:
    """train.spacy, valid.spacy and test.spacy in `folder`; returns the example count of each."""
    bins = {name: DocBin(store_user_data=False) for name in SPLITS}
    for draft, doc in examples:
        bins[split_of(draft.id)].add(doc)
    folder.mkdir(parents=True, exist_ok=True)
    for name, docbin in bins.items():
        docbin.to_disk(folder / f"{name}.spacy")
    return {name: len(docbin) for name, docbin in bins.items()}
