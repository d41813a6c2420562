"""Offsets for clients that index strings in UTF-16 code units, as JavaScript does."""

from __future__ import annotations

from itertools import accumulate


def utf16_offsets(text: str) -> list[int]:
    """For each code-point position 0..len(text), the UTF-16 position: astral characters take two units."""
    return [0, *accumulate(2 if ord(c) > 0xFFFF else 1 for c in text)]
