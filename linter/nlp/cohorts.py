"""Finding the cohort of a claim: the group of users a sentence is about, and its size as stated."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from linter.nlp.claim import CohortSize
from linter.nlp.extensions import detail_spans
from linter.nlp.joining import spoken_to
from linter.nlp.places import TOWNS, place_of_demonym
from linter.nlp.scope import holds_an_account
from linter.nlp.sizes import (
    CLOCK_TIME,
    FRACTIONS,
    bounded_low,
    count_of,
    how_many_count,
    label_count,
    number_tokens,
    number_value,
    own_count,
    percent_head,
    percent_value,
    rate_of,
)
from linter.nlp.syntax import (
    after_hyphen,
    done_on_a_product,
    is_subject_of_verb,
    is_us,
    left_edge,
    misread_change_verb,
    owns_where_it_went,
    subject_is_us,
    token_span,
    verbless_change,
)

AGE_GROUP = re.compile(r"^(?:under|over)-?\d{1,2}s$|^u\d{1,2}s$", re.I)  # "under-11s", "U10s": a team or class by age
RATIO = re.compile(r"^(?P<part>\d+(?:\.\d+)?)\s+(?:in|out\s+of)\s+(?P<whole>\d+(?:\.\d+)?)\b", re.I)
FAVOURITE = {"favourite", "favorite", "fave", "fav"}  # a chart when it is a town's own, not ours
BUSY = {"busy", "quiet", "popular"}  # a time ranked so is ranked by the people who came or ordered then
# Times a superlative ranks by what people did then ("the quietest morning at our pharmacy").
RANKED_TIMES = {
    "hour",
    "day",
    "night",
    "time",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "slot",
    "minute",
    "moment",
}
DEFINITE = {"the", "those", "these"}
YEAR = re.compile(r"(?:19|20)\d\d")  # "2024 was our year": a year, not a count


class CohortFinding:
    """Part of `ClaimFinder`: the finders, each trying one way English names a group of users at a token."""

    def _quantity_of_group(self, token: Token, consumed: set[int]):
        """ "72 of you", "a handful of you", "0.002% of our 2 million subscribers", "1 in 50000 players"."""
        if not (token.like_num or token.pos_ in {"DET", "PRON"} or token.lower_ in self.quantity_words):
            return None  # "our community of 3 million readers" is not a quantity of them
        if token.lower_ == "which":
            return None  # "Which of you…?" asks; see `_asked_who`
        if self._you_are_one_of(token):
            return None  # "Were you one of 200 riders who…?": the 200 are the claim; see `_person_noun`
        if _denominator(token):
            return None  # "1 in 7 of our riders": the parse split the ratio; it is read from its first number
        preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "in", "out"}]
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if (
            not preps
            and following is not None
            and following.lower_ == "of"
            and (token.like_num or token.pos_ in {"DET", "PRON"})
        ):
            preps = [following]  # the parse hung "of you" elsewhere: "Last month 1900 of our customers…"
        if not preps and following is not None and following.i + 1 < len(token.doc) and _denominator(following.nbor(1)):
            preps = [following]  # the parse hung "in 5" on the verb: "our data says 1 in 7 of our riders…"
        number = self._percent_number(token)  # the number of "0.002%", found from either token
        head = percent_head(number) if number is not None else token
        left = left_edge(number if number is not None else token)
        for prep in preps:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            base = own_count(pobj) if pobj is not None else None
            if pobj is not None and pobj.like_num and prep.lower_ == "in":
                return self._ratio_of(token, pobj, left)  # "1 in 5000 of our 2 million savers"
            size_end = head.i + 1
            if pobj is not None and pobj.like_num:  # "of our 2000 | beta testers": the parse split the phrase
                people = next((t for t in pobj.doc[pobj.i + 1 : pobj.i + 4] if self._is_people(t)), None)
                if people is not None and not token.like_num:  # "a couple of hundred subscribers": one size
                    size_end = pobj.i + 1
                pobj = people or pobj
            if pobj is None or not (self._is_people(pobj) or self._counted_doers_of_any_kind(pobj)):
                continue
            if prep.lower_ == "in" and not token.like_num:
                continue
            if pobj.lower_ == "us":
                return None
            consumed.update(t.i for t in pobj.subtree)
            cohort = token_span(token.doc, left, pobj.i + 1)
            size_span = token_span(token.doc, left, size_end)
            if prep.lower_ == "in":  # a ratio: 1 in 50000 players; the base is stated elsewhere
                size = self._derived(token, rate_of(token, count_of(number_tokens(pobj))), pobj, base=None)
            elif number is not None:
                size = self._derived(number, percent_value(number), pobj, base=base)
            elif size_span.text.lower() in FRACTIONS:  # "half of you", "most of our riders"
                size = self._derived(token, FRACTIONS[size_span.text.lower()], pobj, base=base)
            elif counted := how_many_count(token, self.value_words):  # "That is how many of our riders…: nine"
                size_span = token_span(token.doc, left_edge(counted[0]), counted[-1].i + 1)
                size = self._stated_size(counted[-1], size_span)
            else:
                size = self._stated_size(token, size_span)
            return (head, cohort, size, size_span)
        if (
            number is None
            and token.like_num
            and not YEAR.fullmatch(token.text)
            and "/" not in token.text  # "2/3": a thread's numbering
            and _reads_as_people(token)
        ):
            return self._count_of_earlier_group(token, left)
        if number is None and is_subject_of_verb(token):
            fraction = token_span(token.doc, left, token.i + 1)
            fronted = self._fronted_group(token) if fraction.text.lower() in FRACTIONS else None
            if fronted is not None:  # "Of our 3,000 members, a third booked…"
                rate = FRACTIONS[fraction.text.lower()]
                return (token, fraction, self._derived(token, rate, fronted, base=own_count(fronted)), fraction)
        if number is not None and token.i == head.i and is_subject_of_verb(head):
            people = next((t for t in token.sent if t.i not in {number.i, head.i} and self._is_people(t)), None)
            if people is None:
                return None
            size_span = token_span(token.doc, left, head.i + 1)
            return (
                head,
                size_span,
                self._derived(number, percent_value(number), people, base=own_count(people)),
                size_span,
            )
        return None

    def _count_of_earlier_group(self, count: Token, left: int):
        """ "2,000 members joined the challenge. Only 9 finished it.", "…, including 12 who booked daily": a
        bare count that reads as people is that many of a group of people counted earlier in the post."""
        earlier = count.doc[max(count.sent.start - 40, 0) : count.i]
        # "the 25 who ordered ahead" are people, counted group before them or not; "she's the one who…" is not
        if not any(self._counted_people(t) for t in earlier) and (count.dep_ == "attr" or not _who_did(count)):
            return None
        size_span = token_span(count.doc, left, count.i + 1)
        return (count, size_span, self._stated_size(count, size_span), size_span)

    def _identified_record(self, token: Token) -> bool:
        """ "Order #4821", "card no. 0042": a record with its id is the one customer behind it; not a
        milestone ("order #5,000,000 went out today")."""
        lemma = token.lemma_.lower()
        if lemma in self.assigned_places and (token.dep_ not in {"nsubj", "nsubjpass"} or token.head.lemma_ == "be"):
            return False  # "asked for room 12", "seat 1A is a favourite": the place itself, not who had it
        if lemma not in self.identified_records | self.assigned_places:
            return False
        skip = self._id_after(token)
        return bool(skip) and not token.doc[token.i + skip].text.lstrip("#").endswith("000")

    def _counted_people(self, token: Token) -> bool:
        """ "2,000 members", "5,000 of you": people with a count of their own."""
        if self._counted_you(token):
            return token.head.head.like_num
        return self._is_person_word(token) and own_count(token) is not None

    def _ratio_of(self, token: Token, whole: Token, left: int):
        """ "1 in 5000 of our 2 million savers": the group is named after the ratio, before it ("Of our
        48,000 members, 1 in 1,000…"), or not at all."""
        rate = rate_of(token, number_value(whole))
        of = next((c for c in whole.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if people is None:
            people = next((t for t in token.doc[whole.i + 1 : token.sent.end] if self._is_person_word(t)), None)
        fronted = None
        if people is None:  # "Of our 48,000 members, 1 in 1,000 has…": the group comes first
            people = fronted = self._fronted_group(token)
        if people is None or not self._is_people(people):
            return None
        base = own_count(people) if of is not None or fronted is not None else None
        size_span = token_span(token.doc, left, whole.i + 1)
        cohort = size_span if fronted is not None else token_span(token.doc, left, people.i + 1)
        return (token, cohort, self._derived(token, rate, people, base=base), size_span)

    def _fronted_group(self, token: Token) -> Token | None:
        """The people an "Of …" phrase before `token` in its sentence names ("Of our 48,000 members, …")."""
        before = token.doc[token.sent.start : token.i]
        return next((t for t in before if t.dep_ == "pobj" and t.head.lower_ == "of" and self._is_people(t)), None)

    def _person_noun(self, token: Token):
        if token.pos_ not in {"NOUN", "PROPN", "PRON"}:
            return None
        person = self._is_person_word(token) or self._counted_doers_of_any_kind(token)
        if not person and not self._identified_record(token):
            return None
        if token.dep_ in {"compound", "amod"} and token.head.pos_ == "NOUN":
            return None  # "a user guide": describes something else; "child profiles": part of that cohort
        if self._award_title_end(token) is not None:
            return None  # "Diner of the Month": the title of the one user it goes to, not a group
        if _launched_by_us(token):
            return None  # "we launched Season Saver": a plan or product named after its users
        if (
            token.lemma_.lower() == "home"
            and token.dep_ == "dobj"
            and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in token.children)
        ):
            return None  # "caught a scooter home", "bought a holiday home": a way home or a thing, not a household
        if person and self._made_up(token):
            return None  # "a fictional customer", "an (entirely invented) household": no one in the records
        named = self._user_named(token)
        if named is not None:
            return named
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.i < token.i
            and not self._you_are_one_of(token.head.head)
            and not owns_where_it_went(token)
        ):
            return None  # counted by the quantity in front: "a couple of members"
        if token.lower_ in self.quantity_words and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return None  # a quantity itself: "a couple of thousand riders"
        if token.lower_ in self.individual_pronouns and self._partner_of_a_group(token):
            return None  # "30,000 of you messaged someone new": the group's claim, not one user's
        if token.lemma_.lower() == "seller" and any(
            c.lower_ in self.superlative_words or c.tag_ == "JJS" for c in token.children
        ):
            return None  # "our top seller", "the best seller this week": a product
        left = left_edge(token)
        id_length = self._id_after(token)
        cohort = token_span(token.doc, left, token.i + 1 + id_length)
        if id_length:  # "user #4821": one account, whatever the parse made of the number
            return (token, cohort, CohortSize("singular", 1, cohort.text), cohort)
        numbers = (
            number_tokens(token)
            or _count_hung_before(token.doc, left, self.bound_words)
            or _count_after_opener(token.doc, left, token)
            or label_count(token, self.value_words)
            or how_many_count(next((c for c in token.children if c.lower_ == "many"), token), self.value_words)
        )
        value = count_of(numbers)
        if value is not None and abs(value - round(value)) > 1e-6:
            value = None  # "3.6 milyon listeners": a fraction of a person means a scale word we cannot read
        if value is not None:
            size_span = token_span(token.doc, left_edge(numbers[0]), numbers[-1].i + 1)
            ratio = RATIO.match(size_span.text)
            if ratio:  # "1 in 20000 players": a rate, applied to a base stated elsewhere
                rate = float(ratio["part"]) / float(ratio["whole"])
                return (token, cohort, self._derived(token, rate, token, base=None), size_span)
            window = token.doc[max(numbers[0].i - 3, 0) : numbers[0].i]  # "Fewer than | 100", "Nearly a | hundred"
            low = bounded_low(value, window, self.bounds)
            return (token, cohort, CohortSize("singular" if low == 1 else "exact", low, size_span.text), size_span)
        for appositive in (c for c in token.children if c.dep_ == "appos"):
            restated = self._quantity_of_group(appositive, set())
            if restated is not None and restated[2].low is not None:  # "listeners (all 80 of you) who…"
                return (token, cohort, restated[2], restated[3])
        size_span = token_span(token.doc, left, token.i + 1) if left < token.i else None
        return (token, cohort, self._noun_size(token, size_span), size_span or cohort)

    def _you_are_one_of(self, token: Token) -> bool:
        """ "one" in "were you one of 200 riders who…?", "you are one of…", "imagine being one of…":
        the post speaks to each of the group, so the group is who the claim is about. Not where "you" is
        the one account greeted before it, nor "Sam was one of…": those are one person's record."""
        verb = token.head
        if token.lower_ not in {"one", "1"} or token.dep_ != "attr" or verb.lemma_ != "be":
            return False
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return verb.tag_ == "VBG"  # "imagine being one of…", "POV: being one of…"
        addressee = self._addressee(token.doc)
        return subject.lower_ in self.second_person and (addressee is None or addressee.start > token.i)

    def _partner_of_a_group(self, token: Token) -> bool:
        """ "someone" as the object of a verb whose subject is a group of users ("thousands of you gifted
        it to someone", "singles matched with someone"): whoever it is, the record is the group's."""
        verb = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ == "dobj" else None
        if verb is None or verb.pos_ != "VERB":
            return False
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:  # the parse lost the group ("Over 30000 of you matched…" read as a phrase)
            subjects = [t for t in verb.doc[verb.sent.start : verb.i] if self._is_people(t)]
        return any(
            s.like_num or s.tag_ in {"NNS", "NNPS"} or s.lower_ in self.second_person or s.lower_ in self.quantity_words
            for s in subjects
        )

    def _second_person(self, token: Token, addressee: Span | None):
        """ "you" as the doer: the one account a reply or a greeting by name speaks to (whose handle or
        name states the size), an unknown group elsewhere or where the reply calls a group by name."""
        if token.lower_ not in self.second_person or token.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        cohort = token_span(token.doc, token.i, token.i + 1)
        if addressee is not None:
            if self._reacted_to(token.head) or token.head.lemma_.lower() in self.speech_verbs:
                return None  # "as you say, …": what the person tells us now, not our record of them
            if not self._called_by_a_group(token):
                return (token, cohort, CohortSize("singular", 1, spoken_to(addressee)), addressee)
        if token.head.tag_ not in {"VBD", "VBN"} and not _perfect_progressive(token):
            return None  # "what you pick", "you keep your current plan": habits and offers, not records
        if any(self._counted_you(t) for t in token.doc[token.sent.start : token.i]):
            return None  # "2,500 of you cycled to the game you had tickets for": that counted group again
        return (token, cohort, CohortSize("unknown", None, "you"), cohort)

    def _reacted_to(self, verb: Token) -> bool:
        """ "@kim so glad you found it useful", "@kim we hope you had fun": a reply's feeling or wish about
        what the person did, which they told us. Not a remark on it ("curious that you swapped…") nor
        what we know ("we know you…"): those may come from the records. A detail from the records in the
        reply is still found (`_reply_claim`)."""
        head = verb.head
        feeling = head.lower_ in self.reaction_words or head.lemma_.lower() in self.state_verbs
        return verb.dep_ == "ccomp" and feeling

    def _called_by_a_group(self, you: Token) -> bool:
        """ "@kim Bristol gamers, you queued…": a reply may turn to a group by name, whose "you" is that group."""
        if you.i < 2 or you.nbor(-1).text != ",":
            return False
        called = you.nbor(-2)
        return called.tag_ in {"NNS", "NNPS"} and self._is_person_word(called)

    def _counted_you(self, token: Token) -> bool:
        return token.lower_ in self.second_person and token.dep_ == "pobj" and token.head.lower_ == "of"

    def _third_person(self, token: Token):
        """ "Meet our most loyal customer: she's ordered the same salad 400 times": he or she, standing
        for the one user named just before, is that user."""
        if token.lower_ not in {"she", "he"} or token.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        antecedent = None
        self.entities([token.doc])  # "Jo … she" needs to know that Jo is a person
        for earlier in reversed(token.doc[max(token.i - 25, 0) : token.i]):
            if self._one_of_users(earlier):
                antecedent = earlier  # "she is one of our members": a user, whatever name she goes by
                break
            if earlier.ent_type_ == "PERSON" or (earlier.pos_ == "NOUN" and earlier.lemma_.lower() in self.staff):
                return None  # "Jo … she", "our CEO … she": a named person or staff, not a user in the data
            if (
                earlier.tag_ in {"NN", "NNP"}
                and self._is_person_word(earlier)
                and earlier.lower_ not in self.plural_people
            ):
                antecedent = earlier
                break
        if antecedent is None:
            return None
        cohort = token_span(token.doc, token.i, token.i + 1)
        return (token, cohort, CohortSize("singular", 1, f"{antecedent.text}, as {token.text}"), cohort)

    def _one_of_users(self, one: Token) -> bool:
        """ "one of our members", "one of our riders": a single user of a group named as users."""
        doc = one.doc
        if one.lower_ != "one" or one.i + 2 >= len(doc) or doc[one.i + 1].lower_ != "of":
            return False
        group = next((t for t in doc[one.i + 2 : one.i + 5] if t.pos_ == "NOUN"), None)
        return group is not None and self._is_person_word(group) and not self._is_staff_word(group)

    def _asked_who(self, token: Token):
        """ "Who booked 12 kayak sessions before breakfast?": asking who did a counted thing the records show
        singles out the one person behind it; not "Who else…", "Who's ready…?" or "Who wants…?", which
        ask the audience."""
        asked = token.lower_ == "who" or (token.lower_ == "which" and _of_you(token))  # "Which of you…?"
        if not asked or token.tag_ not in {"WP", "WDT"} or token.dep_ != "nsubj" or token.head.tag_ != "VBD":
            return None
        verb, sent = token.head, token.sent
        if "?" not in sent.text or any(c.lower_ == "else" for c in token.children) or token.i != sent.start:
            return None
        if verb.lemma_.lower() not in self.behaviour_verbs or not any(
            t.like_num and t.dep_ == "nummod" and not self._is_person_word(t.head) for t in verb.subtree if t.i > verb.i
        ):
            return None  # "Who upset the 70 members who…?": a taunt at a counted group, not one person's act
        cohort = token_span(token.doc, token.i, token.right_edge.i + 1)
        return (token, cohort, CohortSize("singular", 1, cohort.text), cohort)

    def _activity_noun(self, token: Token):
        """ "Soup orders in Dundee rose 300%", "soup orders up 300%": activity that rose or fell, by an unknown
        number of people."""
        if verbless_change(token) is not None:
            return self._many_peoples_activity(token)  # "Pizza orders up 40% in Leeds"
        if token.dep_ not in {"nsubj", "ROOT"}:
            return None
        if not self._rose_or_fell(token.head) and misread_change_verb(token, self.change_verbs) is None:
            return None
        return self._many_peoples_activity(token)

    def _product_sold(self, token: Token):
        """ "Sun cream sold out in Leeds", "the sleep gummies are selling fast": a product
        that sold, with no object, stands for the unknown number of people who bought it."""
        if not _is_sold(token):
            return None
        if _owned(token):
            return None  # "my book sold well": one seller's own sales
        cohort = token_span(token.doc, left_edge(token), token.i + 1)
        return _of_unknown_size(token, cohort)

    def _many_peoples_activity(self, token: Token):
        """An activity noun as a claim about an unknown number of people, unless it is owned ("our sales",
        "this order": the organisation's own, or one particular order)."""
        if not {token.lemma_.lower(), token.lower_.removesuffix("s")} & self.behaviour_nouns:
            return None  # (the plain plural too: a capitalised "Rides" is tagged a name, its lemma kept)
        if _owned(token):
            return None
        doers = self._counted_doers(token)
        if doers is not None:
            return (token, *doers[1:])
        cohort = token_span(token.doc, left_edge(token), token.i + 1)
        return _of_unknown_size(token, cohort)

    def _counted_doers(self, activity: Token):
        """ "Orders from 60 students…", "bookings by 45 members…", "searches from 40 of you": the people
        the activity is from, counted, are the claim's cohort, though they are no verb's subject."""
        for prep in (c for c in activity.children if c.dep_ == "prep" and c.lower_ in {"from", "by"}):
            doers = next((c for c in prep.children if c.dep_ == "pobj"), None)
            found = self._group_with_a_count(doers) if doers is not None else None
            if found is not None:
                return found
        return None

    def _group_with_a_count(self, token: Token):
        """The group of people at `token` ("60 students", "40 of you"), where the words give its size."""
        found = self._quantity_of_group(token, set()) or self._person_noun(token)
        return found if found is not None and found[2].low is not None else None

    def _rose_or_fell(self, verb: Token) -> bool:
        """A verb of change ("rose", "doubled"), or of being or going up or down ("were up 30%", "went up 4x")."""
        if verb.lemma_.lower() in self.change_verbs:
            return True
        return verb.lemma_.lower() in {"be", "go", "come"} and any(
            c.dep_ in {"prt", "advmod", "prep"} and c.lower_ in {"up", "down"} for c in verb.children
        )

    def _may_start_cohort(self, token: Token) -> bool:
        """A cheap test that the token could head a cohort at all, before the finders look closer."""
        word, lemma = token.lower_, token.lemma_.lower()
        if token.like_num or word in self.cohort_words or lemma in self.cohort_words or AGE_GROUP.match(word):
            return True
        if lemma in self.customers_when_counted or word.removesuffix("s") in self.customers_when_counted:
            return self._counted_customers(token)
        if lemma in self.collective_people:
            return self._named_crowd(token)
        if word.removesuffix("s") in self.behaviour_nouns:
            return True  # a capitalised "Rides" is tagged a name and keeps its plural lemma
        if token.text.startswith("@"):
            return self._greeted(token.doc, token.i)
        if word in {"who", "which"}:
            return token.is_sent_start and token.dep_ == "nsubj"  # asked who did it: see `_asked_who`
        if self._identified_record(token):
            return True
        if token.pos_ not in {"NOUN", "PROPN"}:
            return False
        if self._acting_account_holders(token) or self._greeted_by_what_they_did(token):
            return True
        if self._counted_doers_of_any_kind(token):
            return True
        if _is_sold(token):
            return True
        if token.pos_ == "PROPN" and (self._greeted(token.doc, token.i) or self._name_from_town(token) is not None):
            return True
        if _a_name(token) and self._place_does(token):
            return True
        return (
            self._is_agent_noun(token)
            or place_of_demonym(token) is not None
            or any(c.lower_ in self.ranking_words or c.tag_ in {"JJS", "RBS"} for c in token.children)
            or self._ranked_by(token) is not None  # "the most-bought item": "most" hangs on the participle
        )

    def _people_of_a_place(self, token: Token):
        """ "Leicester streamed more podcasts than anywhere", "Cardiff led the UK in kayak rentals": a place
        that did what users do, or tops a chart of it, stands for its users there, an unknown number."""
        if not _a_name(token) or not self._place_does(token):
            return None
        start = token.i
        while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].pos_ == "PROPN":
            start -= 1  # "New York"
        # Whether the name is a place is read later, by `postlint_places`, which runs the entity
        # recogniser on claim sentences only; a name it does not take for a place drops the claim.
        cohort = Span(token.doc, start, token.i + 1, label="place")
        return _of_unknown_size(token, cohort)

    def _place_does(self, token: Token) -> bool:
        """A name as the subject of a behaviour verb, or of a chart verb with an activity noun after it."""
        verb = token.head
        if token.dep_ != "nsubj" or verb.pos_ != "VERB" or any(c.dep_ == "det" for c in token.children):
            return False  # "this Diwali" is a time
        if verb.lemma_.lower() in self.behaviour_verbs:
            return True
        return verb.lemma_.lower() in self.chart_verbs and any(
            t.lemma_.lower() in self.behaviour_nouns for t in verb.subtree if t.i > verb.i
        )

    def _ranking(self, token: Token):
        """ "The best-selling pie in Cardiff", "the top search in Hull last night": a chart of what
        users did, about an unknown number of people."""
        if token.pos_ != "NOUN" or self._ranked_by(token) is None:
            return None
        cohort = Span(token.doc, left_edge(token), token.i + 1, label="ranking")
        among = self._ranked_among(token)
        if among is not None:  # "the most-borrowed book among the 300 members of…": that many ranked it
            return (token, cohort, among[2], among[3])
        return _of_unknown_size(token, cohort)

    def _ranked_among(self, ranked: Token):
        """The counted group a chart is drawn from ("… among our 450 beta testers", "across our 2 million
        members, the busiest hour was…", "90,000 riders' favourite day"), as `_person_noun` finds it, or
        None."""
        holders = (ranked, ranked.head) if ranked.dep_ in {"nsubj", "attr"} else (ranked,)
        people = [c for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in {"among", "across"}
                  for c in p.children if c.dep_ == "pobj"]  # fmt: skip
        people += [c for c in ranked.children if c.dep_ == "poss"]
        for person in people:
            found = self._person_noun(person)
            if found is not None and found[2].low is not None:
                return found
        return None

    def _ranked_by(self, token: Token) -> Token | None:
        """The word that ranks a noun by activity: a behaviour participle with "most", or "top"/"most
        popular" on an activity noun."""
        for child in token.children:
            if child.dep_ not in {"amod", "compound"} or child.i > token.i:
                continue
            most = _ranks(child)
            if most and child.lemma_.lower() in self.behaviour_verbs:
                return child  # most-streamed, most searched
            if (most or child.lower_ == "top") and token.lemma_.lower() in self.behaviour_nouns:
                return child  # most popular search, top search
            if child.lower_ in FAVOURITE and any(c.dep_ == "poss" and c.text in TOWNS for c in token.children):
                return child  # "Bristol's favourite podcast": a chart of what people there played
        return self._ranked_for(token) or self._ranked_at(token) or self._ranked_by_its_users(token)

    def _ranked_at(self, token: Token) -> Token | None:
        """ "the quietest morning at our pharmacy", "the busiest evening in our Leith gym": a time ranked by
        the visits to a place of ours, which stands for the unknown number who came then."""
        if token.lemma_.lower() not in RANKED_TIMES:
            return None
        places = (c for p in token.children if p.dep_ == "prep" and p.lower_ in {"at", "in"} for c in p.children)
        if not any(c.dep_ == "pobj" and is_us(c) for c in places):
            return None
        return next((c for c in token.children if c.dep_ == "amod" and _ranks(c)), None)

    def _ranked_by_its_users(self, token: Token) -> Token | None:
        """ "Members' busiest hour", "the quietest day to rent a kayak", "their favourite day to
        order": a time ranked by what a group of users did then (theirs, for them, or an activity verb's),
        which stands for the unknown number who did it. Not a time we or the reader like best ("our
        favourite time to bake", "your favourite time to run?")."""
        if token.lemma_.lower() not in RANKED_TIMES:
            return None
        ranking = next(
            (c for c in token.children if c.dep_ == "amod" and c.i < token.i and (_ranks(c) or c.lower_ in FAVOURITE)),
            None,
        )
        if ranking is None:
            return None
        owners = [c for c in token.children if c.dep_ == "poss"]
        if any(self._is_person_word(o) and o.lower_ not in self.second_person for o in owners):
            return ranking
        if ranking.lower_ in FAVOURITE and owners:
            return None
        doers = [c for p in token.children if p.dep_ == "prep" and p.lower_ == "for" for c in p.children]
        if any(c.dep_ == "pobj" and c.lemma_.lower() in self.behaviour_nouns for c in doers):
            return None  # "the busiest night for deliveries": the deliveries are the claim (`_ranked_for`)
        if any(c.dep_ == "pobj" and c.lower_ not in self.second_person and self._is_people(c) for c in doers):
            return ranking
        done = (c for c in token.children if c.dep_ in {"relcl", "acl", "advcl"} and c.tag_ == "VB")
        if any(v.lemma_.lower() in self.behaviour_verbs and any(a.lower_ == "to" for a in v.children) for v in done):
            return ranking
        return ranking if ranking.lemma_.lower() in BUSY else None

    def _ranked_for(self, token: Token) -> Token | None:
        """ "the top town for noodle orders", "the busiest night for deliveries in Leith": a place or a
        time ranked by an activity ("for" or "in" it), which stands for the unknown number who did it."""
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in {"for", "in"} or prep.head.pos_ != "NOUN":
            return None
        if token.lemma_.lower() not in self.behaviour_nouns:
            return None
        ranked = prep.head
        return next((c for c in ranked.children if c.dep_ == "amod" and (_ranks(c) or c.lower_ == "top")), None)

    def _is_person_word(self, token: Token) -> bool:
        word, lemma = token.lower_, token.lemma_.lower()
        # A plural the tagger read as a name keeps its "s" in the lemma ("Couriers in Ghent …")
        plural = word.endswith("s") and word[:-1] in self.person_nouns
        in_lexicon = plural or word in self.person_nouns | self.individual_pronouns or lemma in self.person_nouns
        return (
            in_lexicon
            or self._counted_customers(token)
            or self._acting_account_holders(token)
            or self._greeted_by_what_they_did(token)
            or self._named_crowd(token)
            or self._is_agent_noun(token)
            or AGE_GROUP.match(token.text) is not None
            or place_of_demonym(token) is not None
        )

    def _counted_customers(self, token: Token) -> bool:
        """ "41 teams", "hundreds of agencies", "3,000 devs": organisations and trades counted in the plural,
        and not ours, are the customers a service sells to; "our teams", "our 12 engineers", "the platform
        team" and teams named by a workplace or a staff role ("14 warehouse teams") are its own."""
        plural = token.tag_ in {"NNS", "NNPS"} and token.lemma_.lower() in self.customers_when_counted
        if not (plural or token.lower_.removesuffix("s") in self.customers_when_counted - {token.lower_}):
            return False  # (a plural the tagger took for a singular keeps its "s": "3,000 devs")
        if any(
            (c.dep_ == "poss" and c.lower_ in {"our", "my"})
            or (c.dep_ == "compound" and c.lemma_.lower() in self.premises | self.staff_roles)
            for c in token.children
        ):
            return False
        return self._is_counted(token)

    def _is_counted(self, token: Token) -> bool:
        """A number or a quantity word counts the noun ("41 teams", "dozens of salons")."""
        of = token.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
        return bool(
            number_tokens(token)
            or any(c.lower_ in self.quantity_words for c in token.children if c.dep_ in {"amod", "det"})
            or (of is not None and (of.head.like_num or of.head.lower_ in self.quantity_words))
        )

    def _acting_account_holders(self, token: Token) -> bool:
        """ "38 salons cancelled their plan", "412 clinics switched on reminders": a counted plural of any
        kind that does to something what only an account holder does (`account_verbs`) is customers,
        whatever trade names them; not ours ("our 40 stores switched on…"), nor counted activity."""
        subject = _counting_subject(token)
        verb = subject.head
        if (
            token.tag_ != "NNS"
            or after_hyphen(token)  # "Twenty-somethings": a word of its own
            or subject.dep_ != "nsubj"
            or verb.tag_ not in {"VBD", "VBN"}  # done; "six flatmates order pizza each week" tells a story
            or verb.lemma_.lower() not in self.account_verbs
            or not any(c.dep_ in {"dobj", "prt"} or (c.dep_ == "prep" and c.lower_ in ON_OFF) for c in verb.children)
            or token.lemma_.lower() in self.behaviour_nouns
            or token.lemma_.lower() in self.staff - self.premises  # "volunteers", "suppliers": as they were
        ):
            return False
        if any(c.dep_ == "poss" and c.lower_ in {"our", "my"} for c in token.children):
            return False
        return self._is_counted(token)

    def _counted_doers_of_any_kind(self, token: Token) -> bool:
        """ "612 roofers used the quote tool", "dozens of pharmacies changed their opening hours", "a bakery
        in Leeds sent 90 orders": a counted plural, or one, of a kind of person or business no lexicon lists
        (but WordNet or the premises words do), that did something to something (a verb with an object,
        or done on a named product or "to our" one: "moved to rye on Kilnly"), in the past or, counted,
        "still" or "now"; or that is in a state a special category names ("12 bakeries are in arrears").
        "The" business told apart by what it did is one. Whether they are users or, say, a firm's own staff
        or branches is for the sentence model: such a claim stands only where it reads a report of what
        users did (`Claim.kind_inferred`)."""
        lemma = token.lemma_.lower()
        if self.nouns_to_infer is None or not (lemma in self.nouns_to_infer or lemma in self.premises):
            return False  # (WordNet files some premises as rooms or buildings: "nursery", "kennel")
        told_apart = self._business_told_apart(token)
        one = told_apart or (
            token.tag_ == "NN" and any(c.dep_ in {"det", "nummod"} and c.lower_ in ONE for c in token.children)
        )
        if not (token.tag_ == "NNS" or one) or after_hyphen(token):
            return False
        subject: Token | None = _counting_subject(token)
        verb = subject.head
        clause = next((c for c in token.children if c.dep_ == "relcl" and _relative_subject(c)), None)
        if clause is not None and (told_apart or not one):  # "to the 38 roofers who fixed a slate": what the
            # count did ("a coach who has won every trophy" describes one person, not a record)
            subject, verb = _relative_subject(clause), clause
        done = (
            verb.tag_ == "VBD"
            or (verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children))
            # "6 garages switched to…": a past tense the tagger read as a participle, with no auxiliary
            or (
                verb.tag_ == "VBN"
                and verb.dep_ == "ROOT"
                and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
            )
            # "340 bakeries now send invoices by text": a count's present state, not a trade's habit
            or (
                verb.tag_ == "VBP"
                and not one
                and any(c.dep_ == "advmod" and c.lower_ in STATE_NOW for c in verb.children)
            )
        )
        acted = (
            verb.pos_ == "VERB" and done and (any(c.dep_ == "dobj" for c in verb.children) or done_on_a_product(verb))
        )
        if (
            subject is None
            or subject.dep_ != "nsubj"
            or not (acted or _in_a_special_state(verb))  # "90 trailers loaded overnight": done to them
            or lemma in self.behaviour_nouns
            or (lemma in self.staff and not (holds_an_account(token) or told_apart))
            or any(c.dep_ == "poss" for c in token.children)  # "our 40 drivers", "the city's 12 wardens"
        ):
            return False
        return one or self._is_counted(token)

    def _business_told_apart(self, token: Token) -> bool:
        """ "the yoga studio in Hove that paid its year upfront": one business, "the" one that did something
        to something in the past, is a customer singled out, though "studio" alone can be our own."""
        lemma = token.lemma_.lower()
        if token.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return False
        if not (lemma in self.premises or (self.nouns_to_infer or {}).get(lemma) == "business"):
            return False
        return any(
            c.dep_ == "relcl"
            and c.tag_ == "VBD"
            and _relative_subject(c) is not None
            and any(o.dep_ == "dobj" for o in c.children)
            for c in token.children
        )

    def _greeted_by_what_they_did(self, token: Token) -> bool:
        """ "Dear retired teacher who orders our oat loaf…": a noun greeted and told apart by a "who" clause
        is a person, whatever the noun (a trade, a role in life), and the clause says what they did."""
        if token.tag_ != "NN" or not any(
            c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.lower_ == "who" for s in c.children)
            for c in token.children
        ):
            return False
        lemma = token.lemma_.lower()
        if lemma in self.staff or lemma in self.characters:
            return False
        doc, start = token.doc, left_edge(token)
        if lemma in self.collective_people or any(t.lower_ in self.second_person for t in doc[start : token.i]):
            return False  # "the early crowd who…", "you lot who…": many people
        return any(self._greeted(doc, i) or doc[i].lower_ in self.greetings for i in range(start, token.i))

    def _named_crowd(self, token: Token) -> bool:
        """ "the 6am crowd", "the Glasgow crowd": users named by when, where or what they do; not "a record
        crowd", "the home crowd", or a crowd counted at an event ("a crowd of 600", "a 600-strong crowd")."""
        if token.lemma_.lower() not in self.collective_people or number_tokens(token):
            return False
        modifiers = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"}]
        return (
            bool(modifiers)
            and not any(m.lemma_.lower() in self.crowd_qualities or m.tag_ == "JJS" for m in modifiers)
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children)
        )

    def _is_people(self, token: Token) -> bool:
        if token.lower_ == "them":
            antecedent = _antecedent(token)
            return (
                antecedent is not None
                and self._is_person_word(antecedent)
                and antecedent.lemma_.lower() not in self.staff
            )
        return token.lower_ in self.second_person | {"us", "those"} or self._is_person_word(token)

    def _is_agent_noun(self, token: Token) -> bool:
        """People named after what they do ("intro-skippers", "bingers"), beyond the usual user nouns; not
        one tool or plan named after its job and its object ("the symptom tracker", "a sleep timer",
        "Season Saver")."""
        word = token.lower_
        return (
            token.pos_ in {"NOUN", "PROPN"}
            and word not in self.person_nouns
            and token.lemma_.lower() not in self.person_nouns
            and _agent_noun_stem(word) in self.behaviour_verbs
            and not (token.tag_ in {"NN", "NNP"} and any(c.dep_ == "compound" for c in token.children))
        )


