"""What is not a claim: staff, public actions, promises and conditions, generic statements, headline
totals, made-up scenarios, and sentences that quote an outside source or a testimonial shared with
permission."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from linter.nlp.extensions import SPAN_KEY
from linter.nlp.names import GREETING_MAX_TOKENS
from linter.nlp.places import TOWNS
from linter.nlp.sizes import own_count
from linter.nlp.syntax import after_hyphen, is_us, subject_is_us

NOT_PEOPLE_TELLING = {"which", "that", "this", "it", "what"}  # "…, which told us": a fact, not a person
# Person nouns that name anyone, staff too ("the 12 people in our kitchen", "someone at our HQ"), not users
# as such.
GENERIC_PEOPLE = {
    *("people", "person", "ppl", "peeps", "folk", "folks"),
    *("someone", "somebody", "anyone", "anybody", "everyone", "everybody", "whoever", "one"),
}

OFFERING_MODALS = {"can", "could", "may"}  # "you can", not "you will" or "you must"
ANYONE = {"anyone", "anybody", "everyone", "everybody"}


def _electoral_words(sent: Span) -> set[int]:
    """The tokens of the sentence's words of elections and voting ("the polls", "election day", "postal
    vote"): the special category's, so a vote or a poll there is not one anyone can see."""
    return {
        i
        for span in sent.doc.spans[SPAN_KEY]
        if span.label_ == "sensitive.political_opinion" and sent.start <= span.start < sent.end
        for i in range(span.start, span.end)
    }


# Nouns for who holds an account with us: a staff word naming their trade names users, not staff.
ACCOUNT_HOLDERS = {"account", "customer", "client", "subscriber", "user"}


def holds_an_account(token: Token) -> bool:
    """ "400 landlords linked their rent account to …": a counted group doing something to their own
    account with us are account holders, whatever the word ("landlord" alone can be a pub's own)."""
    if token.dep_ != "nsubj" or token.tag_ != "NNS" or own_count(token) is None:
        return False
    return any(
        c.dep_ == "dobj"
        and c.lemma_.lower() == "account"
        and any(p.dep_ == "poss" and p.lower_ == "their" for p in c.children)
        for c in token.head.children
    )


