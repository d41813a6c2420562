"""Machine-applicable fixes: edits that take a finding's words out of a draft, as ruff's `--fix` does.

A rule names its fix in the pack (`fix: {action: ...}`), so a team can change or drop it:

    replace        the words become `with` ("53" -> "many"; capitalised at the start of a sentence)
    remove         the words go, with the space before them and a dangling colon or comma
    address_all    a call-out keeps its greeting and addresses everyone ("To the 53 people" -> "To everyone")
    generalise     a word that only narrows a noun goes ("booked an IVF consultation" -> "booked a
                   consultation"); where the words are the thing itself, their sentence is recast, as below
    remove_sentence  the sentence holding the words goes (a list item with its marker); where under five
                   words would be left, a single user becomes "everyone who" did it or "many of you"
                   (the verb made plural) instead, or there is no fix
    recast         the sentence says what anyone can do, not what users did ("2,100 members searched for
                   X via the planner at lunch" -> "You can search for X via the planner"): the policy's
                   advice for a special category, which no vaguer count makes safe; where the sentence
                   is no users' deed (a passive, a negation, a trend in activity), remove_sentence

A removal leaves a sentence that reads: an "a"/"an" agrees with its new noun, a capital opens the
sentence, a hyphenated word goes whole, and no "of", "every" or "each" is stranded. Posts the language
guard does not read as English get no edits.

Fixes are safe or unsafe, as in ruff. Safe ones only make the draft vaguer (a count, a detail, an
address, a taunt); unsafe ones change what it says (a sentence dropped or recast, one user made many), so
`--fix` applies them only with `--unsafe-fixes`, and a person should read the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from lemminflect import getInflection, getLemma
from spacy.tokens import Doc, Span, Token

from linter.nlp.claim import Claim
from linter.nlp.cohorts import RELATIVE_PRONOUNS
from linter.nlp.extensions import SPAN_KEY
from linter.nlp.sentences import is_emoji
from linter.nlp.syntax import HANDLE
from linter.nlp.words import data_lines
from linter.normalise import NormalisedText

ACTIONS = {"replace", "remove", "address_all", "generalise", "remove_sentence", "recast"}
UNSAFE = {"remove_sentence", "recast"}
# A sentence is dropped only where the rest of the post has this many words: otherwise dropping it
# deletes the post rather than fixing it.
MIN_LEFT = 5
# Where a detail's words hang in the sentence so that they can go without breaking it.
REMOVABLE = {"advmod", "npadvmod", "prep", "advcl", "amod", "compound", "nummod", "quantmod", "appos", "acl"}
PARENTHETICAL = re.compile(r"\([^\w()]*$")  # an opening bracket with nothing but punctuation before the words
CONTRACTIONS = {"ve": " have", "re": " are", "d": " would", "ll": " will"}  # "you've" made "many of you have"
SINGULAR_VERBS = {"'ve": "'s", "'re": "'s", "have": "has", "are": "is", "were": "was", "do": "does"}
ITS_AFTER_RELATIVE = re.compile(r"\b(?:who|that)[ \t]+[a-z]+[ \t]+(?P<its>its|his|her)\b")  # "who paid her rent"
SINGULAR_RELATIVE = re.compile(r"[ \t]+who[ \t]*(?P<verb>['’](?:ve|re)\b|(?<=\s)(?:have|are|were|do)\b)", re.I)
PLURAL_VERBS = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "'re"}
# Words that point back at the sentence before when one of the first few words of a sentence ("They…",
# "Every one of them…", "That's dedication"): such a sentence goes with the one it points at.
BACK_REFERENCES = {"they", "them", "their", "those", "these", "this", "that", "he", "she", "him", "her", "his"}
REFERENCE_REACH = 4
# Where a word is said with a vowel sound first, so takes "an" ("an hour", but "a user", "a one-off").
VOWEL_SOUND = re.compile(r"(?!u(?:ni|s[eu]|r[aeiou]|til|k)|eu|one\b|once)(?:[aeiou]|hour|hon(?:est|ou?r)|heir)", re.I)
LIST_MARKER = re.compile(r"[ \t]*(?:(?:[-–•*·▪◦▸►→]|\d{1,2}[.)])[ \t]+)?")  # what may open a line before its words
NUMBERED_ITEM = re.compile(r"[ \t]*(?P<number>\d{1,2})[.)][ \t]", re.M)
GROUP_OPENING = {"det", "predet", "nummod", "poss", "quantmod"}  # "the 57 drivers", "all 40 of you"
RESTRICTING = {"only", "just"}  # a count's word that lets "ever" follow: "only 38 have ever…"
RANKS = {"top", "bottom", "first", "last"}  # a count after these ranks; "top many" reads wrong, "top" stands
THREAD_MARKER = re.compile(r"(?:^|(?<=\s))(?P<marker>\d{1,2}/\d{0,2})[ \t]*$")  # a thread post's "3/" or "3/5"
PAST_OR_HABITUAL = {"VBD", "VBN", "VBZ", "VBP"}  # "searched", "have searched", "searches", "search"
POINTING_AT_USERS = {"they", "them", "themselves", "theirs"}  # words a recast sentence cannot keep
ADVERBIAL = {"npadvmod", "prep", "advmod", "appos", "advcl", "dep"}  # where a time or a pointer hangs
CONTENT = {"NOUN", "PROPN", "NUM", "ADJ", "VERB", "ADV", "X"}  # words that say something ("this", "it" do not)
PERIODS = {  # the nouns that say when: a closed class, unlike the things users do
    "day",
    "days",
    "night",
    "nights",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "weekday",
    "weekdays",
    "weeknight",
    "weeknights",
    "afternoons",
    "fortnight",
    "month",
    "months",
    "year",
    "years",
    "quarter",
    "season",
    "hour",
    "hours",
    "minute",
    "minutes",
    "morning",
    "mornings",
    "afternoon",
    "evening",
    "evenings",
    "today",
    "yesterday",
    "tonight",
    "overnight",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "midnight",
    "noon",
    "dawn",
    "dusk",
    "sunrise",
    "sunset",
    "lunchtime",
    "bedtime",
    "term",
}
NAMED_PERIODS = {  # when, as a name: "in May", "on Sunday", "at Easter" (a capitalised "Day" is a title's)
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "christmas",
    "easter",
    "ramadan",
    "diwali",
    "eid",
    "lent",
    "advent",
    "passover",
    "hanukkah",
    "halloween",
}
WHEN_IN = {"late", "early", "mid", "time", "all"}  # what joins a period word saying when ("late-night", "all-night")
HOW_OFTEN = {"daily", "nightly", "weekly", "monthly", "hourly", "yearly", "annually"}  # "streamed it daily"
MODIFYING = {"poss", "compound", "amod", "nmod", "case"}  # how a word describes the noun it hangs on
LIST_GAP = re.compile(r"\s*[,;]?\s*(?:(?:and|or|&)\s+)?", re.I)  # what joins the items of a list
JOINERS = "-–"  # what makes one word of two with no space: a hyphen, a route's en dash ("Leeds–York")
FRAMED = {"ccomp", "acl", "parataxis"}  # how the parse hangs a clause on the words framing it
HUNG_UNDER = {"ccomp", "parataxis"}  # how the parse hangs a clause under the words after it (not a participle)
FRAME_MARKS = {":", "—", "–"}  # what ends a frame kept before a recast clause ("Good news from X: …")
CLAUSE_MARKS = {",", ";", ":", "—", "–", "(", ")", "!", "?", "."}  # what ends a phrase read back to its start
ASIDE_MARKS = {"—", "–", ","}  # what sets off an aside that restates how many users did it
TIME_MARKS = {"since", "when", "after", "before", "while", "until", "once", "as"}  # what opens a clause saying when
ADDING = {"and", "&", "plus"}  # what adds one user to a list or a sentence ("…, and one fan took 900")
TAKE_NO_TO = {"visit", "call", "text", "message", "phone", "email", "ring"}  # "calls to X" -> "call X"
TAKE_FOR = {"search", "ask", "pay", "call", "shop", "look", "apply", "vote", "wait", "register"}  # "search for X"
# What a trend's topic becomes the object of: "for" or "to" after some deeds ("debt advice searches" ->
# "search for debt advice", "podcast subscriptions" -> "subscribe to podcasts"), none after the rest ("fee
# payments" -> "pay fees", "helpline calls" -> "call helplines").
TOPIC_FOR = TAKE_FOR - {"pay", "call"}
TOPIC_TO = {"subscribe", "listen", "donate"}
PLACES_OR_TIMES = {"GPE", "LOC", "FAC", "NORP", "DATE", "TIME"}  # entities that narrow, never what was done
UNCOUNTABLE = frozenset(data_lines("uncountable.txt"))  # "insulin orders" -> "order insulin", not "insulins"
BY_WHOM = {"from", "among", "by"}  # what says whose an activity was ("searches from members in Leeds")
GROUP_WORDS = {"all", "each", "both", "most", "many", "some", "every"}  # ", each on a weekday", ", all of them in Fife"
ADDRESSED = {"you", "your", "you're", "youre", "u", "ur", "yours"}  # words a reply says of the account it answers
REPLY_OPENING = re.compile(rf"(?:[ \t]*{HANDLE.pattern})+[ \t,:]*")  # "@kim @jo: " before a reply's words
QUOTED = re.compile(r"(?<!\w)['‘\"“][^'‘’\"“”\n]{1,80}?['’\"”](?!\w)")  # a name in quotes: 'Calm Nights'
RATE_AFTER = re.compile(  # "4 times | a day", "9 weeks | running": what a count of times says after it
    r"[ \t]+(?:(?:a|an|per|each)[ \t]+(?:day|night|week|weekend|month|year|hour|morning|evening)\b"
    r"|running\b|straight\b|in[ \t]+a[ \t]+row\b|on[ \t]+the[ \t]+trot\b)",
    re.I,
)
OPENING_LETTER = re.compile(r"[^\w@#]*([^\W\d_])")  # a post's first letter, after emoji and marks, not a handle's
ROUNDED = re.compile(r"-(?:odd|ish|something|plus)\b|\+(?!\w)", re.I)  # what rounds a count: "forty-odd", "50+"
ARTICLE_BEFORE = re.compile(r"\b(an?)[ \t]*$", re.I)


@dataclass(frozen=True)
class Edit:
    start: int  # offsets into the text as the user typed it
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    title: str
    applicability: str  # safe | unsafe
    edits: tuple[Edit, ...]

    @property
    def safe(self) -> bool:
        return self.applicability == "safe"

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "applicability": self.applicability,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.edits],
        }


def validate(value: Any) -> dict[str, str]:
    """A rule's `fix` field; a ValueError names the problem (the pack adds file and line)."""
    if not isinstance(value, dict) or value.get("action") not in ACTIONS:
        raise ValueError(f"'fix': must be {{action: ...}} with one of {', '.join(sorted(ACTIONS))}")
    if set(value) - {"action", "with"}:
        raise ValueError("'fix': takes only 'action' and 'with'")
    if value["action"] == "replace" and not (isinstance(value.get("with"), str) and value["with"].strip()):
        raise ValueError("'fix': action replace needs 'with', the words to put instead")
    return dict(value)


