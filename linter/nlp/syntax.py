"""Small readings of the dependency parse that several claim jobs share."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Dependents that belong to a count or a group's name ("over 50", "our 2 million"): spaCy's label inventory.
SIZE_CHILD_DEPS = {"det", "nummod", "quantmod", "amod", "compound", "poss", "nmod", "advmod", "predet", "punct"}


def token_span(doc: Doc, start: int, end: int) -> Span:
    return doc[max(start, 0) : max(end, start + 1)]


def left_edge(token: Token) -> int:
    left = [t.left_edge.i for t in token.children if t.i < token.i and t.dep_ in SIZE_CHILD_DEPS]
    return min([token.i, *left])


def is_subject_of_verb(token: Token) -> bool:
    """A subject, or a percentage the parse hung on a verb that has no subject of its own."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return True
    verb = token.head
    return (
        token.dep_ in {"npadvmod", "dep"}
        and verb.pos_ == "VERB"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)
    )


def subject_is_us(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in {"we", "us"} for c in verb.children)


def is_us(token: Token) -> bool:
    """We, us, or our own team ("our analysts saw that…")."""
    return token.lower_ in {"we", "us", "i"} or any(c.lower_ in {"our", "my"} for c in token.children)


def is_thing_acted_on(span: Span) -> bool:
    """A common noun that is what a verb acts on, alone or as a modifier of it: "borrowed a laptop",
    "bought phone cases", "joined a book club". The thing a claim's users did something to, not where
    or on what they did it; "used" is the exception ("used a tablet" names the device)."""
    token = span.root
    if token.pos_ != "NOUN":
        return False
    while token.dep_ in {"compound", "amod", "conj"} and token.head is not token:
        token = token.head
    return token.dep_ == "dobj" and token.head.lemma_ != "use"


def only_filler(span: Span) -> bool:
    return all(t.is_punct or t.is_space or t.pos_ in {"SYM", "X", "INTJ"} or not t.is_alpha for t in span)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
