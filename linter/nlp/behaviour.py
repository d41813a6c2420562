"""Finding what a cohort did: the verb it is the subject of, or the clause that defines it."""

from __future__ import annotations

from spacy.tokens import Span, Token

from linter.nlp.extensions import detail_spans
from linter.nlp.syntax import (
    INTO,
    is_account_name,
    misread_change_verb,
    of_object,
    owns_where_it_went,
    subject_is_us,
    token_span,
    verb_of_subject,
    verbless_change,
)


class BehaviourReading:
    """Part of `ClaimFinder`: the verb a cohort did, found from the cohort's head token."""

    def _behaviour_verb(self, head: Token) -> Token | None:
        clause = _defining_clause(head) or _defining_clause(_counted_of(head)) or _defining_clause(_one_among(head))
        if clause is not None:
            return clause  # "people who played…", "just 3% of our diners who tipped…"
        if head.dep_ in {"pobj", "dobj"}:  # "To the 14 teens on student plans in Leeds who played…": the clause
            # hangs lower; under an object only a "who" clause ("we met a rider in Leeds who took…")
            nested = next(
                (
                    t
                    for t in head.subtree
                    if t.dep_ == "relcl"
                    and t.head.i > head.i
                    and t.pos_ == "VERB"
                    and (head.dep_ == "pobj" or any(c.dep_ == "nsubj" and c.lower_ == "who" for c in t.children))
                ),
                None,
            )
            if nested is not None:
                return nested
        if head.lemma_.lower() in self.behaviour_nouns:
            change = verbless_change(head)
            if change is not None:
                return change  # "Pizza orders up 40%": the change word stands in for the verb
        verb = verb_of_subject(head)
        if verb is not None and verb.pos_ in {"VERB", "AUX"}:
            if head.lower_ in self.second_person and (
                _describes(verb) or _how_things_stand(verb) or verb.lemma_.lower() in self.mental_verbs
            ):
                return None  # "you're welcome", "you're not imagining it": what the reply thinks, not what they did
            return verb
        misread = misread_change_verb(head, self.change_verbs)
        if misread is not None:
            return misread
        handle = next((a for a in head.ancestors if a.text.startswith("@") and a.i < head.i), None)
        if handle is not None and handle.dep_ in {"nsubj", "nsubjpass"}:
            # "@kim 60,000 of you…": the parse made the handle the reply speaks to the subject
            return handle.head if handle.head.pos_ in {"VERB", "AUX"} else None
        owned = head.head
        if _one_persons(head) and owned.dep_ in {"nsubj", "nsubjpass"}:
            return owned.head if owned.head.pos_ in {"VERB", "AUX"} else None  # "One shopper's basket held…"
        record = self._record_of(head)
        if record is not None:
            return record
        if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.tag_ == "VBN":
            return head.head.head  # "was used by 300 riders"
        reached = _verb_that_reached(head)
        if reached is not None:
            return reached
        if head.dep_ == "dobj" and head.head.lemma_ == "have" and not subject_is_us(head.head):
            return head.head  # "Ohio has 6 platinum-tier members"
        if head.dep_ == "dobj" and head.head.lemma_.lower() in self.observation_verbs:
            return head.head  # "our meter caught one household using 90 kWh": what we saw them do
        if head.dep_ == "appos" and head.head.dep_ in {"nsubj", "nsubjpass"}:
            return head.head.head
        if head.dep_ in {"conj", "compound"} and head.head.dep_ in {"nsubj", "nsubjpass"}:
            return head.head.head  # "users and viewers watched", "User #48213 gave"
        ranked_by = self._ranked_by(head)
        if ranked_by is not None:
            return ranked_by
        if head.dep_ == "appos" and self._is_agent_noun(head.head):
            return head.head  # "Puddle-jumpers of Dunmoor, every one of you:" - the noun names the behaviour
        if self._is_agent_noun(head) and head.dep_ in {"ROOT", "npadvmod", "dep"}:
            return head
        reduced = _reduced_relative(head)
        if reduced is not None:
            return reduced
        thanked = self._thanked_for(head)
        if thanked is not None:
            return thanked
        if head.like_num or head.lower_ in {"some", "many", "most", "all", "several"}:
            return _subjectless_verb_after(head)
        return None

    def _record_of(self, head: Token) -> Token | None:
        """One person's record of use, wherever it sits in the sentence: "because of one regular's standing
        order", "goes to a rider on their 500th trip", "14 orders for one diner". The order or the trip says
        what they did, with no verb."""
        governor = next((t for t in head.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        if governor is not None and governor.tag_ == "VB":
            return None  # "Fill someone's basket with joy": an invitation or a plan, not a record
        if head.dep_ == "poss" and head.head.lemma_.lower() in self.records_of_use and _one_persons(head):
            return head.head
        one = head.dep_ == "pobj" and head.tag_ == "NN" and head.head.lower_ in {"for", "from", "by"}
        held = head.head.head if one else None
        # "14 orders for one diner", "nine bookings from one guest", or the parse's "packed | 14 orders |
        # for one diner": the records are theirs
        records = (
            [held]
            if held is None or held.pos_ not in {"VERB", "AUX"}
            else [c for c in held.children if c.dep_ == "dobj"]
        )
        for record in records:
            if record is not None and record.lemma_.lower() in self.records_of_use and record.tag_ == "NNS":
                return record
        for prep in (c for c in head.children if c.dep_ == "prep"):
            done = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if (
                done is not None
                and done.lemma_.lower() in self.records_of_use
                and any(c.dep_ == "poss" and c.lower_ in {"their", "his", "her"} for c in done.children)
            ):
                return done
        return None

    def _main_verb_after_public_clause(self, clause: Token, head: Token) -> Token | None:
        """ "Subscribers who like our clips bought a board", "Fans who liked the clip streamed
        it": a group defined by a public act or a general habit (the clause) that then did something the
        records show (a past verb it is the subject of) is a claim on that."""
        if clause.dep_ not in {"relcl", "acl"} or clause.head != head:
            return None
        public = clause.lemma_.lower() in self.public_verbs
        habit = clause.tag_ in {"VBP", "VBZ"} and not any(c.dep_ == "aux" for c in clause.children)
        verb = verb_of_subject(head)
        if not (public or habit) or verb is None or verb.pos_ != "VERB" or not _done(verb):
            return None
        return verb if self._is_private_behaviour(verb, head) else None

    def _thanked_for(self, head: Token) -> Token | None:
        """ "Thanks to Ana for riding with us…", "Thank you, Sam, for 300 rides": what someone is thanked
        or congratulated for (a verb, or a noun of activity) is what they did."""
        for holder in (head, head.head, head.head.head):
            for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > head.i):
                done = next((c for c in prep.children if c.dep_ in {"pcomp", "pobj"}), None)
                if done is None:
                    continue
                if done.pos_ == "VERB" or done.lemma_.lower() in self.behaviour_nouns:
                    return done
        return None


def _done(verb: Token) -> bool:
    """Past, or present perfect: something the records show was done."""
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _one_persons(token: Token) -> bool:
    """A singular possessive that is a person's, not part of a name ("Mother's Day", "Punter's Edge"): in
    lower case, or opening its sentence ("Somebody's whole shop…")."""
    return (
        token.dep_ == "poss"
        and token.tag_ in {"NN", "NNP"}
        and (token.is_lower or token.is_sent_start or any(c.dep_ == "det" for c in token.children))
    )


def _describes(verb: Token) -> bool:
    """A copula with an adjective or noun complement and no verb of its own: a description."""
    return verb.lemma_ == "be" and any(c.dep_ in {"acomp", "attr"} for c in verb.children)


def _how_things_stand(verb: Token) -> bool:
    """ "you're on a roll", "you're in for a treat": a copula whose phrases hold no place, time, figure,
    name or thing of ours says how things stand, not where anyone was ("you were at our Leeds store",
    "you were in at 6am" are)."""
    phrases = [c for c in verb.children if c.dep_ in {"prep", "advmod", "npadvmod"} and not is_account_name(c)]
    if verb.lemma_ != "be" or not any(c.dep_ == "prep" for c in phrases):
        return False
    words = [t for c in phrases for t in c.subtree]
    if any(t.like_num or t.pos_ == "PROPN" or t.lower_ in {"our", "here", "there"} for t in words):
        return False
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    return not any(detail_spans(verb.doc, start, end))


def verb_span(verb: Token) -> Span:
    """The verb with its particles and auxiliaries: "have rewatched", "checked in"."""
    parts = [verb] + [c for c in verb.children if c.dep_ in {"prt", "aux", "auxpass", "neg"}]
    return token_span(verb.doc, min(t.i for t in parts), max(t.i for t in parts) + 1)


def object_of(verb: Token) -> Span | None:
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}), None)
    if obj is None:
        return None
    return token_span(verb.doc, obj.left_edge.i, obj.right_edge.i + 1)


