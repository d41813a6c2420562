"""People greeted by name: a customer thanked, congratulated or spoken to by name is one user.

"Dear Ollie, your year in music says you played…", "Big thanks to Lewis for streaming…", "Welcome
back, Mr Diaz, 200 trips and counting": no person noun and no count of people, yet the post singles
out one customer from the organisation's records. A name counts only where a greeting, thanks or
celebration comes just before it (the grammar's `greetings`) and the entity recogniser reads it as a
person (or leaves it unlabelled, as it does many first names), or a title stands before it: a city or
a brand greeted the same way ("Thanks, Leeds!") is not one user. Staff are ruled out as for any cohort.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from linter.nlp.claim import AWARDED, CohortSize
from linter.nlp.joining import reply_handle
from linter.nlp.places import NOT_PEOPLE, PLACE_ENTITIES, TOWNS
from linter.nlp.sentences import is_emoji
from linter.nlp.syntax import is_account_name, left_edge

NAME_MAX_TOKENS = 3  # "Farah K.", "Mr Ade Bello"
GREETING_MAX_TOKENS = 4  # "heartfelt thanks to", "thank you ,"
ROLE_MAX_TOKENS = 5  # "Priya from our kitchen team"
CHARACTERS_ALONE = {"mascot", "character"}  # roles that need no "of our ad" to say they are made up
APPOSITIVE_MAX_TOKENS = 7  # ", the lead character in our winter film"
# Words between an award title and the name it goes to ("… award goes to Ana", "…: Ana", "… is Ana").
TITLE_LINKS = {"award", "goes", "went", "to", "is", "was", "'s", "this", "last"}  # "…spotlight this week: Ana"


class NamedPeople:
    """Part of `ClaimFinder`: names that stand for one user."""

    def _addressee(self, doc: Doc) -> Span | None:
        """The one account the post speaks to, whose "you" is that account: the @handle a reply opens
        with, or a person greeted by name at the start of a sentence ("Hey Rob,", "Thank you, Ana,")."""
        handle = reply_handle(doc)
        if handle is not None:
            return handle
        for sent in doc.sents:
            for token in sent[: GREETING_MAX_TOKENS + 1]:
                name = self._greeted_name(token)
                if name is not None:
                    return name
            name = self._closing_name(sent) or self._honoured_name(sent)
            if name is not None:
                return name
        return None

    def _honoured_name(self, sent: Span) -> Span | None:
        """ "Diner of the Month: Ana!", "Borrower of the Year: 'Big Jo'", "Host spotlight: Ana": a user
        named under an award title is singled out for what the records show they did, as if greeted."""
        for holder in sent:
            title_end = self._award_title_end(holder)
            if title_end is not None:
                name = self._name_after(sent.doc, title_end.i + 1, sent.end)
                return None if name is None else Span(sent.doc, name.start, name.end, label=AWARDED)
        return None

    def _award_title_end(self, holder: Token) -> Token | None:
        """The last word of the award title that a user word heads ("Diner of the Month" -> "Month",
        "Host spotlight" -> "spotlight")."""
        doc = holder.doc
        if self._is_staff_word(holder) or not {holder.lower_, holder.lemma_.lower()} & self.person_nouns:
            return None
        if any(c.dep_ == "nummod" for c in holder.children):
            return None  # "the first 250 diners of the season": a counted group, not a title
        if holder.i + 1 < len(doc) and doc[holder.i + 1].lower_ in self.award_titles:
            return doc[holder.i + 1]
        if holder.i + 3 < len(doc) and doc[holder.i + 1 : holder.i + 3].text.lower() == "of the":
            period = doc[holder.i + 3]
            return period if period.lower_ in self.award_periods else None
        return None

    def _name_after(self, doc: Doc, start: int, end: int) -> Span | None:
        """The name, @handle or quoted nickname ("'Big Jo'") that follows token `start`, past the words
        that link a title to its holder ("award goes to", ":", "—", "is")."""
        i = start
        links = TITLE_LINKS | self.award_periods
        while i < end and (
            doc[i].lower_ in links or (doc[i].is_punct and not doc[i].is_quote) or is_emoji(doc[i].text)
        ):
            i += 1
        if i < end and is_account_name(doc[i]):
            return doc[i : i + 1]
        first = i + (i < end and doc[i].is_quote)
        name_end = _name_end(doc, first)
        if name_end == first or self._is_person_word(doc[name_end - 1]):
            return None
        return doc[first:name_end]  # the title says it is a person, whatever the entity recogniser reads

    def _closing_name(self, sent: Span) -> Span | None:
        """ "Well done on 80 rides this month, Maya!", "Congrats on 300 rides, Ana!": a name after the last comma of a
        sentence that opens with good wishes is the person it speaks to."""
        opening = sent[:GREETING_MAX_TOKENS].text.lower()
        if not (opening.startswith("happy ") or any(opening.startswith(f"{g} ") for g in self.greetings)):
            return None
        words = [t for t in sent if not (t.is_punct or t.is_space or is_emoji(t.text))]
        comma = max((t.i for t in sent if t.text == ","), default=None)
        if comma is None or not words or words[-1].i <= comma:
            return None
        doc = sent.doc
        end = _name_end(doc, comma + 1)
        if end <= words[-1].i or self._is_person_word(doc[end - 1]):
            return None  # more words after the name, or a group ("…, everyone")
        self.entities([doc])
        name = doc[comma + 1 : end]
        return None if any(t.ent_type_ in NOT_PEOPLE for t in name) else name

    def _named_person(self, token: Token):
        """A cohort finder: the greeted name, or the name placed by its town, that starts at `token`, as
        one user."""
        name = self._greeted_name(token) or self._name_from_town(token)
        if name is None:
            return None
        role = token.doc[name.end : min(name.end + ROLE_MAX_TOKENS, name.sent.end)]
        if any(t.pos_ == "NOUN" and self._is_staff_word(t) for t in role):
            return None  # "Jonas, our head chef, who…", "Priya from the kitchen team": staff
        if self._is_character(name):
            return None
        return (name[-1], name, CohortSize("singular", 1, name.text), name)

    def _characters(self, doc: Doc) -> list[Span]:
        """Sentences that introduce a character of ours by name ("Say hello to Lenny, the villain of our
        winter advert: he…") or a person said to be made up ("a fictional rider"): what they did is made
        up, for the models as for the grammar."""
        found: list[Span] = []
        text = doc.text.lower()
        if not any(word in text for word in (*CHARACTERS_ALONE, *self.characters, *self.made_up)):
            return found  # most posts name no character and no made-up person: skip reading every sentence
        for sent in doc.sents:
            names = (self._greeted_name(t) for t in sent[: GREETING_MAX_TOKENS + 1])
            if any(name is not None and self._is_character(name) for name in names) or any(
                t.pos_ == "NOUN" and self._is_person_word(t) and self._made_up(t) for t in sent
            ):
                found.append(Span(doc, sent.start, sent.end, label="character"))
        return found

    def _made_up(self, person: Token) -> bool:
        """ "a fictional customer", "an (entirely invented) household": a person word (the caller's to check)
        whose own modifiers say the person is made up."""
        words = " ".join(t.lower_ for t in person.doc[left_edge(person) : person.i] if t.text not in "()")
        words = words.replace(" - ", "-")
        return any(f" {phrase} " in f" {words} " for phrase in self.made_up)

    def _is_character(self, name: Span) -> bool:
        """ "Welcome Lenny, hero of our film", "Pip, our mascot": a character of something we made."""
        doc = name.doc
        before = doc[max(name.start - 2, name.sent.start) : name.start]
        after = doc[name.end : min(name.end + APPOSITIVE_MAX_TOKENS, name.sent.end)]
        words = {t.lemma_.lower() for t in (*before, *after)}
        return bool(words & CHARACTERS_ALONE) or bool(words & self.characters and words & self.productions)

    def _greeted_name(self, token: Token) -> Span | None:
        """The person's name or @handle starting at `token` ("Ollie", "Mr Diaz", "Farah K.", "@jo_b"),
        where a greeting ends just before it."""
        doc = token.doc
        if is_account_name(token):  # "Thank you, @jo_travels, for…", "GG to night_owl_91, who…"
            return doc[token.i : token.i + 1] if self._greeted(doc, token.i) else None
        titled = token.lower_ in self.honorifics
        first = token.i + titled
        end = _name_end(doc, first)
        if end == first or self._is_person_word(doc[end - 1]) or not self._greeted(doc, token.i):
            return None
        if not titled:
            self.entities([doc])
            if any(t.ent_type_ in NOT_PEOPLE for t in doc[first:end]):
                return None
        return doc[token.i : end]

    def _name_from_town(self, token: Token) -> Span | None:
        """ "Priya from Rotherham booked 30 lessons": a name that a town places, as the subject of a
        verb, is one customer even with no greeting before it."""
        doc = token.doc
        if not _name_part(token) or (token.i > 0 and _name_part(doc[token.i - 1])):
            return None
        end = _name_end(doc, token.i)
        if end + 1 >= len(doc) or doc[end].lower_ not in {"from", "in"} or self._is_person_word(doc[end - 1]):
            return None
        if not any(doc[end + 1 : end + 1 + size].text in TOWNS for size in (1, 2, 3)):
            return None
        name = doc[token.i : end]
        if name.root.dep_ not in {"nsubj", "nsubjpass"}:
            return None
        if any({t.lower_, t.lower_.removesuffix("s")} & self.behaviour_nouns for t in name):
            return None  # "Rides in Bristol jumped…": activity, capitalised where a sentence starts
        self.entities([doc])  # a place before "from" is a misread first name more often than a place
        return None if any(t.ent_type_ in NOT_PEOPLE - PLACE_ENTITIES for t in name) else name

    def _user_named(self, role: Token):
        """A cohort finder: "our courier Ama", "loyalty member Joss": a name that the word for a user
        stands before is one user, greeted or not ("our chef Ama" is staff: chef is no user word)."""
        doc = role.doc
        if role.tag_ != "NN" or role.lower_ not in self.person_nouns - self.generic_people:
            return None
        if any(c.dep_ == "det" for c in role.children):
            return None  # "the rider Jun": a character; "our rider Jun", "member Jun": a user
        end = _name_end(doc, role.i + 1)
        if end == role.i + 1 or self._is_person_word(doc[end - 1]):
            return None
        name = doc[role.i + 1 : end]
        if name.root.dep_ in {"compound", "amod"}:
            return None  # "our home COVID Test kit": the capitals name a thing, not a person
        head = role if name.root.head == role else name.root  # "thanks to our courier Jo B." / "our rider Fenna rode"
        return (head, doc[left_edge(role) : end], CohortSize("singular", 1, name.text), name)

    def _greeted(self, doc: Doc, start: int) -> bool:
        """A greeting, thanks or celebration ends just before token `start` (a comma between allowed)."""
        last = start - 1 - (start > 0 and doc[start - 1].text == ",")
        first = max(last - GREETING_MAX_TOKENS + 1, 0)
        return any(doc[i : last + 1].text.lower() in self.greetings for i in range(first, last + 1))


def _name_end(doc: Doc, first: int) -> int:
    """Where the name starting at token `first` ends (`first` itself where there is none)."""
    end = first
    while end < len(doc) and end - first < NAME_MAX_TOKENS and _name_part(doc[end]):
        end += 1
    return end


def _name_part(token: Token) -> bool:
    return token.tag_ in {"NNP", "NNPS"} and token.text[:1].isupper() and token.text.rstrip(".").isalpha()