def make(action: dict[str, str], norm: NormalisedText, doc: Doc, span: tuple[int, int]) -> Fix | None:
    """The fix for a finding on the normalised span `span` of `doc`, in the original text's offsets."""
    start, end = span
    original = norm.original
    a, b = norm.to_original(start, end)
    kind = action["action"]
    if kind == "replace":
        count = doc.char_span(start, end, alignment_mode="expand")
        ranked = count is not None and (
            (count.start > 0 and doc[count.start - 1].lower_ in RANKS)
            or (count.end < len(doc) and doc[count.end].tag_ in {"JJS", "RBS"})  # "our 4 busiest", "the 5 most"
        )
        if ranked:
            return Fix(f"Remove '{original[a:b]}'", "safe", _removal(original, a, b))  # "top 3" -> "top"
        start, end, joined = _as_quantity(doc, start, end)
        a, b = norm.to_original(start, end)
        if rounded := ROUNDED.match(original, b):
            b = rounded.end()  # "Forty-odd people" -> "Many people", not "Many-odd"
        words = _cased(original, a, action["with"] + " " * joined)
        count = doc.char_span(start, end, alignment_mode="expand")
        subject = next((t for t in count or () if t.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None and count is not None and count.root.dep_ == "nummod":
            subject = count.root.head if count.root.head.dep_ in {"nsubj", "nsubjpass"} else None  # "1 in 9 riders has"
        agreeing = _verb_made_plural(norm, subject) if subject is not None else []  # "1 in 500 has" -> "Many have"
        if subject is not None and count is not None and count[0].lower_ in RESTRICTING:
            # "Only 38 … have ever used" -> "Many … have used": "ever" leant on the "only" that went
            ever = [c for c in subject.head.children if c.lower_ == "ever" and c.dep_ == "advmod"]
            agreeing += [e for c in ever for e in _removal(original, *norm.to_original(c.idx, c.idx + len(c)))]
        return Fix(f"Replace '{original[a:b].strip()}' with '{words}'", "safe", (Edit(a, b, words), *agreeing))
    if kind == "remove":
        opening, closing = PARENTHETICAL.search(original[:a]), re.match(r"[^\w()]*\)", original[b:])
        if opening and closing:  # "(aged 7!!)": the brackets go with the only words inside them
            aside = original[opening.start() : b + closing.end()]
            wide_a, wide_b, _ = _with_surroundings(original, opening.start(), b + closing.end())
            return Fix(f"Remove '{aside}'", "safe", (Edit(wide_a, wide_b, ""),))
        if _part_of_hyphenated(original, a, b):
            word = _hyphenated_modifier(norm, doc, a, b)
            if word is None:
                return None  # a part would leave "-to-" behind; the whole word is the noun
            a, b = word
        elif not _whole_clause(original, a, b):
            bounds = _removable(doc, start, end)
            if bounds is None:
                return None  # the words are a subject, an object or a verb: taking them out breaks the sentence
            a, b = norm.to_original(*bounds)
        if rate := RATE_AFTER.match(original, b):  # "4 times | a day": the rate goes with its count
            b = rate.end()
        return Fix(f"Remove '{original[a:b]}'", "safe", _removal(original, a, b))
    if kind == "address_all":
        claim = _callout_at(doc, start, end)
        head = _callout_opener(norm, claim) if claim is not None else None
        if head is None:
            return None
        if original[a:b] == f"{head} everyone":  # it already does: if that is all it says, it goes
            return _remove_sentence(norm, doc, start, end, one_user=False) if _says_nothing_else(claim) else None
        who = " who" if re.search(r"\bwho(?:m)?ever$", original[a:b], re.I) else ""  # "To whoever played…"
        edits = (Edit(a, b, f"{head} everyone{who}"), *_singular_relative(original, b))
        return Fix(f"Address everyone: '{head} everyone{who}'", "safe", edits)
    if kind in {"generalise", "recast"}:
        # A word qualifying an activity is its topic ("counselling sessions… rose"): the trend is recast
        # first, keeping it; a purchase keeps its users ("an insulin cool bag" -> "a cool bag").
        recast_first = kind == "recast" or _in_a_trend(doc, start)
        if recast_first and (recast := _recast(norm, doc, start)) is not None:
            return recast
        narrowing = _narrowing_words(norm, doc, start, end) if kind == "generalise" else None
        if narrowing is not None:
            a, b = narrowing
            return Fix(f"Remove '{original[a:b].strip()}'", "unsafe", _removal(original, a, b, spaced=False))
        return (None if recast_first else _recast(norm, doc, start)) or _remove_sentence(
            norm, doc, start, end, one_user=False
        )
    return _remove_sentence(norm, doc, start, end)


def _callout_at(doc: Doc, start: int, end: int) -> Claim | None:
    """The claim whose call-out the span `start`-`end` is, if any."""
    return next(
        (
            c
            for c in doc._.claims or ()
            if c.callout is not None and (c.callout.start_char, c.callout.end_char) == (start, end)
        ),
        None,
    )


def _callout_opener(norm: NormalisedText, claim: Claim) -> str | None:
    """What a call-out opens with before its group ("Congrats to", "Dear", "Shout-out to"), as typed:
    the words of the claim's call-out before its cohort, kept when the call-out is made to address
    everyone. None where the group opens it."""
    doc = claim.callout.doc
    group = next(  # where the group starts: the cohort, less an opener the parse put in it ("Dear 30 readers")
        (
            t.i
            for t in claim.callout
            if t.i >= claim.cohort.start and (t.like_num or t.dep_ in GROUP_OPENING or t.i == claim.cohort.root.i)
        ),
        claim.callout.start,
    )
    if group == claim.callout.start:
        return None
    last = doc[group - 1]
    a, b = norm.to_original(claim.callout.start_char, last.idx + len(last))
    return norm.original[a:b]


def _narrowing_words(norm: NormalisedText, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Where the words only narrow a noun and can go from before it ("IVF support pack": both go before
    "pack"; "fertility-clinic" -> "clinic"), in the original text; None where they are the thing itself,
    part of a hyphenated word or of a name, quoted or capitalised ("our 'Calm Nights' plan" keeps its
    name whole)."""
    original = norm.original
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and span.root.dep_ == "compound":
        last = span.root
        while last.head.dep_ == "compound" and last.head.i == last.i + 1:
            last = last.head
        span = doc[span.start : last.i + 1]
    if span is None or span.root.dep_ not in {"compound", "amod", "nmod"} or span.start <= span.root.head.i < span.end:
        return None
    a, b = norm.to_original(span.start_char, span.end_char)
    if _part_of_hyphenated(original, a, b) and (original[a - 1 : a] == "-" or original[b : b + 1] != "-"):
        return None
    if re.match(r"-\w+-", original[b:]):
        return None  # "Kosher-for-Passover": the word after the hyphen is no noun of its own
    if any(q.start() < a and b < q.end() for q in QUOTED.finditer(original)):
        return None
    if span.root.head.pos_ == "PROPN" and all(t.is_title for t in span):
        return None  # a word of a title ("Fern and the Chemo Day"): the name stays whole
    return a, b + len(original[b:]) - len(original[b:].lstrip(" \t-"))


def _removal(text: str, a: int, b: int, spaced: bool = True) -> tuple[Edit, ...]:
    """The edits that take `text[a:b]` out: with the space and punctuation around them (`spaced`), else
    exactly; the next word capitalised where the words opened a sentence with a capital ("Dementia
    café visits…" -> "Visits…"); and an "a"/"an" before them agreeing with the word now after it."""
    a, b = _closing_quote(text, a, b)
    while a < b < len(text) and text[b].isalnum() and text[b - 1].isalnum():
        b += 1  # never half a word: the parse may split one ("1|am") and hang its parts apart
    opened = _starts_sentence(text, a) and text[a : a + 1].isupper()
    start, end, replacement = _with_surroundings(text, a, b) if spaced else (a, b, "")
    if opened and not replacement and (lower := re.match(r"[ \t]*[a-z]", text[end:])):
        replacement, end = lower.group().upper(), end + lower.end()
    return (*_article_agreeing(text, start, end), Edit(start, end, replacement))


def _article_agreeing(text: str, start: int, end: int) -> tuple[Edit, ...]:
    """The article before a removed detail, agreeing with the word now after it: "an insulin cool bag"
    less its detail is "a cool bag"."""
    article = ARTICLE_BEFORE.search(text, _last_word_from(text, start, 2), start)
    following = re.match(r"[ \t]*(?=[^\W\d_])", text[end:])
    if article is None or following is None:
        return ()
    wanted = "an" if VOWEL_SOUND.match(text, end + following.end()) else "a"
    if article[1].lower() == wanted:
        return ()
    return (Edit(article.start(1), article.end(1), wanted.capitalize() if article[1][0].isupper() else wanted),)


def _last_word_from(text: str, at: int, length: int) -> int:
    """Where a pattern ending at `at` ("an ", "3/5 ") must start, for a word of at most `length` characters
    before the spaces: searching the whole text before it, once per finding, made long posts quadratic.
    (A search from there still sees the character before it, for \\b and lookbehind.)"""
    return max(0, len(text[:at].rstrip(" \t")) - length)


def _part_of_hyphenated(text: str, a: int, b: int) -> bool:
    """The words are joined by a hyphen or a dash to a word before or after them ("women" in
    "women-to-women", "Leeds" in "the Leeds–York train")."""
    return (a > 1 and text[a - 1] in JOINERS and text[a - 2].isalnum()) or (
        text[b : b + 1] in JOINERS and text[b + 1 : b + 2].isalnum()
    )


def _hyphenated_modifier(norm: NormalisedText, doc: Doc, a: int, b: int) -> tuple[int, int] | None:
    """The whole hyphenated word the words are part of, where it only describes the noun after it
    ("over-80s swimmers"); None where it is the noun itself, or before a word that is no noun."""
    text = norm.original
    while a > 0 and (text[a - 1].isalnum() or text[a - 1] in JOINERS):
        a -= 1
    while b < len(text) and (text[b].isalnum() or text[b] in JOINERS):
        b += 1
    after = re.match(r"[ \t]+(?=\w)", text[b:])
    if after is None:
        return None
    noun = next((t for t in doc if norm.to_original(t.idx, t.idx + len(t))[0] >= b + after.end()), None)
    return (a, b) if noun is not None and noun.pos_ in {"NOUN", "PROPN"} else None


def _singular_relative(text: str, at: int) -> tuple[Edit, ...]:
    """The verb of the "who" clause after a call-out made singular for "everyone": "who've" -> "who's";
    and the household's, account's or person's "its", "his" or "her" right after that verb is
    everyone's "their" ("the home that cut its use" -> "everyone that cut their use")."""
    edits = []
    if (verb := SINGULAR_RELATIVE.match(text, at)) is not None:
        word = verb["verb"]
        singular = SINGULAR_VERBS[word.lower().replace("’", "'")]
        edits.append(
            Edit(verb.start("verb"), verb.end("verb"), singular.replace("'", "’") if "’" in word else singular)
        )
    clause_end = next((i for i in range(at, len(text)) if text[i] in ":;—.!?\n"), len(text))
    if (own := ITS_AFTER_RELATIVE.search(text, at, clause_end)) is not None:
        edits.append(Edit(own.start("its"), own.end("its"), "their"))
    return tuple(edits)


def _as_quantity(doc: Doc, start: int, end: int) -> tuple[int, int, bool]:
    """A count with its article and a partitive "of" before a bare noun, so that "many" reads right:
    "A couple of members" -> "Many members"; "a handful of you" stays "many of you"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return start, end, False
    first = span.start
    partitive = span.end < len(doc) and doc[span.end].lower_ == "of"  # "a handful | of you": the count itself
    if len(span) > 1 and span[-1].i == span.root.i and span.root.pos_ in {"NOUN", "PROPN"} and not partitive:
        end = span[-2].idx + len(span[-2])  # a vague count with its noun: "A few riders" -> "Many riders"
        return _as_quantity(doc, start, end)
    counted = span.root.head  # the noun the count is of: "people" in "the 53 people"
    if (
        first > 0
        and doc[first - 1].dep_ == "det"
        and doc[first - 1].head.i in {*range(span.start, span.end), counted.i}
    ):
        start = doc[first - 1].idx  # "A couple", "The 53 people": "many" takes no article
    after = span.end
    if (
        after + 1 < len(doc)
        and doc[after].lower_ == "of"
        and doc[after + 1].pos_ in {"NOUN", "PROPN"}
        and not any(c.dep_ == "case" for c in doc[after + 1].children)  # "of Leafy's members" keeps "of"
    ):
        return start, doc[after + 1].idx, True  # "of" goes; the noun stays, after a space
    return start, end, False


def _removable(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The words to take out so the sentence still stands: a modifier or adverbial as it is, a noun in a
    prepositional phrase with the whole phrase ("in Leeds", "on an old plasma screen"); None for the rest."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    if len(span) > 1 and span[0].dep_ == "det" and not span.start <= span[0].head.i < span.end:
        span = span[1:]  # "every Sunday run": "every" belongs to "run", which stays
        start = span.start_char
    root = span.root
    if root.dep_ == "compound" and root.head.i >= span.end and not (root.head.is_alpha or root.head.like_num):
        root = root.head  # "in Leeds 🎉", parsed as a noun "🎉" that "Leeds" modifies: the phrase goes, the emoji stays
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        # without a "who" clause the parse hung on its noun ("at our hotel | who ordered…"): the clause
        # says what the users did, and is no part of where; nor is a comparison's "than" ("more on
        # Sunday | than the other six days")
        clauses = [
            c
            for t in root.head.subtree
            for c in t.children
            if c.i > root.i and (c.dep_ == "relcl" or (c.dep_ == "prep" and c.lower_ == "than"))
        ]
        phrase = [t for t in root.head.subtree if not any(t.i >= c.left_edge.i for c in clauses)]
        return _phrase_bounds(phrase)
    # "on the first day" or "every day" takes its "of …" with it, or "of" is left hanging
    nouns = [c for c in root.children if c.dep_ == "pobj"] if root.dep_ == "prep" else [root]
    for noun in nouns:
        for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end):
            end = max(end, _words_end(of.subtree))
    if root.dep_ in REMOVABLE and not any(t.pos_ in {"VERB", "AUX"} for t in span):
        determiners = [c for c in root.children if c.dep_ in {"det", "predet"} and c.i < span.start]
        if determiners:  # "each Monday evening": "each" would be left with no noun
            start = determiners[0].idx
        text_end = doc[-1].idx + len(doc[-1].text_with_ws)  # len(doc.text), which spaCy rebuilds per read
        after = doc.char_span(end, text_end, alignment_mode="expand")
        if after and after[0].lower_ == "each" and (len(after) == 1 or not after[1].is_alpha):
            end = after[0].idx + len(after[0])  # "eight times each": "each" would count nothing
        before = doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.dep_ == "prep" and any(t.head.i == before.i for t in span):
            start = before.idx  # "at | table 12", where the parse hung "12" elsewhere: "at" goes too
        return start, end
    return None


def _phrase_bounds(phrase: list[Token]) -> tuple[int, int]:
    """Where a prepositional phrase's words lie: up to a line break the parse hung beyond it (a list item
    is no part of the line before), and without the emoji after its words, which stay in the post."""
    lines = [t.i for t in phrase if "\n" in t.text and t.i > phrase[0].i]
    words = [t for t in phrase if not lines or t.i < lines[0]]
    while len(words) > 1 and (words[-1].is_space or is_emoji(words[-1].text)):
        words.pop()
    return words[0].idx, words[-1].idx + len(words[-1])


def _words_end(tokens: Iterable[Token]) -> int:
    """Where the last word of `tokens` ends: an emoji or mark after the words stays in the post."""
    tokens = list(tokens)
    last = next((t for t in reversed(tokens) if any(c.isalnum() for c in t.text)), tokens[-1])  # "under-25s" too
    return last.idx + len(last)


def _whole_clause(text: str, a: int, b: int) -> bool:
    """The words run from a clause's start ("…: are you okay?", "We see you, …") to its end."""
    before = text[:a].rstrip(" \t")
    opens = not before or before[-1] in ".!?\n:;,—–"
    return opens and re.match(r"[ \t]*(?:[?!.…]+|[,;:—–]|\r?\n|$)", text[b:]) is not None


def _cased(text: str, at: int, words: str) -> str:
    """Replacement `words` capitalised where they start a sentence of `text` at `at`."""
    return words[:1].upper() + words[1:] if _starts_sentence(text, at) else words


def _starts_sentence(text: str, at: int) -> bool:
    before = text[:at].rstrip()
    while before and (is_emoji(before[-1]) or before[-1] in "\u200d\ufe0f"):
        before = before[:-1].rstrip()  # "…Year 13s! 🎓 you…": the emoji after the mark opens nothing
    return not before or before[-1] in ".!?\n" or text[:at].endswith("\n")


def _space_before(text: str, at: int) -> int:
    """Where the spaces and tabs just before `at` begin (`at` itself if there are none)."""
    return len(text[:at].rstrip(" \t"))


def _with_surroundings(text: str, a: int, b: int) -> tuple[int, int, str]:
    """Widen a removal so no double space or stranded punctuation is left behind, and say what goes in
    its place: nothing, or a full stop where a clause ending the sentence went with its colon."""
    a = _space_before(text, a)
    ends_sentence = re.match(r"[ \t]*[?!.…]*(?=[ \t]*[^\w\s]*[ \t]*(?:\r?\n|$))", text[b:]) or re.match(
        r"[?!.…]+[ \t]+", text[b:]
    )  # to the end of its line, or of its sentence; an emoji after the words stays
    opens_clause = a == 0 or text[a - 1] in ".!?\n:;,—–"
    replacement = ""
    if opens_clause and ends_sentence:  # a whole clause to the end of its sentence: "…week: are you okay?"
        b += len(ends_sentence.group().rstrip(" \t")) if a > 0 else ends_sentence.end()
        if a > 0 and text[a - 1] in ":;,—–":
            a = _space_before(text, a - 1)  # "…in May — 20 times each" -> "…in May."
            replacement = "."
    elif opens_clause and (joint := re.match(r"[ \t]*[,;:—–][ \t]*(\w)?", text[b:])) and joint[1]:
        # "Nice try, night owls" -> "Night owls": the joint goes and the next word opens the sentence
        b += joint.end()
        replacement = joint[1].upper() if a == 0 or text[a - 1] in ".!?\n" else joint[1]
        if a > 0 and text[a - 1] not in " \t\n":
            replacement = " " + replacement
    elif a == 0:  # at the start of the post, the space after goes instead
        while b < len(text) and text[b] in " \t":
            b += 1
    return a, b, replacement


def _refers_back(sentence: Span) -> bool:
    """Whether a sentence opens by pointing at the one before ("Every one of them…", "That's…"), so it
    cannot stand once that one is gone."""
    opening = [t for t in sentence if t.is_alpha][:REFERENCE_REACH]
    return any(
        t.lower_ in BACK_REFERENCES and (t.pos_ == "PRON" or t.pos_ == "DET" and t.lower_ not in {"this", "that"})
        for t in opening
    )  # "This summer…" opens a new thought; "That's dedication" and "Those riders…" point back


def _sentence_words(doc: Doc) -> tuple[list[Span], list[int]]:
    """The post's sentences that are not just whitespace, and the words in each; kept on the doc, as a
    post gets one fix per finding and reading them anew each time made long drafts quadratic."""
    if "postlint_sentence_words" not in doc.user_data:
        sentences = [s for s in doc.sents if not all(t.is_space for t in s)]
        doc.user_data["postlint_sentence_words"] = (sentences, [sum(t.is_alpha for t in s) for s in sentences])
    return doc.user_data["postlint_sentence_words"]


def _remove_sentence(norm: NormalisedText, doc: Doc, start: int, end: int, one_user: bool = True) -> Fix | None:
    """The sentence holding the words, where the rest of the post stands without it; else, where the
    words are `one_user`, that user made many."""
    if one_user and (
        conjunct := _without_conjunct(norm, doc, start, end) or _reply_without_report(norm, doc, start, end)
    ):
        return conjunct
    sentences, words = _sentence_words(doc)
    at = next((i for i, s in enumerate(sentences) if s.start_char <= start < s.end_char), None)
    if at is None:
        return None
    last = at
    while last + 1 < len(sentences) and _refers_back(sentences[last + 1]):
        last += 1  # what points back at the sentence goes with it
    dropped = sentences[at : last + 1]
    if sum(words) - sum(words[at : last + 1]) >= MIN_LEFT:
        a, b = norm.to_original(dropped[0].start_char, dropped[-1].end_char)
        text = norm.original
        b = a + len(text[a:b].rstrip())  # a sentence's last token can be the line breaks after it
        if (handles := REPLY_OPENING.match(text, a)) and not text[:a].strip():
            a = handles.end()  # a reply's handles stay: they are whom it answers, not what it reported
        if line := _whole_line(text, a, b):
            return Fix("Remove the sentence", "unsafe", (Edit(*line, ""), *_renumbered(text, *line)))
        while b < len(text) and text[b] in " \t\n" and (a == 0 or text[b] != "\n"):
            b += 1  # the space after it (but keep the line break of a sentence mid-post)
        marker = THREAD_MARKER.search(text, _last_word_from(text, a, 5), a)
        if marker is not None:
            a = marker.start("marker")  # "3/ " or "3/5 " would number nothing
        if not text[b:].strip():  # the last sentence (a line break may end the file): the space before goes
            a = _space_before(text, a)
        return Fix("Remove the sentence", "unsafe", (Edit(a, b, ""),))
    return _many_of_you(norm, doc, start, end) if one_user else None


def _without_conjunct(norm: NormalisedText, doc: Doc, start: int, end: int) -> Fix | None:
    """One user added to a list or a sentence with "and" ("…, 40,000 playlists and one listener who…",
    "…this spring, and one fan took 900 of them"): that part goes with its "and" and the comma or dash
    before it, and what it was added to stands."""
    cohort = doc.char_span(start, end, alignment_mode="expand")
    if cohort is None:
        return None
    noun = cohort.root
    part = noun if noun.dep_ == "conj" else noun.head if noun.dep_ in {"nsubj", "nsubjpass"} else None
    if part is None or part.dep_ != "conj" or part.head.i > part.i:
        return None
    first = part.left_edge.i
    while first > part.head.i + 1 and (doc[first - 1].lower_ in ADDING or doc[first - 1].text in ASIDE_MARKS):
        first -= 1
    if first == part.left_edge.i:
        return None  # nothing joins it, or "but" does: the rest leads up to it ("no names, but…")
    after = part.right_edge.i + 1
    if after < len(doc) and doc[after].pos_ in {"AUX", "VERB"} and doc[after].tag_ != "VBG":
        return None  # "It's May and a rider in Hull has…": the parse joined a clause's subject to the noun before
    last = part.right_edge.i
    while last > part.i and not any(ch.isalnum() for ch in doc[last].text):
        last -= 1  # the full stop and an emoji after the words stay
    if sum(t.is_alpha and not first <= t.i <= last for t in doc) < MIN_LEFT:
        return None
    a, _ = norm.to_original(doc[first].idx, doc[first].idx + len(doc[first]))
    _, b = norm.to_original(doc[last].idx, doc[last].idx + len(doc[last]))
    a = _space_before(norm.original, a)
    return Fix(f"Remove '{norm.original[a:b].strip()}'", "unsafe", (Edit(a, b, ""),))


def _reply_without_report(norm: NormalisedText, doc: Doc, start: int, end: int) -> Fix | None:
    """A reply that reports what the account it answers did, then says something of its own ("@kim we
    can see you've returned four parcels this week, | is everything OK?"): the report goes up to the mark
    that ends it, and the handles and the reply's own words stay ("@kim is everything OK?"). A report
    that fills its sentence ("@kim 14 orders of chips this month?! | Legend."), or that a model found in
    the sentence the reply opens with, about "you" ("@kim your household's ordered X… | Legend."), goes
    whole where the reply says something after it."""
    claim = next((c for c in doc._.claims or () if c.cohort.start_char <= start < c.cohort.end_char), None)
    sentence = claim.cohort.sent if claim is not None else doc.char_span(start, end, alignment_mode="expand")
    if sentence is None or claim is None and not (sentence.start == 0 and _one_sentence(sentence)):
        return None  # a model's finding is read only where its words are the reply's opening sentence
    words = [t for t in sentence if not (t.is_space or is_emoji(t.text))]
    handles = _opening_handles(words)
    if not 0 < handles < len(words):
        return None  # no handle opens it: not a reply
    words = words[handles:]
    if claim is None and not any(t.lower_ in ADDRESSED for t in words):
        return None  # the sentence says nothing of the account it answers
    mark = None
    if claim is not None and (claim.behaviour is not None or any(claim.details.values())):
        behaviour = [claim.behaviour.root.i] if claim.behaviour is not None else []
        reported = max(claim.cohort.end - 1, *behaviour, *(s.end - 1 for v in claim.details.values() for s in v))
        mark = next((t for t in words if t.i > reported and t.text in CLAUSE_MARKS - {".", "(", ")"}), None)
    if mark is None or not any(t.is_alpha for t in words if t.i > mark.i):
        if not any(t.is_alpha for t in doc[sentence.end :]):
            return None  # nothing of the reply's own after the report
        mark = doc[sentence.end - 1]
    following = next((t for t in doc[mark.i + 1 :] if not (t.is_space or t.text in CLAUSE_MARKS - {"(", ")"})), None)
    a, _ = norm.to_original(words[0].idx, words[0].idx + len(words[0]))
    b = norm.to_original(following.idx, following.idx)[0] if following is not None else len(norm.original)
    return Fix(f"Remove '{norm.original[a:b].strip()}'", "unsafe", (Edit(a, b, ""),))


def _one_sentence(span: Span) -> bool:
    """Whether the words of `span` are one whole sentence, give or take the space after it."""
    sentence = span.sent
    return span.end <= sentence.end and not any(not t.is_space for t in span.doc[span.end : sentence.end])


def _opening_handles(words: list[Token]) -> int:
    """How many of the words a reply opens with are the handles it answers ("@kim @jo thanks…": 2), and
    the pieces the tokenizer split off a handle ("@night_owl" "_")."""
    count = 0
    for before, word in zip([None, *words], words, strict=False):
        glued = before is not None and not before.whitespace_ and word.i == before.i + 1
        if not (word.text.startswith("@") or glued and re.fullmatch(r"[\w.]+", word.text)):
            break
        count += 1
    return count


def _recast(norm: NormalisedText, doc: Doc, start: int) -> Fix | None:
    """The sentence holding `start`, where it reports what users did, recast as what anyone can do with
    the service ("2,100 members searched for X via the planner at lunch" -> "You can search for X via the
    planner"; "X was opened by 40 of you" -> "You can open X"), as the policy advises where no group size
    or vaguer word makes a special category safe. The users and all before the verb go, the verb becomes
    "you can" do it, its time details and words that point back at the users go (with the sentences
    after that do), and "their" becomes "your". Where the users are a call-out's ("To everyone who…:"),
    the call-out goes instead. None where the sentence is no users' deed: a negation, a trend in activity,
    or a clause with users of its own."""
    sentences, _ = _sentence_words(doc)
    at = next((i for i, s in enumerate(sentences) if s.start_char <= start < s.end_char), None)
    if at is None:
        return None
    sentence = sentences[at]
    verb = _clause_verb(doc, sentence)
    likely = _likely_to(verb)
    progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)
    if not likely and (verb.pos_ != "VERB" or not (verb.tag_ in PAST_OR_HABITUAL or progressive)):  # "have been…"
        return _recast_trend(norm, doc, sentence, verb) or _without_callout(norm, doc, sentence)  # "…are up 18%"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"), None)
    users = subject if subject is not None else agent if passive is not None else None
    if users is None or not _reports_users(doc, users, verb):
        return _recast_trend(norm, doc, sentence, verb) or _without_callout(norm, doc, sentence)
    verb = likely or verb
    if any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
        return None
    if any(_reports_on_its_own(t, verb) for t in doc[users.i + 1 : verb.i]):
        return None  # "@kim our records say you deposited… — want a spin?": the parse joined two clauses
    if any(c.dep_ == "advcl" and c.tag_ == "VBD" and not _opened(c) for c in verb.rights):
        return None  # "Kids accounts | on X logged in…": a noun read as the verb, the verb as a clause
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if any(c.dep_ in {"nsubj", "nsubjpass"} for v in verbs[1:] for c in v.children):
        return None  # "…and 30 of them did Y": a second report with its own users
    if any(c.dep_ == "ccomp" and any(t.lower_ in POINTING_AT_USERS for t in c.subtree) for c in verb.children):
        return None  # "…found out they're 30% Welsh": what was done is a fact about the users themselves
    text = norm.original
    opening = _clause_opening(sentence, users)
    a, b = norm.to_original(opening.idx, verb.idx + len(verb))
    what = f" {_moved(passive, verb)}" if subject is None else ""  # "X was opened by…" -> "You can open x"
    edits = [Edit(a, b, _cased(text, a, "you can ") + _base_form(verb) + what)]
    edits += [Edit(*norm.to_original(v.idx, v.idx + len(v)), _base_form(v)) for v in verbs[1:]]
    while at + 1 < len(sentences) and _runs_on(sentence, sentences[at + 1]):
        at += 1
        sentence = doc[sentence.start : sentences[at].end]
    going = _when_and_who(doc, sentence, verbs, also=[users] if subject is None else [])
    for start_char, end_char in going:
        edits += _removal(text, *_before_emoji(text, *norm.to_original(start_char, end_char)))
    rest = [t for t in sentence if t.i > verb.i and not any(s <= t.idx < e for s, e in going)]
    if any(t.lower_ in POINTING_AT_USERS for t in rest):
        return None
    if not what and not any(
        t.pos_ in CONTENT and t.ent_type_ not in PLACES_OR_TIMES for t in rest if t in verb.subtree
    ):
        return None  # "You can play.", "You can get this." say nothing (nor do words after the clause)
    if any(t.lower_ == "same" and t.dep_ == "amod" and t.head.dep_ == "dobj" for t in rest):
        return None  # "chose the same numbers" compares the users' acts ("in the same basket" does not)
    edits += _possessives(norm, rest, {"his", "her", "their"}, "your")
    amounts = [t for t in rest if _an_amount(t)]  # "sent £3.2m home" -> "send money home"
    for amount in amounts:
        sign = doc[amount.i - 1]
        edits.append(Edit(*norm.to_original(sign.idx, amount.idx + len(amount)), "money"))
    within = {amount.i for amount in amounts}
    for count in (t for t in rest if _counts_what_each_did(t) and t.i not in within):  # "placed 160 bets"
        first = count.i - (count.i > 0 and doc[count.i - 1].tag_ == "$")  # "a £3 phone case": "£" too
        edits += _removal(text, *norm.to_original(doc[first].idx, count.idx + len(count)))  # -> "can place bets"
    last = at
    while last + 1 < len(sentences) and _points_at_users(sentences[last + 1]):
        last += 1  # "Each of them then…" points at nobody now
    if last > at:
        words = [t for t in doc[sentences[at + 1].start : sentences[last].end] if not t.is_space]
        a, b = norm.to_original(words[0].idx, words[-1].idx + len(words[-1]))
        b += len(text[b:]) - len(text[b:].lstrip(" \t"))
        edits.append(Edit(_space_before(text, a) if b == len(text) or text[b] in "\r\n" else a, b, ""))
    edits.sort(key=lambda e: e.start)
    if any(a.end > b.start for a, b in pairwise(edits)):
        return None  # a parse that hangs the words oddly: no edit may overlap another
    return Fix("Say what users can do, not what they did", "unsafe", tuple(edits))


def _likely_to(verb: Token) -> Token | None:
    """The deed where users are said to be likelier than others to do it ("members in X were likelier
    than most to order Y", "…twice as likely as others to…"): the verb after "likely to", which a recast
    makes what anyone can do ("You can order Y"), or None."""
    if verb.lemma_ != "be":
        return None
    likely = next((c for c in verb.children if c.dep_ in {"acomp", "attr"} and c.lower_ == "likely"), None)
    deeds = [c for c in likely.children if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB"] if likely else []
    return next((c for c in deeds if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _reports_on_its_own(word: Token, verb: Token) -> bool:
    """Whether a word between a recast's users and its verb is the subject of a clause of its own, not
    one describing the users ("who joined in May"): the parse then made one sentence of two."""
    return (
        word.dep_ in {"nsubj", "nsubjpass"}
        and word.head != verb
        and word.head.dep_ != "relcl"
        and word.lower_ not in RELATIVE_PRONOUNS
    )


def _clause_verb(doc: Doc, sentence: Span) -> Token:
    """The verb a recast rewrites: the sentence's own, or that of the clause ending the sentence which it
    frames, where a claim's behaviour is there ("Our data shows | 300 members streamed…", "Good news from
    X: | orders for Y jumped…"), or that of the one claim the parse hung as a clause under the words after
    it ("300 members completed X | — come on, it's free!")."""
    root = sentence.root
    behaviours = {c.behaviour.root for c in doc._.claims or () if c.behaviour is not None}
    if root in behaviours:
        return root
    framed = [
        c
        for c in root.rights
        if c.dep_ in FRAMED
        and c in behaviours
        and all(t.is_punct or t.is_space for t in doc[c.right_edge.i + 1 : sentence.end])
    ]
    inside = [b for b in behaviours if sentence.start <= b.i < sentence.end and b.i < root.i]
    return framed[0] if framed else inside[0] if len(inside) == 1 and inside[0].dep_ in HUNG_UNDER else root


def _clause_opening(sentence: Span, who: Token) -> Token:
    """The first word a recast replaces from, up to its verb: the sentence's first, or where words and a
    colon or dash frame the clause ("Good news from X: orders…"), the first after the mark before `who`
    (the users or the activity), the frame kept where it has no verb ("Seen on our app:" opens with
    one). A frame that reports ("Our data shows…") goes with the users."""
    words = [t for t in sentence if not (t.is_space or t.is_punct or is_emoji(t.text))]
    words = words[_opening_handles([t for t in words[:-1] if t.i < who.i]) :]  # a reply's handles stay
    marks = [t for t in sentence if t.i < who.i and t.text in FRAME_MARKS]
    if not marks or any(t.pos_ == "VERB" for t in words[1:] if t.i < marks[-1].i):
        return words[0]  # "X sold out by 10am: 88 households got…" is a report too, no frame
    return next((t for t in words if t.i > marks[-1].i), words[0])


def _recast_trend(norm: NormalisedText, doc: Doc, sentence: Span, verb: Token) -> Fix | None:
    """A trend in an activity users do, recast as that activity ("Searches for 'X' on Y jumped 70% this
    week" -> "You can search for 'X' on Y"): the activity noun becomes the verb its claim names, or,
    where a participle after it says what was done, that verb takes the noun as its object ("Counselling
    sessions booked through Y peaked" -> "You can book counselling sessions through Y"). Its phrases
    stay but those saying whose it was ("from members in Leeds", "by under-25s"), and how it changed and
    all before it go ("This week, searches…"), but for a frame ending in a colon or dash.
    None where words before a noun made a verb qualify it ("Night-time searches"): they would need
    rewording."""
    claim = next(
        (
            c
            for c in doc._.claims or ()
            if c.of_activity and c.behaviour is not None and verb in {c.behaviour.root, c.behaviour.root.head.head}
        ),
        None,
    )  # the change verb's, or the participle's ("sessions booked… peaked")
    if claim is None:
        return None
    noun = claim.cohort.root
    headline = noun.dep_ == "ROOT" and claim.behaviour.root.head == noun  # "Orders for X spiked after…"
    change = claim.behaviour.root if headline else None  # the change, a participle on the activity
    if change is None and (noun.dep_ != "nsubj" or noun.head != verb):
        return None
    opening = _clause_opening(sentence, noun)
    done = _done_to(noun)
    done = None if done == change else done  # "Orders spiked…": a headline's change is no deed done
    text = norm.original
    topic = ""
    if done is not None:  # "sessions booked through Y": "book sessions through Y"
        last = next((c for c in done.children if c.dep_ == "prt" and c.i == done.i + 1), done)  # "set up"
        first = doc[max(noun.left_edge.i, opening.i)]
        object_words = text[slice(*norm.to_original(first.idx, noun.idx + len(noun)))]
        if first.pos_ != "PROPN":
            object_words = object_words[:1].lower() + object_words[1:]
        a, b = norm.to_original(opening.idx, last.idx + len(last))
        deed = " ".join([_base_form(done), *(t.text for t in doc[done.i + 1 : last.i + 1])])
        edits = [Edit(a, b, f"{_cased(text, a, 'you can ')}{deed} {object_words}")]
    else:
        qualifying = [c for c in noun.lefts if c.i >= opening.i and c.dep_ not in {"det", "poss"}]  # not a frame
        if all(_says_when(q) for q in qualifying):
            qualifying = []  # "Late-night searches for X": when goes, as in any recast
        topic = _topic(norm, noun, claim.deed, qualifying) if qualifying else ""
        if not claim.deed or topic is None:
            return None
        a, b = norm.to_original(opening.idx, noun.idx + len(noun))
        edits = [Edit(a, b, _cased(text, a, "you can ") + claim.deed + topic)]
        what = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in {"of", "for", "to"}), None)
        goes = {"of": True, "for": claim.deed not in TAKE_FOR, "to": claim.deed in TAKE_NO_TO}
        if what is not None and not topic and goes[what.lower_]:  # "bookings for X" -> "book X"
            edits += _removal(text, *norm.to_original(what.idx, what.idx + len(what)))
    whose = [
        t for t in noun.subtree if t.i > noun.i and (t.dep_ == "agent" or t.dep_ == "prep" and t.lower_ in BY_WHOM)
    ]
    edits += [_removal(text, *norm.to_original(p.left_edge.idx, _words_end(p.subtree)))[-1] for p in whose]
    words = [t for t in sentence if not (t.is_space or is_emoji(t.text) or t.text in CLAUSE_MARKS)]
    kept = [t for c in noun.rights if c not in whose and c != change for t in c.subtree if t in words]  # a quote too
    if done is not None:  # "booked after 9pm": when it was done goes, as in any recast
        taken = [(p.left_edge.idx, _words_end(p.subtree)) for p in whose]
        for a_when, b_when in _when_and_who(doc, doc[done.i : done.right_edge.i + 1], [done], also=[]):
            if not any(a_when < b_whose and a_whose < b_when for a_whose, b_whose in taken):
                edits += _removal(text, *_before_emoji(text, *norm.to_original(a_when, b_when)))
    if done is None and not topic and not any(t.is_alpha for t in kept):
        return None  # "You can visit." would say nothing
    dangling = [t for t in kept if t.dep_ == "prep" and not list(t.children)]
    # "through Coinly", a name the parse did not know (read as an adverb) and hung on the verb
    kept += [doc[t.i + 1] for t in dangling if t.i + 1 < sentence.end and doc[t.i + 1].is_title]
    if any(t.i + 1 >= len(doc) or doc[t.i + 1] not in kept for t in dangling):
        return None  # "made through" whose name an earlier fix took: no sentence to recast
    _, kept_end = _closing_quote(doc.text, noun.idx, max(t.idx + len(t) for t in [noun, *kept]))  # "for 'X'"
    if kept_end < len(doc.text) and doc.text[kept_end].isalnum():
        return None  # the parse split a word ("4|am"): where the trend starts is unclear
    trend = [t for t in words if t.idx >= kept_end]
    if trend:
        last_word = trend[-1]
        edits.append(Edit(*_before_emoji(text, *norm.to_original(kept_end, last_word.idx + len(last_word))), ""))
    edits.sort(key=lambda e: e.start)
    if any(x.end > y.start for x, y in pairwise(edits)):
        return None
    return Fix("Say what users can do, not how often they did it", "unsafe", tuple(edits))


def _topic(norm: NormalisedText, noun: Token, deed: str, qualifying: list[Token]) -> str | None:
    """The nouns before an activity noun that say what was done, as the deed's object, the last one
    plural where it counts things ("Flu jab bookings" -> " flu jabs", "insulin orders" -> " insulin"),
    with the preposition the deed takes (" for flu jabs"). None where those words are no object: a
    name, a place, a time ("Leeds orders", "Night-time searches"), or a word describing the activity."""
    doc = noun.doc
    words = doc[min(q.left_edge.i for q in qualifying) : noun.i]
    last = words[-1]
    common = last.pos_ == "NOUN" or last.i == last.sent.start and _names_a_category(last)  # "Condom orders…"
    if last.dep_ != "compound" or not common or not all(q.dep_ in {"compound", "amod"} for q in qualifying):
        return None
    if any(t.ent_type_ in PLACES_OR_TIMES or _names_a_period(t) or t.lower_ in PERIODS for t in words):
        return None
    if any(t.is_quote for t in doc[max(words.start - 1, 0) : noun.i]):
        return None  # "'after dark' category views": a quote the words would cut, not an object
    a, b = norm.to_original(words.start_char, words.end_char)
    object_words = norm.original[a:b]
    if last.tag_ in {"NN", "NNP"} and last.lower_ not in UNCOUNTABLE:
        plural = next(iter(getInflection(last.lemma_, "NNS")), last.text)
        if plural.startswith(last.lemma_):  # the ending on the word as typed ("café" -> "cafés")
            plural = object_words[len(object_words) - len(last.text) :] + plural[len(last.lemma_) :]
        object_words = object_words[: len(object_words) - len(last.text)] + plural
    if (words[0].pos_ != "PROPN" or _names_a_category(words[0])) and not words[0].text.isupper():
        object_words = object_words[:1].lower() + object_words[1:]
    preposition = " for" if deed in TOPIC_FOR else " to" if deed in TOPIC_TO else ""
    return f"{preposition} {object_words}"


def _says_when(qualifier: Token) -> bool:
    """Whether the words before an activity noun only say when it was done ("Late-night", "Weekend",
    "Night-time"), not what ("Sunday roast orders", "debt advice searches")."""
    words = [t for t in qualifier.subtree if t.is_alpha]
    return any(t.lower_ in PERIODS for t in words) and all(t.lower_ in PERIODS or t.lower_ in WHEN_IN for t in words)


def _names_a_category(word: Token) -> bool:
    """Whether a capitalised word is a special category's term ("Condom", "Insulin" opening a sentence,
    which the tagger reads as names), not a brand's ("Spark matches")."""
    return any(s.label_.startswith("sensitive.") and s.start <= word.i < s.end for s in word.doc.spans[SPAN_KEY])


def _callout_end(claim: Claim) -> int:
    """Where a call-out ends with the clause that says what its users did ("who added…"), up to a mark;
    a quote it opens runs on to its close and the words after it to the mark ("who searched 'how to
    tell my mum I'm…' at 4am:"), however the parse hung the quoted words."""
    who = claim.cohort.root
    clause = who.head if who.lower_ in {"whoever", "whomever"} and who.dep_ in {"nsubj", "nsubjpass"} else who
    end = max(claim.callout.end_char, *(t.idx + len(t) for t in _unbroken(clause)))  # "To whoever searched…"
    sentence = claim.callout.sent
    opened = [t for t in sentence if t.is_quote and claim.callout.start_char <= t.idx < end]
    if len(opened) % 2 == 0:
        return end
    after = [t for t in sentence if t.idx >= end]
    closing = next((t for t in after if t.is_quote), None)
    if closing is None:
        return end
    mark = next((t for t in after if t.i > closing.i and t.text in CLAUSE_MARKS), None)
    last = [t for t in after if t.i >= closing.i and (mark is None or t.i < mark.i) and not t.is_space][-1]
    return last.idx + len(last)


def _says_nothing_else(claim: Claim) -> bool:
    """Whether the call-out's sentence is the call-out alone, its group and what the group did ("To
    everyone who's watched X." once its taunt went): a sentence that addresses and says nothing."""
    end = _callout_end(claim)
    return not any(t.is_alpha and t.idx >= end for t in claim.callout.sent)


def _opened(clause: Token) -> bool:
    """Whether a clause hung on the verb before it is set off as one: by a subordinator, a subject, a
    "when", or a mark between them (": 'spent…'")."""
    marked = any(t.is_punct for t in clause.doc[clause.head.i + 1 : clause.i])
    return marked or any(c.dep_ in {"mark", "nsubj", "advmod"} and c.i < clause.i for c in clause.children)


def _in_a_trend(doc: Doc, at: int) -> bool:
    """Whether the sentence holding character `at` reports a trend in an activity ("searches for X
    rose"): a word qualifying the activity there is its topic, with no users' purchase to keep."""
    sentence = next((s for s in _sentence_words(doc)[0] if s.start_char <= at < s.end_char), None)
    return sentence is not None and any(
        c.of_activity and sentence.start <= c.cohort.root.i < sentence.end for c in doc._.claims or ()
    )


def _done_to(noun: Token) -> Token | None:
    """The participle right after an activity noun saying what was done to make it ("payments made",
    "bets placed", "renewals set up"), or None."""
    return next((c for c in noun.rights if c.dep_ == "acl" and c.tag_ in {"VBN", "VBD"} and c.i == noun.i + 1), None)


def _before_emoji(text: str, a: int, b: int) -> tuple[int, int]:
    """`text[a:b]` up to an emoji inside it: normalising drops one between words ("rose 🤧 stay well"),
    so the parse can hang the words after it on a phrase, but they are no part of it."""
    emoji = next((i for i in range(a, b) if is_emoji(text[i])), None)
    return (a, len(text[:emoji].rstrip())) if emoji is not None else (a, b)


def _an_amount(token: Token) -> bool:
    """A sum of money said as what was done ("sent £3.2m home", "spent $40k"), not the price of a thing
    ("a £3 phone case", "our £5 plan"): a number with its currency sign and no determiner before it.
    (Normalising wrote "£3.2m" as "£3200000", which the parse may hang on the next noun.)"""
    sign = token.doc[token.i - 1] if token.i > 0 else None
    if not token.like_num or sign is None or sign.tag_ != "$":
        return False
    before = token.doc[sign.i - 1] if sign.i > 0 else None
    return before is None or before.dep_ not in {"det", "poss", "amod", "nummod"}


def _counts_what_each_did(token: Token) -> bool:
    """A number on what the users did or used ("160 bets", "three tests"): in a sentence about what anyone
    can do it would still count one person's acts."""
    return (
        token.dep_ == "nummod"
        and token.like_num
        and token.lower_ not in {"one", "1"}
        and token.head.dep_ == "dobj"  # not "within 5 miles": a distance, no act
        and token.head.pos_ == "NOUN"
    )


def _reports_users(doc: Doc, users: Token, verb: Token) -> bool:
    """Whether the phrase `users` holds the group a claim says did `verb`, people and not activity
    ("visits doubled": nobody is said to have done it)."""
    within = range(users.left_edge.i, users.right_edge.i + 1)
    return any(
        claim.cohort.root.i in within
        and claim.behaviour is not None
        and claim.behaviour.root == verb
        and not claim.of_activity
        for claim in doc._.claims or ()
    )


def _moved(passive: Token, verb: Token) -> str:
    """A passive's subject as it reads after the active verb: its words from the last comma before it to
    the verb's auxiliaries ("Our late-night 'X' mix was played…" -> "our late-night 'X' mix"), "Our"
    and "The" without their capital, a name with its own."""
    doc = passive.doc
    first = passive.left_edge.i
    while first > verb.sent.start and doc[first - 1].text not in CLAUSE_MARKS and not is_emoji(doc[first - 1].text):
        first -= 1
    last = min((c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "advmod"} and c.i < verb.i), default=verb.i)
    words = doc[first:last].text.strip()
    return words[:1].lower() + words[1:] if doc[first].pos_ != "PROPN" else words


def _without_callout(norm: NormalisedText, doc: Doc, sentence: Span) -> Fix | None:
    """A call-out to the users who did it ("To everyone who…:", "Hats off to all 12 of you who…,") taken
    off the sentence, where what it opened still says five words: that is the post's own message."""
    claim = next(
        (
            c
            for c in doc._.claims or ()
            if c.callout is not None and c.callout.start >= sentence.start and c.callout.end <= sentence.end
        ),
        None,
    )
    if claim is None:
        return None
    end = _callout_end(claim)
    if sum(t.is_alpha and t.idx >= end for t in sentence) < MIN_LEFT:
        return None
    a, b = norm.to_original(claim.callout.start_char, end)
    return Fix("Remove the call-out", "unsafe", _removal(norm.original, a, b))


def _runs_on(sentence: Span, following: Span) -> bool:
    """Whether the parse broke a sentence where it goes on ("…to the Vote | No Coalition fund on Friday."):
    it ends on a word with no mark after it, the next opens with one, and no line break lies between."""
    doc = sentence.doc
    between = doc[sentence.end - 1 : following.start + 1].text
    words = [t for t in doc[sentence.start : following.end] if not t.is_space]
    ending = [t for t in words if t.i < following.start]
    opening = [t for t in words if t.i >= following.start]
    return bool(ending and opening) and ending[-1].is_alpha and opening[0].is_alpha and "\n" not in between


def _when_and_who(doc: Doc, sentence: Span, verbs: list[Token], also: list[Token]) -> list[tuple[int, int]]:
    """Where the words after a recast verb say when it was done ("last month", "during exam week", "at
    2am"), point at the users (", most of them in Fife", ", each on a weekday"), restate how many did it
    (", 340 on one Saturday alone"), or are the phrases `also` (a passive's "by 40 of you"): a sentence
    about what anyone can do has none of them. Character bounds, earliest first, none overlapping."""
    after = doc[verbs[0].i + 1 : sentence.end]
    spans = [s for s in doc.spans[SPAN_KEY] if s.label_ == "time" and after.start <= s.start < after.end]
    hung = [(s, _adverbial(s.root, verbs)) for s in spans]
    whens = [t for t in after if _names_a_period(t) and not _hyphenated(t) and not _names_a_thing(t)]
    phrases = {_running(p) for p in [*(p for _, p in hung), *(_adverbial(t, verbs) for t in whens)]}
    phrases = phrases - {None} | set(also)
    # a time the parse hung on no adverbial ("between 11pm and 2am" read as counts): the span alone
    unhung = [  # with a preposition before it ("past 1am"); not a time that describes ("last night's match")
        (doc[s.start - 1].idx if s.start > 0 and doc[s.start - 1].tag_ == "IN" else s.start_char, s.end_char)
        for s, adverbial in hung
        if adverbial is None and s.root.dep_ not in MODIFYING
    ]
    for verb in verbs:
        for child in (c for c in verb.children if c.i > verb.i):  # the users before the verb go anyway
            words = list(child.subtree)
            after_comma = doc[words[0].i - 1].text == ","
            pointing = (
                after_comma and words[0].lower_ in GROUP_WORDS or any(t.lower_ in POINTING_AT_USERS for t in words)
            )
            how_often = child.dep_ == "advmod" and child.lower_ in HOW_OFTEN and not list(child.lefts)  # "daily"
            if pointing or how_often:
                phrases.add(child)
            elif child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in child.children):
                phrases.add(child)  # "since the clocks changed", "after the final whistle went"
    # an aside that restates how many ("— 31,000, to be precise", ", 340 on one Saturday alone"): all of it
    mark = next((t for t in after[:-1] if t.text in ASIDE_MARKS and doc[t.i + 1].like_num), None)
    asides = [(mark.idx, _words_end(doc[mark.i + 1 : sentence.end]))] if mark is not None else []
    merged: list[tuple[int, int]] = []
    for start, end in sorted([*(_phrase_bounds(_unbroken(p)) for p in phrases), *asides, *unhung]):
        if merged and (start <= merged[-1][1] or LIST_GAP.fullmatch(doc.text[merged[-1][1] : start])):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))  # "at 6pm, 8pm and 9pm": one list
        else:
            merged.append((start, end))
    return merged