def _reduced_relative(head: Token) -> Token | None:
    """ "the 9 of you still using…", "players aged 13 streaming…": a participle right after the group
    defines it, even where the parse made that participle the main verb."""
    doc, end = head.doc, head.sent.end  # not the next item of a list ("• 85 staff | • Founded in 2019")
    position = head.right_edge.i + 1
    while position < end and doc[position].pos_ == "ADV":
        position += 1
    if position < end and doc[position].pos_ == "VERB" and doc[position].tag_ in {"VBG", "VBN"}:
        return doc[position]
    return None


def _subjectless_verb_after(token: Token) -> Token | None:
    """When the parse lost a quantity subject, the next verb in its sentence that has no subject: the main
    verb, or the clause of the verb that took the quantity as its object ("our data says | 1 in 7 of our riders |
    ride…"), or the verb the parse hung the quantity's bound on ("Over 17,300 of you opened…, so we…", read as
    "over 17,300" and a clause with no subject)."""
    for candidate in token.doc[token.i + 1 : token.sent.end]:
        clause_beside = candidate.dep_ == "ccomp" and candidate.head.i == token.head.i != token.i
        bound_hung_on = token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i == candidate.i
        if candidate.pos_ == "VERB" and (candidate.dep_ in {"ROOT", "conj"} or clause_beside or bound_hung_on):
            has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in candidate.children)
            return None if has_subject else candidate
    return None


