"""`postlint_places`: named places (a town, a venue, a region) as narrowing detail of the claims made.

The entity recogniser is the most expensive part of the English pipeline, and a place only matters as
detail of a claim: so the engine keeps `ner` out of the pipeline and this component runs it only on the
sentences of claims that could name a place (they hold a proper noun), each read as a text of its own,
and adds each place smaller than a country to the details span group and to the claims of its sentence.
Other sentences and posts are never run through it. (Where the pipeline runs `ner` itself, or a
component asked for a post's entities earlier, those entities are used as they are.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from linter.nlp.extensions import SPAN_KEY
from linter.nlp.span_docs import span_docs
from linter.nlp.words import country_names

PLACE_ENTITIES = {"GPE", "LOC", "FAC"}


def entities(nlp: Language, recogniser: str) -> Callable[[list[Doc]], list[Doc]]:
    """Sets `doc.ents` once on each Doc, in one batch, with the named recogniser even where it is
    disabled in the pipeline."""

    def annotate(docs: list[Doc]) -> list[Doc]:
        todo = [doc for doc in docs if not doc.has_annotation("ENT_IOB")]
        if todo and recogniser in nlp.component_names:
            for _ in nlp.get_pipe(recogniser).pipe(todo):
                pass
        return docs

    return annotate


def _sentences_to_read(doc: Doc) -> list[Span]:
    """The sentences of the post's claims that hold a proper noun or a capitalised word past their first:
    the recogniser finds places only there (and costs more than the parser), so only they are read."""
    if doc.has_annotation("ENT_IOB"):
        return []
    sentences = {claim.cohort.sent.start: claim.cohort.sent for claim in doc._.claims or ()}
    return [
        sent
        for _, sent in sorted(sentences.items())
        if any(token.pos_ == "PROPN" or (token.i > sent.start and token.text[:1].isupper()) for token in sent)
    ]


class Places:
    def __init__(self, nlp: Language, recogniser: str, lexicons: dict[str, list]):
        self.nlp = nlp
        self.recogniser = recogniser
        self.countries = country_names(lexicons.get("countries_extra", []))

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            self._read_sentences(batch)
            yield from map(self._attach, batch)

    def _read_sentences(self, docs: list[Doc]) -> None:
        """Runs the recogniser, in one batch, on the sentences worth reading, and sets the entities it
        finds on their posts (the rest of each post stays unannotated)."""
        todo = [(doc, sent) for doc in docs for sent in _sentences_to_read(doc)]
        if not todo or self.recogniser not in self.nlp.component_names:
            return
        texts = span_docs([sent for _, sent in todo])
        found: dict[int, list[Span]] = {}
        for (doc, sent), text in zip(todo, self.nlp.get_pipe(self.recogniser).pipe(texts), strict=True):
            found.setdefault(id(doc), []).extend(
                Span(doc, sent.start + ent.start, sent.start + ent.end, label=ent.label) for ent in text.ents
            )
        for doc in docs:
            if id(doc) in found:
                doc.set_ents(found[id(doc)], default="unmodified")

    def _attach(self, doc: Doc) -> Doc:
        if not doc._.claims:
            return doc
        places = [
            Span(doc, ent.start, ent.end, label="place")
            for ent in doc.ents
            if ent.label_ in PLACE_ENTITIES and ent.text.lower().removeprefix("the ") not in self.countries
        ]
        if not places:
            return doc
        known = {(s.start, s.end, s.label_) for s in doc.spans[SPAN_KEY]}
        doc.spans[SPAN_KEY] = sorted(
            [*doc.spans[SPAN_KEY], *(p for p in places if (p.start, p.end, "place") not in known)],
            key=lambda s: (s.start, s.end, s.label_),
        )
        for claim in doc._.claims:
            sent = claim.cohort.sent
            held = {(p.start, p.end) for p in claim.details.setdefault("place", [])}
            claim.details["place"] += [
                p for p in places if sent.start <= p.start and p.end <= sent.end and (p.start, p.end) not in held
            ]
        return doc


@Language.factory(
    "postlint_places",
    default_config={"recogniser": "ner"},
    requires=["doc._.claims"],
    assigns=["doc.spans", "doc.ents"],
)
def make_places(nlp: Language, name: str, recogniser: str, lexicons: dict[str, list]) -> Places:
    """`recogniser` names the entity recogniser to run on posts with claims (default: the pipeline's ner);
    `lexicons` are a pack's lexicons by name (only `countries_extra` is read here)."""
    return Places(nlp, recogniser, lexicons)