def _unbroken(phrase: Token) -> list[Token]:
    """A phrase's words up to a mark or emoji the parse hung inside it ("on the same morning 🥹 well
    done"): what follows the mark is no part of the time."""
    words = list(phrase.subtree)
    ends = [t.i for t in words if t.i > phrase.i and (is_emoji(t.text) or t.is_punct and t.text not in "-'’")]
    return [t for t in words if not ends or t.i < ends[0]]


def _adverbial(token: Token, verbs: list[Token]) -> Token | None:
    """The smallest adverbial phrase `token` is part of ("at 2am" for "2am"), below the verbs; None at a
    root (compared by index: spaCy makes a new Token on each read, so `is` never holds)."""
    while token not in verbs and token.dep_ not in ADVERBIAL and token.head.i != token.i:
        token = token.head
    return token if token not in verbs and token.dep_ in ADVERBIAL else None


def _running(phrase: Token | None) -> Token | None:
    """A count of periods with the "running" the parse hung it on ("3 weeks running"): both go."""
    if phrase is not None and phrase.head.lower_ == "running" and phrase.head.i == phrase.right_edge.i + 1:
        return phrase.head
    return phrase


def _hyphenated(token: Token) -> bool:
    """Part of a hyphenated word ("morning" in "morning-after"): a word of its own, not a time."""
    doc = token.doc
    return (token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_) or (
        token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    )