ON_OFF = {"on", "off"}  # "switched on reminders", which the parse may read as a preposition
RELATIVE_PRONOUNS = {"who", "that", "which"}
STATE_NOW = {"still", "now", "already"}  # a present tense that reports where a count stands
ONE = {"a", "an", "one"}  # "a bakery in Leeds sold…": one of a kind, as a count of them is many


def _reads_as_people(count: Token) -> bool:
    """A count with no noun of its own that stands for people: a verb's subject ("Only 9 finished", "14 in
    Bath finished it") or what a "who" clause describes ("including 12 who booked every day"). Its other
    dependents may only bound it or place it; a time ("1am"), a ratio ("9 in 10") or "which one" is no count
    of people."""
    start = left_edge(count)
    words = count.doc[start : min(count.i + 4, count.sent.end)].text  # "1 in 20": the parse may make "20" the head
    if RATIO.match(words) or CLOCK_TIME.match(words):
        return False
    if start > 0 and count.doc[start - 1].lower_ in {"which", "this", "that", "each", "every", "any", "another"}:
        return False  # "which one is yours?": a pronoun, whatever the parse hung the word on
    places = [c for c in count.children if c.dep_ == "prep" and c.lower_ in {"in", "from", "at", "near"}]
    place_nouns = [p for prep in places for p in prep.children if p.dep_ == "pobj"]
    described = any(_who_did(word) for word in (count, *place_nouns))  # or its place: "9 in St Ives who…"
    placed_or_bounded = not any(p.like_num for p in place_nouns) and all(
        c.dep_ in {"advmod", "quantmod", "relcl"} or c in places or (c.dep_ == "det" and c.lower_ in DEFINITE)
        for c in count.children
    )  # "the 25 who ordered ahead": the article makes them no fewer people
    return placed_or_bounded and (count.dep_ == "nsubj" or described)