class Scope:
    """Part of `ClaimFinder`: whether a cohort and its verb are the organisation's record of its users."""

    def _is_private_behaviour(self, verb: Token, head: Token) -> bool:
        """False for public actions (a public event anywhere in the sentence), things not done yet,
        conditionals and headline totals."""
        electoral = _electoral_words(verb.sent)
        if verb.lemma_.lower() in self.public_verbs and not (verb.lemma_.lower() == "vote" and electoral):
            return False  # a vote in a poll is public; whether someone voted in an election is not
        if (
            head.lower_ in self.generic_people
            and verb.lemma_.lower() in self.state_verbs
            and verb.tag_ not in {"VBD", "VBN"}
        ):
            return False  # "anyone who wants a new router" is an offer, not a record
        if (
            _bare_plural(head)
            and verb.is_alpha  # not a figure the tagger took for a verb ("bookings +80%")
            and verb.tag_ in {"VBP", "VBZ"}
            and not any(c.dep_ == "aux" for c in verb.children)
            and not _measured(verb)
        ):
            return False  # "people love our app": a generic statement, not a record of what anyone did
        if self._prize_rule(verb, head):
            return False  # "whoever finishes first on Sunday gets a jersey": who will win, not who did
        if self._reported_by_others(verb):
            return False  # "the statistics office reports that 2% of adults…"
        if _asked_us(verb):
            return False  # "a handful of riders asked when the night bus returns": a question, not a record
        children = list(verb.children)
        if any(c.dep_ == "aux" and c.lower_ in self.modals and not (_had(c, verb) or _hyphenated(c)) for c in children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in self.conditionals for c in children):
            return False
        if (
            verb.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
            and (verb.head != head or self._ranked_by_its_users(head) is None)  # "the busiest hour to order": done
        ):
            return False  # "someone to talk to": an intention, not something done
        if verb.lemma_ in {"have", "need", "get", "want"} and any(c.dep_ == "xcomp" for c in children):
            return False  # "you won't need to scroll": obligation or wish, not something done
        if verb.lemma_.lower() in self.headline_verbs and subject_is_us(verb):
            return False
        if head.lemma_.lower() in self.behaviour_nouns:
            return True  # "orders near the stadium rose": our records of activity, whatever the event
        for token in verb.sent:
            word = token.lemma_.lower().rstrip(".")  # "our live Q&A." is read as one token
            if token.i == head.i or word not in self.public_events | self.events or self._taken_in_remotely(token):
                continue
            if token.pos_ not in {"NOUN", "PROPN"}:
                continue  # "we launched…", "you walked home": a verb, not an event anyone could attend
            if _dates_a_purchase(token, verb):
                continue  # the event only dates what was bought: when, not what was done
            if token.i in electoral:
                continue  # "a ride to the polls": an election, not a public poll
            marked_public = any(t.lemma_.lower() in self.public_markers for t in token.subtree)
            describes_something_else = token.dep_ in {"compound", "amod", "nmod"}  # "the marathon playlist"
            if marked_public or (word in self.public_events and not describes_something_else):
                return False
        return True

    def _prize_rule(self, verb: Token, head: Token) -> bool:
        """A contest's rule, both verbs in the present: the group's ("whoever finishes first", "the rider
        who logs the most miles") and the prize's ("gets a jersey", "will win a hamper")."""
        if verb.tag_ not in {"VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            return False
        subject = head if verb.dep_ == "relcl" and verb.head == head else verb  # the noun, or "whoever …"
        prize = subject.head
        if subject.dep_ not in {"nsubj", "csubj"} or prize.lemma_.lower() not in self.prize_verbs:
            return False
        auxiliaries = [c.lower_ for c in prize.children if c.dep_ == "aux"]
        return (prize.tag_ in {"VBZ", "VBP"} and not auxiliaries) or any(a in {"will", "'ll"} for a in auxiliaries)

    def _taken_in_remotely(self, event: Token) -> bool:
        """The event is what a verb like "stream" or "bet on" takes: "streamed the marathon" is a viewing
        record, where "ran the marathon" is a public action."""
        verb = event.head.head if event.dep_ == "pobj" and event.head.dep_ == "prep" else event.head
        return event.dep_ in {"dobj", "pobj", "nsubjpass"} and verb.lemma_.lower() in self.remote_verbs

    def _is_staff(self, head: Token, cohort: Span) -> bool:
        """ "Our 12 engineers", "Priya from the kitchen team"; not "a team of 6 at an office in Soho": a
        team or an office with "a" before it is someone else's."""
        if self._titles_a_name(head):
            return True
        # what hangs on the cohort: "from the kitchen team"; not an "us" deeper in it ("on a trip with us"),
        # nor, for people named as users, where they were ("45 members at our Elm Road studio"), nor, for
        # anyone who did what account holders do, the premises they did it at ("four people at our Leith
        # studio booked…"; "twelve people at our Leeds office shipped…" are staff)
        lemma = head.lemma_.lower()
        users = (
            (lemma in self.person_nouns and lemma not in GENERIC_PEOPLE)
            or self._identified_record(head)
            or self._named_crowd(head)  # "the early crowd at our Mill Lane studio"
        )
        around = list(cohort) + [
            t
            for c in head.children
            if c.dep_ == "prep" and not ((users or self._booked_at_premises(head, c)) and c.lower_ in {"at", "in"})
            for t in c.subtree
            if t.pos_ != "PRON" or t.head == c
        ]
        return any(
            self._is_staff_word(t)
            and not any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in t.children)
            for t in around
            if t.i != head.i or t.lower_ not in self.person_nouns
        )

    def _booked_at_premises(self, head: Token, preposition: Token) -> bool:
        """The cohort did what account holders do (`account_verbs`) at premises: where, not who employs them."""
        return (
            head.dep_ == "nsubj"
            and head.head.lemma_.lower() in self.account_verbs
            and any(c.dep_ == "pobj" and c.lemma_.lower() in self.premises for c in preposition.children)
        )

    def _titles_a_name(self, head: Token) -> bool:
        """ "Our host, Jules, has…": a staff role that titles one named person is staff, even one that is
        also a kind of platform worker and a user when counted ("340 hosts")."""
        return head.lemma_.lower() in self.staff_roles and any(
            c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children
        )

    def _is_staff_word(self, token: Token) -> bool:
        staff_word = token.lemma_.lower() in self.staff or token.lower_ in self.staff
        # "41 teams", "300 restaurants switched on…": customers, not ours; nor the trade of accounts
        # ("landlord clients", "restaurant customers"): who holds them, not who we employ
        return staff_word and not (
            self._counted_customers(token)
            or self._acting_account_holders(token)
            or (token.dep_ == "compound" and token.head.lemma_.lower() in ACCOUNT_HOLDERS)
            or holds_an_account(token)
            or self._business_told_apart(token)
            or self._names_a_product(token)
        )

    def _names_a_product(self, token: Token) -> bool:
        """ "A member on our Crew Pass", "a guest with our Host Card": a staff word before a noun that names
        no one (neither people nor staff nor premises) is part of a product's name, not who we employ."""
        head = token.head
        return (
            token.dep_ == "compound"
            and head.pos_ in {"NOUN", "PROPN"}
            and head.lemma_.lower() not in self.person_nouns | self.staff | self.premises
            and not self._is_staff_word(head)
        )

    def _own_people(self, doc: Doc) -> list[Span]:
        """ "Our morning presenter Dev has played…", "our librarian Mo…", "Meet volunteer guide Ada, who…":
        a sentence that opens (after a greeting, if any) with someone the organisation names as its own, by
        a staff role and a name, and names no users after them, is about staff."""
        found = []
        for sent in doc.sents:
            words = [t for t in sent if not t.is_punct and not t.is_space]
            first = self._after_greeting(words)
            if len(words) < first + 3 or (first == 0 and words[0].lower_ != "our"):
                continue  # without a greeting, only "our" introduces the organisation's own
            first += words[first].lower_ == "our"
            for i, token in enumerate(words[first : first + 4], start=first):
                if token.pos_ == "PROPN" and token.text[:1].isupper():
                    roles, rest = words[first:i], words[i + 1 :]
                    role_words = {r.lemma_.lower() for r in roles}
                    staff_role = bool(role_words & self.staff_roles)
                    about_users = any(self._is_people(t) for t in rest)  # "…prescribed to 2,400 patients"
                    if staff_role and not about_users and token.text not in TOWNS:
                        found.append(Span(doc, words[0].i, token.i + 1, label="staff"))
                    break
                if not token.is_lower or token.pos_ not in {"NOUN", "ADJ"} or self._is_person_word(token):
                    break
        return found + self._staff_only_sentences(doc)

    def _offers(self, doc: Doc, claims: list, groups: list[Span]) -> list[Span]:
        """Sentences that tell the reader what anyone can do ("You can now renew a locker by text",
        "Anyone can join the Tuesday class"): an offer of the service, not a record of what users did;
        where the grammar found no claim and no other group of people (`groups`) in them, the models'
        reading of one defers to it. Not a question or a request ("could you check…?"), where the modal
        comes first."""
        claimed = {claim.cohort.sent.start for claim in claims} | {group.sent.start for group in groups}
        found = []
        for sent in doc.sents:
            root = sent.root
            modal = next((c for c in root.children if c.tag_ == "MD" and c.lower_ in OFFERING_MODALS), None)
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if (
                sent.start not in claimed
                and modal is not None
                and subject is not None
                and subject.lower_ in self.second_person | ANYONE
                and subject.i < modal.i
            ):
                found.append(Span(doc, sent.start, sent.end, label="offer"))
        return found

    def _scenarios(self, doc: Doc) -> list[Span]:
        """Sentences that make up one unnamed person to explain something ("Say a rider in Hull books at
        8am: the app shows…", "How refunds work: suppose someone…", "If someone ordered one of everything,
        it'd cost £412") or speak to someone yet to act ("Dear future guest who books…"): an illustration,
        not a record of what a user did, for the models as for the grammar."""
        found = []
        for sent in doc.sents:
            words = [t for t in sent if not (t.is_punct or t.is_space)]
            clause_starts = [0] + [i for i, t in enumerate(words) if t.i > sent.start and doc[t.i - 1].text == ":"]
            if any(self._yet_to_act(t) for t in sent) or any(self._makes_up_one(words[i:]) for i in clause_starts):
                found.append(Span(doc, sent.start, sent.end, label="scenario"))
        return found

    def _makes_up_one(self, words: list[Token]) -> bool:
        """The clause these words begin opens by making up one unnamed person ("say a rider…", "let's say
        someone…", "if someone… it'd…")."""
        opener = next(
            (n for n in (4, 3, 2, 1) if n <= len(words) and self._text_of(words[:n]) in self.scenario_openers), 0
        )
        conditional = bool(words) and words[0].lower_ in self.conditionals
        if not (opener or conditional):
            return False
        rest = words[max(opener, 1) :]
        rest = rest[rest[0].lower_ == "that" :] if rest else rest
        if not rest or not self._unnamed_one(rest[0], rest[1] if len(rest) > 1 else None):  # "picture this: …"
            return False
        # "If a rider in Leeds booked twice last night, call us": a condition, not made up
        return not conditional or any(t.lower_ in self.counterfactual_modals for t in words)

    def _yet_to_act(self, person: Token) -> bool:
        """ "future guest who books", "the next rider who picks up": a person noun for someone who has not
        acted yet, with a clause of their own in the present ("the next rider who booked" did)."""
        if person.lemma_.lower() not in self.person_nouns or not any(
            c.dep_ == "amod" and c.lower_ in self.future_person_words for c in person.children
        ):
            return False
        clauses = [c for c in person.children if c.dep_ == "relcl"]
        return bool(clauses) and not any(c.tag_ in {"VBD", "VBN"} for c in clauses)

    @staticmethod
    def _text_of(words: list[Token]) -> str:
        """Words as typed, lower case ("let's say", where the tokens are "let", "'s", "say")."""
        return words[0].doc[words[0].i : words[-1].i + 1].text.lower()

    def _unnamed_one(self, first: Token, second: Token | None) -> bool:
        """ "someone", "a rider", "one listener": one person the words do not name."""
        if first.lower_ in {"someone", "somebody"}:
            return True
        return (
            first.lower_ in self.singular_determiners - self.demonstratives
            and second is not None
            and second.tag_ == "NN"
            and second.lemma_.lower() in self.person_nouns
        )

    def _after_greeting(self, words: list[Token]) -> int:
        """How many of the first words are a greeting ("Meet", "Congrats to", "Hats off to"), or 0."""
        lowered = [t.lower_ for t in words[:GREETING_MAX_TOKENS]]
        return max((n for n in range(1, len(lowered) + 1) if " ".join(lowered[:n]) in self.greetings), default=0)

    def _staff_only_sentences(self, doc: Doc) -> list[Span]:
        """ "Applause for our 25 warehouse colleagues who…", "two of our pharmacists ran…": a sentence that
        counts or singles out the organisation's own people (a staff word with "our" in its phrase), with
        no user word, no "you" and no other name, reports what staff did, whatever its topic. (Staff who
        are not counted, "our nurses answered 9,000 calls about…", can stand for the users they served.)"""
        found = []
        for sent in doc.sents:
            staff = next(
                (t for t in sent if self._is_staff_word(t) and t.pos_ == "NOUN" and self._counted_ours(t)), None
            )
            if staff is None:
                continue
            theirs = {t.i for t in staff.subtree}
            others = [t for t in sent if t.i not in theirs]
            if not any(
                self._is_person_word(t) or t.lower_ in self.second_person or t.pos_ == "PROPN" or t.text[:1] == "@"
                for t in others
            ):
                found.append(Span(doc, staff.left_edge.i, staff.i + 1, label="staff"))
        return found

    def _counted_ours(self, token: Token) -> bool:
        """ "our 25 warehouse colleagues", "two of our pharmacists", "the 6 trainees on our team"."""
        phrase = list(token.subtree)
        if token.head.lower_ == "of" and token.head.head.i < token.i:
            phrase.append(token.head.head)  # "two | of our pharmacists"
        counted = any(t.like_num or t.lower_ in self.quantity_words for t in phrase)
        return counted and any(t.lower_ == "our" for t in phrase)

    def _reported_by_others(self, verb: Token) -> bool:
        """The claim is what someone else reports ("X reports that…", "a survey found…"), not our records
        ("our app shows that…", "the data shows that…")."""
        head = verb
        while head.dep_ in {"ccomp", "xcomp", "conj"} and head.head.i != head.i:
            head = head.head
            if head.lemma_.lower() in self.reporting_verbs:
                subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
                return bool(subjects) and not any(is_us(s) or _is_own_record(s, self.own_records) for s in subjects)
        return False


