"""A post's length as X counts it, so an over-long post is refused before any call.

X's counter is twitter-text (config v3): the text is NFC-normalised; a code point in U+0000-U+10FF,
U+2000-U+200D, U+2010-U+201F or U+2032-U+2037 weighs 1 and any other (CJK, most symbols) weighs 2;
an emoji, even a sequence joined by ZWJ or a flag, weighs 2; a URL weighs 23 whatever its length.

Approximated: URLs are found with `http(s)://` or `www.`, or as bare domains ending in one of the
common TLDs below (twitter-text knows every TLD); a bare domain with another TLD counts as typed.
"""

from __future__ import annotations

import unicodedata

import regex

LIMIT = 280
URL_WEIGHT = 23
EMOJI_WEIGHT = 2
LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
TLDS = "com|org|net|edu|gov|io|co|uk|us|eu|de|fr|es|it|nl|ca|au|app|dev|ai|me|tv|ly|gg|xyz|info|news|shop"
URL = regex.compile(
    r"(?:\bhttps?://|(?<![@\w.-])www\.)\S*[^\s.,:;!?'\")\]]"  # a trailing full stop or bracket is prose
    rf"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{TLDS})\b(?:/\S*[^\s.,:;!?'\")\]])?",
    regex.I,
)
EMOJI = regex.compile(r"\p{Extended_Pictographic}|\p{Regional_Indicator}")


def weighted_length(text: str) -> int:
    text = unicodedata.normalize("NFC", text)
    total, position = 0, 0
    for url in URL.finditer(text):
        total += _weigh(text[position : url.start()]) + URL_WEIGHT
        position = url.end()
    return total + _weigh(text[position:])


def _weigh(text: str) -> int:
    total = 0
    for grapheme in regex.findall(r"\X", text):
        if EMOJI.search(grapheme):
            total += EMOJI_WEIGHT
        else:
            total += sum(1 if any(a <= ord(c) <= b for a, b in LIGHT) else 2 for c in grapheme)
    return total