def _who_did(count: Token) -> bool:
    """ "the 25 who ordered ahead": a count (or its place) that a "who" clause describes."""
    return any(
        c.dep_ == "relcl" and any(w.lower_ == "who" and w.dep_ == "nsubj" for w in c.children) for c in count.children
    )


def _counting_subject(token: Token) -> Token:
    """The subject that counts a noun: the quantity in "dozens of salons signed up", else the noun."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "nsubj":
        return token.head.head
    return token


def _relative_subject(clause: Token) -> Token | None:
    """The "who", "that" or "which" a relative clause has for its subject."""
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS), None)


def _agent_noun_stem(word: str) -> str:
    """ "skippers" -> "skip", "bingers" -> "binge": people named after what they do."""
    word = word.rsplit("-", 1)[-1].removesuffix("s")
    if not word.endswith("er") or len(word) < 5:
        return ""
    stem = word[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2]:
        return stem[:-1]
    return stem if not stem.endswith(("g", "v", "c")) else stem + "e"


def _count_hung_before(doc, left: int, bound_words: set[str]) -> list[Token]:
    """ "Last month 32000 riders…", "Over 74,000 Austin riders…": a count right before the group that the
    parse hung on an earlier word ("month 32000" is no English) or made the object of its bound ("Over")
    is the group's count."""
    before = doc[left - 1] if left > 0 else None
    if before is None or not before.like_num or before.head.i >= before.i:
        return []
    if before.dep_ == "nummod" or (
        before.dep_ == "pobj" and before.head.lower_ in bound_words and not YEAR.fullmatch(before.text)
    ):
        return [before]
    return []


