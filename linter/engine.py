"""The pipeline: text -> normalise -> parse -> claims -> rules -> findings -> decision.

One post can never spoil another's check: posts are parsed in batches, a batch that fails is parsed
again one post at a time, and a post that still fails (or is too long to read in bounded time) gets a
`Result` with an error and the decision "not_checked" instead of raising.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import islice, takewhile
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

import linter.nlp  # noqa: F401  (registers the spaCy factories)
from linter import fixes
from linter.config import Config, build_pack
from linter.errors import CheckError
from linter.model import load_model
from linter.nlp.extensions import ENGLISH_SHARE, INCOMPLETE, POST_SCORES
from linter.nlp.syntax import HANDLE
from linter.normalise import NormalisedText, normalise
from linter.policy.checks import CHECKS
from linter.policy.messages import fill
from linter.policy.pack import Pack, Rule
from linter.result import Finding, Result, severity_rank
from linter.suppressions import Allow, suppressed

BATCH_SIZE = 64
# Work per post is bounded: no real post comes near these, and past them the time is an attacker's.
MAX_POST_CHARS = 100_000  # after normalisation (NFKC can grow a character eighteen-fold)
MAX_POST_TOKENS = 20_000
# The lemmatizers cache every (word, tag) they meet in dicts that never shrink; the memory zone around
# each batch frees everything else a batch adds. Past this many entries a cache starts afresh.
MAX_LEMMA_CACHE = 100_000
DEFAULT_CONFIG = Config()
MODEL_CHECKS = {"sentence", "post"}
# From this many tokens (in two sentences or more), a finding the post model overrules must also lie in
# sentences it reads as harmless on their own. Chosen on the validation split: read so from two sentences
# whatever the length, false alarms there rose from 0.032 to 0.045; from 40 tokens, to 0.033.
WHOLE_POST_READ_TOKENS = 40
# The model's components that postlint's run in their place, giving the same values a Doc at a time.
STAND_INS = {"attribute_ruler": "postlint_attributes", "lemmatizer": "postlint_lemmas"}


def _leaves_a_post(text: str, chosen: list[fixes.Fix]) -> bool:
    """Whether the fixes leave words to post, not just emoji, punctuation and the handles a reply answers."""
    left = HANDLE.sub("", fixes.apply_edits(text, fixes.chosen_edits(chosen, text)))
    return any(c.isalnum() for c in left)


class Linter:
    """One configured pipeline. Build it once per process (see `get_linter`) and reuse it."""

    def __init__(self, config: Config = DEFAULT_CONFIG):
        self.config = config
        self.pack: Pack = build_pack(config)
        self.nlp: Language = load_model(config.model)
        self.nlp.add_pipe("postlint_sentences", before="parser")
        for component, stand_in in STAND_INS.items():
            if component in self.nlp.pipe_names:
                self.nlp.add_pipe(stand_in, after=component)
                self.nlp.disable_pipe(component)  # still loaded: the stand-in reads its rules and tables
        if self.pack.english_below:
            self.nlp.add_pipe("postlint_language", config={"lemmatizer": "lemmatizer"})
        self.nlp.add_pipe("postlint_details", config={"lexicons": self.pack.lexicons})
        infer_kinds = self.pack.inferred_claim_score > 0  # claims only the sentence model can confirm
        sentence_model = infer_kinds or any(
            rule.check in MODEL_CHECKS or rule.params.get("claim_score") for rule in self.pack.rules
        )
        self.nlp.add_pipe("postlint_claims", config={"lexicons": self.pack.lexicons, "infer_kinds": infer_kinds})
        self.nlp.add_pipe("postlint_places", config={"lexicons": self.pack.lexicons})
        if "ner" in self.nlp.pipe_names:
            self.nlp.disable_pipe("ner")  # run by postlint_places, only on posts that make a claim
        if sentence_model:
            self.nlp.add_pipe(
                "postlint_sentence_model", config={"inferred_claim_score": self.pack.inferred_claim_score}
            )
        if self.pack.harmless_below or any(rule.check == "post" for rule in self.pack.rules):
            self.nlp.add_pipe("postlint_post_model")
        self._lemma_caches = [
            pipe.cache for _, pipe in self.nlp.components if isinstance(getattr(pipe, "cache", None), dict)
        ]

    def lint(self, text: str) -> Result:
        return next(self.lint_many([text]))

    def lint_many(self, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Result]:
        """Results in input order, parsed in batches through `nlp.pipe`."""
        for chunk in minibatch(texts, batch_size):
            yield from self._lint_batch(chunk)

    def fix(
        self, text: str, result: Result, unsafe: bool = False, allows: tuple[Allow, ...] = (), passes: int = 3
    ) -> tuple[str, Result]:
        """The draft with its findings' fixes applied (unsafe ones only if asked), checked again after
        each pass until nothing more can be fixed, and its last result. The draft's suppressions
        (`allows`) follow their words through each pass. A fix that would leave nothing to post is not
        applied; where fixes together would leave nothing, those of the worst findings are applied first
        and each one after only if something is left ("Remove the sentence" on each of two sentences)."""
        for _ in range(passes):
            findings = sorted(result.findings, key=lambda f: -severity_rank(f.severity))  # stable: block first
            chosen = [f.fix for f in findings if f.fix and not f.suppressed and (unsafe or f.fix.safe)]
            kept: list[fixes.Fix] = []
            for fix in chosen:
                if _leaves_a_post(text, [*kept, fix]):
                    kept.append(fix)
            edits = fixes.chosen_edits(kept, text)
            fixed = fixes.apply_edits(text, edits)
            if fixed == text:
                break
            allows = tuple(allow.moved(edits) for allow in allows)
            text, result = fixed, suppressed(self.lint(fixed), allows)
        return text, result

    def _lint_batch(self, texts: list[str]) -> list[Result]:
        # Strings a batch adds to the vocabulary are freed with it, so a server's memory stays flat.
        for cache in self._lemma_caches:
            if len(cache) > MAX_LEMMA_CACHE:
                cache.clear()
        with self.nlp.memory_zone():
            prepared = [self._prepare(text) for text in texts]
            docs = [item for item in prepared if isinstance(item[1], Doc)]
            try:
                parsed = iter(list(self.nlp.pipe(doc for _, doc in docs)))
                return [self.result(next(parsed), norm) if isinstance(doc, Doc) else doc for norm, doc in prepared]
            except Exception:  # noqa: BLE001 - one post's failure must not decide its neighbours'
                return [self._lint_alone(norm) if isinstance(doc, Doc) else doc for norm, doc in prepared]

    def _prepare(self, text: str) -> tuple[NormalisedText | None, Doc | Result]:
        """The normalised text and its tokens, or the Result saying why the post cannot be read."""
        try:
            norm = normalise(text)
            if len(norm.text) > MAX_POST_CHARS:
                return norm, Result(text, error=CheckError.of("E002", f"{len(norm.text):,}", MAX_POST_CHARS))
            doc = self.nlp.make_doc(norm.text)
        except Exception as exc:  # noqa: BLE001
            return None, Result(text, error=CheckError.of("E001", type(exc).__name__))
        if len(doc) > MAX_POST_TOKENS:
            return norm, Result(text, error=CheckError.of("E003", f"{len(doc):,}", MAX_POST_TOKENS))
        return norm, doc

    def _lint_alone(self, norm: NormalisedText) -> Result:
        try:
            return self.result(self.nlp(norm.text), norm)
        except Exception as exc:  # noqa: BLE001 - the type only: an exception's message can quote the draft
            return Result(norm.original, error=CheckError.of("E001", type(exc).__name__))

    def result(self, doc: Doc, norm: NormalisedText, pack: Pack | None = None) -> Result:
        """The findings and decision for a parsed post, under `pack` (default: this linter's). Training
        tries candidate thresholds on posts parsed once, so a pack can be swapped in here."""
        pack = pack or self.pack
        english = doc._.get(ENGLISH_SHARE)
        # Edits follow an English parse: in another language they cut the wrong words, so none are made.
        read_as_english = english is None or english >= pack.english_below
        findings: list[Finding] = []
        for rule in pack.rules:
            flagged: dict[tuple[int, int], tuple[dict, tuple[int, int]]] = {}
            for start, end, because in CHECKS[rule.check].run(rule, doc, pack):
                flagged.setdefault(norm.to_original(start, end), (because, (start, end)))
            findings += [
                _finding(rule, a, b, found, norm, doc, fixable=read_as_english) for (a, b), found in _outermost(flagged)
            ]
        checks = {r.id: r.check for r in pack.rules}
        findings = _without_restatements(findings, checks)
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        claims = tuple(claim.to_dict(norm) for claim in doc._.claims)
        incomplete = doc._.get(INCOMPLETE)
        error = CheckError.of("E004", ", ".join(sorted(incomplete))) if incomplete else None
        result = Result(text=norm.original, findings=tuple(findings), claims=claims, error=error)
        post = doc._.get(POST_SCORES)
        vetoable = {r.id for r in pack.rules if r.harmless_veto}

        def overrulable(finding: Finding) -> bool:
            return finding.rule in vetoable and not finding.because.get("from_records")

        if any(map(overrulable, result.findings)) and post is not None and post.get("flag", 1.0) < pack.harmless_below:
            calm = self._harmless_sentences(doc, norm, pack.harmless_below)
            reason = f"the post model reads the post as harmless (flag {post['flag']:.3f} < {pack.harmless_below})"
            result = result.suppress(lambda f: overrulable(f) and calm(f.start, f.end), reason)
        if not read_as_english and result.decision in ("pass", "warn"):
            result = replace(result, error=CheckError.of("E005", f"{english:.0%}"))
        return result

    def _harmless_sentences(self, doc: Doc, norm: NormalisedText, below: float) -> Callable[[int, int], bool]:
        """Whether words (offsets as typed) lie only in sentences the post model also reads as harmless
        on their own. In a long post, one exposing sentence among business news barely moves the whole
        post's score, so there the whole post's reading alone lets nothing go; a short post, where a
        sentence read alone loses the context that made it harmless (a reply, a thank-you), is read whole."""
        sentences = [sent for sent in doc.sents if sent.text.strip()]
        if len(sentences) < 2 or len(doc) < WHOLE_POST_READ_TOKENS:
            return lambda start, end: True
        flags = self.nlp.get_pipe("postlint_post_model").flags(sentences)
        read = [(norm.to_original(s.start_char, s.end_char), flag) for s, flag in zip(sentences, flags, strict=True)]
        return lambda start, end: all(flag < below for (a, b), flag in read if a < end and start < b)


def _outermost(flagged: dict[tuple[int, int], Any]) -> list[tuple[tuple[int, int], Any]]:
    """One finding per rule and words: a span inside another the same rule flagged adds nothing. Read in
    order of start, longest first, a span lies inside an earlier one exactly when one reached its end."""
    kept, reach = [], -1
    for (a, b), found in sorted(flagged.items(), key=lambda item: (item[0][0], -item[0][1])):
        if b > reach:
            kept.append(((a, b), found))
        reach = max(reach, b)
    return kept


def _finding(
    rule: Rule,
    start: int,
    end: int,
    found: tuple[dict, tuple[int, int]],
    norm: NormalisedText,
    doc: Doc,
    fixable: bool = True,
) -> Finding:
    because, span = found
    words = norm.original[start:end]
    return Finding(
        rule=rule.id,
        name=rule.name,
        category=rule.category,
        severity=rule.severity,
        message=fill(rule.message, because, words),
        suggestion=fill(rule.suggestion, because, words),
        start=start,
        end=end,
        text=words,
        because=because,
        fix=fixes.make(rule.fix, norm, doc, span) if rule.fix and fixable else None,
    )


def _without_restatements(findings: list[Finding], checks: dict[str, str]) -> list[Finding]:
    """A model's finding says nothing new where the rules already flagged its category: inside the
    flagged sentence (sentence model) or anywhere in the post (post model). The rules' finding points
    at the exact words and knows n, so the model's is dropped."""
    exact: dict[str, list[tuple[int, int]]] = {}  # by category, in order of start: a long post has many
    for f in findings:
        if checks[f.rule] not in MODEL_CHECKS:
            exact.setdefault(f.category, []).append((f.start, f.end))
    for spans in exact.values():
        spans.sort()

    def restated(f: Finding) -> bool:
        spans = exact.get(f.category, [])
        if checks[f.rule] == "post":
            return bool(spans)
        inside = islice(spans, bisect_left(spans, (f.start, -1)), None)
        return any(e <= f.end for _, e in takewhile(lambda span: span[0] < f.end, inside))

    return [f for f in findings if checks[f.rule] not in MODEL_CHECKS or not restated(f)]


@lru_cache(maxsize=4)
def get_linter(config: Config = DEFAULT_CONFIG) -> Linter:
    """The process-wide linter for a config: the model is loaded once."""
    return Linter(config)


def lint(text: str, config: Config = DEFAULT_CONFIG) -> Result:
    return get_linter(config).lint(text)


def lint_many(texts: Iterable[str], config: Config = DEFAULT_CONFIG) -> Iterator[Result]:
    return get_linter(config).lint_many(texts)
