"""`postlint_sentences`: sentence starts that social posts mark with emoji, line breaks and bullets.

Posts often end a sentence with an emoji instead of a full stop ("Election season 🗳️ 260,000 customers…").
The parser then hangs the next sentence off the emoji. Marking the start before parsing fixes the parse;
the parser keeps starts that are already set, and the next two tokens are marked as not starting one so
the parser does not cut a number off on its own ("🗳️ 260,000 | customers sent…"). A number after a full
stop starts a sentence too: the parser can leave it on the sentence before ("…the challenge. 14 | in Bath
finished it").
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from spacy.language import Language
from spacy.tokens import Doc, Token

_PICTOGRAPH = regex.compile(r"^[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Emoji_Component}\u200d\ufe0f]+$")


def is_emoji(text: str) -> bool:
    return not text.isascii() and bool(_PICTOGRAPH.match(text))


def _is_break(text: str) -> bool:
    return "\n" in text or is_emoji(text)


SENTENCE_ENDS = {".", "!", "?", "…", "!!", "?!", "!?", "..."}
BULLETS = {"•", "·", "◦", "▪", "‣", "-", "–", "—", "*", "→", ">"}  # a list item's marker at a line's start


PARENTHESIS_MAX_TOKENS = 12


STAT_SEPARATORS = {":", "="}  # "rides: 3.1M", "top hour = 1am": a stat line's label and its value
STAT_LINE = regex.compile(r"[^\s:=]\s*(?::\s+|=\s*)\S")
CARD_MIN_STAT_LINES = 2


def _opens_list_item(previous: Token, token: Token, card: bool) -> bool:
    """A bullet at a line's start, or an indented line: the normaliser blanks most bullets ("• 12 of
    you…" is read as "  12 of you…"), leaving the line indented. In a stat card every line is an item."""
    if "\n" not in previous.text:
        return False
    return card or token.text in BULLETS or (previous.is_space and previous.text.rsplit("\n", 1)[1] != "")


def _is_stat_card(doc: Doc) -> bool:
    """Whether the post is laid out as a stat card: at least two lines of a label, a colon or "=", and a
    value. Its lines are items, lowercase or not ("rides: 3.1M\nriders who…" is two sentences), however
    little punctuation it has. Read from the text: the tokens cost more, and a link or a clock time never
    has a space after its colon."""
    text = doc.text
    return "\n" in text and sum(1 for line in text.split("\n") if STAT_LINE.search(line)) >= CARD_MIN_STAT_LINES


def _keep_parentheses_inside(doc: Doc) -> None:
    """ "One reader (aged 9!) in Derby finished…": an aside in brackets does not end the sentence."""
    for token in doc:
        if token.text != "(":
            continue
        closing = next((t for t in doc[token.i + 1 : token.i + PARENTHESIS_MAX_TOKENS] if t.text == ")"), None)
        if closing is not None:
            for inside in doc[token.i + 1 : min(closing.i + 2, len(doc))]:
                inside.is_sent_start = False


NUMBERING_WORDS = {"no", "nr", "num", "vol", "ep", "ch", "pt", "p", "pp", "fig", "sec", "ver", "v", "st", "rd", "ave"}


def _ends_a_sentence(word: Token) -> bool:
    """Whether the full stop after `word` ends a sentence before a number: not a list's "3." nor an
    abbreviation that numbers come after ("no. 0731", "vol. 2")."""
    return not word.like_num and word.lower_ not in NUMBERING_WORDS


def _start_sentence(token: Token, until: Callable[[str], bool]) -> None:
    """A sentence starts at `token`, and not at the next two tokens (up to one that `until` accepts), so
    the parser does not cut a number off from its noun."""
    token.is_sent_start = True
    for following in token.doc[token.i + 1 : token.i + 3]:
        if until(following.text):
            break
        following.is_sent_start = False


@Language.component("postlint_sentences")
def mark_sentence_starts(doc: Doc) -> Doc:
    card = _is_stat_card(doc)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if _opens_list_item(previous, token, card):
            token.is_sent_start = True  # each item of a bulleted list is a sentence of its own,
            for following in doc[token.i + 1 :]:  # cut again only after a full stop, ! or ?
                if "\n" in following.text or doc[following.i - 1].text in SENTENCE_ENDS:
                    break
                following.is_sent_start = False
            continue
        if (
            _is_break(previous.text)
            and not _is_break(token.text)
            and (token.is_title or token.is_upper or token.like_num or token.text.startswith(("@", "#", '"', "'")))
        ):
            _start_sentence(token, until=_is_break)
        elif previous.text in SENTENCE_ENDS and token.like_num and (token.i < 2 or _ends_a_sentence(doc[token.i - 2])):
            _start_sentence(token, until=lambda text: text in SENTENCE_ENDS or _is_break(text))
    _keep_parentheses_inside(doc)
    return doc
