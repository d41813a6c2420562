"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, IDE viewers)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from linter import __version__
from linter.inputs import Post
from linter.report import LEVELS, Report, region
from linter.result import Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def render(report: Report, out: TextIO) -> None:
    rule_index = {rule.id: i for i, rule in enumerate(report.pack.rules)}
    run = {
        "tool": {
            "driver": {
                "name": "postlint",
                "version": __version__,
                "semanticVersion": __version__,
                "properties": {"pack": report.pack.name, "packVersion": report.pack.version},
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
                    for rule in report.pack.rules
                ],
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not (report.errors or report.unchecked),
                "toolExecutionNotifications": [
                    *({"level": "error", "message": {"text": e}} for e in report.errors),
                    *(_not_checked(post, str(result.error)) for post, result in report.unchecked),
                ],
            }
        ],
        "results": [
            _result(post, finding, rule_index) for post, result in report.checked for finding in result.findings
        ],
    }
    json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, out, ensure_ascii=False, indent=2)
    out.write("\n")


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