QUOTED = ("external_sources", "permission_markers")


def excluded_tokens(doc: Doc, own_records: set[str], kinds: tuple[str, ...] = QUOTED) -> set[int]:
    """Tokens of sentences that quote an outside source or a testimonial shared with permission (or only
    the `kinds` of marker asked for)."""
    excluded: set[int] = set()
    for span in doc.spans[SPAN_KEY]:
        if span.label_ not in kinds:
            continue
        if span.label_ == "external_sources" and (_first_party(span, own_records) or not _names_a_source(span)):
            continue
        if span.label_ == "permission_markers" and (
            _told_by_a_thing(span, own_records) or _tells_of_a_counted_group(span)
        ):
            continue
        sent = span.sent
        excluded.update(range(sent.start, sent.end))
        if span.label_ == "permission_markers":  # "…you told us X, and the app says Y": Y is ours, not theirs
            recorded = (t for t in sent if t.dep_ == "ccomp" and told_by_our_records(t, own_records))
            excluded.difference_update(w.i for verb in recorded for w in verb.subtree)
    return excluded


def _told_by_a_thing(span: Span, own_records: set[str]) -> bool:
    """ "…, which told us plenty", "our meter data told us": what a fact or a record "told us"
    is our reading of it, not a person's own words."""
    verb = span.root
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.lower_ in NOT_PEOPLE_TELLING or _is_own_record(s, own_records) for s in subjects)