def _names_a_thing(word: Token) -> bool:
    """A period's word naming the thing after it ("the evening prayer", "a night bus", "Friday's
    draw"), no time."""
    return (word.dep_ == "compound" and word.head.is_alpha and not _names_a_period(word.head)) or word.dep_ == "poss"


def _names_a_period(noun: Token) -> bool:
    """ "quarter", "May", "2021", "the 1st": a word for when, not where or what."""
    word = noun.lower_
    if noun.pos_ == "PROPN":
        return word in NAMED_PERIODS  # "Snow Day" in a title names no time
    return noun.pos_ in {"NOUN", "NUM"} and (
        word in PERIODS
        or word in NAMED_PERIODS
        or re.fullmatch(r"(?:19|20)\d\d|\d{1,2}(?:st|nd|rd|th)", word) is not None
    )


def _points_at_users(sentence: Span) -> bool:
    """A sentence that opens by pointing at the users of the one before ("Every one of them…")."""
    return any(
        t.lower_ in POINTING_AT_USERS | {"their", "those"}
        for t in [t for t in sentence if t.is_alpha][:REFERENCE_REACH]
    )


def _closing_quote(text: str, a: int, b: int) -> tuple[int, int]:
    """A removal's end, taken past the quote mark that closes one opened inside it ("from 'women'")."""
    for mark in ("'", '"', "’", "”"):
        opened = (
            text.count(mark, a, b)
            + (text.count("‘", a, b) if mark == "’" else 0)
            + (text.count("“", a, b) if mark == "”" else 0)
        )
        if opened % 2 and text[b : b + 1] == mark:
            return a, b + 1
    return a, b


