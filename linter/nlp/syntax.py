"""Small readings of the dependency parse that several claim jobs share."""

from __future__ import annotations

import calendar
import re

from spacy.tokens import Doc, Span, Token

from linter.nlp.extensions import detail_spans

# Dependents that belong to a count or a group's name ("over 50", "our 2 million"): spaCy's label inventory.
SIZE_CHILD_DEPS = {"det", "nummod", "quantmod", "amod", "compound", "poss", "nmod", "advmod", "predet", "punct"}
# Punctuation that ends what comes before a group, never starts the group's words.
SEPARATORS = {":", ";", ",", "—", "–", "!", "?"}
CALENDAR_WORDS = {name.lower() for name in (*calendar.month_name[1:], *calendar.day_name)}
# What a proper name after "on", "via" … is when it is no product: a place, a day, an event.
NOT_PRODUCTS = {"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "NORP"}


def token_span(doc: Doc, start: int, end: int) -> Span:
    return doc[max(start, 0) : max(end, start + 1)]


def left_edge(token: Token) -> int:
    left = [t.left_edge.i for t in token.children if t.i < token.i and t.dep_ in SIZE_CHILD_DEPS]
    start = min([token.i, *left])
    # "Regulars this season: 5 homes", "Frankly, the 71,400 of you": what the parse hung on the group
    # before a colon or comma is not of it; nor is a question opening it ("Why did umbrella orders…")
    start = max([start, *(i + 1 for i in range(start, token.i) if token.doc[i].text in SEPARATORS)])
    while start < token.i and _asks(token.doc[start]):
        start += 1
    return start


def verb_of_subject(token: Token) -> Token | None:
    """The verb `token` is the subject of: as parsed, or where the parse hung a share or count elsewhere
    on a verb that has no subject of its own: on the verb itself, or on the base of a fronted "of"
    ("Of our 800000 listeners, 0.004% replayed…", the share read as the base's apposition)."""
    if token.dep_ in {"nsubj", "nsubjpass"}:
        return token.head
    verb = token.head
    if token.dep_ == "appos" and (token.lower_ == "%" or token.like_num) and token.head.dep_ == "pobj":
        fronted = token.head.head
        if fronted.lower_ in {"of", "among"} and fronted.dep_ == "prep" and fronted.i < token.i:
            verb = fronted.head
    elif token.dep_ not in {"npadvmod", "dep"}:
        return None
    if verb.pos_ == "VERB" and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return verb
    return None


def is_subject_of_verb(token: Token) -> bool:
    return verb_of_subject(token) is not None


def subject_is_us(verb: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ in {"we", "us"} for c in verb.children)


def is_us(token: Token) -> bool:
    """We, us, or our own team ("our analysts saw that…")."""
    return token.lower_ in {"we", "us", "i"} or any(c.lower_ in {"our", "my"} for c in token.children)


def is_thing_acted_on(span: Span) -> bool:
    """A common noun that is what a verb acts on, alone or as a modifier of it: "borrowed a laptop",
    "bought phone cases", "joined a book club". The thing a claim's users did something to, not where
    or on what they did it; "used" is the exception ("used a tablet" names the device). A phrasal verb's
    object comes after its particle's preposition ("stocked up on tablets")."""
    token = span.root
    if token.pos_ != "NOUN":
        return False
    while token.dep_ in {"compound", "amod", "conj"} and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep":  # "stocked up on tablets", "ran out of sun cream"
        verb = token.head.head
        return any(c.dep_ == "prt" and c.i == token.head.i - 1 for c in verb.children)
    return token.dep_ == "dobj" and token.head.lemma_ != "use"


def only_filler(span: Span) -> bool:
    return all(t.is_punct or t.is_space or t.pos_ in {"SYM", "X", "INTJ"} or not t.is_alpha for t in span)


def of_object(head: Token) -> Token | None:
    """What the head's "of" takes: "salons" in "dozens of salons", "riders" in "one of 500 riders"."""
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)


def after_hyphen(token: Token) -> bool:
    """The token goes on a word after a hyphen ("twenty-|somethings", "all-|you-can-eat")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.text == "-" and not before.whitespace_


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _asks(token: Token) -> bool:
    """A question word or an auxiliary ("Why", "did"): the start of a question, never of a group's name."""
    return token.tag_ in {"WRB", "WP"} or token.pos_ == "AUX"


