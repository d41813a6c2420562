"""`postlint_claims`: assembles user-behaviour claims from the parse and sets `doc._.claims`.

A claim needs a cohort of users (a person noun such as "subscribers", a quantity "of you", "someone",
or "you" in a reply to an @handle) tied by grammar to what they did: the verb they are the subject of,
or the relative clause that defines them ("people who watched…"). Public actions, outside statistics,
testimonials, staff, headline totals and things that have not happened yet are not claims. The details
component's spans that belong to the claim's sentence become its repetition, time, place and so on.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from linter.nlp.claim import DETAIL_KINDS, Claim, CohortSize
from linter.nlp.extensions import SPAN_KEY
from linter.nlp.places import entities
from linter.nlp.sizes import bounded_low, count_of, number_tokens, number_value, vague_size
from linter.nlp.words import country_names

MODALS = {"will", "'ll", "can", "could", "would", "'d", "may", "might", "should", "must", "shall", "wo", "ca"}
CONDITIONALS = {"if", "unless", "whether"}
SINGULAR_DETERMINERS = {"a", "an", "one", "this", "that", "whichever", "each", "some"}
SIZE_CHILD_DEPS = {"det", "nummod", "quantmod", "amod", "compound", "poss", "nmod", "advmod", "predet", "punct"}
PERCENT_WORDS = {"%", "percent", "per cent", "pc"}
GENERIC_PEOPLE = {"anyone", "anybody", "whoever"}
RANKING_WORDS = {"most", "least", "top"}
DEMONSTRATIVES = {"that", "this", "which", "it", "those", "these"}
STATE_VERBS = {"need", "want", "wish", "like", "love", "prefer", "fancy", "hope", "have", "get"}
SECOND_PERSON = {"you", "u", "ya", "yall", "y'all"}  # as people write it in posts
OBSERVATION_VERBS = {
    "clock",
    "spot",
    "catch",
    "see",
    "notice",
    "record",
    "track",
    "flag",
    "detect",
    "log",
    "find",
    "show",
    "reveal",
}
THANKS_OPENERS = {"thanks to", "thank you to", "big thanks to", "huge thanks to", "massive thanks to"}
RATIO = re.compile(r"^(?P<part>\d+(?:\.\d+)?)\s+(?:in|out\s+of)\s+(?P<whole>\d+(?:\.\d+)?)\b", re.I)
CALENDAR_WORDS = {name.lower() for name in (*calendar.month_name[1:], *calendar.day_name)}
SUPERLATIVE_WORDS = {"top", "biggest", "most", "keenest", "number", "no.", "record-breaking", "ultimate"}
AGE_WORDS = {"over", "under", "above", "below", "aged"}
REPORTING_VERBS = {"report", "say", "find", "show", "estimate", "suggest", "claim", "reveal", "note", "warn", "publish"}
PLURAL_PEOPLE = {"people", "folk", "everyone", "everybody", "anyone", "anybody", "all", "those"}


def _words(lexicons: dict[str, list], name: str) -> set[str]:
    return {str(w).lower() for w in lexicons.get(name, [])}


class ClaimFinder:
    def __init__(self, lexicons: dict[str, list], entities: Callable[[list[Doc]], list[Doc]] = lambda docs: docs):
        self.entities = entities
        self.person_nouns = _words(lexicons, "person_nouns")
        self.individual_pronouns = _words(lexicons, "individual_pronouns")
        self.staff = _words(lexicons, "staff_markers")
        self.behaviour_verbs = _words(lexicons, "behaviour_verbs")
        self.behaviour_nouns = _words(lexicons, "behaviour_nouns")
        self.headline_verbs = _words(lexicons, "headline_verbs")
        self.change_verbs = _words(lexicons, "change_verbs")
        self.sensitive_verbs = {
            k.split(".", 1)[1]: _words(lexicons, k) for k in lexicons if k.startswith("sensitive_verbs.")
        }
        self.public_verbs = _words(lexicons, "public_verbs")
        self.public_events = _words(lexicons, "public_events")
        self.events = _words(lexicons, "events")
        self.public_markers = _words(lexicons, "public_markers")
        self.vague = {k.split(".", 1)[1]: _words(lexicons, k) for k in lexicons if k.startswith("vague_quantities.")}
        self.cohort_words = (
            self.person_nouns
            | self.individual_pronouns
            | self.behaviour_nouns
            | SECOND_PERSON
            | {"she", "he", "those", "them", "each", "both", "none", "any", "either", "neither"}
        )
        self.quantity_words = {w for terms in self.vague.values() for phrase in terms for w in phrase.split()} | set(
            PERCENT_WORDS
        )
        self.countries = country_names(lexicons.get("countries_extra", []))
        self.cohort_words |= self.quantity_words
        self.bounds = {k.split(".", 1)[1]: _words(lexicons, k) for k in lexicons if k.startswith("bounds.")}

    # -- the component -------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        reply = _reply_handle(doc) is not None
        excluded = _excluded_tokens(doc)
        claims: list[Claim] = []
        ruled_out = [doc[sent.start : sent.end] for sent in {doc[i].sent for i in excluded}]
        consumed: set[int] = set()
        for token in doc:
            if token.i in consumed or token.i in excluded or not self._may_start_cohort(token):
                continue
            claim = self._claim_at(token, reply, consumed, ruled_out)
            if claim is not None:
                self._attach_details(claim, claim.cohort.sent)
                claims.append(claim)
        claims.extend(self._restatements(doc, claims, excluded))
        claims.extend(self._fragments(doc, claims, excluded))
        if reply and not any(c.size.individual for c in claims):
            claims.extend(self._reply_claim(doc))
        doc._.claims = claims
        doc._.not_claims = ruled_out
        return doc

    def _restatements(self, doc: Doc, claims: list[Claim], excluded: set[int]) -> Iterator[Claim]:
        """ "Readers finished 3.1M chapters. That's 52,000 bookworms." / "Who ordered it at 6am? That was
        14 of you.": a count restated after the behaviour sizes the claim before it, or makes one."""
        for token in doc:
            be = token.head
            if token.dep_ != "attr" or be.lemma_ != "be" or token.i in excluded:
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ in DEMONSTRATIVES for c in be.children):
                continue
            found = self._quantity_of_group(token, set()) or self._person_noun(token)
            if found is None or found[2].low is None:
                continue
            _, cohort, size, size_span = found
            earlier = [c for c in claims if c.cohort.start < token.i and c.size.low is None]
            if earlier:
                earlier[-1].size, earlier[-1].size_span = size, size_span
                continue
            previous = doc[token.sent.start - 1].sent if token.sent.start > 0 else None
            if previous is not None and previous.root.pos_ == "VERB" and not _subject_is_us(previous.root):
                claim = Claim(cohort=cohort, size=size, size_span=size_span, behaviour=verb_span(previous.root))
                self._attach_details(claim, doc[previous.start : token.sent.end])
                yield claim

    def _fragments(self, doc: Doc, claims: list[Claim], excluded: set[int]) -> Iterator[Claim]:
        """ "Ninety diners. One dessert. Every night in Bath.": a counted group standing as a
        sentence of its own, with the detail of what it did in the fragments that follow."""
        claimed = {t for c in claims for t in range(c.cohort.start, c.cohort.end)}
        sents = list(doc.sents)
        for index, sent in enumerate(sents):
            root = sent.root
            if root.i in claimed or root.i in excluded or any(t.pos_ in {"VERB", "AUX"} for t in sent):
                continue
            found = self._quantity_of_group(root, set()) or self._person_noun(root)
            if found is None or found[2].low is None or self._is_staff(found[0], found[1]):
                continue
            following = [s for s in sents[index + 1 : index + 3] if not any(t.pos_ in {"VERB", "AUX"} for t in s)]
            region = doc[sent.start : (following[-1].end if following else sent.end)]
            _, cohort, size, size_span = found
            claim = Claim(cohort=cohort, size=size, size_span=size_span)
            self._attach_details(claim, region)
            if any(claim.spans(kind) for kind in ("repetition", "time", "place", "sensitive")):
                yield claim

    def _reply_claim(self, doc: Doc) -> Iterator[Claim]:
        """A reply to an @handle that mentions that account's per-person or sensitive activity
        ("@sam 9 hours on one puzzle??") is about one account, even without a verb."""
        revealing = [s for s in doc.spans[SPAN_KEY] if s.label_ == "repetition" or s.label_.startswith("sensitive.")]
        if not revealing:
            return
        handle = _reply_handle(doc)
        claim = Claim(cohort=handle, size=CohortSize("singular", 1, "a reply to one account"), size_span=handle)
        self._attach_details(claim, doc[:])
        yield claim

    # -- finding a cohort ----------------------------------------------------------------------
    def _claim_at(self, token: Token, reply: bool, consumed: set[int], ruled_out: list[Span]) -> Claim | None:
        found = (
            self._quantity_of_group(token, consumed)
            or self._person_noun(token)
            or self._second_person(token, reply)
            or self._third_person(token)
            or self._activity_noun(token)
            or self._ranking(token)
        )
        if found is None:
            return None
        head, cohort, size, size_span = found
        if self._is_staff(head, cohort):
            ruled_out.append(cohort)
            return None
        verb = self._behaviour_verb(head)
        if verb is None:
            return None
        if not self._is_private_behaviour(verb, head):
            ruled_out.append(cohort)
            return None
        consumed.update(range(cohort.start, cohort.end))
        behaviour = verb_span(verb)
        return Claim(
            cohort=cohort,
            size=size,
            size_span=size_span,
            behaviour=behaviour,
            object=_object_of(verb),
            callout=self._callout(cohort, behaviour),
        )

    def _quantity_of_group(self, token: Token, consumed: set[int]):
        """ "72 of you", "a handful of you", "0.002% of our 2 million subscribers", "1 in 50000 players"."""
        if not (token.like_num or token.pos_ in {"DET", "PRON"} or token.lower_ in self.quantity_words):
            return None  # "our community of 3 million readers" is not a quantity of them
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "in", "out"}]
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if (
            not preps
            and following is not None
            and following.lower_ == "of"
            and (token.like_num or token.pos_ in {"DET", "PRON"})
        ):
            preps = [following]  # the parse hung "of you" elsewhere: "Last month 1900 of our customers…"
        number = _percent_number(token)  # the number of "0.002%", found from either token
        head = _percent_head(number) if number is not None else token
        left = _left_edge(number if number is not None else token)
        for prep in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            base = _own_count(pobj) if pobj is not None else None
            if pobj is not None and pobj.like_num and prep.lower_ == "in":
                return self._ratio_of(token, pobj, left)  # "1 in 5000 of our 2 million savers"
            if pobj is not None and pobj.like_num:  # "of our 2000 | beta testers": the parse split the phrase
                pobj = next((t for t in pobj.doc[pobj.i + 1 : pobj.i + 4] if self._is_person_word(t)), pobj)
            if pobj is None or not self._is_people(pobj):
                continue
            if prep.lower_ == "in" and not token.like_num:
                continue
            if pobj.lower_ == "us":
                return None
            consumed.update(t.i for t in pobj.subtree)
            cohort = _span(token.doc, left, pobj.i + 1)
            size_span = _span(token.doc, left, head.i + 1)
            if prep.lower_ == "in":  # a ratio: 1 in 50000 players; the base is stated elsewhere
                size = self._derived(token, _rate(token, count_of(number_tokens(pobj))), pobj, base=None)
            elif number is not None:
                size = self._derived(number, _percent_value(number), pobj, base=base)
            else:
                size = self._stated_size(token, size_span)
            return (head, cohort, size, size_span)
        if number is not None and token.i == head.i and _is_subject_of_verb(head):
            people = next((t for t in token.sent if t.i not in {number.i, head.i} and self._is_people(t)), None)
            if people is None:
                return None
            size_span = _span(token.doc, left, head.i + 1)
            return (
                head,
                size_span,
                self._derived(number, _percent_value(number), people, base=_own_count(people)),
                size_span,
            )
        return None

    def _ratio_of(self, token: Token, whole: Token, left: int):
        """ "1 in 5000 of our 2 million savers": the group is named after the ratio, if at all."""
        rate = _rate(token, number_value(whole))
        of = next((c for c in whole.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if people is None:
            people = next((t for t in token.doc[whole.i + 1 : token.sent.end] if self._is_person_word(t)), None)
        if people is None or not self._is_people(people):
            return None
        base = _own_count(people) if of is not None else None
        cohort = _span(token.doc, left, people.i + 1)
        size_span = _span(token.doc, left, whole.i + 1)
        return (token, cohort, self._derived(token, rate, people, base=base), size_span)

    def _person_noun(self, token: Token):
        if token.pos_ not in {"NOUN", "PROPN", "PRON"} or not self._is_person_word(token):
            return None
        if token.dep_ in {"compound", "amod"} and token.head.pos_ == "NOUN" and not self._is_person_word(token.head):
            return None  # "our 12-person team", "a user guide": the noun describes something else
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.i < token.i:
            return None  # counted by the quantity in front: "a couple of members"
        left = _left_edge(token)
        cohort = _span(token.doc, left, token.i + 1 + _id_suffix(token))
        if _id_suffix(token):  # "user #4821": one account, whatever the parse made of the number
            return (token, cohort, CohortSize("singular", 1, cohort.text), cohort)
        numbers = number_tokens(token)
        value = count_of(numbers)
        if value is not None:
            size_span = _span(token.doc, _left_edge(numbers[0]), numbers[-1].i + 1)
            ratio = RATIO.match(size_span.text)
            if ratio:  # "1 in 20000 players": a rate, applied to a base stated elsewhere
                rate = float(ratio["part"]) / float(ratio["whole"])
                return (token, cohort, self._derived(token, rate, token, base=None), size_span)
            window = token.doc[max(size_span.start - 3, 0) : size_span.start]
            low = bounded_low(value, window, self.bounds)
            return (token, cohort, CohortSize("singular" if low == 1 else "exact", low, size_span.text), size_span)
        for appositive in (c for c in token.children if c.dep_ == "appos"):
            restated = self._quantity_of_group(appositive, set())
            if restated is not None and restated[2].low is not None:  # "listeners (all 80 of you) who…"
                return (token, cohort, restated[2], restated[3])
        size_span = _span(token.doc, left, token.i + 1) if left < token.i else None
        return (token, cohort, self._noun_size(token, size_span), size_span or cohort)

    def _second_person(self, token: Token, reply: bool):
        """ "you" as the doer: one account in a reply to an @handle, an unknown group elsewhere."""
        if token.lower_ not in SECOND_PERSON or token.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        cohort = _span(token.doc, token.i, token.i + 1)
        if reply:
            return (token, cohort, CohortSize("singular", 1, "a reply to one account"), cohort)
        if token.head.tag_ not in {"VBD", "VBN"}:
            return None  # "what you pick", "you keep your current plan": habits and offers, not records
        return (token, cohort, CohortSize("unknown", None, "you"), cohort)

    def _third_person(self, token: Token):
        """ "Meet our most loyal customer: she's ordered the same salad 400 times": he or she, standing
        for the one user named just before, is that user."""
        if token.lower_ not in {"she", "he"} or token.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        antecedent = None
        self.entities([token.doc])  # "Jo … she" needs to know that Jo is a person
        for earlier in reversed(token.doc[max(token.i - 25, 0) : token.i]):
            if earlier.ent_type_ == "PERSON" or (earlier.pos_ == "NOUN" and earlier.lemma_.lower() in self.staff):
                return None  # "Jo … she", "our CEO … she": a named person or staff, not a user in the data
            if earlier.tag_ in {"NN", "NNP"} and self._is_person_word(earlier) and earlier.lower_ not in PLURAL_PEOPLE:
                antecedent = earlier
                break
        if antecedent is None:
            return None
        cohort = _span(token.doc, token.i, token.i + 1)
        return (token, cohort, CohortSize("singular", 1, f"{antecedent.text}, as {token.text}"), cohort)

    def _activity_noun(self, token: Token):
        """ "Soup orders in Dundee rose 300%": activity that rose or fell, by an unknown number of people."""
        if token.dep_ not in {"nsubj"} or token.lemma_.lower() not in self.behaviour_nouns:
            return None
        if token.head.lemma_.lower() not in self.change_verbs:
            return None
        if any(c.dep_ == "poss" or c.lower_ in {"this", "that", "my", "our"} for c in token.children):
            return None
        cohort = _span(token.doc, _left_edge(token), token.i + 1)
        return (token, cohort, CohortSize("unknown", None, cohort.text), cohort)

    def _may_start_cohort(self, token: Token) -> bool:
        """A cheap test that the token could head a cohort at all, before the finders look closer."""
        word, lemma = token.lower_, token.lemma_.lower()
        if token.like_num or word in self.cohort_words or lemma in self.cohort_words:
            return True
        if token.pos_ not in {"NOUN", "PROPN"}:
            return False
        return self._is_agent_noun(token) or any(
            c.lower_ in RANKING_WORDS or c.tag_ in {"JJS", "RBS"} for c in token.children
        )

    def _ranking(self, token: Token):
        """ "Our most-ordered dish in Cardiff", "the top search in Hull last night": a chart of what
        users did, about an unknown number of people."""
        if token.pos_ != "NOUN" or self._ranked_by(token) is None:
            return None
        cohort = _span(token.doc, _left_edge(token), token.i + 1)
        return (token, cohort, CohortSize("unknown", None, cohort.text), cohort)

    def _ranked_by(self, token: Token) -> Token | None:
        """The word that ranks a noun by activity: a behaviour participle with "most", or "top"/"most
        popular" on an activity noun."""
        for child in token.children:
            if child.dep_ not in {"amod", "compound"} or child.i > token.i:
                continue
            most = any(c.lower_ in {"most", "least"} for c in child.children) or child.tag_ in {"JJS", "RBS"}
            if most and child.lemma_.lower() in self.behaviour_verbs:
                return child  # most-streamed, most searched
            if (most or child.lower_ == "top") and token.lemma_.lower() in self.behaviour_nouns:
                return child  # most popular search, top search
        return None

    def _is_person_word(self, token: Token) -> bool:
        word, lemma = token.lower_, token.lemma_.lower()
        in_lexicon = word in self.person_nouns or lemma in self.person_nouns or word in self.individual_pronouns
        return in_lexicon or self._is_agent_noun(token)

    def _is_people(self, token: Token) -> bool:
        if token.lower_ == "them":
            antecedent = _antecedent(token)
            return (
                antecedent is not None
                and self._is_person_word(antecedent)
                and antecedent.lemma_.lower() not in self.staff
            )
        return token.lower_ in SECOND_PERSON | {"us", "those"} or self._is_person_word(token)

    # -- cohort size ---------------------------------------------------------------------------
    def _stated_size(self, token: Token, size_span: Span) -> CohortSize:
        if any(c.lower_ in {"every", "each"} for c in token.children):
            return CohortSize("unknown", None, size_span.text)  # "every one of them": the whole group again
        value = (
            number_value(token)
            if token.like_num or token.lower_ in {"hundred", "thousand", "million", "billion"}
            else None
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
        if vague is not None and words not in SINGULAR_DETERMINERS:
            return vague
        singular = token.tag_ in {"NN", "NNP"} and token.lower_ not in PLURAL_PEOPLE
        determiners = {c.lower_ for c in token.children if c.dep_ in {"det", "nummod", "quantmod"}}
        modifiers = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound", "nmod"}} | {
            c.lower_ for c in token.children if c.tag_ in {"JJS", "RBS"}
        }
        if singular and (
            determiners & SINGULAR_DETERMINERS
            or modifiers & SUPERLATIVE_WORDS  # "our top reader", "our biggest fan"
            or any(c.tag_ == "JJS" for c in token.children)
            or _id_suffix(token)
            or any(t.dep_ in {"relcl", "acl"} for t in token.subtree)  # "the diner at table 9 who…"
            or "same" in {c.lower_ for c in token.children}
        ):
            return CohortSize("singular", 1, words or token.text)
        return CohortSize("unknown", None, words or token.text)

    def _derived(self, token: Token, rate: float | None, people: Token, base: float | None) -> CohortSize:
        """n = rate x base; without a base in the phrase, the nearest other count of people in the post."""
        base = base if base is not None else self._base_count(token, people)
        if rate is None or base is None:
            return CohortSize("unknown", None, token.text)
        low = max(int(round(rate * base)), 1)
        return CohortSize("derived", low, f"{rate:g} of {base:g}")

    def _base_count(self, token: Token, people: Token) -> float | None:
        """The nearest other stated count of people, before the rate if there is one, else after."""
        candidates = []
        for other in people.doc:
            if other.i == token.i or other.i == people.i or _is_percent(other) or not self._is_people(other):
                continue
            value = count_of(number_tokens(other))
            if value is None and other.lower_ in SECOND_PERSON | {"them"} and other.head.lower_ == "of":
                value = (
                    count_of([other.head.head])
                    if other.head.head.like_num or other.head.head.lower_ in {"million", "thousand", "billion"}
                    else None
                )
            if value is not None and value > 1:
                candidates.append((other.i > token.i, abs(other.i - token.i), value))
        return min(candidates)[2] if candidates else None

    # -- behaviour ------------------------------------------------------------------------------
    def _behaviour_verb(self, head: Token) -> Token | None:
        clause = next((c for c in head.children if c.dep_ in {"relcl", "acl"} and c.pos_ in {"VERB", "AUX"}), None)
        if clause is not None:
            return clause
        if head.dep_ == "pobj":  # "To the 14 teens on student plans in Leeds who played…": the clause hangs lower
            nested = next(
                (t for t in head.subtree if t.dep_ == "relcl" and t.head.i > head.i and t.pos_ == "VERB"), None
            )
            if nested is not None:
                return nested
        if _is_subject_of_verb(head) and head.head.pos_ in {"VERB", "AUX"}:
            return head.head
        if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.tag_ == "VBN":
            return head.head.head  # "was used by 300 riders"
        if head.dep_ == "dobj" and head.head.lemma_ == "have" and not _subject_is_us(head.head):
            return head.head  # "Ohio has 6 platinum-tier members"
        if head.dep_ == "dobj" and head.head.lemma_.lower() in OBSERVATION_VERBS:
            return head.head  # "our meter caught one household using 90 kWh": what we saw them do
        if head.dep_ == "appos" and head.head.dep_ in {"nsubj", "nsubjpass"}:
            return head.head.head
        if head.dep_ in {"conj", "compound"} and head.head.dep_ in {"nsubj", "nsubjpass"}:
            return head.head.head  # "users and viewers watched", "User #48213 gave"
        ranked_by = self._ranked_by(head)
        if ranked_by is not None:
            return ranked_by
        if head.dep_ == "appos" and self._is_agent_noun(head.head):
            return head.head  # "Snooze-pressers of Wakely, all 3 million of you:" - the noun names the behaviour
        if self._is_agent_noun(head) and head.dep_ in {"ROOT", "npadvmod", "dep"}:
            return head
        reduced = _reduced_relative(head)
        if reduced is not None:
            return reduced
        if head.like_num or head.lower_ in {"some", "many", "most", "all", "several"}:
            return _subjectless_verb_after(head)
        return None

    def _is_agent_noun(self, token: Token) -> bool:
        """People named after what they do ("intro-skippers", "bingers"), beyond the usual user nouns."""
        word = token.lower_
        return (
            token.pos_ in {"NOUN", "PROPN"}
            and word not in self.person_nouns
            and token.lemma_.lower() not in self.person_nouns
            and _agent_noun_stem(word) in self.behaviour_verbs
        )

    def _is_private_behaviour(self, verb: Token, head: Token) -> bool:
        """False for public actions (a public event anywhere in the sentence), things not done yet,
        conditionals and headline totals."""
        if verb.lemma_.lower() in self.public_verbs:
            return False
        if head.lower_ in GENERIC_PEOPLE and verb.lemma_.lower() in STATE_VERBS and verb.tag_ not in {"VBD", "VBN"}:
            return False  # "anyone who wants a new router" is an offer, not a record
        if _bare_plural(head) and verb.tag_ in {"VBP", "VBZ"} and not any(c.dep_ == "aux" for c in verb.children):
            return False  # "people love our app": a generic statement, not a record of what anyone did
        if _reported_by_others(verb):
            return False  # "the statistics office reports that 2% of adults…"
        children = list(verb.children)
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in children):
            return False
        if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
            return False  # "someone to talk to": an intention, not something done
        if verb.lemma_ in {"have", "need", "get", "want"} and any(c.dep_ == "xcomp" for c in children):
            return False  # "you won't need to scroll": obligation or wish, not something done
        if verb.lemma_.lower() in self.headline_verbs and _subject_is_us(verb):
            return False
        for token in verb.sent:
            word = token.lemma_.lower()
            if token.i == head.i or word not in self.public_events | self.events:
                continue
            marked_public = any(t.lemma_.lower() in self.public_markers for t in token.subtree)
            describes_something_else = token.dep_ in {"compound", "amod", "nmod"}  # "the marathon playlist"
            if marked_public or (word in self.public_events and not describes_something_else):
                return False
        return True

    def _is_staff(self, head: Token, cohort: Span) -> bool:
        around = list(cohort) + [t for c in head.children if c.dep_ == "prep" for t in c.subtree]
        return any(
            t.lemma_.lower() in self.staff or t.lower_ in self.staff
            for t in around
            if t.i != head.i or t.lower_ not in self.person_nouns
        )

    # -- call-outs and details --------------------------------------------------------------------
    def _callout(self, cohort: Span, behaviour: Span) -> Span | None:
        """ "To the 53 people who…", "Dear person who…", or a group named by its activity opening a
        sentence and followed by a colon ("Everyone who played X on Monday: hang in there")."""
        doc, sent = cohort.doc, cohort.sent
        openers = [s for s in doc.spans[SPAN_KEY] if s.label_ == "callout_openers" and sent.start <= s.start < sent.end]
        for opener in openers:
            if not _only_filler(doc[sent.start : opener.start]):
                continue
            if opener.text.lower() in THANKS_OPENERS and cohort.root.lower_ in PLURAL_PEOPLE | GENERIC_PEOPLE:
                continue  # "thanks to all of you who…" thanks the audience; a counted group is called out
            if opener.start <= cohort.start and _only_determiners(doc[opener.end : cohort.start]):
                return _span(doc, opener.start, max(cohort.end, opener.end))
        named = _span(doc, min(cohort.start, behaviour.start), max(cohort.end, behaviour.end))
        defined_by_activity = behaviour.root.dep_ in {"relcl", "acl"} or behaviour.root.pos_ == "NOUN"
        if (
            _only_filler(doc[sent.start : named.start])
            and defined_by_activity
            and any(t.text == ":" for t in doc[named.end : sent.end])
        ):
            return named
        return None

    def _attach_details(self, claim: Claim, region: Span) -> None:
        """Detail in the claim's sentence belongs to it: posts are short, and the parse of a long
        time or place phrase often lands outside the verb's clause."""
        doc = region.doc
        details = [s for s in doc.spans[SPAN_KEY] if s.start >= region.start and s.end <= region.end]
        times = [s for s in details if s.label_ == "time"]
        size_tokens = set(range(claim.size_span.start, claim.size_span.end)) if claim.size_span is not None else set()
        for kind in DETAIL_KINDS:
            claim.details[kind] = []
        for span in details:
            kind = span.label_.split(".", 1)[0]
            if kind not in claim.details or (
                kind == "repetition" and size_tokens.issuperset(range(span.start, span.end))
            ):
                continue
            if kind == "sensitive" and any(_overlaps(span, t) for t in times):
                continue  # "the day of the Brexit vote" dates the claim; voting is not the behaviour
            claim.details[kind].append(span)
        claim.details["age"].extend(_cohort_ages(claim))
        claim.details["sensitive"].extend(_minors(claim))
        claim.details["sensitive"].extend(self._sensitive_behaviour(claim))
        known_places = {(p.start, p.end) for p in claim.details["place"]}
        claim.details["place"].extend(p for p in self._cohort_places(claim) if (p.start, p.end) not in known_places)

    def _sensitive_behaviour(self, claim: Claim) -> Iterator[Span]:
        """The verb itself can reveal the category: "bet", "voted", "prayed"."""
        if claim.behaviour is None:
            return
        verb = claim.behaviour.root
        for category, verbs in self.sensitive_verbs.items():
            if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs:
                yield Span(verb.doc, verb.i, verb.i + 1, label=f"sensitive.{category}")

    def _cohort_places(self, claim: Claim) -> Iterator[Span]:
        """ "someone in Coventry", "a listener in Leeds": a proper name placed on the cohort itself,
        whatever the entity recogniser called it."""
        preps = [c for t in claim.cohort for c in t.children if c.dep_ == "prep" and c.i >= claim.cohort.start]
        for prep in preps:
            if prep.lower_ not in {"in", "from", "near", "around"}:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.pos_ != "PROPN" or pobj.lower_ in CALENDAR_WORDS:
                    continue
                place = _span(pobj.doc, pobj.left_edge.i, pobj.i + 1)
                if place.text.lower().removeprefix("the ") not in self.countries:
                    yield place


def _reply_handle(doc: Doc) -> Span | None:
    """The @handle a reply opens with ("@kim …", "Hey @kim, …"): its "you" is that one account."""
    for token in doc[:3]:
        if token.text.startswith("@") and len(token.text) > 1:
            return doc[token.i : token.i + 1]
    return None


def _excluded_tokens(doc: Doc) -> set[int]:
    """Tokens of sentences that quote an outside source or a testimonial shared with permission."""
    excluded: set[int] = set()
    for span in doc.spans[SPAN_KEY]:
        if span.label_ in {"external_sources", "permission_markers"}:
            sent = span.sent
            excluded.update(range(sent.start, sent.end))
    return excluded


def _reduced_relative(head: Token) -> Token | None:
    """ "the 9 of you still using…", "players aged 13 streaming…": a participle right after the group
    defines it, even where the parse made that participle the main verb."""
    doc = head.doc
    position = head.right_edge.i + 1
    while position < len(doc) and doc[position].pos_ == "ADV":
        position += 1
    if position < len(doc) and doc[position].pos_ == "VERB" and doc[position].tag_ in {"VBG", "VBN"}:
        return doc[position]
    return None


def _subjectless_verb_after(token: Token) -> Token | None:
    """When the parse lost a quantity subject, the next verb in its sentence that has no subject."""
    for candidate in token.doc[token.i + 1 : token.sent.end]:
        if candidate.pos_ == "VERB" and candidate.dep_ in {"ROOT", "conj"}:
            has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in candidate.children)
            return None if has_subject else candidate
    return None


