"""Matching lexicons (word lists and patterns given through a component's config) against a Doc.

Terms are written as people write them ("panic attack", "swipe right"). They match token by token
through spaCy's PhraseMatcher in any case, with a hyphen or a space between words, either apostrophe,
and the usual endings on the last word (-s, -es, -ed, -ing). Patterns are regular expressions for the
`regex` module; every match runs with a timeout, so a team's pattern cannot hang the linter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import product

import regex
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from linter.normalise import fold_letters

MATCH_TIMEOUT_SECONDS = 0.25
_WORDS = regex.compile(r"[\s\-]+")
MAX_JOINED_WORDS = 5  # longer terms only match with spaces between words


def _endings(word: str) -> set[str]:
    """The inflected forms people write: swipe -> swipes, swiped, swiping; patch -> patches."""
    if not word[-1:].isalpha():
        return {word}
    forms = {word, word + "s", word + "es", word + "ed", word + "ing", word + "'s", word + "’s"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return forms


def spellings(term: str) -> set[str]:
    """Every way the normalised text can spell a term (accents fold as the normaliser folds them)."""
    words = [w for w in _WORDS.split(fold_letters(term.strip()).lower()) if w]
    if not words:
        return set()
    found = set()
    gaps = product(" -", repeat=len(words) - 1) if len(words) <= MAX_JOINED_WORDS else [(" ",) * (len(words) - 1)]
    for joiners in gaps:
        for last in _endings(words[-1]):
            phrase = "".join(w + j for w, j in zip(words[:-1], joiners, strict=True)) + last
            found |= {phrase, phrase.replace("'", "’"), phrase.replace("’", "'")}
    return found


class TermMatcher:
    """Labelled term lists, matched in one pass over a Doc."""

    def __init__(self, nlp: Language, groups: dict[str, Iterable[str]]):
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, terms in groups.items():
            variants = sorted({s for term in terms for s in spellings(term)})
            if variants:
                self.matcher.add(label, list(nlp.tokenizer.pipe(variants)))

    def __call__(self, doc: Doc) -> list[Span]:
        return self.matcher(doc, as_spans=True)


def compile_patterns(patterns: Iterable[str]) -> regex.Pattern | None:
    patterns = list(patterns)
    if not patterns:
        return None
    return regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE | regex.VERSION1)


def find(pattern: regex.Pattern | None, text: str) -> Iterator[regex.Match]:
    """All non-overlapping matches. A pattern that runs past the timeout raises `TimeoutError` after the
    matches it found: the caller must report the check as incomplete, never as clean."""
    if pattern is None:
        return
    yield from pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS)