def misread_change_verb(subject: Token, change_verbs: set[str]) -> Token | None:
    """ "Why did pizza orders double…?", "umbrella orders triple the week…": right after a plural subject,
    a verb of change the tagger read as an adverb or a predeterminer is still the verb; and in a headline
    that the activity heads ("Orders for X in Leeds spiked after…"), the participle of change on it."""
    if subject.dep_ == "ROOT" and subject.tag_ in {"NNS", "NNPS"}:
        return next((c for c in subject.rights if c.dep_ == "acl" and c.lemma_.lower() in change_verbs), None)
    after = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
    if subject.tag_ not in {"NNS", "NNPS"} or after is None or after.pos_ in {"VERB", "AUX", "NOUN", "PROPN"}:
        return None
    return after if after.lower_ in change_verbs else None


SIGNED_FIGURE = re.compile(r"^[+\-−]\d")  # "+60%", "-12%"


def verbless_change(activity: Token) -> Token | None:
    """ "Pizza orders up 40% in Leeds", "taxi bookings +60% on Friday": a rise or fall written with no
    verb, as hurried posts and stat cards do. The word that carries the change stands in for the verb.
    The activity heads its phrase, or hangs on no word (the parser may take an emoji for its verb)."""
    if activity.dep_ not in {"ROOT", "appos"} and activity.head.is_alpha:
        return None
    if activity.tag_ not in {"NNS", "NNPS", "VBZ"} and not activity.lower_.endswith("ing"):
        return None  # "orders" (which the tagger may call a verb), "listening"; not "…customers used"
    doc, end = activity.doc, activity.sent.end
    if end < len(doc) and end - activity.i <= 2 and not doc[end - 1].is_ascii:
        end = doc[end].sent.end  # an emoji ended the sentence: "pizza orders 🍕 | +40% on Friday"
    for token in doc[activity.i + 1 : min(activity.i + 8, end)]:
        if token.pos_ in {"VERB", "AUX"} and token.is_alpha:
            return None  # a real verb says what happened
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.lower_ in {"up", "down"} and following is not None and following.text[:1].isdigit():
            return token
        if SIGNED_FIGURE.match(token.text):
            return token
    return None


INTO = {"in", "into"}  # where something went, when the group owns the place: "into the baskets of…"


def owns_where_it_went(group: Token) -> bool:
    """ "into the baskets of 9,000 shoppers": the group owns the place something went."""
    of = group.head
    return group.dep_ == "pobj" and of.lower_ == "of" and of.head.dep_ == "pobj" and of.head.head.lower_ in INTO


HANDLE = re.compile(r"@[\w.]*\w")  # "@ava.reads", "@night_owl_"
HANDLE_SHAPED = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$")  # "night_owl_91", "Vyx_07"


def is_account_name(token: Token) -> bool:
    """An @handle, or a name shaped like one without the "@" (a gamer tag, a username): one account."""
    return (token.text.startswith("@") and len(token.text) > 1) or bool(HANDLE_SHAPED.match(token.text))


def done_on_a_product(verb: Token) -> bool:
    """ "switched to rye on Kilnly", "signed up via Sortly", "moved over to our vans": a verb with no object
    still says what users did with a product when it names the product, a proper name after "on",
    "through", "via", "using" or "with" that is no place, day or event ("opened on Friday", "met on Kiln
    Street"), or something of ours they went "to". The name may hang on the verb's own preposition's
    object ("moved to the new plan on Kilnly")."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    preps += [
        p for prep in preps for pobj in prep.children if pobj.dep_ == "pobj" for p in pobj.children if p.dep_ == "prep"
    ]
    if any(
        prep.lower_ == "to"
        and any(p.dep_ == "poss" and p.lower_ == "our" for pobj in prep.children for p in pobj.children)
        for prep in preps
    ):
        return True
    return any(
        prep.lower_ in {"on", "through", "via", "using", "with"}
        and any(
            pobj.dep_ == "pobj"
            and (pobj.pos_ == "PROPN" or pobj.text[:1].isupper())  # "via Sortly", tagged an adverb
            and pobj.lower_ not in CALENDAR_WORDS
            and pobj.ent_type_ not in NOT_PRODUCTS
            and not any(
                span.label_.startswith("place") for span in detail_spans(verb.doc, pobj.left_edge.i, pobj.i + 1)
            )
            for pobj in prep.children
        )
        for prep in preps
    )