def _tells_of_a_counted_group(span: Span) -> bool:
    """ "our partners told us 14 families used the code": what is told of a counted group is a report of
    what those people did, not a testimonial quoted with consent."""
    return any(
        told.dep_ == "ccomp"
        and any(s.dep_ in {"nsubj", "nsubjpass"} and own_count(s) is not None for s in told.children)
        for told in span.root.children
    )


def _is_own_record(token: Token, own_records: set[str]) -> bool:
    """ "our data", "the app", "booking data": the organisation's records, by the word or its lemma (the
    lemmatiser makes "data" "datum")."""
    return token.lower_ in own_records or token.lemma_.lower() in own_records


def _names_a_source(span: Span) -> bool:
    """A one-word marker ("study", "survey") names where a figure comes from unless it is a word of the
    name of a thing bought, joined or used ("bought the study edition", "signed up for a survey kit") or
    a verb of doing it ("music for studying"; "we surveyed 2,000 of you" still reports what people said)."""
    if len(span) == 1 and span[0].pos_ == "VERB" and span[0].lemma_.lower() != "survey":
        return False
    if len(span) > 1 or span[0].dep_ != "compound":
        return True
    thing = span[0].head
    return thing.dep_ not in {"dobj", "attr", "oprd"} and not (
        thing.dep_ == "pobj" and thing.head.lower_ not in {"in", "from", "by", "to", "per", "of"}
    )


