"""`postlint_details`: marks the words that narrow or colour a claim, before claims are assembled.

Each recogniser is a small named unit that adds labelled spans to `doc.spans["postlint_details"]`:
repetition, time, place, age, gender, device, `sensitive.<category>`, `tone.<kind>`, the context words
claims use (outside sources, permission, call-out openers) and a team's own `rule.<ID>` terms. Most are
lexicons from the rules pack; tone also reads grammar (a bare rhetorical question such as "Standards?").
Named places come later, from `postlint_places`, and only for posts that make a claim.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from linter.nlp.extensions import INCOMPLETE, SIGNED_AT, SPAN_KEY
from linter.nlp.matching import TermMatcher, compile_patterns, find
from linter.nlp.sentences import is_emoji
from linter.nlp.words import word_set

# Lexicons matched in the text; each match becomes a span labelled with the lexicon's name
# ("time", "sensitive.health", "tone.pity", "rule.TEAM001"), without a trailing ".terms"/".patterns".
TEXT_LEXICONS = (
    "repetition",
    "time",
    "place",
    "age",
    "gender",
    "device",
    "sensitive",
    "tone",
    "external_sources",
    "permission_markers",
    "callout_openers",
    "rule",
)
PER_PERSON_MAX = 100_000  # a repetition count above this is a total over many people, not one person's habit
SIGN_OFF = re.compile(r"\s[—–]\s*[A-Z@][\w&'’.@-]*(?:\s+[A-Z&][\w&'’.-]*){0,4}\s*$")  # see SIGNED_AT

Recogniser = Callable[[Doc], Iterator[Span]]


def split_text_lexicons(lexicons: dict[str, list]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Terms and regular-expression patterns per label, from the lexicons matched in the text."""
    terms: dict[str, list[str]] = {}
    patterns: dict[str, list[str]] = {}
    for name, entries in lexicons.items():
        if name.split(".", 1)[0] not in TEXT_LEXICONS:
            continue
        if name.endswith(".patterns"):
            patterns.setdefault(name.removesuffix(".patterns"), []).extend(entries)
        else:
            terms.setdefault(name.removesuffix(".terms"), []).extend(entries)
    return terms, patterns


class DetailRecognisers:
    """Holds the compiled lexicons; calling it on a Doc fills the span group."""

    def __init__(self, nlp: Language, lexicons: dict[str, list]):
        terms, patterns = split_text_lexicons(lexicons)
        self.terms = TermMatcher(nlp, terms)
        self.patterns = {label: compile_patterns(entries) for label, entries in patterns.items()}
        self.recognisers: list[Recogniser] = [self.terms, self._patterns, self._bare_questions]
        self.everyday_senses = _everyday_senses(lexicons)

    def __call__(self, doc: Doc) -> Doc:
        signed = SIGN_OFF.search(doc.text)
        doc._.set(SIGNED_AT, signed.start() if signed else None)
        before = signed.start() if signed else len(doc.text)
        spans = [span for recognise in self.recognisers for span in recognise(doc) if span.start_char < before]
        spans = self._without_everyday_senses(_without_words_of_place_names(spans), doc)
        doc.spans[SPAN_KEY] = sorted(set(spans), key=lambda s: (s.start, s.end, s.label_))
        return doc

    def _patterns(self, doc: Doc) -> Iterator[Span]:
        text = doc.text  # spaCy joins the tokens' text anew on every read
        for label, pattern in self.patterns.items():
            try:
                for match in find(pattern, text):
                    count = match.groupdict().get("count")
                    if count and count.isascii() and float(count) > PER_PERSON_MAX:
                        continue
                    span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="expand")
                    if span is not None and len(span):
                        yield span
            except TimeoutError:
                doc._.set(INCOMPLETE, [*(doc._.get(INCOMPLETE) or []), label])

    def _without_everyday_senses(self, spans: list[Span], doc: Doc) -> list[Span]:
        """ "6,200 loans" in a post about library books, "crime" beside "novels": a special category's
        word in the everyday sense the post's other words show is not that category."""
        if not any(span.label_.startswith("sensitive.") for span in spans):
            return spans
        words = {t.lower_ for t in doc}
        meant = set().union(*(sense for sense, context in self.everyday_senses if words & context))
        return [s for s in spans if not (s.label_.startswith("sensitive.") and s.text.lower() in meant)]

    def _bare_questions(self, doc: Doc) -> Iterator[Span]:
        """A one-to-three word question with no subject ("Picky?", "Running away?") mocks the reader."""
        if "?" not in doc.text:
            return
        for sent in doc.sents:
            if len(sent) > 12:  # three words with their punctuation and emoji at most
                continue
            words = [t for t in sent if not (t.is_punct or t.is_space or is_emoji(t.text) or t.pos_ in {"SYM", "X"})]
            if not words or not 1 <= len(words) <= 3 or not any(t.text == "?" for t in doc[words[-1].i : sent.end]):
                continue
            proper = [t for t in words[1:] if t.pos_ == "PROPN"]  # a capitalised first word is often tagged PROPN
            if proper or any(
                t.pos_ in {"PRON", "AUX", "NUM"} or t.tag_ in {"WDT", "WP", "WRB", "PRP$", "JJS", "RBS"} or t.like_num
                for t in words
            ):
                continue  # "Can you?", "Your turn?", "Where to next?", "The most-read?" invite; they do not mock
            if all(t.pos_ in {"ADV", "INTJ"} for t in words):
                continue  # "Honestly?", "Really?"
            yield Span(doc, words[0].i, words[-1].i + 1, label="tone.mock")


@Language.factory(
    "postlint_details",
    requires=["token.pos", "token.dep"],
    assigns=["doc.spans", "doc._.signed_at"],
)
def make_details(nlp: Language, name: str, lexicons: dict[str, list]) -> DetailRecognisers:
    """`lexicons`: a pack's lexicons by name (the engine passes its pack's; see `postlint.pack_lexicons.v1`)."""
    return DetailRecognisers(nlp, lexicons)


def _everyday_senses(lexicons: dict[str, list]) -> list[tuple[set[str], set[str]]]:
    """(the words, the context words that show their everyday sense) per `everyday_senses.<name>`."""
    names = sorted({name.split(".")[1] for name in lexicons if name.startswith("everyday_senses.")})
    group = "everyday_senses"
    return [(word_set(lexicons, f"{group}.{n}.words"), word_set(lexicons, f"{group}.{n}.context")) for n in names]


def _without_words_of_place_names(spans: list[Span]) -> list[Span]:
    """ "Hospital Road", "Union Street", "Casino Square": a special category's word inside a longer place
    name is a word of the name, not the category."""
    names = [s for s in spans if s.label_ == "place" and len(s) > 1 and s.text[:1].isupper()]
    return [
        span
        for span in spans
        if not (
            span.label_.startswith("sensitive.")
            and any(n.start <= span.start and span.end <= n.end and len(span) < len(n) for n in names)
        )
    ]