def verb_span(verb: Token) -> Span:
    """The verb with its particles and auxiliaries: "have rewatched", "checked in"."""
    parts = [verb] + [c for c in verb.children if c.dep_ in {"prt", "aux", "auxpass", "neg"}]
    return _span(verb.doc, min(t.i for t in parts), max(t.i for t in parts) + 1)


def _object_of(verb: Token) -> Span | None:
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}), None)
    if obj is None:
        return None
    return _span(verb.doc, obj.left_edge.i, obj.right_edge.i + 1)


def _cohort_ages(claim: Claim) -> Iterator[Span]:
    """ "men over 60", "listeners under 25": an age bound on the cohort itself (a number after "over"
    that counts nothing: "over 50 members" is a size)."""
    doc = claim.cohort.doc
    for token in claim.cohort.root.subtree:
        if token.lower_ not in AGE_WORDS or token.i + 1 >= len(doc):
            continue
        age = doc[token.i + 1]
        counts_something = age.i + 1 < len(doc) and doc[age.i + 1].pos_ in {"NOUN", "PROPN"}
        if age.text.isdecimal() and 13 <= int(age.text) <= 120 and not counts_something:
            yield _span(doc, token.i, age.i + 1)


def _bare_plural(token: Token) -> bool:
    """A plural noun with no determiner, number or quantifier: "people", "customers" in general."""
    return token.tag_ in {"NNS", "NNPS"} and not any(
        c.dep_ in {"det", "nummod", "quantmod", "poss", "predet"} or c.lower_ == "of" for c in token.children
    )


