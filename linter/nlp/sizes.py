"""Reading a cohort's size from the words around a person noun: numbers, quantifiers, percentages."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token
from text_to_num import text2num

from linter.nlp.claim import CohortSize
from linter.nlp.places import place_of_demonym
from linter.nlp.sentences import STAT_SEPARATORS, is_emoji
from linter.nlp.syntax import left_edge, only_filler

MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "lakh": 100_000,  # South Asian English: "3 lakh users" is 300,000
    "lakhs": 100_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "k": 1_000,
    "m": 1_000_000,
    "bn": 1_000_000_000,
}
VAGUE_LOW = {
    "under_100": 2,
    "hundreds": 100,
    "thousands": 1_000,
    "tens_of_thousands": 10_000,
    "hundreds_of_thousands": 100_000,
    "millions": 1_000_000,
}
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
CLOCK_TIME = re.compile(r"\d+\s*(?:am|pm|a\.m\.|p\.m\.)\b", re.I)  # "1am": a time, not a count
AGE = re.compile(r"\d{1,3}(?:\s*(?:-|–|to)\s*\d{1,3})?\s*-?\s*(?:years?|yrs?)\s*-?\s*olds?\b", re.I)


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
        if CLOCK_TIME.match(child.doc[child.i : child.i + 3].text):  # not doc.text: rebuilt per read
            continue  # "our 7am commuters": the parse may count them by the hour
        if AGE.match(child.doc[child.i : child.i + 7].text):
            continue  # "our 18-24 year-old listeners": an age, not how many
        if child.dep_ in {"nummod", "quantmod"} and (child.like_num or child.lower_ in MULTIPLIERS):
            found.append(child)
            found.extend(c for c in child.children if c.like_num or c.lower_ in MULTIPLIERS)
        elif child.dep_ in {"poss", "compound"} and child.i < head.i:
            found.extend(number_tokens(child))
    return sorted(found, key=lambda t: t.i)


RANGE_WORDS = {"to", "and", "or", "-", "–", "—"}


def count_of(tokens: list[Token]) -> float | None:
    """The biggest value among a number phrase's tokens (the multiplier word carries the product); for a
    range ("between 20 and 30", "2 to 3 million") its lower end, as the policy counts a vague size."""
    ends: list[list[Token]] = [[]]
    for token in tokens:
        gap = token.doc[ends[-1][-1].i + 1 : token.i] if ends[-1] else ()
        if len(gap) == 1 and gap[0].lower_ in RANGE_WORDS:
            ends.append([])
        ends[-1].append(token)
    scale = MULTIPLIERS.get(ends[-1][-1].lower_, 1) if len(ends) > 1 and ends[-1] else 1
    values = []
    for end in ends:
        known = [v for v in map(number_value, end) if v is not None]
        if known:  # "2 and 3 million": the lower end shares the upper end's multiplier
            multiplied = end is ends[-1] or any(t.lower_ in MULTIPLIERS for t in end)
            values.append(max(known) * (1 if multiplied else scale))
    return min(values, default=None)


PERCENT_SIGNS = {"%", "‰"}
APPROXIMATE = {"about", "around", "approx", "approx.", "approximately", "roughly", "circa", "c.", "ca.", "~", "+"}


def stat_value(label: Token, value_words: set[str]) -> list[Token]:
    """ "riders who left a bike in the canal: around 60": on a stat line whose label `label` heads, the
    number tokens of a value that is a count and nothing else (no "%", no clock time, no words but
    `value_words`: a bound or "about"). Empty when the line is not such a stat."""
    sent = label.sent
    separator = next((t for t in label.doc[label.i + 1 : sent.end] if t.text in STAT_SEPARATORS), None)
    return [] if separator is None else _count_only(label.doc[separator.i + 1 : sent.end], value_words)


def label_count(group: Token, value_words: set[str]) -> list[Token]:
    """ "Players: 2.2M": the count a stat line gives the group its label opens with."""
    if not only_filler(group.doc[group.sent.start : left_edge(group)]):
        return []
    return stat_value(group, value_words)


THAT_IS = {("that", "'s"), ("that", "’s"), ("that", "is"), ("this", "is"), ("that", "was")}


def how_many_count(many: Token, value_words: set[str]) -> list[Token]:
    """ "Nine. That's how many members have…", "That is how many riders we…: nine": the count a "that's how
    many" sentence points back to (a sentence that is only a count) or ends with (after a colon)."""
    doc = many.doc
    before = [t.lower_ for t in doc[max(many.i - 4, 0) : many.i]]
    if many.lower_ != "many" or before[-1:] != ["how"] or tuple(before[-3:-1]) not in THAT_IS:
        return []
    sent = many.sent
    if sent.start > 0:
        counted = _count_only(doc[doc[sent.start - 1].sent.start : sent.start], value_words)
        if counted:
            return counted
    return stat_value(many, value_words)


