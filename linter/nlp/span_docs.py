"""Spans read by a model as texts of their own.

The models that score sentences and the entity recogniser read each sentence as a Doc of its own.
`Span.as_doc` copies every annotation of the post into it (tags, parse, entities, span groups), which
costs more than some of the models it feeds; these models read only the words and their norms, so that
is all the copy holds. The norms come from the post: a tokenizer exception sets a token's norm ("n't"
reads "not"), which a Doc built from the words alone would not have. A span that is its whole post is
read as the post itself.
"""

from __future__ import annotations

from spacy.attrs import NORM
from spacy.tokens import Doc, Span


def span_docs(spans: list[Span]) -> list[Doc]:
    """Each span as a Doc with its words, spaces and norms (its post, where it covers all of it)."""
    norms: dict[int, object] = {}
    docs = []
    for span in spans:
        doc = span.doc
        if len(span) == len(doc):
            docs.append(doc)
            continue
        if id(doc) not in norms:
            norms[id(doc)] = doc.to_array([NORM])
        tokens = list(span)
        text = Doc(doc.vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
        text.from_array([NORM], norms[id(doc)][span.start : span.end])
        docs.append(text)
    return docs
