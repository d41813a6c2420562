"""What linting one post produces: findings, claims and the decision. This is the public JSON contract."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from linter.errors import CheckError
from linter.fixes import Fix

SEVERITIES = ("pass", "warn", "block")
NOT_CHECKED = "not_checked"
# Every decision a post can get, mildest first. "not_checked" ranks above block: a check that could not
# finish has not shown the post is safe, so it stops whatever a block stops (fail closed).
DECISIONS = (*SEVERITIES, NOT_CHECKED)


def severity_rank(severity: str) -> int:
    return DECISIONS.index(severity)


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    category: str
    severity: str
    message: str
    suggestion: str
    start: int
    end: int
    text: str
    because: dict[str, Any] = field(default_factory=dict, compare=False)
    suppressed: bool = False
    reason: str | None = None
    fix: Fix | None = field(default=None, compare=False)  # edits that take the words out, if the rule has one

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.suppressed:
            del data["suppressed"], data["reason"]
        if self.fix is None:
            del data["fix"]
        else:
            data["fix"] = self.fix.to_dict()
        return data


@dataclass(frozen=True)
class Result:
    """The outcome for one post. Offsets index the text exactly as the user typed it (code points).

    `error` is set when the check could not run to the end; the findings it reached are kept, and the
    decision is "not_checked" whatever they are.
    """

    text: str
    findings: tuple[Finding, ...] = ()
    claims: tuple[dict[str, Any], ...] = field(default=())
    error: CheckError | None = None

    @property
    def decision(self) -> str:
        """The highest severity among findings that are not suppressed, or "not_checked"."""
        if self.error is not None:
            return NOT_CHECKED
        active = [f.severity for f in self.findings if not f.suppressed]
        return max(active, key=severity_rank, default="pass")

    @property
    def categories(self) -> list[str]:
        return sorted({f.category for f in self.findings if not f.suppressed})

    def suppress(self, which: Callable[[Finding], bool], reason: str) -> Result:
        """Mark the findings `which` picks as suppressed: they stay visible but no longer decide. A
        finding already suppressed keeps its first reason."""
        findings = tuple(
            replace(f, suppressed=True, reason=reason) if which(f) and not f.suppressed else f for f in self.findings
        )
        return replace(self, findings=findings)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "decision": self.decision,
            "findings": [f.to_dict() for f in self.findings],
            "claims": list(self.claims),
        }
        if self.error is not None:
            data["error"] = {"code": self.error.code, "message": self.error.message}
        return data
