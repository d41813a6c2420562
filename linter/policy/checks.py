"""Check kinds: how a rule in the pack turns a parsed post into the spans it flags.

A rule names its check (`check: claim`) and gives that check's parameters as data. Each check is
registered here under its name, validates its own parameters when the pack loads, and yields
(start_char, end_char, because) for each span of the normalised text it flags, where `because` says
why in data: the claim and its n, the threshold that was crossed, the lexicon or the model score.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Span

from linter.nlp.claim import AWARDED, DETAIL_KINDS, Claim, CohortSize, claims_in
from linter.nlp.extensions import POST_SCORES, SCORES, SPAN_KEY
from linter.nlp.sentence_model import sentence_claim_score
from linter.nlp.sizes import MULTIPLIERS
from linter.nlp.syntax import of_object
from linter.policy.lexicons import validate_pattern

if TYPE_CHECKING:
    from linter.policy.pack import Pack, Rule

Spans = Iterator[tuple[int, int, dict[str, Any]]]


@dataclass(frozen=True)
class Check:
    validate: Callable[[dict[str, Any], dict[str, int]], dict[str, Any]]
    run: Callable[[Rule, Doc, Pack], Spans]


CHECKS: dict[str, Check] = {}


def register(name: str, validate: Callable) -> Callable:
    def decorator(run: Callable) -> Callable:
        CHECKS[name] = Check(validate=validate, run=run)
        return run

    return decorator


def _fail(field: str, problem: str) -> None:
    raise ValueError(f"'{field}': {problem}")


def _threshold(value: Any, field: str, thresholds: dict[str, int]) -> None:
    if isinstance(value, bool) or not (isinstance(value, int) or value in thresholds):
        _fail(field, f"must be a whole number or one of the thresholds {', '.join(thresholds)}")


# -- claim: conditions on the claims the pipeline found ----------------------------------------
CLAIM_CONDITIONS = {"individual", "n_below", "n_at_least", "unknown_n", "has_any", "callout"}
CLAIM_REPORTS = {"cohort", "size", "details", "callout"}


def validate_claim(params: dict[str, Any], thresholds: dict[str, int]) -> dict[str, Any]:
    when = params.get("when") or {}
    if not isinstance(when, dict):
        _fail("when", "must be a mapping of conditions")
    for key, value in when.items():
        if key not in CLAIM_CONDITIONS:
            _fail("when", f"unknown condition '{key}' (known: {', '.join(sorted(CLAIM_CONDITIONS))})")
        if key in {"n_below", "n_at_least"}:
            _threshold(value, "when", thresholds)
        if key == "has_any" and (not isinstance(value, list) or set(value) - set(DETAIL_KINDS)):
            _fail("when", f"has_any must list detail kinds from {', '.join(DETAIL_KINDS)}")
        if key in {"individual", "unknown_n", "callout"} and not isinstance(value, bool):
            _fail("when", f"'{key}' must be true or false")
    report = params.get("report", "cohort")
    if report not in CLAIM_REPORTS:
        _fail("report", f"must be one of {', '.join(sorted(CLAIM_REPORTS))}")
    return {"when": dict(when), "report": report, "claim_score": _score(params.get("claim_score", 0), "claim_score")}


def _score(value: Any, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        _fail(field, "must be a score between 0 and 1")
    return float(value)


def model_doubts(doc: Doc, claim: Claim, claim_score: float) -> bool:
    """The grammar found a claim but the sentence model reads no report of user behaviour where it was
    drawn from: a support reply's "you", a "someone" in a giveaway, a count of staff beside user words.
    A user named under an award title is not in doubt: the title says who they are and what for; nor is
    a claim the sentence says our records report ("our app shows you're on day 58")."""
    if claim.cohort.label_ == AWARDED or claim.from_records:
        return False
    score = sentence_claim_score(doc, claim)
    return score is not None and score < claim_score


def claim_matches(claim: Claim, when: dict[str, Any], pack: Pack) -> bool:
    size = claim.size
    if "individual" in when and size.individual != when["individual"]:
        return False
    if "callout" in when and (claim.callout is not None) != when["callout"]:
        return False
    if "n_below" in when:
        if size.low is None and not when.get("unknown_n", False):
            return False
        if size.low is not None and size.low >= pack.threshold(when["n_below"]):
            return False
    if "n_at_least" in when and (size.low is None or size.low < pack.threshold(when["n_at_least"])):
        return False
    if "has_any" in when and not any(claim.spans(kind) for kind in when["has_any"]):
        return False
    return True


def group_noun(cohort: Span) -> str:
    """The plural noun a group is named by ("startups", "DJs"), for messages that say what this draft
    did; "people" where the group has none ("27 of you", "a few")."""
    nouns = [t for t in cohort if t.tag_ in {"NNS", "NNPS"} and t.is_alpha]
    if not nouns:
        return "people"
    counted = of_object(cohort.root) if _is_scale_word(cohort.root.lower_) else None  # "hundreds of roofers"
    # "a third of our 4,470 tenants": the root is no plural of the group; the first plural is
    noun = counted if counted in nouns else cohort.root if cohort.root in nouns else nouns[0]
    return noun.text if any(c.isupper() for c in noun.text[1:]) else noun.lower_


def _is_scale_word(word: str) -> bool:
    """ "hundreds", "dozens", "millions": a plural that is a size, not the group."""
    return word.endswith("s") and (word[:-1] in MULTIPLIERS or word == "dozens")


def claim_because(claim: Claim, when: dict[str, Any], pack: Pack) -> dict[str, Any]:
    """The claim behind a finding: who, n and how it was read, and the thresholds the rule applied."""
    because: dict[str, Any] = {
        "claim": claim.cohort.text,
        "who": group_noun(claim.cohort),
        "n": claim.size.low,
        "n_kind": claim.size.kind,
    }
    if claim.size.stated:
        because["n_stated"] = claim.size.stated
    if claim.from_records:
        because["from_records"] = True  # the post says our records report it: no model overrules it
    for condition in ("n_below", "n_at_least"):
        if condition in when:
            name = when[condition]
            because[condition] = {
                "threshold": name if isinstance(name, str) else "number",
                "value": pack.threshold(name),
            }
    return because


@register("claim", validate_claim)
def run_claim(rule: Rule, doc: Doc, pack: Pack) -> Spans:
    when, report = rule.params["when"], rule.params["report"]
    for claim in doc._.claims or ():
        if not claim_matches(claim, when, pack) or model_doubts(doc, claim, rule.params["claim_score"]):
            continue
        because = claim_because(claim, when, pack)
        if report == "details":
            for kind in when.get("has_any", DETAIL_KINDS):
                for span in claim.spans(kind):
                    yield span.start_char, span.end_char, {**because, "detail": span.label_ or kind}
        else:
            span: Span = {
                "cohort": claim.cohort,
                "size": claim.size_span or claim.cohort,
                "callout": claim.callout or claim.cohort,
            }[report]
            yield span.start_char, span.end_char, because


# -- tone: labelled spans from the details component, in a post that makes a claim -------------
SCOPES = {"claims", "post"}


def validate_tone(params: dict[str, Any], thresholds: dict[str, int]) -> dict[str, Any]:
    labels = params.get("labels")
    if not isinstance(labels, list) or not labels or not all(isinstance(x, str) for x in labels):
        _fail("labels", "must be a list of span labels such as tone.mock")
    scope = params.get("scope", "claims")
    if scope not in SCOPES:
        _fail("scope", f"must be one of {', '.join(sorted(SCOPES))}")
    return {"labels": labels, "scope": scope}


def _in_scope(doc: Doc, scope: str) -> bool:
    return scope == "post" or bool(doc._.claims)


@register("tone", validate_tone)
def run_tone(rule: Rule, doc: Doc, pack: Pack) -> Spans:
    if not _in_scope(doc, rule.params["scope"]):
        return
    for span in doc.spans[SPAN_KEY]:
        if span.label_ in rule.params["labels"]:
            yield span.start_char, span.end_char, {"lexicon": span.label_}


# -- phrase: a team's own words or regular expressions ------------------------------------------
# The pack hands a phrase rule's terms and patterns to the details component as the lexicon
# "rule.<ID>", so they are matched in the same pass as everything else; the check reads those spans.
def validate_phrase(params: dict[str, Any], thresholds: dict[str, int]) -> dict[str, Any]:
    terms, patterns = params.get("terms", []), params.get("patterns", [])
    if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
        _fail("terms", "must be a list of words or phrases")
    if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
        _fail("patterns", "must be a list of regular expressions")
    if not terms and not patterns:
        _fail("terms", "a phrase rule needs terms or patterns")
    for pattern in patterns:
        try:
            validate_pattern(pattern)
        except ValueError as exc:
            _fail("patterns", str(exc))
    scope = params.get("scope", "post")
    if scope not in SCOPES:
        _fail("scope", f"must be one of {', '.join(sorted(SCOPES))}")
    return {"terms": terms, "patterns": patterns, "scope": scope}


@register("phrase", validate_phrase)
def run_phrase(rule: Rule, doc: Doc, pack: Pack) -> Spans:
    if not _in_scope(doc, rule.params["scope"]):
        return
    label = f"rule.{rule.id}"
    for span in doc.spans[SPAN_KEY]:
        if span.label_ == label:
            yield span.start_char, span.end_char, {"lexicon": label}


# -- sentence: a sentence the trained sentence model scores at or over a threshold ----------------
# The model says what a sentence does (reports a sensitive behaviour, teases, singles someone out); the
# claims the grammar found in that sentence still say how many people: `claims.n_at_least` fires only
# where one of them is at least that big, `claims.n_below` only where none is. The sentence (with
# `scope: post`, the post) must also report what users did: the grammar found a claim there, or it
# ruled none out there (staff, a public action, a promise, a quoted source) and the model scores it at
# least `claim_score` for "claim".
SENTENCE_CLAIM_CONDITIONS = {"n_at_least", "n_below"}
SENTENCE_SCOPES = {"sentence", "post"}


def validate_sentence(params: dict[str, Any], thresholds: dict[str, int]) -> dict[str, Any]:
    label, threshold = params.get("label"), params.get("threshold")
    if not isinstance(label, str) or not label:
        _fail("label", "must name a label of the sentence model, such as sensitive")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float) or not 0 < threshold <= 1:
        _fail("threshold", "must be a score between 0 and 1")
    claims = params.get("claims") or {}
    if not isinstance(claims, dict) or set(claims) - SENTENCE_CLAIM_CONDITIONS or len(claims) > 1:
        _fail("claims", f"takes one of {', '.join(sorted(SENTENCE_CLAIM_CONDITIONS))}")
    for value in claims.values():
        _threshold(value, "claims", thresholds)
    claim_score = _score(params.get("claim_score", 0), "claim_score")
    scope = params.get("scope", "sentence")
    if scope not in SENTENCE_SCOPES:
        _fail("scope", f"must be one of {', '.join(sorted(SENTENCE_SCOPES))}")
    return {"label": label, "threshold": float(threshold), "claims": dict(claims), "claim_score": claim_score,
            "scope": scope}  # fmt: skip


def _reports_behaviour(doc: Doc, start: int, end: int, scores: dict[str, float], claim_score: float) -> bool:
    """The grammar found a claim in the sentence; or it ruled none out there, the sentence has a verb
    (a fragment such as "One great menu." reports nothing by itself) and the model reads a claim."""
    if claims_in(doc, start, end):
        return True
    if any(start <= span.start_char < end for span in doc._.not_claims or ()):
        return False  # staff, a public action, a promise, a quoted source: the grammar knows better
    sentence = doc.char_span(start, end, alignment_mode="expand")
    has_verb = sentence is not None and any(t.pos_ in {"VERB", "AUX"} for t in sentence)
    return has_verb and scores.get("claim", 0.0) >= claim_score


# What the grammar rules out for the post model too: staff, made-up scenarios and characters, offers
# of what anyone can do, and sentences quoting an outside source or a testimonial. (Its other
# exclusions, such as public actions and promises, are read from wording the model weighs better on
# the labelled drafts.)
POST_RULED_OUT = {"staff", "source", "scenario", "character", "offer"}


def _sizes_allow(condition: dict[str, Any], sizes: list[CohortSize], pack: Pack) -> bool:
    """`claims.n_at_least`: some claim or counted group counts at least the threshold; `claims.n_below`:
    none does."""
    if not condition:
        return True
    ((name, value),) = condition.items()
    large = any(size.low is not None and size.low >= pack.threshold(value) for size in sizes)
    return large == (name == "n_at_least")


def _sizes_in(doc: Doc, start: int = 0, end: float = float("inf")) -> list[CohortSize]:
    """The sizes of the claims and of the counted groups (see `counted_groups`) that begin in [start, end)."""
    groups = [size for span, size in doc._.counted_groups or () if start <= span.start_char < end]
    return [claim.size for claim in claims_in(doc, start, end)] + groups


def _ruled_out(doc: Doc, start: int, end: int) -> bool:
    """The sentence [start, end) is about staff, makes up a scenario or quotes a source, and the grammar
    found no claim in it."""
    not_claims = doc._.not_claims or ()
    return not claims_in(doc, start, end) and any(
        start <= s.start_char < end and s.label_ in POST_RULED_OUT for s in not_claims
    )


def _post_reports_behaviour(doc: Doc, claim_score: float) -> bool:
    return any(_reports_behaviour(doc, s, e, scores, claim_score) for s, e, scores in doc._.get(SCORES) or ())


@register("sentence", validate_sentence)
def run_sentence(rule: Rule, doc: Doc, pack: Pack) -> Spans:
    label, threshold, claims = rule.params["label"], rule.params["threshold"], rule.params["claims"]
    sentences = doc._.get(SCORES) or ()
    claim_score = rule.params["claim_score"]
    post_reports = None  # whether any sentence of the post reports behaviour, worked out once if needed
    for start, end, scores in sentences:
        if scores.get(label, 0.0) < threshold:
            continue
        if rule.params["scope"] == "post":
            if post_reports is None:
                post_reports = _post_reports_behaviour(doc, claim_score)
            reports = post_reports
        else:
            reports = _reports_behaviour(doc, start, end, scores, claim_score)
        if not reports:
            continue
        if not _sizes_allow(claims, _sizes_in(doc, start, end), pack):
            continue
        because = {"model": "sentence", "label": label, "score": round(scores[label], 3), "threshold": threshold}
        yield start, _stripped_end(doc, start, end), because


# -- post: the post model's reading of the whole draft -------------------------------------------
# A second reader beside the rules: it fires where the post model scores the post at least `threshold`
# for the rule's `label` (a category) and at least `decision_threshold` for `decision` ("block": an editor
# would block it; "flag": warn or block). The finding points at the sentence the sentence model scores
# highest for the label (the first sentence if it did not run), unless the grammar found that sentence to
# be about staff or to quote a source, and no claim in it. `claims.n_below` / `claims.n_at_least`: only
# where no claim in the post / some claim counts at least that many (the model cannot count; the grammar
# can). `claim_score`: only where the grammar found a claim or the sentence model reads one in some
# sentence at least this (an organisation's news on a sensitive topic is not a claim about its users).
# Where a rule already flagged the same category, the engine drops this finding: the rule's points at
# the exact words.
POST_DECISIONS = {"block", "flag"}


def validate_post(params: dict[str, Any], thresholds: dict[str, int]) -> dict[str, Any]:
    label, decision = params.get("label"), params.get("decision")
    if not isinstance(label, str) or not label:
        _fail("label", "must name a label of the post model, such as sensitive")
    if decision not in POST_DECISIONS:
        _fail("decision", f"must be one of {', '.join(sorted(POST_DECISIONS))}")
    claims = params.get("claims") or {}
    if not isinstance(claims, dict) or set(claims) - SENTENCE_CLAIM_CONDITIONS or len(claims) > 1:
        _fail("claims", f"takes one of {', '.join(sorted(SENTENCE_CLAIM_CONDITIONS))}")
    for value in claims.values():
        _threshold(value, "claims", thresholds)
    return {"label": label, "threshold": _score(params.get("threshold"), "threshold"), "decision": decision,
            "decision_threshold": _score(params.get("decision_threshold"), "decision_threshold"),
            "claims": dict(claims), "claim_score": _score(params.get("claim_score", 0), "claim_score")}  # fmt: skip


def _post_reads_a_claim(doc: Doc, claim_score: float) -> bool:
    """The grammar found a claim in the post, or the sentence model scores one of its sentences at least
    `claim_score` for "claim", where the grammar ruled out no staff, source, scenario or character.
    Looser than `_reports_behaviour` on purpose: the post model weighs public actions, promises and
    fragments itself. Without the sentence model's scores, nothing is ruled out."""
    scored = doc._.get(SCORES)
    if scored is None or doc._.claims:
        return True
    return any(s.get("claim", 0.0) >= claim_score and not _ruled_out(doc, a, b) for a, b, s in scored)


