"""`postlint_sentence_model`: scores each sentence for the policy's categories with a trained model.

Word lists cannot enumerate tone, sensitive topics in indirect words, or the many ways a sentence can
report what users did. A text classifier trained on labelled drafts (see `linter.training`) scores every
sentence for each category and for `claim`; the `sentence` check turns a score over a rule's threshold
into a finding on that sentence, and the claims found by the grammar still decide the numbers (n, and
the thresholds that depend on it). Scores go to `doc._.sentence_scores` as
`[(start_char, end_char, {label: score})]`, one entry per sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.pipeline import TextCategorizer
from spacy.tokens import Doc
from spacy.util import minibatch

from linter.nlp.extensions import SCORES
from linter.nlp.span_docs import span_docs

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
    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Score the sentences of a batch of Docs in one pass of the model (much faster than Doc by Doc)."""
        for batch in minibatch(docs, batch_size):
            sentences = [[sent for sent in doc.sents if sent.text.strip()] for doc in batch]
            flat = span_docs([sent for sents in sentences for sent in sents])
            rows = iter(self.textcat.model.ops.to_numpy(self.textcat.predict(flat)) if flat else ())
            for doc, sents in zip(batch, sentences, strict=True):
                scored = [(sent, next(rows)) for sent in sents]
                doc._.set(SCORES, [(s.start_char, s.end_char, self.scores(row)) for s, row in scored])
                yield doc


@Language.factory("postlint_sentence_model", default_config={"model": None}, requires=["token.is_sent_start"])
def make_sentence_model(nlp: Language, name: str, model: str | None) -> SentenceModel:
    """`model` is the folder of a trained pipeline with a `textcat_multilabel`; default: the bundled one."""
    return SentenceModel(Path(model) if model else DEFAULT_MODEL)
