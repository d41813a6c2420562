"""Lexicons from the rules pack compiled to regular expressions, and matched against a Doc's text.

Terms are written as people write them ("panic attack"); they match any case, with a hyphen or spaces
between words, and an optional plural or verb ending (-s, -ed, -ing). Patterns are regular expressions for the `regex` module.
Every match runs with a timeout, so a team's pattern cannot hang the linter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

MATCH_TIMEOUT_SECONDS = 0.25
_WORD_SPLIT = regex.compile(r"[\s\-]+")


def term_to_pattern(term: str) -> str:
    words = [regex.escape(w).replace("'", "['’]").replace("’", "['’]") for w in _WORD_SPLIT.split(term.strip()) if w]
    body = r"[\s\-]+".join(words)
    ending = r"(?:s|es|d|ed|ing|'s|’s|s'|s’)?" if term[-1:].isalpha() else ""
    return rf"(?<!\w){body}{ending}(?!\w)"


def compile_lexicon(terms: Iterable[str] = (), patterns: Iterable[str] = ()) -> regex.Pattern | None:
    """One case-insensitive alternation; longest terms first so "swipe right" wins over "swipe"."""
    parts = [term_to_pattern(t) for t in sorted(set(terms), key=len, reverse=True) if t.strip()]
    parts.extend(f"(?:{p})" for p in patterns)
    if not parts:
        return None
    return regex.compile("|".join(parts), regex.IGNORECASE | regex.VERSION1)


def validate_pattern(pattern: str) -> None:
    """Raise ValueError with the regex module's own words when a pattern does not compile."""
    try:
        regex.compile(pattern, regex.VERSION1)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None


def find(pattern: regex.Pattern | None, text: str) -> Iterator[regex.Match]:
    """All non-overlapping matches; a pattern that runs past the timeout yields no further matches."""
    if pattern is None:
        return
    try:
        yield from pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS)
    except TimeoutError:
        return
