"""`postlint_post_model`: reads the whole post the way a privacy-minded editor does, with a trained model.

Some drafts expose people through what no one sentence says: a number in one sentence and the topic
in the next, a caption whose tone lands on a stat above it, a story that never names a verb's subject.
A text classifier trained on whole labelled drafts (see `linter.training`) scores the post for how an
editor would decide it ("flag": warn or block; "block") and for each category. The `post` check turns
those scores into findings beside the rules'. Scores go to `doc._.post_scores` as `{label: score}`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from linter.nlp.extensions import POST_SCORES
from linter.nlp.sentence_model import TextcatScorer
from linter.nlp.span_docs import model_docs

DEFAULT_MODEL = Path(__file__).resolve().parent.parent / "models" / "posts"


class PostModel(TextcatScorer):
    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            rows = self.textcat.model.ops.to_numpy(self.textcat.predict(model_docs([doc[:] for doc in batch])))
            for doc, row in zip(batch, rows, strict=True):
                doc._.set(POST_SCORES, self.scores(row))
                yield doc

    def flags(self, spans: list[Span]) -> list[float]:
        """The "flag" score of each span, read as a post of its own (as the model reads posts)."""
        column = self.labels.index("flag")
        rows = self.textcat.model.ops.to_numpy(self.textcat.predict(model_docs(spans)))
        return [float(row[column]) for row in rows]


@Language.factory("postlint_post_model", default_config={"model": None})
def make_post_model(nlp: Language, name: str, model: str | None) -> PostModel:
    """`model` is the folder of a trained pipeline with a `textcat_multilabel`; default: the bundled one."""
    return PostModel(Path(model) if model else DEFAULT_MODEL)
