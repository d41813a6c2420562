"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, IDE viewers)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__, report
from linter.inputs import Post
from linter.policy.pack import Pack
from linter.report import LEVELS, Summary, region
from linter.result import Finding, Result

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


class Formatter(report.Formatter):
    """One SARIF log, written at the end."""

    def __init__(self, out: TextIO, pack: Pack, options: report.Options):
        super().__init__(out, pack, options)
        self.rule_index = {rule.id: i for i, rule in enumerate(pack.rules)}
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def post(self, post: Post, result: Result) -> None:
        if result.error is not None:
            self.notifications.append(_not_checked(post, str(result.error)))
        self.results += [_result(post, finding, self.rule_index) for finding in result.findings]

    def close(self, summary: Summary) -> None:
        errors = [{"level": "error", "message": {"text": e}} for e in summary.errors]
        run = {
            "tool": {"driver": _driver(self.pack)},
            "columnKind": "unicodeCodePoints",
            "invocations": [
                {
                    "executionSuccessful": not (summary.errors or summary.unchecked),
                    "toolExecutionNotifications": [*errors, *self.notifications],
                }
            ],
            "results": self.results,
        }
        json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, self.out, ensure_ascii=False, indent=2)
        self.out.write("\n")


def _driver(pack: Pack) -> dict[str, Any]:
    return {
        "name": "postlint",
        "version": __version__,
        "semanticVersion": __version__,
        "properties": {"pack": pack.name, "packVersion": pack.version},
        "rules": [
            {
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": rule.message},
                "fullDescription": {"text": rule.description or rule.message},
                "help": {"text": rule.suggestion},
                "defaultConfiguration": {"level": LEVELS[rule.severity]},
                "properties": {"category": rule.category},
            }
            for rule in pack.rules
        ],
    }


def _result(post: Post, finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    where = region(post, finding.start, finding.end)
    span = {
        "startLine": where.start_line,
        "startColumn": where.start_column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
    }
    location = {
        "artifactLocation": {"uri": _uri(post.path)},
        "region": {k: v for k, v in span.items() if v is not None},  # calendar rows: a line, no columns
    }
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": f"{finding.message} {finding.suggestion}"},
        "locations": [{"physicalLocation": location}],
        "properties": {"postId": post.id, "category": finding.category, "text": finding.text},
    }
    if finding.suppressed:
        result["suppressions"] = [{"kind": "inSource", "status": "accepted", "justification": finding.reason}]
    return result


def _not_checked(post: Post, error: str) -> dict[str, Any]:
    where = {"artifactLocation": {"uri": _uri(post.path)}, "region": {"startLine": post.line}}
    return {
        "level": "error",
        "message": {"text": f"{post.source}: not checked: {error}"},
        "locations": [{"physicalLocation": where}],
    }


def _uri(path: str) -> str:
    """A relative path stays relative (the repository is the root); an absolute one becomes file://."""
    return Path(path).as_uri() if Path(path).is_absolute() else quote(Path(path).as_posix())
