"""Normalise a draft for parsing while keeping every offset traceable to the text as typed.

The policy treats evasions ("５３", "5️⃣3️⃣", "5\u200b3", "3.749", "1.2k", "fifty-three", "a dozen")
exactly like the plain number, so the pipeline parses a normalised copy. Findings must still point
at what the user typed, so the normaliser records, piece by piece, which original characters
produced each stretch of output, and `NormalisedText.to_original` maps spans back.

Two stages, each a single left-to-right pass:

* character stage (skipped for printable ASCII): NFKC per character, any script's decimal digits to
  ASCII, accents off Latin letters, controls and invisible format characters dropped, keycaps
  folded onto their digit, an emoji inside a phrase dropped;
* token stage: thousands separators, k/M/bn suffixes and number words rewritten as plain digits, a
  decimal comma as a point ("0,0009 %", "3,5 %"), and runs without spaces longer than any word broken
  up, so tokenising takes linear time.

Last, a layout stage: the parser reads whitespace as tokens of their own, and a leading space, a
double space after a full stop or a file's last newline changed the parse, and so the decision, of
about 1% of drafts. So whitespace at either end goes, spaces before a line break go, and a run of spaces
or a tab between words becomes one space. A line's indentation stays, and a list item's marker at the
start of a line ("•", "→", "-") becomes a space, so the parser reads the item as a sentence rather than
taking the marker for one of its words.

The map is stored as segments, not per character, so a 10 MB draft costs memory in proportion
to what changed, and `to_original` is a binary search.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex
from text_to_num import find_numbers


@dataclass(frozen=True)
class NormalisedText:
    """A draft as typed, its normalised form, and the map from one to the other.

    The map is a list of segments over `text`: segment k starts at `_t[k]` and came from
    `original[_o[k]:_oe[k]]`. A per-character segment (`_per_char[k]`: copied, or "５３" -> "53")
    maps character i to original character i; any other maps as a whole (a "53" from
    "fifty-three" cannot be split). Built without a map (as other code may do), the texts are
    taken to be aligned.
    """

    original: str
    text: str
    _t: Sequence[int] | None = field(default=None, repr=False, compare=False)
    _o: Sequence[int] | None = field(default=None, repr=False, compare=False)
    _oe: Sequence[int] | None = field(default=None, repr=False, compare=False)
    _per_char: Sequence[int] | None = field(default=None, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) code-point span of `text` to the smallest span of `original` that produced it.

        Out-of-range arguments are clamped rather than rejected: a reporting path must never crash.
        An empty span maps to the position where the character at `start` came from.
        """
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        if self._t is None:
            limit = len(self.original)
            return min(start, limit), min(end, limit)
        a = self._position(start) if start < n else len(self.original)
        if end == start:
            return a, a
        k = bisect_right(self._t, end - 1) - 1
        b = self._o[k] + end - self._t[k] if self._per_char[k] else self._oe[k]
        return a, b

    def _position(self, p: int) -> int:
        k = bisect_right(self._t, p) - 1
        return self._o[k] + p - self._t[k] if self._per_char[k] else self._o[k]


# A piece is [output, original start, original end, per_char]; a per-char piece's output has one
# character for each original character (copied or folded), so it can be cut anywhere.
Piece = list


def normalise(original: str) -> NormalisedText:
    """Normalise one draft; see the module docstring for what changes and why."""
    plain = original.isascii() and _ASCII_CONTROL.search(original) is None
    stage_a = None if plain else _characters(original)
    text1 = original if stage_a is None else "".join(p[0] for p in stage_a)
    stage_b = _tokens(text1)
    if stage_a is None or stage_b is None:
        pieces = _with_layout(original, stage_a if stage_b is None else stage_b)
    else:
        pieces = _with_layout(original, _compose(stage_a, stage_b))
    if pieces is None:
        return NormalisedText(original, _without_list_markers(original))
    text = _without_list_markers("".join(p[0] for p in pieces))
    # Machine-int arrays: an adversarial 10 MB draft can have millions of segments.
    starts, o, oe, per_char = array("q"), array("q"), array("q"), array("b")
    t = 0
    for out, a, b, one_to_one in pieces:
        if out:
            starts.append(t)
            o.append(a)
            oe.append(b)
            per_char.append(one_to_one)
            t += len(out)
    return NormalisedText(original, text, starts, o, oe, per_char)


