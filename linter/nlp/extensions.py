"""Everything the postlint components write on a Doc beyond spaCy's own attributes, declared in one place."""

from __future__ import annotations

from spacy.tokens import Doc

# doc.spans[SPAN_KEY]: labelled detail spans from `postlint_details` and `postlint_places` ("time", "place",
# "sensitive.health", "tone.mock", "rule.<ID>"...), which claims and checks read.
SPAN_KEY = "postlint_details"
# doc._.postlint_incomplete: labels of the patterns that ran out of time on this Doc. The engine reports
# such a post as "not checked": a match the pattern never reached could be the one at fault.
INCOMPLETE = "postlint_incomplete"
# doc._.sentence_scores: [(start_char, end_char, {label: score})], one entry per sentence, from the model.
SCORES = "sentence_scores"


def _declare(name: str) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


_declare("claims")  # the user-behaviour claims `postlint_claims` found: list[Claim]
# Spans the grammar read as a group of people and then ruled out as a claim: staff, a public action,
# something not done yet or only possible, a headline total, an outside source or a testimonial. The
# sentence model's findings defer to these (see the `sentence` check).
_declare("not_claims")
_declare(INCOMPLETE)  # set by `postlint_details` when a pattern times out
_declare(SCORES)  # set by `postlint_sentence_model`