def _base_form(verb: Token) -> str:
    """The verb as "you can" takes it. lemminflect's dictionary, not the model's rule lemmatizer, which
    guesses an "-e" for a verb it does not know ("bookmarked" -> "bookmarke")."""
    return next(iter(getLemma(verb.text, upos="VERB")), verb.lemma_).lower()


def _whole_line(text: str, a: int, b: int) -> tuple[int, int] | None:
    """Where the words are a line of their own, perhaps a list item's: the line with its marker and line
    break, so the list or paragraph around it closes up (one blank line kept between paragraphs)."""
    start, end = text.rfind("\n", 0, a) + 1, text.find("\n", b)
    end = len(text) if end < 0 else end
    if not LIST_MARKER.fullmatch(text[start:a]) or text[b:end].strip() or start == 0 and end == len(text):
        return None
    if end == len(text):
        return len(text[:start].rstrip()), end  # the last line: the line breaks before it go
    end += 1
    if text[end : end + 1] == "\n" and (start == 0 or text[start - 2 : start] == "\n\n"):
        end += 1  # a paragraph between blank lines: one blank line stays, not two
    return start, end


def _renumbered(text: str, start: int, end: int) -> list[Edit]:
    """A numbered item removed from `text[start:end]`: the items after it, one number down each."""
    removed = NUMBERED_ITEM.match(text, start)
    if removed is None:
        return []
    edits, number = [], int(removed["number"])
    for item in NUMBERED_ITEM.finditer(text, end):
        if item.start() != end or int(item["number"]) != number + 1:
            break  # the list ends at the first line that is not its next item
        edits.append(Edit(item.start("number"), item.end("number"), str(number)))
        number += 1
        end = text.find("\n", item.end()) + 1 or len(text)
    return edits