def _with_layout(original: str, pieces: list[Piece] | None) -> list[Piece] | None:
    """The layout stage after the others' `pieces` (None: they changed nothing); None if nothing changed."""
    if pieces is None:
        return _layout(original)
    stage = _layout("".join(p[0] for p in pieces))
    return pieces if stage is None else _compose(pieces, stage)


# Layout: whitespace at either end, spaces or tabs before a line break, and a run of spaces or a tab
# between two words. A line's indentation stays: it marks a list item (see `postlint_sentences`).
_LAYOUT = re.compile(r"(?P<drop>\A\s+|\s+\Z|[ \t]+(?=\r?\n))|(?P<space>(?<=\S)(?:[ \t]{2,}|\t)(?=\S))")


def _layout(text: str) -> list[Piece] | None:
    """Layout stage (see the module docstring); None when the text needs none."""
    pieces = _Pieces(text)
    changed = False
    for m in _LAYOUT.finditer(text):
        pieces.copy_to(m.start())
        if m.group("drop") is not None:
            pieces.skip_to(m.end())
        else:
            pieces.add(" ", m.end())
        changed = True
    return pieces.finish() if changed else None


# A list item's marker ("• 40 of you…", "→ Men aged…", "- Orders rose…") at the start of a line: the
# parser reads it as a word (often the verb or the subject) and loses the item's grammar. It becomes a
# space, one for one, so every offset still maps. Not an em or en dash, which also opens a signature
# ("— Team Leeds").
_LIST_MARKER = re.compile(r"(?m)^([ \t]*)([•◦▪▫‣⁃∙·●○■□►▶▸▹→➜➔➤⇒✓✔☑*+-])(?=[ \t])")


def _without_list_markers(text: str) -> str:
    return _LIST_MARKER.sub(r"\1 ", text)


# --- character stage --------------------------------------------------------------------------

# Characters that need work: non-ASCII digits; controls, invisible format characters and lone
# surrogates (dropped or replaced, so "5\u200b3" reads "53" and "user\x01" reads "user"); selectors
# and the keycap mark; combining marks (so an accent slipped into "user" does not hide the word);
# accented Latin letters; and emoji (one dropped inside a phrase, so "people 🎉 who" still parses
# as one phrase). The class
# comes first and alone so the engine skips straight to candidates; ASCII digits, tab, newline and
# carriage return are let through it and turned away by the lookbehind.
_WORK = r"\p{Cc}\p{Cf}\p{Cs}\p{Mn}\p{Me}\p{Extended_Pictographic}"
_MARK = regex.compile(rf"(?V1)[\p{{Nd}}{_WORK}[\p{{Latin}}--\p{{ASCII}}]](?<![0-9\t\n\r])")
_SPECIALS = regex.compile(rf"[{_WORK}](?<![\t\n\r])")
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# When the draft is not NFKC already: every stretch that is not plain printable ASCII, in chunks, so
# that one odd character does not send a whole 10 MB run through the per-character path.
_NON_ASCII = re.compile(r"[^\t\n\r\x20-\x7e]{1,64}")
_SELECTORS = frozenset("\ufe0e\ufe0f")
_KEYCAP = "\u20e3"
_KEYCAP_BASES = frozenset("0123456789#*")
_ZWJ = "\u200d"
_SPACE_CONTROLS = frozenset("\x0b\x0c\x1c\x1d\x1e\x1f\x85")  # read as a space; other controls go
_EMOJI_BEFORE_ZWJ = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]")
_EMOJI_AFTER_ZWJ = regex.compile(r"\p{Extended_Pictographic}")
_DIGIT = regex.compile(r"\p{Nd}")
_COMBINING = regex.compile(r"[\p{Mn}\p{Me}]")
_LATIN_LETTER = regex.compile(r"\p{Script=Latin}")
# An emoji (with its modifiers and joiners) between a word and a lower-case word carries on the
# sentence: it is dropped, with one of the spaces around it.
_EMOJI_CLUSTER = regex.compile(
    r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\ufe0e\ufe0f]+"
)
_WORD_BEFORE = regex.compile(r"[\p{L}\p{N}][ \t]?\Z")
_LOWER_AFTER = regex.compile(r"([ \t]?)\p{Ll}")


