"""`postlint_claims`: assembles user-behaviour claims from the parse and sets `doc._.claims`.

A claim needs a cohort of users (a person noun such as "subscribers", a quantity "of you", "someone",
a customer greeted by name, or "you" in a reply to an @handle or to one person greeted by name) tied by
grammar to what they did: the verb they are the subject of, the relative clause that defines them
("people who watched…"), or what they are thanked for. Public actions, outside statistics,
testimonials, staff, headline totals and things that have not happened yet are not claims. The details
component's spans that belong to the claim's sentence become its repetition, time, place and so on.
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from lemminflect import getAllLemmas
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from linter.nlp.behaviour import BehaviourReading, object_of, verb_span
from linter.nlp.claim import Claim, CohortSize
from linter.nlp.claim_details import ClaimDetails
from linter.nlp.cohorts import RANKED_TIMES, CohortFinding
from linter.nlp.joining import Joining
from linter.nlp.names import NamedPeople
from linter.nlp.places import entities
from linter.nlp.scope import Scope, excluded_tokens, quoted_titles, told_by_our_records
from linter.nlp.sizes import APPROXIMATE, FRACTIONS, SizeReading
from linter.nlp.words import country_names, data_lines, word_groups, word_set

MONEY = regex.compile(r"\p{Sc}")  # a currency sign

# Nouns WordNet knows as a kind of person or of business (see the file): the kinds a counted group no
# lexicon names may be. Not things ("30 vans used the bus lane") nor times ("12 days").
USER_KINDS = dict(line.split("\t") for line in data_lines("user_kinds.txt"))


class ClaimFinder(CohortFinding, NamedPeople, SizeReading, BehaviourReading, Scope, Joining, ClaimDetails):
    """The `postlint_claims` component: each job in its own module; this wires them together."""

    def __init__(
        self,
        lexicons: dict[str, list],
        entities: Callable[[list[Doc]], list[Doc]] = lambda docs: docs,
        nouns_to_infer: dict[str, str] | None = None,
    ):
        self.entities = entities
        # The nouns whose counted plural may be an inferred cohort (`Claim.kind_inferred`), each with its
        # kind ("person", "business"); None: none.
        self.nouns_to_infer = nouns_to_infer
        self.modals = word_set(lexicons, "grammar.modals")
        self.conditionals = word_set(lexicons, "grammar.conditionals")
        self.scenario_openers = word_set(lexicons, "grammar.scenario_openers")
        self.counterfactual_modals = word_set(lexicons, "grammar.counterfactual_modals")
        self.future_person_words = word_set(lexicons, "grammar.future_person_words")
        self.prize_verbs = word_set(lexicons, "grammar.prize_verbs")
        self.singular_determiners = word_set(lexicons, "grammar.singular_determiners")
        self.distributive_determiners = word_set(lexicons, "grammar.distributive_determiners")
        self.percent_words = word_set(lexicons, "grammar.percent_words")
        self.generic_people = word_set(lexicons, "grammar.generic_people")
        self.ranking_words = word_set(lexicons, "grammar.ranking_words")
        self.chart_verbs = word_set(lexicons, "grammar.chart_verbs")
        self.demonstratives = word_set(lexicons, "grammar.demonstratives")
        self.state_verbs = word_set(lexicons, "grammar.state_verbs")
        self.second_person = word_set(lexicons, "grammar.second_person")
        self.cohort_pronouns = word_set(lexicons, "grammar.cohort_pronouns")
        self.observation_verbs = word_set(lexicons, "grammar.observation_verbs")
        self.thanks_openers = word_set(lexicons, "grammar.thanks_openers")
        self.greetings = word_set(lexicons, "grammar.greetings")
        self.honorifics = word_set(lexicons, "grammar.honorifics")
        self.award_periods = word_set(lexicons, "grammar.award_periods")
        self.award_titles = word_set(lexicons, "grammar.award_titles")
        self.occasions = word_set(lexicons, "grammar.occasions")
        self.reaction_words = word_set(lexicons, "grammar.reaction_words")
        self.speech_verbs = word_set(lexicons, "grammar.speech_verbs")
        self.superlative_words = word_set(lexicons, "grammar.superlative_words")
        self.age_words = word_set(lexicons, "grammar.age_words")
        self.reporting_verbs = word_set(lexicons, "grammar.reporting_verbs")
        self.plural_people = word_set(lexicons, "grammar.plural_people")
        self.own_records = word_set(lexicons, "grammar.own_records")
        self.platform_workers = word_set(lexicons, "platform_workers")
        self.identified_records = word_set(lexicons, "identified_records")
        self.assigned_places = word_set(lexicons, "assigned_places")
        self.person_nouns = word_set(lexicons, "person_nouns") | self.platform_workers
        self.customers_when_counted = word_set(lexicons, "customers_when_counted")
        self.account_verbs = word_set(lexicons, "account_verbs")
        self.collective_people = word_set(lexicons, "collective_people")
        self.crowd_qualities = word_set(lexicons, "crowd_qualities")
        self.premises = word_set(lexicons, "premises")
        self.individual_pronouns = word_set(lexicons, "individual_pronouns")
        self.staff_roles = word_set(lexicons, "staff_markers")
        self.staff = self.staff_roles - self.platform_workers
        self.characters = word_set(lexicons, "characters")
        self.productions = word_set(lexicons, "productions")
        self.made_up = word_set(lexicons, "made_up")
        self.behaviour_verbs = word_set(lexicons, "behaviour_verbs")
        self.behaviour_nouns = word_set(lexicons, "behaviour_nouns")
        self.mental_verbs = word_set(lexicons, "mental_verbs")
        self.deeds = {noun: deed for deed, nouns in word_groups(lexicons, "activity_deeds").items() for noun in nouns}
        self.records_of_use = self.behaviour_nouns | self.identified_records  # one person's basket, order, trip
        self.headline_verbs = word_set(lexicons, "headline_verbs")
        self.change_verbs = word_set(lexicons, "change_verbs")
        self.sensitive_verbs = word_groups(lexicons, "sensitive_verbs")
        self.sensitive_cohorts = word_groups(lexicons, "sensitive_cohorts")
        self.public_verbs = word_set(lexicons, "public_verbs")
        self.public_events = word_set(lexicons, "public_events")
        self.events = word_set(lexicons, "events")
        self.remote_verbs = word_set(lexicons, "remote_verbs")
        self.public_markers = word_set(lexicons, "public_markers")
        self.vague = word_groups(lexicons, "vague_quantities")
        self.cohort_words = (
            self.person_nouns
            | self.individual_pronouns
            | self.behaviour_nouns
            | self.second_person
            | self.cohort_pronouns
        )
        self.quantity_words = {w for terms in self.vague.values() for phrase in terms for w in phrase.split()}
        self.quantity_words |= self.percent_words
        # "a quarter of our savers": a fraction's noun is a quantity of the group after "of" (alone, as in
        # "last quarter", it finds no group and names no one)
        self.quantity_words |= {phrase.split()[-1] for phrase in FRACTIONS}
        self.countries = country_names(lexicons.get("countries_extra", []))
        self.cohort_words |= self.quantity_words
        self.bounds = word_groups(lexicons, "bounds")
        self.bound_words = {w for words in self.bounds.values() for w in words if " " not in w}  # "over", "under"
        # the words a stat line's count may stand beside: "about 60", "just under 100"
        self.value_words = APPROXIMATE | {
            w for words in self.bounds.values() for phrase in words for w in phrase.split()
        }

    def __call__(self, doc: Doc) -> Doc:
        addressee = self._addressee(doc)
        excluded = excluded_tokens(doc, self.own_records)
        claims: list[Claim] = []
        counted: list[tuple[Span, CohortSize]] = []  # groups acted on, not claims (see `counted_groups`)
        ruled_out = [Span(doc, sent.start, sent.end, label="source") for sent in {doc[i].sent for i in excluded}]
        scenarios = self._scenarios(doc)
        ruled_out += scenarios
        consumed: set[int] = set()
        unstarted = excluded | quoted_titles(doc)  # "'Somebody Told Me' all weekend": a song, not one user
        unstarted.update(i for scenario in scenarios for i in range(scenario.start, scenario.end))
        for token in doc:
            if token.i in consumed or token.i in unstarted or not self._may_start_cohort(token):
                continue
            claim = self._claim_at(token, addressee, consumed, ruled_out, counted)
            if claim is not None:
                sent = claim.cohort.sent
                # the sentence, and the next if the verb is there ("pizza orders 🍕 +40% on Friday")
                said = max(sent.end, claim.behaviour.sent.end) if claim.behaviour is not None else sent.end
                answer = _answer_to(claim)
                said = answer.end if answer is not None else said  # "Members' busiest hour? 6am.": when
                self._attach_details(claim, doc[sent.start : said])
                self._attach_dateline(claim, sent)
                # a streak the person mentioned to us, in the sentence of our record of them: theirs, not ours
                claim.details = {
                    kind: [s for s in spans if s.start not in excluded] for kind, spans in claim.details.items()
                }
                claims.append(claim)
        claims = _without_rankings_of_a_counted_group(claims)
        _size_by_a_with_clause(claims)
        claims.extend(self._restatements(doc, claims, excluded))
        claims.extend(self._fragments(doc, claims, excluded))
        claims.extend(self._accounts_with_figures(doc, claims))
        if addressee is not None and not any(c.size.individual and c.cohort != addressee for c in claims):
            # the claim about the one person spoken to, with what the rest of the post says they did
            told_us = excluded_tokens(doc, self.own_records, kinds=("permission_markers",))
            reply = list(self._reply_claim(doc, addressee, claims, told_us))
            claims = [c for c in claims if c.cohort != addressee or not reply] + reply
        claims = [c for c in claims if c.size.low != 0]  # "zero riders were late": nobody to expose
        for claim in claims:
            claim.from_records = claim.behaviour is not None and told_by_our_records(
                claim.behaviour.root, self.own_records
            )
        doc._.claims = claims
        groups = ruled_out + [span for span, _ in counted]
        doc._.not_claims = ruled_out + self._own_people(doc) + self._characters(doc) + self._offers(doc, claims, groups)
        doc._.counted_groups = counted
        return doc

    def _claim_at(
        self,
        token: Token,
        addressee: Span | None,
        consumed: set[int],
        ruled_out: list[Span],
        counted: list[tuple[Span, CohortSize]],
    ) -> Claim | None:
        found = (
            self._asked_who(token)
            or self._quantity_of_group(token, consumed)
            or self._person_noun(token)
            or self._named_person(token)
            or self._second_person(token, addressee)
            or self._third_person(token)
            or self._activity_noun(token)
            or self._product_sold(token)
            or self._people_of_a_place(token)
            or self._ranking(token)
        )
        if found is None:
            return None
        head, cohort, size, size_span = found
        if self._is_staff(head, cohort):
            ruled_out.append(Span(cohort.doc, cohort.start, cohort.end, label="staff"))
            return None
        verb = self._behaviour_verb(head)
        if verb is None:
            acting = _verb_acting_on(head)
            if size.low is not None and acting is not None and acting.lemma_.lower() not in self.headline_verbs:
                counted.append((cohort, size))
            return None
        if not self._is_private_behaviour(verb, head):
            verb = self._main_verb_after_public_clause(verb, head)
            if verb is None:
                ruled_out.append(Span(cohort.doc, cohort.start, cohort.end, label="not_private"))
                return None
        consumed.update(range(cohort.start, cohort.end))
        behaviour = verb_span(verb)
        kind_inferred = any(self._counted_doers_of_any_kind(t) for t in cohort) and not any(
            self._is_people(t) for t in cohort
        )
        of_activity = cohort.root.lemma_.lower() in self.behaviour_nouns
        return Claim(
            kind_inferred=kind_inferred,
            of_activity=of_activity,
            deed=self._deed(cohort.root) if of_activity else "",
            cohort=cohort,
            size=size,
            size_span=size_span,
            behaviour=behaviour,
            object=object_of(verb),
            callout=self._callout(cohort, behaviour),
        )

    def _deed(self, activity: Token) -> str:
        """The verb an activity noun names, where users do it ("booking" -> "book", "sale" -> "buy"); ""
        for the rest ("traffic", "trips": no deed anyone is offered)."""
        lemma = activity.lemma_.lower()
        verbs = getAllLemmas(lemma, upos="VERB").get("VERB", ())
        return next((verb for verb in verbs if verb in self.behaviour_verbs), self.deeds.get(lemma, ""))


def _answer_to(claim: Claim) -> Span | None:
    """The sentence after a chart of times asked as a question ("Members' busiest hour? 6am."): it says
    when, and may say who."""
    sent = claim.cohort.sent
    if claim.cohort.label_ != "ranking" or claim.cohort.root.lemma_.lower() not in RANKED_TIMES:
        return None
    if sent[-1].text != "?" or sent.end == len(sent.doc):
        return None
    return sent.doc[sent.end].sent


def _verb_acting_on(head: Token) -> Token | None:
    """The verb the group is what was done to or for ("helped 40 people", "sent 30,000 customers a…",
    "delivered to 40 homes"), or None: the group is the whole a share is of ("of our 70,000 members")."""
    if any(t.is_currency or MONEY.search(t.text) for t in head.subtree):
        return None  # "sent £4.1m home": money, not households
    if head.dep_ in {"dobj", "dative"}:
        verb = head.head
    elif head.dep_ == "pobj" and head.head.lower_ in {"to", "for"}:
        verb = head.head.head
    else:
        return None
    return verb if verb.pos_ == "VERB" else None


def _without_rankings_of_a_counted_group(claims: list[Claim]) -> list[Claim]:
    """ "Over 1.7 million renters chose it, our most-rented film of May": a chart in a sentence that counts
    the people behind it (or whose answer does) ranks what that group did; the counted claim carries the
    sentence's details."""
    counted = {c.cohort.sent.start for c in claims if c.size.low is not None and c.cohort.label_ != "ranking"}

    def charted_sentences(ranking: Claim) -> set[int]:
        answer = _answer_to(ranking)
        return {ranking.cohort.sent.start} | ({answer.start} if answer is not None else set())

    return [c for c in claims if c.cohort.label_ != "ranking" or not charted_sentences(c) & counted]