def _first_party(span: Span, own_records: set[str]) -> bool:
    """ "data from our records", "according to the app", "according to your app", "according to his
    class log", "our GPS says the…": the organisation's own data, not an outside source. For a "says
    the" marker the source is the verb's subject; for the others it is the words after the marker."""
    speaker = next((c for c in span[0].children if c.dep_ == "nsubj"), None) if span[0].pos_ == "VERB" else None
    if speaker is not None:
        return is_us(speaker) or _owned_record(speaker, own_records) or speaker.lower_ in {"you", "i"}
    start = span.end - 1 if span[-1].lower_ == "the" else span.end  # "per the app logs": the marker has the article
    after = span.doc[start : start + 2]
    if not len(after):
        return False
    if after[0].lower_ in {"our", "my", "us"} or is_us(after[0]):
        return True
    if len(after) < 2 or after[0].lower_ not in {"the"} | RECORD_OWNERS:
        return False
    named = after[1]
    while (named.dep_ == "compound" or _misread_as_its_verb(named)) and named.head.i > named.i:
        named = named.head  # "the ticket barriers": the barriers
    return _is_own_record(named, own_records) or _is_own_record(after[1], own_records)


def _misread_as_its_verb(token: Token) -> bool:
    """ "the doorbell logs", parsed as a clause ("the doorbell | logs"): a noun read as the subject of the
    record word right after it."""
    return token.dep_ == "nsubj" and token.head.i == token.i + 1 and token.head.tag_ == "VBZ"


