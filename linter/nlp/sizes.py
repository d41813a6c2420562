"""Reading a cohort's size from the words around a person noun: numbers, quantifiers, percentages."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token
from text_to_num import text2num

from linter.nlp.claim import CohortSize

MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
}
VAGUE_LOW = {"under_100": 2, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _word_value(word: str) -> float | None:
    """ "forty" -> 40, for text that did not go through the normaliser (the components used on their own)."""
    try:
        return float(text2num(word.lower(), "en"))
    except ValueError:
        return None


def number_value(token: Token) -> float | None:
    """The value of a number token together with its multiplier words: "2" + "million" -> 2e6."""
    text = token.text.replace(",", "")
    if token.is_alpha and token.like_num and token.lower_ not in MULTIPLIERS:
        return _word_value(text)
    if _NUMBER.match(text):
        value = float(text)
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lower_ in MULTIPLIERS:
            value *= MULTIPLIERS[nxt.lower_]
        return value
    if token.lower_ in MULTIPLIERS:
        prev = token.nbor(-1) if token.i > 0 else None
        if prev is not None and _NUMBER.match(prev.text.replace(",", "")):
            return float(prev.text.replace(",", "")) * MULTIPLIERS[token.lower_]
        return float(MULTIPLIERS[token.lower_]) if token.lower_ in {"hundred", "thousand"} else None
    return None


def number_tokens(head: Token) -> list[Token]:
    """Number words that count `head`: its nummod child and that number's own number children, also
    through a possessor or compound ("2 million kids' profiles")."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ in {"nummod", "quantmod"} and (child.like_num or child.lower_ in MULTIPLIERS):
            found.append(child)
            found.extend(c for c in child.children if c.like_num or c.lower_ in MULTIPLIERS)
        elif child.dep_ in {"poss", "compound"} and child.i < head.i:
            found.extend(number_tokens(child))
    return sorted(found, key=lambda t: t.i)


def count_of(tokens: list[Token]) -> float | None:
    """The biggest value among a number phrase's tokens (the multiplier word carries the product)."""
    values = [v for v in (number_value(t) for t in tokens) if v is not None]
    return max(values, default=None)


def bounded_low(value: float, window: Span, bounds: dict[str, set[str]]) -> int:
    """Apply "nearly"/"under" (strictly below) to a stated number, looking just before it."""
    before = " ".join(t.lower_ for t in window)
    strict_below = any(re.search(rf"(?<!\w){re.escape(w)}$", before) for w in bounds.get("at_most", ()))
    low = int(round(value))
    return max(low - 1, 0) if strict_below and value > 1 else low


def vague_size(words: str, vague: dict[str, set[str]]) -> CohortSize | None:
    """Map a quantifier phrase ("a handful", "hundreds") to a size; "some", "many" are unknown."""
    words = words.lower().strip()
    for group, terms in vague.items():
        if words in terms or any(words.endswith(" " + t) or words == t for t in terms):
            if group == "unknown":
                return CohortSize("unknown", None, words)
            return CohortSize("vague", VAGUE_LOW[group], words)
    return None