def _size_by_a_with_clause(claims: list[Claim]) -> None:
    """ "Members logged 9 million km, with 12,500 households taking part": the group counted in a "with"
    clause on the claim's verb took part in it, so the claim's people number at least as many."""
    counted = {verb.i: c for c in claims if c.size.low is not None and (verb := _with_clause_of(c)) is not None}
    for claim in claims:
        other = counted.get(claim.behaviour.root.i) if claim.behaviour is not None else None
        if other is not None and claim.size.low is None:
            claim.size, claim.size_span = other.size, other.size_span


def _with_clause_of(claim: Claim) -> Token | None:
    """The verb whose "with" clause the claim is ("…, with 900 families joining in"), however the parse
    hung the group: the subject of the clause's verb, or the object of "with" that the verb describes."""
    group = claim.cohort.root
    if group.dep_ == "pobj" and group.head.lower_ == "with":
        with_ = group.head
    elif group.dep_ == "nsubj" and group.head.dep_ == "pcomp" and group.head.head.lower_ == "with":
        with_ = group.head.head
    else:
        return None
    return with_.head if with_.dep_ == "prep" else None


@Language.factory(
    "postlint_claims",
    default_config={"recogniser": "ner", "infer_kinds": False},
    requires=["doc.spans", "token.dep", "token.lemma"],
    assigns=["doc._.claims"],
)
def make_claims(nlp: Language, name: str, lexicons: dict[str, list], recogniser: str, infer_kinds: bool) -> ClaimFinder:
    """`lexicons`: a pack's lexicons by name. `recogniser` names the entity recogniser run when a pronoun
    needs to know whether a name before it is a person. `infer_kinds`: also find counted groups of a
    kind the lexicons do not know (`Claim.kind_inferred`), for a sentence model later to confirm."""
    return ClaimFinder(lexicons, entities(nlp, recogniser), USER_KINDS if infer_kinds else None)