RECORD_OWNERS = {"our", "my", "your", "his", "her", "their"}  # "your app", "his class log": ours about them
RECORD_VERBS = {"show", "say", "tell", "record", "log", "confirm"}  # what a record of ours says


def told_by_our_records(verb: Token, own_records: set[str]) -> bool:
    """The verb is what a record of ours reports: "our app shows | you're on day 58", "your watch data
    says | you've run 12 days straight", "our records show | she booked 40 classes"."""
    teller = verb.head
    if verb.dep_ != "ccomp" or teller.lemma_.lower() not in RECORD_VERBS:
        return False
    return any(c.dep_ == "nsubj" and _our_named_record(c, own_records) for c in teller.children)


def _our_named_record(token: Token, own_records: set[str]) -> bool:
    """ "our app", "your watch data", "the tracker": an owned record (`_owned_record`) whose owner is said.
    Not an unowned or qualified one ("national health data", "the official numbers"): that may be anyone's."""
    owner = _record_owner(token)
    if owner is None or not _owned_record(token, own_records):
        return False
    return owner.dep_ == "poss" or not any(c.dep_ in {"amod", "compound"} for c in token.children)


def _owned_record(token: Token, own_records: set[str]) -> bool:
    """ "our GPS", "the app", "your tracker": a record of ours, whoever it is about."""
    owner = _record_owner(token)
    return _is_own_record(token, own_records) and (owner is None or owner.lower_ in RECORD_OWNERS | {"the"})


def _record_owner(token: Token) -> Token | None:
    """The word that says whose a record is: "our", "your", "the"."""
    return next((c for c in token.children if c.dep_ in {"poss", "det"}), None)


# Words that make a phrase the time of what was done: "the fair's last evening", "during the gala".
TIME_NOUNS = {"day", "night", "morning", "afternoon", "evening", "eve", "weekend", "week", "hour"}
TIME_PREPOSITIONS = {"during", "before", "after", "ahead", "until", "since", "throughout"}


