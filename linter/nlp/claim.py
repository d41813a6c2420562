"""A user-behaviour claim: who (how many), did what, how often, when and where, as spans of a Doc."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

# Kinds of detail a claim can carry; each is a label in the "postlint_details" span group.
DETAIL_KINDS = ("repetition", "time", "place", "age", "gender", "device", "sensitive")
# The label of a cohort that is one user named under an award title ("Diner of the Month: Ana").
AWARDED = "awarded"


@dataclass(frozen=True)
class CohortSize:
    """How many distinct people a claim is about.

    `low` is the smallest n the words allow ("hundreds" -> 100, "a few" -> 2, "nearly 300" -> 299);
    rules compare it with thresholds, so a range that reaches under a threshold counts as under it.
    `low` is None when the size is unknown ("some of you", a percentage with no base).
    """

    kind: str  # exact | derived | vague | singular | unknown
    low: int | None
    stated: str = ""  # how the text put it, for explanations: "0.002% of 2,000,000"
    base_at: int | None = None  # the token counting the whole a share is of, where the post said it elsewhere

    @property
    def individual(self) -> bool:
        return self.kind == "singular"


@dataclass
class Claim:
    cohort: Span
    size: CohortSize
    size_span: Span | None = None
    behaviour: Span | None = None
    object: Span | None = None
    callout: Span | None = None
    details: dict[str, list[Span]] = field(default_factory=dict)
    # The sentence says the claim comes from our records ("our app shows you're on day 58"): no reading
    # of a model's puts it in doubt.
    from_records: bool = False
    # The lexicons do not know the cohort's noun as users ("612 roofers used…"): the claim stands only
    # where the sentence model reads a report of what users did.
    kind_inferred: bool = False
    # The cohort names activity ("soup orders rose 300%"), done by an unknown number of people: no person
    # is the subject of its verb.
    of_activity: bool = False
    # That activity as a verb users do ("searches" -> "search", "bookings" -> "book"), where the behaviour
    # lexicon has it: what a fix can say anyone may do instead of how much was done.
    deed: str = ""

    def spans(self, kind: str) -> list[Span]:
        return self.details.get(kind, [])

    def to_dict(self, norm) -> dict[str, Any]:
        """JSON form, with offsets into the text as typed (`norm` is the post's NormalisedText)."""

        def span(s: Span | None) -> dict[str, Any] | None:
            if s is None:
                return None
            start, end = norm.to_original(s.start_char, s.end_char)
            data: dict[str, Any] = {"start": start, "end": end, "text": norm.original[start:end]}
            if s.label_:
                data["label"] = s.label_
            return data

        return {
            "cohort": span(self.cohort),
            "n": self.size.low,
            "n_kind": self.size.kind,
            "n_stated": self.size.stated,
            "size": span(self.size_span),
            "behaviour": span(self.behaviour),
            "object": span(self.object),
            "callout": span(self.callout),
            **{kind: [span(s) for s in self.spans(kind)] for kind in DETAIL_KINDS},
        }


def claims_in(doc: Doc, start: int, end: int) -> list[Claim]:
    """The claims whose cohort begins in the sentence [start, end) (character offsets)."""
    return [c for c in doc._.claims or () if start <= c.cohort.start_char < end]