def _count_only(words: Span, value_words: set[str]) -> list[Token]:
    """The number tokens of `words` where they say a count and nothing else, else none."""
    value = [t for t in words if not (t.is_space or is_emoji(t.text))]
    numbers = [t for t in value if t.like_num or t.lower_ in MULTIPLIERS]
    rest = {t.lower_ for t in value if t not in numbers and not (t.is_punct and t.text not in PERCENT_SIGNS)}
    if not numbers or not rest <= value_words:
        return []
    return numbers


# Fractions of a group, as rates: with a count of the group in the post, n is derived from it ("48,000
# of you ordered on Friday, and half of you chose the pizza" is 24,000); without one, n stays unknown.
FRACTIONS = {
    "half": 1 / 2,
    "most": 1 / 2,
    "majority": 1 / 2,
    "the majority": 1 / 2,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "a quarter": 1 / 4,
    "one quarter": 1 / 4,
    "three quarters": 3 / 4,
    "a fifth": 1 / 5,
    "one fifth": 1 / 5,
    "a tenth": 1 / 10,
    "one tenth": 1 / 10,
}


def bounded_low(value: float, window: Span, bounds: dict[str, set[str]]) -> int:
    """Apply "nearly"/"under" (strictly below) to a stated number, looking just before it."""
    before = re.sub(r"\s+an?$", "", " ".join(t.lower_ for t in window))  # "nearly a hundred"
    strict_below = any(re.search(rf"(?<!\w){re.escape(w)}$", before) for w in bounds.get("at_most", ()))
    low = int(round(value))
    return max(low - 1, 0) if strict_below and value > 1 else low


def vague_size(words: str, vague: dict[str, set[str]]) -> CohortSize | None:
    """Map a quantifier phrase ("a handful", "hundreds") to a size; "some", "many" are unknown."""
    words = words.lower().strip()
    matches = [
        (len(t), group) for group, terms in vague.items() for t in terms if words == t or words.endswith(" " + t)
    ]
    if not matches:
        return None
    _, group = max(matches)  # the longest phrase: "tens of thousands", not "thousands"
    if group == "unknown":
        return CohortSize("unknown", None, words)
    return CohortSize("vague", VAGUE_LOW[group], words)


def id_suffix(token: Token) -> int:
    """ "user #4821", "card no. 0042": the id after the noun makes it one account."""
    words = [t.lower_ for t in token.doc[token.i + 1 : token.i + 4]]
    if words and words[0].startswith("#") and words[0][1:].isdigit():
        return 1
    for marker in (["#"], ["no."], ["no", "."], ["number"]):
        after = words[len(marker) : len(marker) + 1]
        if words[: len(marker)] == marker and after and after[0].isdigit():
            return len(marker) + 1
    return 0


BARE_ID = re.compile(r"^\d{1,4}[a-z]?$", re.I)  # "plot 23", "seat 14B"


def rate_of(part: Token, whole: float | None) -> float | None:
    """ "1 in 50000": the part's number over the whole; None when either is missing."""
    top = number_value(part)
    return top / whole if top is not None and whole else None


def own_count(people: Token) -> float | None:
    """The count stated on a group: "our 2 million subscribers" -> 2e6; "2000" alone -> 2000."""
    if people.like_num:
        return number_value(people)
    return count_of(number_tokens(people))


def percent_head(number: Token) -> Token:
    """spaCy usually hangs "0.002" under the "%" token; then the % is what takes the verb."""
    percent_sign = number.nbor(1)
    return percent_sign if number.head.i == percent_sign.i else number


def percent_value(token: Token) -> float | None:
    value = number_value(token)
    return value / 100 if value is not None else None