def _many_of_you(norm: NormalisedText, doc: Doc, start: int, end: int) -> Fix | None:
    """A one-sentence post about one user: the user becomes "many of you" and the verb agrees."""
    cohort = doc.char_span(start, end, alignment_mode="expand")
    if cohort is None or cohort.text.startswith("@"):
        return None
    if cohort.text.lower() == "whoever":  # a free relative keeps its clause and its singular verb
        a, b = norm.to_original(start, end)
        where = [t for t in doc[cohort.root.i + 1 : cohort.root.right_edge.i + 1] if not t.is_punct]
        if not where:
            edits = (Edit(a, b, _cased(norm.original, a, "everyone who")),)
        else:  # "Whoever in flat 9C keeps…" -> "Everyone in flat 9C who keeps…"
            _, after = norm.to_original(start, where[-1].idx + len(where[-1]))
            edits = (Edit(a, b, _cased(norm.original, a, "everyone")), Edit(after, after, " who"))
        return Fix("Make the one user everyone who did it", "unsafe", edits)
    if everyone := _everyone_who(norm, doc, cohort):
        return everyone
    if cohort.root.dep_ == "pobj" and cohort.root.head.dep_ == "agent" and cohort.root.head.head.dep_ == "ROOT":
        edit = Edit(*norm.to_original(start, end), "many of you")  # "watched by one subscriber": no verb to change
        return Fix("Make the one user many of you", "unsafe", (edit,))
    verb = cohort.root.head
    # "our records show a tenant…"; not "we saw you…", a reply to the one account
    reported = (
        verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.i > verb.head.i and cohort.text.lower() != "you"
    )
    joined = verb.dep_ == "conj" and verb.head.dep_ == "ROOT"  # "Quiz night is on, and one rider is…"
    if cohort.root.dep_ not in {"nsubj", "nsubjpass"} or not (verb.dep_ == "ROOT" or reported or joined):
        return None  # an object, or the subject of a clause inside the sentence ("…asked where their X was")
    if any(t.tag_ in {"WP", "WRB"} for t in doc[cohort.sent.start : cohort.start]):
        return None  # "Who's the one reader…?" asks after the one user: many of them cannot be asked for
    if any(c.dep_ in {"aux", "auxpass"} and c.i < cohort.start for c in verb.children):
        return None  # "have you eaten?" asks the one account; it reports nothing
    partitive = [c for c in cohort.root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i >= cohort.end]
    if partitive:  # "A couple of givers": the whole group goes, not just "A couple"
        end = max(end, max(t.idx + len(t) for t in partitive[0].subtree))
    a, b = norm.to_original(start, end)
    if cohort.text.lower() == "you" and REPLY_OPENING.fullmatch(norm.original, 0, a):
        a = 0  # "@sam you've…": many are not one account's handle
    contracted = re.match(r"['’](ve|re|d|ll)\b", norm.original[b:]) if cohort.text.lower() == "you" else None
    if contracted:
        b += contracted.end()
    edits = [Edit(a, b, _cased(norm.original, a, "many of you" + (CONTRACTIONS[contracted[1]] if contracted else "")))]
    edits += _verb_made_plural(norm, cohort.root)
    relative = [c for c in cohort.root.children if c.dep_ == "relcl"]  # "…who's booked" -> "…who've booked"
    who = [c for r in relative for c in r.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"who", "that"}]
    for subject in who:
        edits += _verb_made_plural(norm, subject)
    # "renewed her plan", "had their fridge reorder" -> "many of you renewed your plan"
    around = [t for t in cohort.root.head.subtree if not cohort.start <= t.i < cohort.end]
    edits += _possessives(norm, around, {"his", "her", "their"}, "your")
    return Fix("Make the one user many of you", "unsafe", tuple(sorted(edits, key=lambda e: e.start)))