def _dates_a_purchase(event: Token, verb: Token) -> bool:
    """The event only says when the verb's own object was bought, booked or used ("ordered 900 hampers
    during the fair", "booked the early ferry on the festival's first day"): the record of a purchase is
    private whatever the day; going to the event would be public."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or any(event in o.subtree for o in objects):
        return False
    token = event
    while token.i != verb.i and token.head.i != token.i:
        token = token.head
        if (token.pos_ == "NOUN" and token.lemma_.lower() in TIME_NOUNS) or token.lower_ in TIME_PREPOSITIONS:
            return True
    return False


QUESTION_VERBS = {"ask", "wonder", "enquire", "inquire"}
QUESTION_WORDS = {"which", "what", "when", "where", "why", "how", "who", "whether", "if"}


def _asked_us(verb: Token) -> bool:
    """A question users put to us: "asked us…", "asked which trail…", "wondered when…". What they asked is
    what they chose to tell us, not what the records show they did."""
    if verb.lemma_.lower() not in QUESTION_VERBS:
        return False
    children = list(verb.children)
    if any(c.dep_ in {"dobj", "dative"} and c.lower_ in {"us", "we"} for c in children):
        return True
    clauses = (c for c in children if c.dep_ in {"ccomp", "xcomp", "advcl"})
    return any(verb.doc[c.left_edge.i].lower_ in QUESTION_WORDS for c in clauses)


def _measured(verb: Token) -> bool:
    """ "Londoners tip 18% less", "Bristolians order 3x more chips than anyone": a comparison with a
    measure or a "than" reads the records, however general the present tense sounds."""
    return any(
        t.lower_ in {"%", "than"} or t.like_num or t.lower_.endswith("x") and t.lower_[:-1].isdigit()
        for t in verb.subtree
        if t.i > verb.i
    )


def _bare_plural(token: Token) -> bool:
    """A plural noun with no determiner, number or quantifier: "people", "customers" in general."""
    return token.tag_ in {"NNS", "NNPS"} and not any(
        c.dep_ in {"det", "nummod", "quantmod", "poss", "predet"} or c.lower_ == "of" for c in token.children
    )


def _hyphenated(token: Token) -> bool:
    """A word inside a hyphenated name ("our all-you-can-eat brunch"), which the parse can hang on a verb."""
    doc = token.doc
    return after_hyphen(token) or (token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_)


def _had(aux: Token, verb: Token) -> bool:
    """ "'d" before a past participle is "had" ("readers who'd downloaded it"), a record; before a bare
    verb it is "would" ("you'd love it")."""
    return aux.lower_ in {"'d", "’d"} and verb.tag_ == "VBN"


QUOTES = {"'", '"', "‘", "’", "“", "”"}
TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "with", "by", "from", "or"}


def quoted_titles(doc: Doc) -> set[int]:
    """Tokens of a title in quotes ("'Somebody Told Me'", "'The Woman Who Ran Twice'"): the name of a
    song, a show or a book, whose words are no cohort. Quotes pair up as typed (an opening one before a
    word, a closing one after it), so "Kids' profiles" opens nothing; lower-case quoted words ("'one
    shopper'") and one quoted word ("our 40 'Superfans'", a nickname for a group) are not a title."""
    titled: set[int] = set()
    opening = None
    for token in doc:
        if token.text not in QUOTES:
            continue
        opens = (token.i == 0 or doc[token.i - 1].whitespace_) and not token.whitespace_
        if opening is None:
            opening = token.i if opens else None
            continue
        words = [t for t in doc[opening + 1 : token.i] if t.is_alpha]
        capitalised = all(t.text[0].isupper() or t.lower_ in TITLE_SMALL_WORDS for t in words)
        if len(words) > 1 and words[0].text[0].isupper() and capitalised:
            titled.update(range(opening + 1, token.i))
        opening = None
    return titled