@lru_cache(maxsize=4096)
def _fold(c: str) -> str:
    """One character as the parser should read it: NFKC; any script's decimal digit as its ASCII digit
    ("٥" -> "5"), also digits newer than Python's Unicode tables; a Latin letter without its accents
    ("ú" -> "u"); a lone surrogate as U+FFFD."""
    if "\ud800" <= c <= "\udfff":
        return "\ufffd"
    folded = unicodedata.normalize("NFKC", c)
    if len(folded) != 1 or folded.isascii():
        return folded
    if _DIGIT.match(folded):
        return str(_digit_value(folded))
    if _LATIN_LETTER.match(folded):
        base = unicodedata.normalize("NFD", folded)
        if base[0].isascii() and base[0].isalpha() and all(_COMBINING.match(m) for m in base[1:]):
            return base[0]
    return folded


def _digit_value(c: str) -> int:
    """Unicode keeps each script's digits 0-9 in one contiguous run, so a digit missing from Python's
    tables is its distance from the start of its run."""
    value = unicodedata.decimal(c, None)
    if value is not None:
        return value
    start = ord(c)
    while start > 0 and _DIGIT.match(chr(start - 1)):
        start -= 1
    return (ord(c) - start) % 10


def fold_letters(text: str) -> str:
    """`text` with each character folded as the normaliser folds it; for lexicon terms, which must be
    spelt as the parser sees drafts ("sinn féin" -> "sinn fein")."""
    return "".join(map(_fold, text)) if not text.isascii() else text


class _Pieces:
    """Output pieces under construction for the character stage, left to right.

    `done` is how far into the original the pieces reach; characters skipped over are dropped.
    Items are [output, start, end, one_to_one]; a verbatim copy has output None (sliced at the
    end) and is merged with the copy before it, so a long draft stays a few pieces.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        self.items: list[list] = []
        self.done = 0

    def copy_to(self, end: int) -> None:
        if end <= self.done:
            return
        last = self.items[-1] if self.items else None
        if last is not None and last[0] is None and last[2] == self.done:
            last[2] = end
        else:
            self.items.append([None, self.done, end, True])
        self.done = end

    def add(self, out: str, end: int, one_to_one: bool = False) -> None:
        self.items.append([out, self.done, end, one_to_one])
        self.done = end

    def skip_to(self, end: int) -> None:
        self.done = end

    def last_char(self) -> str:
        """The last output character if it was produced right up to `done`, else ""."""
        if not self.items or self.items[-1][2] != self.done:
            return ""
        out, _, end, _ = self.items[-1]
        return self.original[end - 1] if out is None else out[-1]

    def attach(self, end: int) -> None:
        """Make the last output character's source reach `end` (a decoration joins it)."""
        out, a, b, one_to_one = self.items[-1]
        if one_to_one:
            self.items.pop()
            if b - a > 1:
                self.items.append([None if out is None else out[:-1], a, b - 1, True])
            self.items.append([self.original[b - 1] if out is None else out[-1], b - 1, end, False])
        else:
            self.items[-1][2] = end
        self.done = end

    def finish(self) -> list[Piece]:
        self.copy_to(len(self.original))
        for item in self.items:
            if item[0] is None:
                item[0] = self.original[item[1] : item[2]]
        return self.items


def _characters(original: str) -> list[Piece] | None:
    """Character stage: NFKC and digit folding per character, selectors, keycaps, invisibles.

    None when nothing changes (a curly apostrophe or an emoji closing a sentence). A stretch
    with no marks whose characters each fold to one character ("５３", "ｆｉｆｔｙ") becomes one
    piece that still maps character by character.
    """
    pieces = _Pieces(original)
    if unicodedata.is_normalized("NFKC", original):
        for m in _MARK.finditer(original):
            _character(pieces, original, m.start())
    else:
        for m in _NON_ASCII.finditer(original):
            run = m.group()
            if _MARK.search(run) is None and unicodedata.is_normalized("NFKC", run):
                continue
            if _SPECIALS.search(run) is None:
                folded = "".join(map(_fold, run))
                if len(folded) == len(run):
                    pieces.copy_to(m.start())
                    pieces.add(folded, m.end(), one_to_one=True)
                    continue
            for j in range(m.start(), m.end()):
                _character(pieces, original, j)
    return None if pieces.done == 0 else pieces.finish()


