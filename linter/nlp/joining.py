"""Claims that take more than one sentence: a count restated after the behaviour, a counted group or
counted activity standing as a fragment before its detail, and a reply to an @handle about that account's activity."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from linter.nlp.behaviour import verb_span
from linter.nlp.claim import AWARDED, Claim, CohortSize
from linter.nlp.extensions import SPAN_KEY
from linter.nlp.places import NOT_PEOPLE
from linter.nlp.sentences import is_emoji
from linter.nlp.syntax import is_account_name, subject_is_us


class Joining:
    """Part of `ClaimFinder`: claims read across sentences, after the sentence-by-sentence pass."""

    def _restatements(self, doc: Doc, claims: list[Claim], excluded: set[int]) -> Iterator[Claim]:
        """ "Readers finished 3.1M chapters. That's 52,000 bookworms." / "Who ordered it at 6am? That was
        14 of you.": a count restated after the behaviour sizes the claim before it, or makes one."""
        for token in doc:
            be = token.head
            if token.dep_ != "attr" or be.lemma_ != "be" or token.i in excluded:
                continue
            subject = next((c for c in be.children if c.dep_ == "nsubj" and c.lower_ in self.demonstratives), None)
            if subject is None:
                continue
            if subject.lower_ == "it" and self._is_agent_noun(token):
                continue  # "Yes, it was a charger": "it" is a thing, and a word made from a verb may be one too
            found = self._quantity_of_group(token, set()) or self._person_noun(token)
            if found is None or found[2].low is None:
                continue
            _, cohort, size, size_span = found
            earlier = [c for c in claims if c.cohort.start < token.i and c.size.low is None]
            if earlier:
                earlier[-1].size, earlier[-1].size_span = size, size_span
                continue
            previous = doc[token.sent.start - 1].sent if token.sent.start > 0 else None
            if previous is not None and previous.root.pos_ == "VERB" and not subject_is_us(previous.root):
                claim = Claim(cohort=cohort, size=size, size_span=size_span, behaviour=verb_span(previous.root))
                self._attach_details(claim, doc[previous.start : token.sent.end])
                yield claim

    def _fragments(self, doc: Doc, claims: list[Claim], excluded: set[int]) -> Iterator[Claim]:
        """ "Ninety diners. One dessert. Every night in Bath.": a counted group standing as a
        sentence of its own, with the detail of what it did in the fragments that follow (or in a
        dateline before it: "Monday. 6am. The quay. 2,100 of you on our bikes.")."""
        claimed = {t for c in claims for t in range(c.cohort.start, c.cohort.end)}
        sents = list(doc.sents)
        for index, sent in enumerate(sents):
            root = sent.root
            if root.i in claimed or root.i in excluded or any(t.pos_ in {"VERB", "AUX"} for t in sent):
                continue
            # the fragment's head, or the group a heading introduces ("Regulars this month: 5 homes in Ely…")
            heads = [root, *(c for c in root.children if c.dep_ == "appos")]
            found = next((f for h in heads if (f := self._counted_group(h) or self._counted_activity(h))), None)
            if found is None:
                continue
            following = [s for s in sents[index + 1 : index + 3] if not any(t.pos_ in {"VERB", "AUX"} for t in s)]
            region = doc[sent.start : (following[-1].end if following else sent.end)]
            _, cohort, size, size_span = found
            claim = Claim(cohort=cohort, size=size, size_span=size_span)
            self._attach_details(claim, region)
            self._attach_dateline(claim, sent)
            if any(claim.spans(kind) for kind in ("repetition", "time", "place", "sensitive")):
                yield claim

    def _counted_group(self, root):
        """The counted group a fragment names: not staff, nor a count of teams or employees, which with
        no verb is a fact about an organisation ("• 85 staff across two offices")."""
        found = self._group_with_a_count(root)
        if found is None or self._is_staff(found[0], found[1]) or self._counted_customers(found[0]):
            return None
        return found

    def _counted_activity(self, root):
        """ "Over 3 million swipes on Valentine's Day": counted activity with no verb. Events are not
        people, so its size is unknown (POLICY); like a group, it makes a claim only with detail."""
        if not any(c.dep_ == "nummod" for c in root.children):
            return None
        return self._many_peoples_activity(root)

    def _reply_claim(self, doc: Doc, addressee: Span, claims: list[Claim], told_us: set[int]) -> Iterator[Claim]:
        """A reply to an @handle (or a post greeting one person by name, or naming one under an award
        title) that mentions that account's per-person or sensitive activity ("@sam 9 hours on one
        puzzle??") is about one account, even without a verb. Not a detail in a sentence that reports a
        group's, counted or not ("@sam 60,000 of you replayed our trailer twice", "@sam some of you…",
        "@sam 8% of you…", "@sam more common among members"): the reply shares a statistic, and the detail
        is the group's; counted activity with no doers named ("Diner of the Month: Ana! 60 bookings") is
        the person's. Not in a sentence that repeats what the person told us ("you told us you've been 12
        times"): their words, not our records."""
        claimed = {c.cohort.sent.start for c in claims if not c.size.individual and not self._is_activity(c.cohort)}

        @cache
        def grouped(sent: Span) -> bool:
            """Whether the sentence reports a group's activity: a group's claim, or a counted group the
            parse left without one. Read only for sentences that hold a detail, once each."""
            return sent.start in claimed or any(map(self._is_a_group, sent))

        revealing = [
            s
            for s in doc.spans[SPAN_KEY]
            if (s.label_ == "repetition" or s.label_.startswith("sensitive."))
            and s.start not in told_us
            and not grouped(s.sent)
        ]
        if not revealing and not self._picked_from_records(doc, addressee):
            return
        claim = Claim(cohort=addressee, size=CohortSize("singular", 1, spoken_to(addressee)), size_span=addressee)
        self._attach_details(claim, doc[:])
        claim.details = {
            kind: [s for s in spans if s.start not in told_us and not grouped(s.sent)]
            for kind, spans in claim.details.items()
        }
        yield claim

    def _picked_from_records(self, doc: Doc, addressee: Span) -> bool:
        """A person named under a title for a period ("Diner of the Month: Ana!") was picked from the
        records for what they did then, unless a public vote or contest chose them or the name is a
        business's. A spotlight alone may be a customer case study, told with their consent."""
        if addressee.label_ != AWARDED or self._chosen_in_public(doc):
            return False
        sent = addressee.sent
        if not any(t.lower_ in self.award_periods and t.i > 0 and doc[t.i - 1].lower_ == "the" for t in sent):
            return False
        self.entities([doc])
        return not any(t.ent_type_ in NOT_PEOPLE for t in addressee)

    def _accounts_with_figures(self, doc: Doc, claims: list[Claim]) -> Iterator[Claim]:
        """ "1. @lena_rides 610 km": a line with no verb that gives one account and a figure (a leaderboard,
        a stat card) is about what that account did, unless a public vote, contest or giveaway ranked it."""
        if not any(is_account_name(t) for t in doc) or self._chosen_in_public(doc):
            return
        cohorts = {c.cohort.start for c in claims}
        for sent in doc.sents:
            words = [t for t in sent if not (t.is_space or t.is_punct or is_emoji(t.text))]
            accounts = [t for t in words if is_account_name(t)]
            verbs = [  # "@lena_rides" is no verb, nor a participle on the figure's noun ("1,204 episodes played")
                t for t in words if t.pos_ in {"VERB", "AUX"} and t not in accounts and not _on_the_figure(t)
            ]
            if len(accounts) != 1 or accounts[0].i in cohorts or verbs:
                continue
            if any(map(self._is_a_group, sent)):  # "%" is punctuation
                continue  # "@kim over 300 riders boarded…", "@kim 8% of you: …": the figure is a group's
            account = doc[accounts[0].i : accounts[0].i + 1]
            if any(self._is_a_figure(t) for t in words if t.i > account.start):
                yield Claim(
                    cohort=account, size=CohortSize("singular", 1, "one account and its figure"), size_span=account
                )

    def _is_a_figure(self, word: Token) -> bool:
        """A number that could count or rank what an account did. Not one counting the people spoken to
        ("happy anniversary you two"), nor an ordinal with no noun or on an occasion's ("happy 30th!!",
        "happy 10th anniversary"): those number a birthday or an anniversary; "your 100th ride" is a figure.
        Nor an ordinal hyphened to a word ("a first-class effort"): an adjective, not a rank."""
        if not word.like_num or word.head.lower_ in self.second_person:
            return False
        if not ORDINAL.fullmatch(word.lower_):
            return True
        if not word.whitespace_ and word.i + 1 < len(word.doc) and word.nbor(1).text == "-":
            return False
        head = word.head
        modifies = word.dep_ in {"amod", "nummod", "compound"} and head.pos_ in {"NOUN", "PROPN"}
        return modifies and head.lower_ not in self.occasions

    def _chosen_in_public(self, doc: Doc) -> bool:
        """A public vote, contest or giveaway is in the post: whoever it names, the public chose."""
        chosen = PUBLIC_CHOICE | self.public_events
        return any(t.lemma_.lower() in chosen for t in doc)

    def _is_a_group(self, token: Token) -> bool:
        """A group of users at `token`, counted or not ("300 riders", "8% of you", "more common among
        members"): many people, not the one spoken to. A bare noun names a group only in the plural."""
        found = self._quantity_of_group(token, set())
        if found is None:
            found = self._person_noun(token)
            if found is not None and found[2].low is None and token.tag_ not in {"NNS", "NNPS"}:
                return False
        return found is not None and not found[2].individual

    def _is_activity(self, cohort: Span) -> bool:
        """ "60 bookings in May": counted activity, whose doers the words do not say, not a group of people."""
        return cohort.root.lemma_.lower() in self.behaviour_nouns


def _on_the_figure(word: Token) -> bool:
    """A participle that says what a counted noun was ("1,204 episodes played", "610 km ridden"), where
    the parse hung it on the noun or on the account."""
    return word.dep_ == "acl" and any(t.like_num for t in [*word.head.children, *word.subtree])


ORDINAL = re.compile(r"\d[\d,]*(?:st|nd|rd|th)|first|second|third|\w+th")  # of numbers: "40th", "fifth"

PUBLIC_CHOICE = {"vote", "poll", "nominate", "nomination", "contest", "competition", "entry", "judge"}


def spoken_to(addressee: Span) -> str:
    """How a claim about the one account a post speaks to states its size."""
    if addressee.label_ == AWARDED:
        return "one user named under an award title"
    return "a reply to one account" if addressee.text.startswith("@") else "one person greeted by name"


def reply_handle(doc: Doc) -> Span | None:
    """The @handle a reply opens with ("@kim …", "Hey @kim, …", "night_owl_91 — …"): its "you" is that
    one account."""
    for token in doc[:3]:
        if is_account_name(token):
            return doc[token.i : token.i + 1]
    return None