def _count_after_opener(doc, left: int, token: Token) -> list[Token]:
    """ "Dear 900 Leeds riders who…": the parse can hang the count on the call-out's first word, and
    the group's count is still the number right after it."""
    opener = next((s for s in detail_spans(doc, left, left + 1) if s.label_ == "callout_openers"), None)
    if opener is None or opener.end >= token.i:
        return []
    first = doc[opener.end]
    return [first] if first.like_num and not YEAR.fullmatch(first.text) else []


def _antecedent(token: Token) -> Token | None:
    """The nearest plural noun before a "them"."""
    return next((t for t in reversed(token.doc[: token.i]) if t.tag_ == "NNS"), None)


def _is_sold(token: Token) -> bool:
    """ "sold out", "are selling fast", "sold well": a product that sold, with no object (not "we sold 40
    tickets", where the seller is the subject). The parser often reads "Xs sold out…" as a noun with a
    reduced relative clause; "sold out" there is still the product selling."""
    if token.pos_ not in {"NOUN", "PROPN"} or (token.pos_ == "PROPN" and not token.is_sent_start):
        return False
    if token.dep_ == "nsubj":
        return _sold(token.head)
    return token.dep_ == "ROOT" and any(
        _sold(c) and any(p.dep_ == "prt" and p.lower_ == "out" for p in c.children)
        for c in token.children
        if c.dep_ == "acl"
    )