def _character(pieces: _Pieces, original: str, j: int) -> None:
    """Emit the output for original[j]; everything before j not yet emitted is copied verbatim.

    Selectors, the keycap mark and combining marks on a Latin letter join the character before them,
    so a finding on "7" highlights the whole "7️⃣"; ZWJ is kept only where it joins emoji (👩‍👩‍👧, 🏃‍♀️).
    """
    if j < pieces.done:  # inside an emoji cluster already dropped
        return
    pieces.copy_to(j)
    c = original[j]
    base = pieces.last_char()
    if c in _SELECTORS:
        pieces.attach(j + 1) if base else pieces.skip_to(j + 1)
    elif c == _KEYCAP or _COMBINING.match(c):
        on_base = base in _KEYCAP_BASES if c == _KEYCAP else base.isascii() and base.isalpha()
        pieces.attach(j + 1) if on_base else pieces.copy_to(j + 1)
    elif c in _SPACE_CONTROLS:
        pieces.add(" ", j + 1, one_to_one=True)
    elif c == _ZWJ:
        if _joins_emoji(original, j):
            pieces.copy_to(j + 1)
        else:
            pieces.skip_to(j + 1)
    elif unicodedata.category(c) in ("Cc", "Cf"):
        pieces.skip_to(j + 1)
    elif _EMOJI_AFTER_ZWJ.match(c) and _emoji_inside_phrase(pieces, original, j):
        return
    else:
        folded = _fold(c)
        if folded == c:
            pieces.copy_to(j + 1)
        else:
            pieces.add(folded, j + 1)


def _emoji_inside_phrase(pieces: _Pieces, original: str, j: int) -> bool:
    """Drop the emoji cluster at j if it sits between a word and a lower-case word; say whether it did."""
    if not _WORD_BEFORE.search(original, max(0, j - 2), j):
        return False  # first, as it is cheap: the cluster runs to the end of a run of emoji
    cluster = _EMOJI_CLUSTER.match(original, j)
    if cluster is None:
        return False
    after = _LOWER_AFTER.match(original, cluster.end())
    if after is None:
        return False
    spaced_before = original[j - 1] in " \t"
    pieces.skip_to(after.end(1) if spaced_before else cluster.end())
    return True


def _joins_emoji(original: str, j: int) -> bool:
    return (
        0 < j < len(original) - 1
        and _EMOJI_BEFORE_ZWJ.match(original[j - 1]) is not None
        and _EMOJI_AFTER_ZWJ.match(original[j + 1]) is not None
    )


# --- token stage ------------------------------------------------------------------------------

