"""The pipeline: text -> normalise -> parse -> claims -> rules -> findings -> decision."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

import linter.components  # noqa: F401  (registers the spaCy factories)
from linter.checks import CHECKS
from linter.config import Config, build_pack
from linter.model import load_model
from linter.normalize import NormalisedText, normalise
from linter.pack import Pack
from linter.result import Finding, Result

BATCH_SIZE = 64
DEFAULT_CONFIG = Config()


class Linter:
    """One configured pipeline. Build it once per process (see `get_linter`) and reuse it."""

    def __init__(self, config: Config = DEFAULT_CONFIG):
        self.config = config
        self.pack: Pack = build_pack(config)
        self.nlp: Language = load_model(config.model)
        self.nlp.add_pipe("postlint_sentences", before="parser")
        self.nlp.add_pipe("postlint_details", config={"lexicons": self.pack.lexicons})
        self.nlp.add_pipe("postlint_claims", config={"lexicons": self.pack.lexicons})

    def lint(self, text: str) -> Result:
        return next(self.lint_many([text]))

    def lint_many(self, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Result]:
        """Results in input order, parsed in batches through `nlp.pipe`."""
        normalised = (normalise(t) for t in texts)
        pairs = self.nlp.pipe(((n.text, n) for n in normalised), as_tuples=True, batch_size=batch_size)
        for doc, norm in pairs:
            yield self._result(doc, norm)

    def _result(self, doc: Doc, norm: NormalisedText) -> Result:
        findings = []
        for rule in self.pack.rules:
            for start, end in sorted(set(CHECKS[rule.check].run(rule, doc, self.pack))):
                a, b = norm.to_original(start, end)
                findings.append(
                    Finding(
                        rule=rule.id,
                        name=rule.name,
                        category=rule.category,
                        severity=rule.severity,
                        message=rule.message,
                        suggestion=rule.suggestion,
                        start=a,
                        end=b,
                        text=norm.original[a:b],
                    )
                )
        findings.sort(key=lambda f: (f.start, f.end, f.rule))
        claims = tuple(claim.to_dict(norm) for claim in doc._.claims)
        return Result(text=norm.original, findings=tuple(findings), claims=claims)


@lru_cache(maxsize=4)
def get_linter(config: Config = DEFAULT_CONFIG) -> Linter:
    """The process-wide linter for a config: the model is loaded once."""
    return Linter(config)


def lint(text: str, config: Config = DEFAULT_CONFIG) -> Result:
    return get_linter(config).lint(text)


def lint_many(texts: Iterable[str], config: Config = DEFAULT_CONFIG) -> Iterator[Result]:
    return get_linter(config).lint_many(texts)