class SizeReading:
    """Part of `ClaimFinder`: reading n from the words around a cohort."""

    def _id_after(self, token: Token) -> int:
        """How many tokens after `token` are an id that makes it one customer: "user #4821", "card no.
        0042"; for a place given to one customer, a bare number too ("plot 23", "seat 14B", "table 4")."""
        skip = id_suffix(token)
        if skip or token.lemma_.lower() not in self.assigned_places or token.i + 1 >= len(token.doc):
            return skip
        return int(BARE_ID.match(token.doc[token.i + 1].text) is not None)

    def _stated_size(self, token: Token, size_span: Span) -> CohortSize:
        if any(c.lower_ in {"every", "each"} for c in token.children):
            return CohortSize("unknown", None, size_span.text)  # "each one of them": the whole group again
        value = (
            number_value(token)
            if token.like_num or token.lower_ in {"hundred", "thousand", "million", "billion"}
            else None
        )
        upper = next((c for c in token.children if c.dep_ == "conj" and c.i > token.i and number_value(c)), None)
        if value is not None and upper is not None and token.doc[token.i + 1].lower_ in RANGE_WORDS:
            # "between 4 and 5 million of you": the parse makes the upper end a conjunct of the lower
            value = count_of(
                sorted([token, upper, *(c for c in upper.children if c.like_num and c.i > token.i)], key=lambda t: t.i)
            )
        if value is not None:
            window = token.doc[max(size_span.start - 3, 0) : token.i]
            low = bounded_low(value, window, self.bounds)
            return CohortSize("singular" if low == 1 else "exact", low, size_span.text)
        return vague_size(size_span.text, self.vague) or CohortSize("unknown", None, size_span.text)

    def _noun_size(self, token: Token, size_span: Span | None) -> CohortSize:
        words = token.doc[size_span.start : token.i].text.lower() if size_span is not None else ""
        if token.lower_ in self.individual_pronouns:
            return CohortSize("singular", 1, token.text)
        vague = vague_size(words, self.vague) if words else None
        if vague is not None and words not in self.singular_determiners:
            return vague
        singular = token.tag_ in {"NN", "NNP"} and token.lower_ not in self.plural_people | self.collective_people
        if singular and token.lower_.endswith("s") and place_of_demonym(token) is not None:
            singular = False  # "Glaswegians", whatever tag the parse gave it
        determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "nummod", "quantmod"}}
        if determiners & self.distributive_determiners:  # "every subscriber who…": all of them, however many
            return CohortSize("unknown", None, words or token.text)
        modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound", "nmod"}} | {
            c.lower_ for c in token.children if c.tag_ in {"JJS", "RBS"}
        }
        if singular and (
            determiners & self.singular_determiners
            or modifiers & self.superlative_words  # "our top reader", "our biggest fan"
            or any(c.tag_ == "JJS" for c in token.children)
            or self._id_after(token)
            or any(t.dep_ in {"relcl", "acl"} for t in token.subtree)  # "the diner at table 9 who…"
            or "same" in {c.lower_ for c in token.children}
        ):
            return CohortSize("singular", 1, words or token.text)
        return CohortSize("unknown", None, words or token.text)

    def _derived(self, token: Token, rate: float | None, people: Token, base: float | None) -> CohortSize:
        """n = rate x base; without a base in the phrase, the nearest other count of people in the post."""
        base_at = None
        if base is None:
            base, base_at = self._base_count(token, people) or (None, None)
        if rate is None or base is None:
            return CohortSize("unknown", None, token.text)
        low = max(int(round(rate * base)), 1)
        return CohortSize("derived", low, f"{rate * 100:.4g}% of {base:,.0f}", base_at)

    def _base_count(self, token: Token, people: Token) -> tuple[float, int] | None:
        """The nearest other stated count of people, before the rate if there is one, else after, and
        where it stands."""
        candidates = []
        for other in people.doc:
            if other.i == token.i or other.i == people.i or self._is_percent(other) or not self._is_people(other):
                continue
            value = count_of(number_tokens(other))
            if value is None:
                value = count_of(label_count(other, self.value_words))  # "Players: 2.2M" on a stat card
            if value is None and other.lower_ in self.second_person | {"them"} and other.head.lower_ == "of":
                value = (
                    count_of([other.head.head])
                    if other.head.head.like_num or other.head.head.lower_ in {"million", "thousand", "billion"}
                    else None
                )
            if value is not None and value > 1:
                candidates.append((other.i > token.i, abs(other.i - token.i), value, other.i))
        return min(candidates)[2:] if candidates else None

    def _is_percent(self, token: Token) -> bool:
        return self._percent_number(token) is not None

    def _percent_number(self, token: Token) -> Token | None:
        """For "0.002" or the "%" after it, the number token; None when the token is no percentage."""
        doc = token.doc
        if token.like_num and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in self.percent_words:
            return token
        if token.lower_ in self.percent_words and token.i > 0 and doc[token.i - 1].like_num:
            return doc[token.i - 1]
        return None