def _of_unknown_size(head: Token, cohort: Span):
    """A finder's result for a group whose size the words do not give: a trend, a chart, a place."""
    return (head, cohort, CohortSize("unknown", None, cohort.text), cohort)


def _owned(token: Token) -> bool:
    """ "our sales", "my book", "this order": someone's own, or one particular thing."""
    return any(c.dep_ == "poss" or c.lower_ in {"this", "that", "my", "our"} for c in token.children)


def _sold(verb: Token) -> bool:
    return verb.lemma_.lower() == "sell" and not any(c.dep_ in {"dobj", "dative"} for c in verb.children)


def _a_name(token: Token) -> bool:
    """A proper noun, or a town's name the tagger took for a common noun where a sentence starts ("Leeds
    ordered…")."""
    return token.pos_ == "PROPN" or (token.text in TOWNS and token.text[:1].isupper())


def _launched_by_us(token: Token) -> bool:
    """A capitalised name ending in a user word that we are the subject of making or offering."""
    return (
        token.tag_ == "NNP"
        and token.dep_ == "dobj"
        and any(c.dep_ == "compound" and c.text[:1].isupper() for c in token.children)
        and subject_is_us(token.head)
    )


def _perfect_progressive(subject: Token) -> bool:
    """ "you've been ordering": what the records show going on until now, as a past tense would; not
    asked ("have you been keeping up?")."""
    verb = subject.head
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    return (
        verb.tag_ == "VBG"
        and any(c.lower_ == "been" for c in auxiliaries)
        and all(c.i > subject.i for c in auxiliaries)
    )