def _everyone_who(norm: NormalisedText, doc: Doc, cohort: Span) -> Fix | None:
    """One user spoken of, not to, and said what they did in a "who" clause ("love to the single
    listener in Ely who…", "a toast to the lone tenant who…"): the user becomes everyone who did it, and
    the clause, already singular, stays."""
    noun = cohort.root
    if noun.dep_ not in {"dobj", "pobj", "dative"}:
        return None
    clauses = [*noun.children, *(t for c in noun.children if c.lower_ == "of" for t in c.subtree)]
    relative = next((c for c in clauses if c.dep_ == "relcl" and doc[c.left_edge.i].lower_ == "who"), None)
    if relative is None:
        return None
    first, who = doc[min(t.i for t in noun.subtree)], doc[relative.left_edge.i]
    a, _ = norm.to_original(first.idx, first.idx + len(first))
    b, _ = norm.to_original(who.idx, who.idx + len(who))
    edits = [
        Edit(a, b, _cased(norm.original, a, "everyone ")),
        *_possessives(norm, relative.subtree, {"his", "her"}, "their"),
    ]
    return Fix("Make the one user everyone who did it", "unsafe", tuple(edits))  # "who renewed their plan"


def _possessives(norm: NormalisedText, tokens: Iterable[Token], words: set[str], made: str) -> list[Edit]:
    """Edits that make the possessives `words` among `tokens` the one that now agrees ("her" -> "your"),
    capitalised where they were."""
    return [
        Edit(*norm.to_original(t.idx, t.idx + len(t)), made.capitalize() if t.text[0].isupper() else made)
        for t in tokens
        if t.tag_ == "PRP$" and t.lower_ in words
    ]