# Prepositions before the group an event reached, came from or happened in ("of", "among" and "across"
# name the base of a share instead: "of our 8,000 savers, 2%…").
REACHED = {"to", "for", "from", "in", "at", "between"}


def _verb_that_reached(head: Token) -> Token | None:
    """ "The last loaf went to 40 of you", "most orders came from 22 households": a
    counted group that what happened reached, came from or happened in, though it is no verb's subject.
    Not where we are the subject ("we sent it to 40 of you"): that is what we did. The group may own
    where it went ("ended up in the baskets of 9,000 shoppers")."""
    prep = head.head
    if owns_where_it_went(head):
        prep = prep.head.head  # "in | the carts of | 9,000 shoppers"
    if head.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in REACHED | INTO:
        return None
    if prep.i > 0 and prep.doc[prep.i - 1].like_num:
        return None  # "1 in 4 Glaswegians": a rate, read where rates are
    if not any(c.dep_ == "nummod" and c.lower_ not in {"1", "one"} for c in head.children):
        return None  # uncounted, or "for one person": what it was for, not who
    verb = prep.head
    return verb if verb.pos_ in {"VERB", "AUX"} and not subject_is_us(verb) else None


def _defining_clause(head: Token | None) -> Token | None:
    if head is None:
        return None
    return next((c for c in head.children if c.dep_ in {"relcl", "acl"} and c.pos_ in {"VERB", "AUX"}), None)


def _one_among(head: Token) -> Token | None:
    """ "riders" in "you're one of 500 riders who took it", "Sam was one of…": the one named is said to
    have done what the group's clause says."""
    if head.lower_ not in {"one", "1"} or head.dep_ != "attr":
        return None
    return of_object(head)


def _counted_of(head: Token) -> Token | None:
    """ "diners" in "just 3% of our diners": the group a share or count is taken of. Not the group
    that "one of" picks one from: "one of the 500 riders who took it" is one of them, whoever it is."""
    if head.lower_ in {"one", "1"}:
        return None
    return of_object(head)
