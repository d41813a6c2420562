"""What a claim carries beyond who and what: the call-out that addresses its cohort, and the detail spans
(repetition, time, place, age, sensitive…) of its sentence, with the ages, places and sensitive verbs
read from the cohort and the verb themselves."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from linter.nlp.claim import DETAIL_KINDS, Claim
from linter.nlp.extensions import detail_spans
from linter.nlp.places import TOWNS
from linter.nlp.scope import ACCOUNT_HOLDERS
from linter.nlp.sizes import own_count, stat_value
from linter.nlp.syntax import CALENDAR_WORDS, is_thing_acted_on, of_object, only_filler, overlaps, token_span

OPENER_WORDS = 3  # "GG", "Big love", "A massive GG": an address, not a sentence of its own
LIGHT_VERBS = {"place", "make", "put", "lay", "cast"}  # verbs whose object says what was done: "placed a bet"
WHOLE_PREPOSITIONS = {"across", "among", "amongst", "of", "from"}  # "across the 900 clinics": the whole counted
JUDGED = {"safe", "sure", "good", "best", "smart", "solid", "wise", "fair"}  # "a safe bet": a choice, not a bet


class ClaimDetails:
    """Part of `ClaimFinder`: the call-out and the detail spans a claim carries."""

    def _callout(self, cohort: Span, behaviour: Span) -> Span | None:
        """ "To the 53 people who…", "Dear person who…", or a group named by its activity opening a
        sentence and followed by a colon ("Everyone who played X on Monday: hang in there"). Never a chart
        ("Top download of the month: …"), which names a thing, not people to address."""
        if cohort.label_ == "ranking":
            return None
        doc, sent = cohort.doc, cohort.sent
        openers = [s for s in detail_spans(doc, sent.start, sent.end) if s.label_ == "callout_openers"]
        for opener in openers:
            if not only_filler(doc[sent.start : opener.start]):
                continue
            if opener.text.lower() in self.thanks_openers and self._the_audience(cohort):
                continue  # "thanks to everyone who…" thanks the audience; a counted group is called out
            if opener.start <= cohort.start and _only_determiners(doc[opener.end : cohort.start]):
                return token_span(doc, opener.start, max(cohort.end, opener.end))
        defined_by_activity = behaviour.root.dep_ in {"relcl", "acl"} or behaviour.root.pos_ == "NOUN"
        addressed = self._addressed_with_to(cohort)
        if addressed is not None and defined_by_activity:
            return addressed
        named = token_span(doc, min(cohort.start, behaviour.start), max(cohort.end, behaviour.end))
        if (
            only_filler(doc[sent.start : named.start])
            and defined_by_activity
            and any(t.text == ":" for t in doc[named.end : sent.end])
            and not stat_value(cohort.root, self.value_words)  # "riders who …: 60" labels a count; it calls no one
        ):
            return named
        return None

    def _addressed_with_to(self, cohort: Span) -> Span | None:
        """A sentence that opens with a few verbless words and "to" before the group ("GG to the 2
        million players who…", "Mad props to the 70 couriers who…"): the words the lexicon's openers are
        examples of, in whatever slang. Thanks to plural people is the audience thanked, as there."""
        doc, sent = cohort.doc, cohort.sent
        to = cohort.root.head
        if cohort.root.dep_ != "pobj" or to.lower_ != "to" or not _only_determiners(doc[to.i + 1 : cohort.start]):
            return None
        opening = [t for t in doc[sent.start : to.i] if not only_filler(doc[t.i : t.i + 1])]
        if not 0 < len(opening) <= OPENER_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in opening):
            return None  # "Tickets went to the 500 fans who…": a report, no address
        thanks = any(t.lemma_.lower() in {"thanks", "thank"} for t in opening)
        return None if thanks and self._the_audience(cohort) else token_span(doc, opening[0].i, cohort.end)

    def _the_audience(self, cohort: Span) -> bool:
        """A group named by no count ("everyone", "all of you"): thanked, it is the audience, not called out."""
        return cohort.root.lower_ in self.plural_people | self.generic_people

    def _attach_dateline(self, claim: Claim, sent: Span) -> None:
        """The when and where of a dateline before the claim's sentence `sent` ("Friday. 11pm. Quayside. 900
        of you…"); not its other words, which may be a greeting or a heading ("Happy Diwali", "Night owls")."""
        for span in detail_spans(sent.doc, _dateline_start(sent), sent.start):
            if span.end <= sent.start and span.label_ in DATELINE_KINDS and not _inside_a_name(span):
                claim.details[span.label_].append(span)

    def _attach_details(self, claim: Claim, region: Span) -> None:
        """Detail in the claim's sentence belongs to it: posts are short, and the parse of a long
        time or place phrase often lands outside the verb's clause."""
        doc = region.doc
        details = [s for s in detail_spans(doc, region.start, region.end) if s.end <= region.end]
        times = [s for s in details if s.label_ == "time"]
        size_tokens = set(range(claim.size_span.start, claim.size_span.end)) if claim.size_span is not None else set()
        trend = (  # "rentals grew every week": the total's course, not anyone's habit
            claim.behaviour is not None
            and claim.behaviour.root.lemma_.lower() in self.change_verbs
            and claim.of_activity
        )
        counted = of_object(claim.cohort.root) or claim.cohort.root  # "dozens of schools": the schools
        for kind in DETAIL_KINDS:
            claim.details[kind] = []
        for span in details:
            kind = span.label_.split(".", 1)[0]
            if kind not in claim.details or (
                kind == "repetition" and (trend or size_tokens.issuperset(range(span.start, span.end)))
            ):
                continue
            if kind in {"device", "place"} and (is_thing_acted_on(span) or _inside_a_name(span)):
                continue  # "borrowed a laptop", "Arena Sports": what they did or a brand, not where or on what
            if kind == "place" and claim.cohort.label_ != "place" and span.start <= counted.i < span.end:
                continue  # "table 6 ordered…", "hundreds of schools switched on…": who did it, not where
            if kind == "place" and _names_the_trade(span, counted):
                continue  # "our hotel customers": customers that are hotels, not customers at one
            if (
                kind == "sensitive"
                and self._counts_businesses(claim, counted)
                and claim.cohort.start <= span.start < claim.cohort.end
            ):
                continue  # "40 dental clinics", "a dozen parish halls": the trade counted, no person's health or faith
            if kind in {"sensitive", "place"} and self._names_business_customers(span.root):
                continue
            if kind == "sensitive" and any(overlaps(span, t) for t in times):
                continue  # "the day of the Brexit vote" dates the claim; voting is not the behaviour
            claim.details[kind].append(span)
        claim.details["age"].extend(self._cohort_ages(claim))
        claim.details["sensitive"].extend(_minors(claim))
        claim.details["sensitive"].extend(self._sensitive_behaviour(claim))
        claim.details["sensitive"].extend(self._sensitive_cohort(claim))
        known_places = {(p.start, p.end) for p in claim.details["place"]}
        claim.details["place"].extend(p for p in self._cohort_places(claim) if (p.start, p.end) not in known_places)

    def _counts_businesses(self, claim: Claim, counted: Token) -> bool:
        """The claim counts businesses the service sells to (`counted`, the noun its size counts): premises,
        organisations or trades acting as account holders ("38 salons", "41 teams", "dozens of pharmacies"),
        not people."""
        return claim.size.low is not None and (
            self._is_business_word(counted.lemma_.lower(), inferred=claim.kind_inferred)
            or self._acting_account_holders(counted)
        )

    def _is_business_word(self, lemma: str, inferred: bool) -> bool:
        """Premises, an organisation counted as customers, or (where the claim's kind was `inferred`) a
        business WordNet knows."""
        return (
            lemma in self.premises
            or lemma in self.customers_when_counted
            or (inferred and (self.nouns_to_infer or {}).get(lemma) == "business")
        )

    def _names_business_customers(self, token: Token) -> bool:
        """ "Across the 2,100 churches on our app, …", "900 of you dental clinics …": businesses counted as
        the whole the claim is drawn from, or addressed as "you", are the customers; their trade tells no
        one's faith or health and is no place anyone was ("12 of you prayed at 3 mosques" still is)."""
        if token.tag_ != "NNS" or not self._is_business_word(token.lemma_.lower(), inferred=True):
            return False
        start = min(
            [token.i, *(c.left_edge.i for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i)]
        )
        addressed = (start > 0 and token.doc[start - 1].lower_ == "you") or any(
            c.lower_ == "you" and c.i < token.i for c in token.children
        )
        drawn_from = token.dep_ == "pobj" and token.head.lower_ in WHOLE_PREPOSITIONS and own_count(token) is not None
        return addressed or drawn_from

    def _sensitive_behaviour(self, claim: Claim) -> Iterator[Span]:
        """The verb itself can reveal the category: "bet", "voted", "prayed"; so can the same word as the
        thing a light verb does ("placed their first bet", "cast a vote")."""
        if claim.behaviour is None:
            return
        verb = claim.behaviour.root
        done = claim.object.root if claim.object is not None and verb.lemma_.lower() in LIGHT_VERBS else None
        for category, verbs in self.sensitive_verbs.items():
            if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs:
                yield Span(verb.doc, verb.i, verb.i + 1, label=f"sensitive.{category}")
            elif done is not None and done.pos_ == "NOUN" and done.lemma_.lower() in verbs and not _idiom(done):
                yield Span(done.doc, done.i, done.i + 1, label=f"sensitive.{category}")

    def _sensitive_cohort(self, claim: Claim) -> Iterator[Span]:
        """The people themselves can be named by the category: "singles", "gamblers"."""
        head = claim.cohort.root
        for category, people in self.sensitive_cohorts.items():
            if head.pos_ in {"NOUN", "PROPN"} and {head.lemma_.lower(), head.lower_} & people:
                yield Span(head.doc, head.i, head.i + 1, label=f"sensitive.{category}")

    def _cohort_places(self, claim: Claim) -> Iterator[Span]:
        """ "someone in Coventry", "a listener in Leeds", "Cardiff's top search": a proper name placed on
        the cohort itself, whatever the entity recogniser called it."""
        if claim.cohort.label_ == "ranking":  # "Cardiff's most-ordered dish"; "Cardiff's shoppers" may be a shop's
            for owner in (t for t in claim.cohort if t.dep_ == "poss" and t.text in TOWNS):
                if owner.lower_ not in self.countries:
                    yield token_span(owner.doc, owner.left_edge.i, owner.i + 1)
        preps = [c for t in claim.cohort for c in t.children if c.dep_ == "prep" and c.i >= claim.cohort.start]
        for prep in preps:
            if prep.lower_ not in {"in", "from", "near", "around"}:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN" or pobj.lower_ in CALENDAR_WORDS:
                    continue
                place = token_span(pobj.doc, pobj.left_edge.i, pobj.i + 1)
                if place.text.lower().removeprefix("the ") not in self.countries:
                    yield place

    def _cohort_ages(self, claim: Claim) -> Iterator[Span]:
        """ "men over 60", "listeners under 25": an age bound on the cohort itself (a number after "over"
        that counts nothing: "over 50 members" and "under 100 of you" are sizes). The bound may follow the
        cohort where the parse hangs it on the verb ("Listeners under 25 streamed…")."""
        doc = claim.cohort.doc
        following = [doc[claim.cohort.end]] if claim.cohort.end < len(doc) else []
        for token in [*claim.cohort.root.subtree, *following]:
            if token.lower_ not in self.age_words or token.i + 1 >= len(doc) or _within(token, claim.size_span):
                continue  # "…: just under 100" is the group's count, not its age
            age = doc[token.i + 1]
            after = doc[age.i + 1] if age.i + 1 < len(doc) else None
            counts_something = after is not None and (after.pos_ in {"NOUN", "PROPN"} or after.lower_ == "of")
            if age.text.isdecimal() and 13 <= int(age.text) <= 120 and not counts_something:
                yield token_span(doc, token.i, age.i + 1)


def _minors(claim: Claim) -> Iterator[Span]:
    """An age under 18 on the cohort ("players aged 13-15"), or a band that ends by 18 ("aged 16–18"),
    reveals the activity of children; a band that runs on past it ("aged 16–24") is young adults'. The
    numbers are read inside words too: the tokenizer keeps "16–18" with an en dash as one."""
    for span in claim.spans("age"):
        ages = [int(number) for number in re.findall(r"\d+", span.text)]
        if ages and min(ages) < 18 and max(ages) <= 18:
            yield Span(span.doc, span.start, span.end, label="sensitive.children")


def _inside_a_name(span: Span) -> bool:
    """A premises or device word opening a capitalised name ("Stadium Snacks", "Hotel Bravo"): the name
    of a brand or a product. Where it ends the name ("Wembley Stadium") it is a place."""
    token = span[-1]
    head = token.head
    return (
        len(span) == 1
        and token.text[:1].isupper()
        and token.dep_ == "compound"
        and head.i == token.i + 1
        and head.text[:1].isupper()
        and head.pos_ == "PROPN"
    )


def _only_determiners(span: Span) -> bool:
    return all(t.pos_ in {"DET", "PRON", "PUNCT"} or t.lower_ in {"all", "those", "every", "our"} for t in span)


DATELINE_KINDS = {"time", "place"}
DATELINE_MAX_TOKENS = 6  # "Thursday.", "10:15pm.", "Pier Road.": a heading longer than this says more


def _dateline_start(sent: Span) -> int:
    """Where the short verbless fragments right before `sent` start ("Friday. 11pm. Quayside. 900 of you
    …"); `sent.start` if none."""
    doc, start = sent.doc, sent.start
    for _ in range(3):
        if start == 0:
            break
        before = doc[start - 1].sent
        dated = {i for s in detail_spans(doc, before.start, before.end) if s.label_ in DATELINE_KINDS
                 for i in range(s.start, s.end)}  # fmt: skip
        # a verb is not a dateline's, unless the tagger read one into a date ("may the 9th")
        if len(before) > DATELINE_MAX_TOKENS or any(t.pos_ in {"VERB", "AUX"} and t.i not in dated for t in before):
            break
        start = before.start
    return start


def _within(token: Token, span: Span | None) -> bool:
    return span is not None and span.start <= token.i < span.end


def _idiom(noun: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in JUDGED for c in noun.children)


def _names_the_trade(span: Span, counted: Token) -> bool:
    """A premises word before the account holders counted ("hotel customers", "school accounts") says what
    trade they are, not where they were; a place's name before them ("Leeds customers") still narrows."""
    return (
        len(span) == 1
        and span.root.pos_ == "NOUN"
        and span.root.dep_ == "compound"
        and span.root.head == counted
        and counted.lemma_.lower() in ACCOUNT_HOLDERS
    )