def _verb_made_plural(norm: NormalisedText, subject: Any) -> list[Edit]:
    """Edits that make the verb of a subject now plural agree with it, auxiliaries first ("has taken"),
    and the verbs joined to it that share the subject ("…has flown 90 times and has never…")."""
    joined = [
        c
        for c in subject.head.children
        if c.dep_ == "conj"
        and c.pos_ in {"VERB", "AUX"}
        and not any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)
    ]  # "…and her sister is on the list" has a subject of its own
    return [
        Edit(*norm.to_original(t.idx, t.idx + len(t)), _plural(t, has=verb.tag_ == "VBN"))
        for verb in [subject.head, *joined]
        for t in [*(c for c in verb.children if c.dep_ in {"aux", "auxpass"}), verb]
        if t.tag_ == "VBZ"
    ]


def _plural(verb: Token, has: bool) -> str:
    """A present-tense verb's plural form; "'s" is "has" before a participle ("who's booked" ->
    "who've booked"), else "is" ("who's going" -> "who're going")."""
    word = verb.lower_.replace("’", "'")
    plural = "'ve" if word == "'s" and has else PLURAL_VERBS.get(word, verb.lemma_)
    return plural.replace("'", "’") if "’" in verb.text else plural


def chosen_edits(fixes: Iterable[Fix], text: str) -> list[Edit]:
    """The edits of every fix that overlaps none chosen before it (earliest and widest first). Removals
    that overlap become one removal of both ("in Derby, 64" and ", 64,": the place and the age go
    together, with both commas), so no stray punctuation is left between them, nor a space at the end
    where together they reach it."""
    chosen: list[Edit] = []
    for fix in sorted(fixes, key=lambda f: (f.edits[0].start, -(f.edits[-1].end - f.edits[0].start), not f.safe)):
        clashing = [
            c for c in chosen if any(e.start < c.end and c.start < e.end or e.start == c.start for e in fix.edits)
        ]
        if not clashing:
            chosen.extend(fix.edits)
        elif len(fix.edits) == 1 and not fix.edits[0].replacement and not any(c.replacement for c in clashing):
            spans = [fix.edits[0], *clashing]
            chosen = [c for c in chosen if c not in clashing]
            start, end = min(e.start for e in spans), max(e.end for e in spans)
            if end == len(text):
                start = _space_before(text, start)
            # each took a space of its own ("the| clinic| tab"): one stays between the words either side
            glued = start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()
            spaced = text[start].isspace() or text[end - 1].isspace()
            chosen.append(Edit(start, end, " " if glued and spaced else ""))
    return sorted(chosen, key=lambda e: e.start)


def apply_edits(text: str, edits: list[Edit]) -> str:
    """`text` with `edits` made; where they leave a lower-case word opening a post that opened with a
    capital (the words before went, and the emoji before them stayed: "😬 many members…"), it is
    capitalised."""
    fixed = text
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        fixed = fixed[: edit.start] + edit.replacement + fixed[edit.end :]
    was, now = OPENING_LETTER.match(text), OPENING_LETTER.match(fixed)
    if was and now and was[1].isupper() and now[1].islower():
        fixed = fixed[: now.start(1)] + now[1].upper() + fixed[now.end(1) :]
    return fixed


def moved(position: int, edits: list[Edit]) -> int:
    """Where a position of the text before `edits` is after them (inside an edit: its start)."""
    shift = 0
    for edit in edits:
        if edit.end <= position:
            shift += len(edit.replacement) - (edit.end - edit.start)
        elif edit.start < position:
            return edit.start + shift
    return position + shift
