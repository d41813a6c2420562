"""`postlint_places`: named places (a town, a venue, a region) as narrowing detail of the claims made.

The entity recogniser is the most expensive part of the English pipeline, and a place only matters as
detail of a claim: so the engine keeps `ner` out of the pipeline and this component runs it only on the
sentences of claims that could name a place (they hold a proper noun), each read as a text of its own,
and adds each place smaller than a country to the details span group and to the claims of its sentence.
Other sentences and posts are never run through it. (Where the pipeline runs `ner` itself, or a
component asked for a post's entities earlier, those entities are used as they are.)

A town the small recogniser misses, as it does when the name modifies a noun ("our Leeds store"), is
found by name in `data/towns.txt` where the grammar puts it in a place's position.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from linter.nlp.claim import Claim
from linter.nlp.extensions import SIGNED_AT, SPAN_KEY
from linter.nlp.span_docs import span_docs
from linter.nlp.words import country_names, data_lines

PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
# What the entity recogniser can call a greeted name that is not a person ("Thanks, Leeds!"). It leaves
# many first names unlabelled, and those still count; the few it misreads as a place or an organisation
# are missed, the price of not reading a greeted city or brand as one customer.
NOT_PEOPLE = {"GPE", "LOC", "FAC", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE"}
DEMONYM_ENDING = re.compile(r"(?:sh|ch|an|ese|i)$")  # "Welsh", "Dutch", "Canadian", "Iraqi" residents: of a country
RESIDENTS = {"resident", "local", "neighbour", "neighbor"}  # people named by where they live ("Eastgate residents")
PLACE_PREPOSITIONS = {"in", "at", "from", "near", "around", "across", "outside"}
GREETINGS = {"hey", "hi", "hello", "oi", "yo", "dear"}  # words before a name spoken to ("Hey Leeds")
TIME_PREPOSITIONS = {"since", "until", "till", "before", "after", "during"}
# Towns named like a month or a day ("March", "Sunday") are read as dates, as a reader would.
TOWNS = frozenset(data_lines("towns.txt")) - {*calendar.month_name, *calendar.day_name}
# Demonyms: a town's people by the town's name with an ending ("Bristolians", "Dubliners", "Tokyoites",
# "Osakans"), or as listed in data/demonyms.txt ("Mancunians").
DEMONYM_SUFFIXES = ("nian", "ian", "ean", "ite", "an", "er", "ese", "ois", "ais", "i")
NOT_DEMONYMS = {"hamburger", "frankfurter", "wiener"}  # food first
_TOWN_KEYS = {re.sub(r"[\s.'-]", "", town.lower()): town for town in TOWNS}
_COUNTRY_KEYS = {re.sub(r"[\s.'-]", "", country): country for country in country_names([])}
_IRREGULAR_DEMONYMS = dict(line.split("\t") for line in data_lines("demonyms.txt"))
NOT_TOWNS = {"DATE", "TIME", "PERSON", "NORP", "EVENT", "WORK_OF_ART", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}


def place_of_demonym(token: Token) -> str | None:
    """The town or country a capitalised word names the people of ("Bristolians" -> "Bristol", "Italians"
    -> "italy"), or None. A sentence's first word is capitalised anyway, so there a short town ("Deal" in
    "Dealers") is not taken."""
    if not token.text[:1].isupper() or token.is_upper or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    word = token.lower_
    plural = word.endswith("s") and not word.endswith("ss")
    counted_one = any(c.dep_ == "det" and c.lower_ in {"a", "an", "one", "every", "each"} for c in token.children)
    if not plural and not counted_one:
        return None  # "a Glaswegian" counts one; a bare singular ("Ramadan") is a name of its own
    return _place_named_by(word[:-1] if plural else word, bool(token.is_sent_start))


@lru_cache(maxsize=8192)
def _place_named_by(singular: str, first: bool) -> str | None:
    """The town or country whose people `singular` names, by the irregular list or by an ending."""
    if singular in NOT_DEMONYMS:
        return None
    if singular in _IRREGULAR_DEMONYMS:
        return _IRREGULAR_DEMONYMS[singular]
    for suffix in DEMONYM_SUFFIXES:
        stem = singular.removesuffix(suffix)
        if stem == singular or len(stem) < 3:
            continue
        undoubled = stem[:-1] if stem[-1] == stem[-2] else None  # "Winnipeggers"
        keys = [key for key in (stem, stem + "a", stem + "e", stem + "o", stem + "y", undoubled) if key]
        country = next((_COUNTRY_KEYS[key] for key in keys if key in _COUNTRY_KEYS), None)
        if country is not None:
            return country  # "Indians": a nation's people (a town "Indi" notwithstanding)
        for key in keys:
            town = _TOWN_KEYS.get(key)
            if town is not None and not (first and len(key) < 5):
                return town
    return None


def entities(nlp: Language, recogniser: str) -> Callable[[list[Doc]], list[Doc]]:
    """Sets `doc.ents` once on each Doc, in one batch, with the named recogniser even where it is
    disabled in the pipeline."""

    def annotate(docs: list[Doc]) -> list[Doc]:
        todo = [doc for doc in docs if not doc.has_annotation("ENT_IOB")]
        if todo and recogniser in nlp.component_names:
            for _ in nlp.get_pipe(recogniser).pipe(todo):
                pass
        return docs

    return annotate


def _sentences_to_read(doc: Doc) -> list[Span]:
    """The sentences of the post's claims that hold a proper noun or a capitalised word past their first:
    the recogniser finds places only there (and costs more than the parser), so only they are read."""
    if doc.has_annotation("ENT_IOB"):
        return []
    sentences = {claim.cohort.sent.start: claim.cohort.sent for claim in doc._.claims or ()}
    return [
        sent
        for _, sent in sorted(sentences.items())
        if any(token.pos_ == "PROPN" or (token.i > sent.start and token.text[:1].isupper()) for token in sent)
    ]


class Places:
    def __init__(self, nlp: Language, recogniser: str, lexicons: dict[str, list]):
        self.nlp = nlp
        self.recogniser = recogniser
        self.countries = country_names(lexicons.get("countries_extra", []))
        self.premises = {word.lower() for word in lexicons.get("premises", [])}
        self.people = {
            word.lower() for name in ("person_nouns", "collective_people") for word in lexicons.get(name, [])
        }
        self.activity = {word.lower() for word in lexicons.get("behaviour_nouns", [])}

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(docs, batch_size):
            self._read_sentences(batch)
            yield from map(self._attach, batch)

    def _read_sentences(self, docs: list[Doc]) -> None:
        """Runs the recogniser, in one batch, on the sentences worth reading, and sets the entities it
        finds on their posts (the rest of each post stays unannotated)."""
        todo = [(doc, sent) for doc in docs for sent in _sentences_to_read(doc)]
        if not todo or self.recogniser not in self.nlp.component_names:
            return
        texts = span_docs([sent for _, sent in todo])
        found: dict[int, list[Span]] = {}
        for (doc, sent), text in zip(todo, self.nlp.get_pipe(self.recogniser).pipe(texts), strict=True):
            found.setdefault(id(doc), []).extend(
                Span(doc, sent.start + ent.start, sent.start + ent.end, label=ent.label) for ent in text.ents
            )
        for doc in docs:
            if id(doc) in found:
                doc.set_ents(found[id(doc)], default="unmodified")

    def _attach(self, doc: Doc) -> Doc:
        doc._.claims = [c for c in doc._.claims or () if c.cohort.label_ != "place" or self._is_place(c.cohort)]
        if not doc._.claims:
            return doc
        places = [
            Span(doc, ent.start, ent.end, label="place")
            for ent in doc.ents
            if ent.label_ in PLACE_ENTITIES
            and any(c.isalpha() for c in ent.text)  # the recogniser can take an emoji for a place
            and not ent.text.startswith("@")  # …or an account's handle
            and not self._is_country(ent.text)
            and not _after_a_time_preposition(ent)
            and not _a_service_used(ent)
            and not self._names_a_product(ent)
        ]
        places += self._named_towns(doc, places)
        people = {claim.cohort.root.i for claim in doc._.claims if claim.cohort.label_ != "place"}
        places = [p for p in places if not any(p.start <= i < p.end for i in people)]  # "Nadia", read as a town
        places += self._places_as_people(doc, places)
        signed_at = doc._.get(SIGNED_AT)
        places = [p for p in places if signed_at is None or p.start_char < signed_at]
        if not places:
            return doc
        known = {(s.start, s.end, s.label_) for s in doc.spans[SPAN_KEY]}
        doc.spans[SPAN_KEY] = sorted(
            [*doc.spans[SPAN_KEY], *(p for p in places if (p.start, p.end, "place") not in known)],
            key=lambda s: (s.start, s.end, s.label_),
        )
        opening = [p for p in places if _opens_post(p) and _addressed(p, self.activity)]
        for claim in doc._.claims:
            sentences = [claim.cohort.sent]  # and a greeting before it, where "you" are the ones greeted
            if (greeting := _greeting_before(claim.cohort.sent)) and any(t.lower_ == "you" for t in claim.cohort):
                sentences.append(greeting)
            held = {(p.start, p.end) for p in claim.details.setdefault("place", [])}
            greeted = [p for p in opening if p.end < claim.cohort.start and _spoken_to_about(claim, self.activity)]
            claim.details["place"] += [
                p
                for p in places
                if (any(s.start <= p.start and p.end <= s.end for s in sentences) or p in greeted)
                and (p.start, p.end) not in held
            ]
        return doc

    def _names_a_product(self, ent: Span) -> bool:
        """ "our Winter Warmers mix", "the Northern Lights bundle": a name the small recogniser calls a place,
        standing before a noun that is no premises, people or activity, names the thing. A known town stays
        a place ("our Leeds bundle" was made for Leeds)."""
        head = ent.root.head
        return (
            ent.root.dep_ == "compound"  # (its head is a noun, whatever the tagger said: "our X mix")
            and head.is_alpha  # not an emoji the parse hung the place on ("in Nevada 🔞")
            and head.lemma_.lower() not in self.premises | self.people | self.activity
            and ent.text not in TOWNS
        )

    def _named_towns(self, doc: Doc, known: list[Span]) -> list[Span]:
        """Towns the small recogniser missed or read as something else: a name from the towns list that
        modifies a premises, people or activity noun ("our Leeds store", "Penzance households", "Krakow
        bookings") or follows a preposition of place ("from Swindon", "residents of Truro"; not a name read
        as a person there); and any name that residents or locals are of ("Eastgate residents"), as the
        policy reads it. Never a name the recogniser read as a date or a nationality."""
        found = []
        for token in doc:
            if (
                not _capitalised(token)
                or token.ent_type_ in NOT_TOWNS - {"PERSON"}
                or any(s.start <= token.i < s.end for s in known)
            ):
                continue
            if token.i + 1 < len(doc) and _capitalised(doc[token.i + 1]) and doc[token.i + 1].dep_ == "compound":
                continue  # not the last word of the name
            start = token.i
            while start > 0 and _capitalised(doc[start - 1]) and doc[start - 1].head.i in {token.i, token.head.i}:
                start -= 1
            name = doc[start : token.i + 1]
            head = token.head
            while head.dep_ == "compound" and head.lemma_.lower() not in self.premises:
                head = head.head
            of_residents = (head if token.dep_ == "compound" else token.head.head).lemma_.lower() in RESIDENTS
            if name.text not in TOWNS and not (of_residents and not DEMONYM_ENDING.search(name.text.lower())):
                continue  # a name not known as a town is a place only as where residents live ("Welsh" is not one)
            if self._is_country(name.text):
                continue  # a country, or a city that is one too ("Singapore"): being in it does not narrow
            modifies = token.dep_ == "compound" and head.lemma_.lower() in self.premises | self.people | self.activity
            placed = token.dep_ == "pobj" and token.ent_type_ != "PERSON" and self._of_place(token.head)
            if modifies or placed or _addressed(name, self.activity):
                found.append(Span(doc, name.start, name.end, label="place"))
        return found

    def _is_place(self, name: Span) -> bool:
        """A name the claim finder took for a place as the doer ("Cardiff ordered…"): a place entity, or a
        town the recogniser missed or took for a product (not a person or an organisation)."""
        entity = next((e for e in name.doc.ents if e.start <= name.end - 1 < e.end), None)
        if entity is not None and entity.label_ in PLACE_ENTITIES and entity.end == name.end:
            return True
        return name.text in TOWNS and (entity is None or entity.label_ not in NOT_TOWNS | {"ORG"})

    def _places_as_people(self, doc: Doc, known: list[Span]) -> list[Span]:
        """A cohort named by its place is narrowing detail too: "Dubliners", "a Mancunian", the place
        itself as the doer ("Cardiff ordered…"), or its people spoken to about what "you" did
        ("Glaswegians, you…"), when smaller than a country."""
        spans = {(t.i, t.i + 1) for claim in doc._.claims for t in claim.cohort if self._town_of_people(t)}
        spans |= {
            (t.i, t.i + 1) for t in doc if self._town_of_people(t) and _addressed(doc[t.i : t.i + 1], self.activity)
        }
        spans |= {
            (c.cohort.start, c.cohort.end)
            for c in doc._.claims
            if c.cohort.label_ == "place" and not self._is_country(c.cohort.text)
        }
        held = {(p.start, p.end) for p in known}
        return [Span(doc, a, b, label="place") for a, b in sorted(spans - held)]

    def _town_of_people(self, token: Token) -> bool:
        """ "Dubliners", "a Mancunian": people named by a place smaller than a country."""
        place = place_of_demonym(token)
        return place is not None and not self._is_country(place)

    def _is_country(self, name: str) -> bool:
        """A country or an area as large ("the Netherlands", "Europe"): being in one does not narrow."""
        return name.lower().removeprefix("the ") in self.countries

    def _of_place(self, preposition: Token) -> bool:
        """ "in", "at", "from"…, or "of" after people or premises ("residents of Truro")."""
        if preposition.lower_ == "of":
            return preposition.head.lemma_.lower() in self.premises | self.people
        return preposition.lower_ in PLACE_PREPOSITIONS


def _addressed(name: Span, activity: set[str]) -> bool:
    """A town spoken to about what "you" did ("Leeds, you ordered…", "Hey Hull! 300 of you…"): its people
    are the cohort, so the town narrows it. A greeting that is a sentence of its own speaks to the next; a
    town or its people greeted as the post opens ("Glaswegians, a word.") speak for the whole post, and for
    a trend there that names no people of its own ("umbrella orders tripled")."""
    doc = name.doc
    before = doc[name.start - 1].lower_ if name.start > 0 else ""
    set_off = (name.end < len(doc) and doc[name.end].text in {",", "!"}) or before in GREETINGS
    if not set_off:
        return False
    for claim in doc._.claims:
        you = any(t.lower_ == "you" for t in claim.cohort)
        if you and name.sent in (claim.cohort.sent, _greeting_before(claim.cohort.sent)):
            return True
        if _opens_post(name) and claim.cohort.start > name.end and _spoken_to_about(claim, activity):
            return True
    return False


def _opens_post(name: Span) -> bool:
    """The name is the first thing the post says, after greeting words or emoji at most."""
    return all(t.lower_ in GREETINGS or not t.is_alpha for t in name.doc[: name.start])


def _spoken_to_about(claim: Claim, activity: set[str]) -> bool:
    """A claim about "you", or a trend in an activity with no people named ("orders tripled")."""
    return any(t.lower_ == "you" for t in claim.cohort) or claim.cohort.root.lemma_.lower() in activity


def _greeting_before(sent: Span) -> Span | None:
    """The sentence before `sent` where it only greets ("Hey Hull!", "Hi Dubliners 👋"): names, greeting
    words, punctuation and emoji."""
    if sent.start == 0:
        return None
    greeting = sent.doc[sent.start - 1].sent
    only_greets = all(t.lower_ in GREETINGS or _capitalised(t) or not t.is_alpha for t in greeting)
    return greeting if only_greets else None


def _after_a_time_preposition(ent: Span) -> bool:
    """ "since Easter", "until Diwali": a name after a preposition of time is a time, whatever the small
    recogniser read it as."""
    return ent.root.dep_ == "pobj" and ent.root.head.lower_ in TIME_PREPOSITIONS


def _a_service_used(ent: Span) -> bool:
    """ "ordered on ChopLine", "reading on Readly": a name the small recogniser calls a town, after "on",
    is the app or site used. A known town or a street after "on" ("on Mill Lane") stays a place."""
    return ent.label_ == "GPE" and ent.root.dep_ == "pobj" and ent.root.head.lower_ == "on" and ent.text not in TOWNS


def _capitalised(token: Token) -> bool:
    return token.pos_ in {"PROPN", "NOUN", "ADJ"} and token.text[:1].isupper() and not token.is_upper


@Language.factory(
    "postlint_places",
    default_config={"recogniser": "ner"},
    requires=["doc._.claims"],
    assigns=["doc.spans", "doc.ents"],
)
def make_places(nlp: Language, name: str, recogniser: str, lexicons: dict[str, list]) -> Places:
    """`recogniser` names the entity recogniser to run on posts with claims (default: the pipeline's ner);
    `lexicons` are a pack's lexicons by name (`countries_extra`, `premises`, `person_nouns`, `collective_people`
    and `behaviour_nouns` are read here)."""
    return Places(nlp, recogniser, lexicons)
