"""Everything the postlint components write on a Doc beyond spaCy's own attributes, declared in one place."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Doc, Span

# doc.spans[SPAN_KEY]: labelled detail spans from `postlint_details` and `postlint_places` ("time", "place",
# "sensitive.health", "tone.mock", "rule.<ID>"...), which claims and checks read.
SPAN_KEY = "postlint_details"  # kept sorted by (start, end, label) by both writers
# doc._.postlint_incomplete: labels of the patterns that ran out of time on this Doc. The engine reports
# such a post as "not checked": a match the pattern never reached could be the one at fault.
INCOMPLETE = "postlint_incomplete"
# doc._.sentence_scores: [(start_char, end_char, {label: score})], one entry per sentence, from the model.
SCORES = "sentence_scores"
# doc._.post_scores: {label: score} for the whole post, from the post model.
POST_SCORES = "post_scores"
# doc._.english_share: the share of the post's words English knows, from `postlint_language` (None: too
# few words to tell).
ENGLISH_SHARE = "english_share"
# doc._.signed_at: where the organisation's signature closing the post begins ("… — Quayside Union",
# "– Temple Street Books"), a character offset, or None. Its name says nothing about the users the post
# describes, so no reader takes a detail or a place from it.
SIGNED_AT = "signed_at"


def _declare(name: str) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


_declare("claims")  # the user-behaviour claims `postlint_claims` found: list[Claim]
# Spans the grammar read as a group of people and then ruled out as a claim, labelled why: "staff";
# "not_private" (a public action, something not done yet or only possible, a headline total); "source"
# (a sentence quoting an outside source or a testimonial); "scenario" and "character" (someone made up);
# "offer" (a sentence telling the reader what anyone can do). The models' findings defer to these (see
# the `sentence` and `post` checks).
_declare("not_claims")
# Groups of people the grammar counted but found no behaviour of theirs for, as the object of what the
# organisation did ("our app reminded 25,000 users to…", "the clinic helped 40 people with…"):
# list[tuple[Span, CohortSize]]. The models read such a sentence as a claim; their rules take its size
# from here, as they take a claim's (a model cannot count).
_declare("counted_groups")
_declare(INCOMPLETE)  # set by `postlint_details` when a pattern times out
_declare(SCORES)  # set by `postlint_sentence_model`
_declare(POST_SCORES)  # set by `postlint_post_model`
_declare(ENGLISH_SHARE)  # set by `postlint_language`
_declare(SIGNED_AT)  # set by `postlint_details`, read by `postlint_places` too


def detail_spans(doc: Doc, start: int, end: int) -> Iterator[Span]:
    """The detail spans that begin at tokens [start, end), found by bisection: a claim reads those of its
    own sentence, and scanning the whole group for each made a long post's claims quadratic."""
    group = doc.spans[SPAN_KEY]
    for i in range(bisect_left(group, start, key=lambda span: span.start), len(group)):
        span = group[i]
        if span.start >= end:
            return
        yield span