def _of_you(token: Token) -> bool:
    """ "which of you": the word with "of you" hanging on it."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "you" for p in c.children) for c in token.children
    )


def _ranks(word: Token) -> bool:
    """A superlative ("busiest", "most popular"): a word that puts one thing at the top of a chart."""
    return any(c.lower_ in {"most", "least"} for c in word.children) or word.tag_ in {"JJS", "RBS"}


def _denominator(token: Token) -> bool:
    """The second number of a ratio ("1 in 5"), whatever the parse made of it."""
    return token.like_num and token.i >= 2 and token.nbor(-1).lower_ == "in" and token.nbor(-2).like_num


def _in_a_special_state(verb: Token) -> bool:
    """ "12 bakeries are weeks behind with the rent", "nine salons are on our list for unpaid
    invoices": a counted kind that *is* in a state a special category's words name (money owed, mostly)
    is a report of their accounts, as a thing they did would be; "12 bakeries are in Leeds" is not."""
    if verb.lemma_ != "be" or verb.dep_ not in {"ROOT", "ccomp", "conj"}:
        return False
    complements = [c for c in verb.children if c.dep_ in {"prep", "acomp", "attr", "advmod", "npadvmod"}]
    return any(
        span.label_.startswith("sensitive")
        for c in complements
        for span in detail_spans(verb.doc, c.left_edge.i, c.right_edge.i + 1)
    )