def _reported_by_others(verb: Token) -> bool:
    """The claim is what someone else reports ("X reports that…", "a survey found…"), not our records."""
    head = verb
    while head.dep_ in {"ccomp", "xcomp", "conj"} and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in REPORTING_VERBS:
            subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            return bool(subjects) and not any(_is_us(s) for s in subjects)
    return False


def _is_us(token: Token) -> bool:
    """We, us, or our own team ("our analysts saw that…")."""
    return token.lower_ in {"we", "us", "i"} or any(c.lower_ in {"our", "my"} for c in token.children)


def _is_subject_of_verb(token: Token) -> bool:
    """A subject, or a percentage the parse hung on a verb that has no subject of its own."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return True
    verb = token.head
    return (
        token.dep_ in {"npadvmod", "dep"}
        and verb.pos_ == "VERB"
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)
    )


def _rate(part: Token, whole: float | None) -> float | None:
    """ "1 in 50000": the part's number over the whole; None when either is missing."""
    top = number_value(part)
    return top / whole if top is not None and whole else None


def _minors(claim: Claim) -> Iterator[Span]:
    """An age under 18 on the cohort ("players aged 13-15") reveals the activity of children."""
    for span in claim.spans("age"):
        ages = [int(t.text) for t in span if t.text.isdecimal()]
        if ages and min(ages) < 18:
            yield Span(span.doc, span.start, span.end, label="sensitive.children")