# "3,749", "3.749", "3'749", "3’749", "1.200.000": a 1–3 digit lead and groups of exactly three,
# with one separator throughout; Indian "1,00,000" too. Not part of a longer digit/decimal run,
# so "3.1.7", "7.2" and "0.002" stay. Spaces (NBSP and thin spaces are spaces after NFKC) need
# bare digit groups on both sides: "2 480 of you" merges, "3 100m", "555 123 4567" do not.
# Suffixes: "1.2k", "4.2M", "1.5bn", "1,200k"; tried first so the grouping rule does not take
# "1,200" and leave the k. The pattern opens with a bare [0-9] (the start conditions are
# lookbehinds over that digit) so the engine can skip ahead to digits: three times faster.
_NUMBER = re.compile(
    r"[0-9](?<!\w[0-9])(?<![0-9][.,'’ ][0-9])"
    r"(?:"
    r"(?P<int>(?<=[1-9])[0-9]{0,2}(?:,[0-9]{3})+|[0-9]{0,14})"
    r"(?:\.(?P<frac>[0-9]{1,15})|,(?P<cfrac>[0-9]{1,2}))?"
    r"(?P<suffix>[kKMmBb][nN]?)(?!\w)"
    r"|(?<=[1-9])(?P<grouped>[0-9]{0,2}(?P<sep>[,.'’])[0-9]{3}(?:(?P=sep)[0-9]{3})*"
    r"|[0-9]?(?:,[0-9]{2})+,[0-9]{3})"
    r"(?![0-9])(?!(?P=sep)[0-9])(?![.,][0-9])"
    r"|(?<=[1-9])(?P<spaced>[0-9]{0,2}(?: [0-9]{3})+)(?!\w)(?! [0-9])(?![.,][0-9])"
    r")"
)
# A comma that can only be a decimal one: after a lone 0 ("0,0007 % of our 3.000.000 riders", which
# no grouping starts with), or before one or two digits and a percent sign ("3,5 %"). Written as a point
# so the share is read as the same share.
_DECIMAL_COMMA = re.compile(
    r"(?<![\w.,'’])(?:0(?P<zero>,)[0-9]+|[1-9][0-9]{0,2}(?P<point>,)[0-9]{1,2}(?=[ ]?%))(?![0-9]|[.,][0-9])"
)
_SEPARATORS = str.maketrans("", "", ",.'’")
_SUFFIX_ZEROS = {"k": 3, "K": 3, "M": 6, "bn": 9, "Bn": 9, "BN": 9}
# After a currency sign the lowercase/short forms are unambiguous too ("£40m", "$1.5B");
# elsewhere "5m" is metres and "5b" an apartment.
_CURRENCY_SUFFIX_ZEROS = {"m": 6, "mn": 6, "Mn": 6, "b": 9, "B": 9}

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]  # noqa: E501
# A lone unit word is by far the most common run; it skips text2num. "one" and "zero" stay words.
_UNIT_DIGITS = {word: str(value) for value, word in enumerate(_UNITS[:20]) if value > 1}
_UNIT_DIGITS.update(zip(_UNITS[20:], ("20", "30", "40", "50", "60", "70", "80", "90"), strict=True))
_MULTIPLIERS = frozenset(("hundred", "thousand", "million", "billion", "dozen"))
_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "millionth",
    "billionth",
]  # noqa: E501


