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

from linter.nlp.syntax import HANDLE

# What every @handle reads as to the trained models: that a post answers or names an account, not which
# one. A handle's letters are noise to a classifier (its hashed features differ from handle to handle),
# and with them "@kat_r enjoy!" and "@jennyw enjoy!" were scored apart.
MENTION = "@handle"


def span_docs(spans: list[Span], handles_as: str | None = None) -> list[Doc]:
    """Each span as a Doc with its words, spaces and norms (its post, where it covers all of it and has
    no handle to rewrite); with `handles_as`, each @handle is that word instead."""
    norms: dict[int, object] = {}
    docs = []
    for span in spans:
        doc = span.doc
        tokens = list(span)
        handles = [i for i, t in enumerate(tokens) if handles_as and HANDLE.fullmatch(t.text)]
        if len(span) == len(doc) and not handles:
            docs.append(doc)
            continue
        if id(doc) not in norms:
            norms[id(doc)] = doc.to_array([NORM])
        words = [t.text for t in tokens]
        array = norms[id(doc)][span.start : span.end]
        if handles:
            array = array.copy()
            for i in handles:
                words[i] = handles_as
                array[i] = doc.vocab.strings.add(handles_as)
        text = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in tokens])
        text.from_array([NORM], array)
        docs.append(text)
    return docs


def model_docs(spans: list[Span]) -> list[Doc]:
    """The spans as the trained models read them, in training and in linting: handles as `MENTION`."""
    return span_docs(spans, handles_as=MENTION)
