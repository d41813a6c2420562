"""`postlint_sentence_model`: scores each sentence for the policy's categories with a trained model.

Word lists cannot enumerate tone, sensitive topics in indirect words, or the many ways a sentence can
report what users did. A text classifier trained on labelled drafts (see `linter.training`) scores every
sentence for each category and for `claim`; the `sentence` check turns a score over a rule's threshold
into a finding on that sentence, and the claims found by the grammar still decide the numbers (n, and
the thresholds that depend on it). Scores go to `doc._.sentence_scores` as
`[(start_char, end_char, {label: score})]`, one entry per sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from linter.nlp.claim import Claim, claims_in
from linter.nlp.extensions import SCORES
from linter.nlp.span_docs import model_docs

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "sentences"


class TextcatScorer:
    """A trained `textcat_multilabel` (see `linter.training`) scoring parts of Docs; subclasses say which
    parts (`pipe`) and where the scores go."""

    def __init__(self, path: Path):
        self.textcat: TextCategorizer = spacy.load(path).get_pipe("textcat_multilabel")
        self.labels = tuple(self.textcat.labels)

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        raise NotImplementedError

    def scores(self, row) -> dict[str, float]:
        return dict(zip(self.labels, map(float, row), strict=True))


class SentenceModel(TextcatScorer):
    def __init__(self, path: Path, inferred_claim_score: float):
        super().__init__(path)
        self.inferred_claim_score = inferred_claim_score

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Score the sentences of a batch of Docs in one pass of the model (much faster than Doc by Doc)."""
        for batch in minibatch(docs, batch_size):
            sentences = [[sent for sent in doc.sents if sent.text.strip()] for doc in batch]
            flat = model_docs([sent for sents in sentences for sent in sents])
            rows = iter(self.textcat.model.ops.to_numpy(self.textcat.predict(flat)) if flat else ())
            for doc, sents in zip(batch, sentences, strict=True):
                scored = [(sent, next(rows)) for sent in sents]
                doc._.set(SCORES, [(s.start_char, s.end_char, self.scores(row)) for s, row in scored])
                self._confirm_inferred_claims(doc)
                yield doc

    def _confirm_inferred_claims(self, doc: Doc) -> None:
        """A claim whose cohort's kind the lexicons do not know ("480 builders used…", see
        `Claim.kind_inferred`) stands only where this model reads a report of what users did (counted vans
        or parcels did things too), and where the grammar found no one else in its sentence: there the
        report is of them ("six tutors marked essays for the 90 members who asked")."""
        claims = doc._.claims or []
        if not any(claim.kind_inferred for claim in claims):
            return
        known = {claim.cohort.sent.start for claim in claims if not claim.kind_inferred}
        doc._.claims = [
            claim
            for claim in claims
            if not claim.kind_inferred
            or (
                claim.cohort.sent.start not in known
                and (sentence_claim_score(doc, claim) or 0.0) >= self.inferred_claim_score
            )
        ]


def sentence_claim_score(doc: Doc, claim: Claim) -> float | None:
    """The sentence model's highest "claim" score over the sentences the claim is drawn from: its cohort's,
    its size's (the @handle or greeted name a "you" is, unless a group's claim is what that sentence
    reports; the count a share is of, "…with 600 members. By June, 40% of them…") and its details' (a
    greeted name in one sentence, "80 rides this month" in the next); None when the model did not run."""
    spans = [claim.cohort, *(s for spans in claim.details.values() for s in spans)]
    if claim.size_span is not None and not _reports_another_claim(doc, claim, claim.size_span.sent):
        spans.append(claim.size_span)
    if claim.size.base_at is not None:
        spans.append(doc[claim.size.base_at : claim.size.base_at + 1])
    sentences = doc._.get(SCORES) or []  # in order of start
    scored = []
    for char in {span.start_char for span in spans}:
        at = bisect_right(sentences, char, key=lambda sentence: sentence[0]) - 1
        if at >= 0 and char < sentences[at][1]:
            scored.append(sentences[at][2].get("claim", 0.0))
    return max(scored, default=None)


def _reports_another_claim(doc: Doc, claim: Claim, sent: Span) -> bool:
    return any(other is not claim for other in claims_in(doc, sent.start_char, sent.end_char))


@Language.factory(
    "postlint_sentence_model",
    default_config={"model": None, "inferred_claim_score": 0.5},
    requires=["token.is_sent_start"],
)
def make_sentence_model(nlp: Language, name: str, model: str | None, inferred_claim_score: float) -> SentenceModel:
    """`model` is the folder of a trained pipeline with a `textcat_multilabel`; default: the bundled one.
    `inferred_claim_score`: the "claim" score a claim of a kind the lexicons do not know needs to stand."""
    return SentenceModel(Path(model) if model else DEFAULT_MODEL, inferred_claim_score)