def _trie(words) -> str:
    """A prefix-tree alternation of lowercase words, followed by \\b.

    Python's regex engine tries alternatives one by one; factoring shared prefixes makes the scan
    over a post about seven times faster than a flat case-insensitive list.
    """
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [ch + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        group = "(?:" + "|".join(branches) + ")"
        return group + "?" if "" in node else group

    return emit(root) + r"\b"


_WORD = _trie([*_UNITS, *_MULTIPLIERS])
# A run of number words joined by spaces, hyphens or "and", on one line; matched on lowercase text.
# Possessive spacing cannot backtrack (no quadratic time on long blanks), and a run is capped at
# 32 words: no real number is longer, and a 10 MB list of words is read in bounded pieces.
_SEP = r"(?:[ \t]++and[ \t]++|[ \t]*+-[ \t]*+|[ \t]++)"
_WORDS = re.compile(rf"\b{_WORD}(?:{_SEP}{_WORD}){{0,31}}")
_ORDINAL_AFTER = re.compile(rf"[ \t]*+-?[ \t]*+{_trie(_ORDINALS)}")
# "a hundred", "half a dozen": read just before a run that starts with a multiplier.
_ARTICLE_BEFORE = re.compile(r"(?:(half)[ \t]+)?(an?)[ \t]+\Z")
_RUN_TOKEN = re.compile(r"[A-Za-z]+|-")


class _Token:
    """The token protocol text2num's find_numbers expects (all three methods are required)."""

    __slots__ = ("word", "start", "end")

    def __init__(self, word: str, start: int, end: int) -> None:
        self.word, self.start, self.end = word, start, end

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: _Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


# spaCy's tokenizer takes time quadratic in the length of a run without spaces (it peels prefixes and
# suffixes one at a time): 20,000 emoji in a row took 41 s. No word is this long, so a space is put
# after every MAX_RUN characters of such a run; it maps back onto the character before it.
MAX_RUN = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def _tokens(text: str) -> list[Piece] | None:
    """Token stage over `text`; None when nothing changes (the common case, kept cheap)."""
    edits: list[tuple[int, int, str]] = []
    if any(c in text for c in "0123456789"):
        for m in _NUMBER.finditer(text):
            digits = _number(m, text)
            if digits is not None:
                edits.append((m.start(), m.end(), digits))
        if "," in text:
            edits.extend(
                (m.start(c), m.end(c), ".")
                for m in _DECIMAL_COMMA.finditer(text)
                for c in ("zero", "point")
                if m.group(c)
            )
    # Lowercase for the word scan; U+0130 is the one character whose lowercase is longer.
    lower = text.replace("\u0130", "i").lower()
    for m in _WORDS.finditer(lower):
        edits.extend(_number_words(lower, m.start(), m.end()))
    if "+" in text:
        edits.extend((m.start(3), m.end(3), "") for m in _PLUS.finditer(text) if _plus_is_a_bound(m))
    if "odd" in lower or "ish" in lower:
        edits.extend((m.start(2), m.end(2), "") for m in _ROUGHLY.finditer(lower) if _rough_count(m))
    for m in _LONG_RUN.finditer(text):
        edits.extend((p, p + 1, text[p] + " ") for p in range(m.start() + MAX_RUN - 1, m.end() - 1, MAX_RUN))
    if not edits:
        return None
    edits.sort()
    pieces: list[Piece] = []
    done = 0
    for start, end, out in edits:
        if start < done:
            continue
        if done < start:
            pieces.append([text[done:start], done, start, True])
        pieces.append([out, start, end, False])
        done = end
    if done < len(text):
        pieces.append([text[done:], done, len(text), True])
    return pieces


# "80,000+ of you", "1.2k+ fans", "8 million+ listeners", "3 lakh+ users": a plus after a count is its
# lower bound, which is what the policy counts, so it is dropped and the parser reads a plain count (with
# it, "+" becomes the subject). Under 100 it stays: "18+", "50+ customers" are as often ages as counts.
_PLUS = re.compile(
    r"(?<![\w.,])([0-9]{1,3}(?:[,.'’ ]?[0-9]{3})*)"
    r"((?:\.[0-9]+)?(?:[kKM]|bn| (?:thousand|million|billion|lakhs?|crores?)))?(\+)"
    r"(?=[ \t]+[^\W\d_])"
)


# "fifty-odd of you", "40ish riders": a rough count is counted at its round number, its lower bound, as
# the policy counts "thousands"; the suffix goes so the parser reads a plain count.
_ROUGHLY = re.compile(r"\b([0-9]+|[a-z]+)(-odd|-ish|ish)\b")
_ROUND_NUMBER_WORDS = frozenset(
    {"ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty"}
    | {"ninety", "hundred", "thousand", "dozen"}
)


def _rough_count(m: re.Match) -> bool:
    number = m.group(1)
    return number.isdigit() or (number in _ROUND_NUMBER_WORDS and m.group(2).startswith("-"))


def _plus_is_a_bound(m: re.Match) -> bool:
    return bool(m.group(2)) or int(re.sub(r"[^0-9]", "", m.group(1))) >= 100


def _number(m: re.Match, text: str) -> str | None:
    """The plain digits for a grouped or suffixed number, or None to leave it as typed."""
    if m.group("grouped") is not None:
        return m.group().translate(_SEPARATORS)
    if m.group("spaced") is not None:
        return m.group().replace(" ", "")
    suffix = m.group("suffix")
    zeros = _SUFFIX_ZEROS.get(suffix)
    if zeros is None and m.start() > 0 and unicodedata.category(text[m.start() - 1]) == "Sc":
        zeros = _CURRENCY_SUFFIX_ZEROS.get(suffix)
    if zeros is None:
        return None
    whole = text[m.start() : m.end("int")].replace(",", "")
    digits = whole + (m.group("frac") or m.group("cfrac") or "")
    point = len(whole) + zeros  # shift the decimal point right by the suffix's zeros, as text
    if point >= len(digits):
        return (digits + "0" * (point - len(digits))).lstrip("0") or "0"
    return (digits[:point].lstrip("0") or "0") + "." + digits[point:]


def _number_words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Digit edits for one run of number words in lowercased `text` (text2num does the arithmetic).

    Left alone: runs that continue into an ordinal ("twenty-first"), a multiplier after digits
    ("3 million", which spaCy reads fine and text2num would turn into "3 1000000"), a bare
    multiplier ("a few hundred") and a lone "one" (a pronoun in "one of you").
    """
    if _ORDINAL_AFTER.match(text, end):
        return []
    word = text[start:end]
    if word in _UNIT_DIGITS:
        return [(start, end, _UNIT_DIGITS[word])]
    if word in ("one", "zero"):
        return []
    tokens = [_Token(t.group(), *t.span()) for t in _RUN_TOKEN.finditer(text, start, end)]
    if tokens[0].word in _MULTIPLIERS:
        if _digit_before(text, start):
            return []
        article = _ARTICLE_BEFORE.search(text, max(0, start - 24), start)
        if article and _starts_word(text, article.start(2)):
            tokens.insert(0, _Token("one", *article.span(2)))
            if article.group(1) and _starts_word(text, article.start(1)):
                return _read(tokens, halve_from=article.start(1))
    return _read(tokens)


def _digit_before(text: str, i: int) -> bool:
    """Whether digits, then spaces, end just before i ("3 million"). Walks back only over the spaces."""
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j < i and j > 0 and text[j - 1].isdigit()


def _starts_word(text: str, i: int) -> bool:
    return i == 0 or not text[i - 1].isalnum()


def _read(tokens: list[_Token], halve_from: int | None = None) -> list[tuple[int, int, str]]:
    """Read numbers from tokens, splitting at "dozen" (text2num does not know it): N dozen is N×12.

    With `halve_from` ("half a dozen", "half a million") the first number is halved and its edit
    starts at "half".
    """
    edits: list[tuple[int, int, str]] = []
    segment_start = 0
    for i, token in enumerate(tokens):
        if token.word != "dozen":
            continue
        segment = tokens[segment_start:i]
        counted = _find(segment, threshold=0)
        if counted and counted[-1][1] == segment[-1].end:
            s, _, value = counted[-1]
            edits.extend(_find([t for t in segment if t.end <= s], threshold=2))
            edits.append((s, token.end, str(int(value) * 12)))
        else:
            edits.extend(_find(segment, threshold=2))
        segment_start = i + 1
    edits.extend(_find(tokens[segment_start:], threshold=2))
    if halve_from is not None and edits and edits[0][0] == tokens[0].start and int(edits[0][2]) % 2 == 0:
        edits[0] = (halve_from, edits[0][1], str(int(edits[0][2]) // 2))
    return edits


def _find(tokens: list[_Token], threshold: int) -> list[tuple[int, int, str]]:
    """text2num occurrences as (start, end, digits). Cardinals only; a bare multiplier is no number.

    threshold=2 leaves a lone "one" (and "zero") as words, as text2num's isolated-number rule does.
    """
    if not tokens:
        return []
    found = []
    for occ in find_numbers(tokens, "en", threshold):
        span = tokens[occ.start : occ.end]
        if occ.is_ordinal or not occ.text.isdigit():
            continue
        if all(t.word in _MULTIPLIERS or t.word == "-" for t in span):
            continue
        found.append((span[0].start, span[-1].end, occ.text))
    return found


# --- composition ------------------------------------------------------------------------------


def _compose(first: list[Piece], second: list[Piece]) -> list[Piece]:
    """Chain two stages: `second` indexes the output of `first`, the result indexes the original.

    An edit from the second stage maps to the union of the first-stage sources it covers;
    stretches the second stage kept keep the first stage's finer pieces.
    """
    bounds = []
    t = 0
    for piece in first:
        bounds.append(t)
        t += len(piece[0])

    def source(p: int) -> tuple[int, int]:
        """The original span behind output character p of the first stage."""
        k = bisect_right(bounds, p) - 1
        _, a, b, per_char = first[k]
        return (a + p - bounds[k], a + p - bounds[k] + 1) if per_char else (a, b)

    pieces: list[Piece] = []
    for out, s, e, kept in second:
        if not kept:
            pieces.append([out, source(s)[0], source(e - 1)[1], False])
            continue
        k = bisect_right(bounds, s) - 1
        while k < len(first) and bounds[k] < e:
            f_out, a, b, per_char = first[k]
            lo, hi = max(s, bounds[k]), min(e, bounds[k] + len(f_out))
            cut = f_out[lo - bounds[k] : hi - bounds[k]]
            if per_char:
                a += lo - bounds[k]
                pieces.append([cut, a, a + len(cut), True])
            else:
                pieces.append([cut, a, b, False])
            k += 1
    return pieces