def _span(doc: Doc, start: int, end: int) -> Span:
    return doc[max(start, 0) : max(end, start + 1)]


def _left_edge(token: Token) -> int:
    left = [t.left_edge.i for t in token.children if t.i < token.i and t.dep_ in SIZE_CHILD_DEPS]
    return min([token.i, *left])


def _id_suffix(token: Token) -> int:
    """ "user #4821": the id after the noun makes it one account."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text == "#" and doc[token.i + 2].like_num:
        return 2
    if token.i + 1 < len(doc) and doc[token.i + 1].text.startswith("#") and doc[token.i + 1].text[1:].isdigit():
        return 1
    return 0


def _agent_noun_stem(word: str) -> str:
    """ "skippers" -> "skip", "bingers" -> "binge": people named after what they do."""
    word = word.rsplit("-", 1)[-1].removesuffix("s")
    if not word.endswith("er") or len(word) < 5:
        return ""
    stem = word[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        return stem[:-1]
    return stem if not stem.endswith(("g", "v", "c")) else stem + "e"


def _antecedent(token: Token) -> Token | None:
    """The nearest plural noun before a "them"."""
    return next((t for t in reversed(token.doc[: token.i]) if t.tag_ == "NNS"), None)


def _subject_is_us(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in {"we", "us"} for c in verb.children)


def _own_count(people: Token) -> float | None:
    """The count stated on a group: "our 2 million subscribers" -> 2e6; "2000" alone -> 2000."""
    if people.like_num:
        return number_value(people)
    return count_of(number_tokens(people))


def _is_percent(token: Token) -> bool:
    return _percent_number(token) is not None


def _percent_number(token: Token) -> Token | None:
    """For "0.002" or the "%" after it, the number token; None when the token is no percentage."""
    doc = token.doc
    if token.like_num and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in PERCENT_WORDS:
        return token
    if token.lower_ in PERCENT_WORDS and token.i > 0 and doc[token.i - 1].like_num:
        return doc[token.i - 1]
    return None


def _percent_head(number: Token) -> Token:
    """spaCy usually hangs "0.002" under the "%" token; then the % is what takes the verb."""
    percent_sign = number.nbor(1)
    return percent_sign if number.head.i == percent_sign.i else number


def _percent_value(token: Token) -> float | None:
    value = number_value(token)
    return value / 100 if value is not None else None


def _only_filler(span: Span) -> bool:
    return all(t.is_punct or t.is_space or t.pos_ in {"SYM", "X", "INTJ"} or not t.is_alpha for t in span)


def _only_determiners(span: Span) -> bool:
    return all(t.pos_ in {"DET", "PRON", "PUNCT"} or t.lower_ in {"all", "those", "every", "our"} for t in span)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory(
    "postlint_claims",
    default_config={"recogniser": "ner"},
    requires=["doc.spans", "token.dep", "token.lemma"],
    assigns=["doc._.claims"],
)
def make_claims(nlp: Language, name: str, lexicons: dict[str, list], recogniser: str) -> ClaimFinder:
    """`lexicons`: a pack's lexicons by name. `recogniser` names the entity recogniser run when a pronoun
    needs to know whether a name before it is a person."""
    return ClaimFinder(lexicons, entities(nlp, recogniser))
