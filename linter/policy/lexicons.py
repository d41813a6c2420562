"""What the pack's lexicons may hold: each lexicon's declared type, checked when the pack loads."""

from __future__ import annotations

import regex


def validate_pattern(pattern: str) -> None:
    """Raise ValueError with the regex module's own words when a pattern does not compile."""
    try:
        regex.compile(pattern, regex.VERSION1)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