def _likeliest_sentence(doc: Doc, label: str) -> tuple[int, int]:
    scored = doc._.get(SCORES) or [(s.start_char, s.end_char, {}) for s in doc.sents if s.text.strip()]
    if not scored:
        return 0, len(doc.text)
    start, end, _ = max(scored, key=lambda item: item[2].get(label, 0.0))
    return start, _stripped_end(doc, start, end)


def _stripped_end(doc: Doc, start: int, end: int) -> int:
    """Where a sentence's text ends without its trailing whitespace (its span's text: doc.text is
    rebuilt on every read, which made long drafts quadratic)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return end if span is None else start + len(span.text.rstrip())


@register("post", validate_post)
def run_post(rule: Rule, doc: Doc, pack: Pack) -> Spans:
    scores = doc._.get(POST_SCORES)
    label, decision = rule.params["label"], rule.params["decision"]
    if not scores or scores.get(label, 0.0) < rule.params["threshold"]:
        return
    if scores.get(decision, 0.0) < rule.params["decision_threshold"]:
        return
    if not _sizes_allow(rule.params["claims"], _sizes_in(doc), pack):
        return
    if not _post_reads_a_claim(doc, rule.params["claim_score"]):
        return
    start, end = _likeliest_sentence(doc, label)
    if _ruled_out(doc, start, end):
        return
    yield start, end, {"model": "post", "label": label, "score": round(scores[label], 3),
                       "threshold": rule.params["threshold"], "decision": decision,
                       "decision_score": round(scores[decision], 3),
                       "decision_threshold": rule.params["decision_threshold"]}  # fmt: skip
