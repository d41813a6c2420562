"""GitHub Actions workflow commands, so findings show as annotations on the pull request's files."""

from __future__ import annotations

from typing import TextIO

from linter import report
from linter.inputs import Post
from linter.report import LEVELS, region
from linter.result import Result


class Formatter(report.Formatter):
    def post(self, post: Post, result: Result) -> None:
        _post(post, result, self.out)


def _post(post: Post, result: Result, out: TextIO) -> None:
    if result.error is not None:
        fields = f"file={_escape_property(post.path)},line={post.line},title=postlint: not checked"
        out.write(f"::error {fields}::{_escape(str(result.error))}\n")
    for finding in result.findings:
        if finding.suppressed:
            continue
        where = region(post, finding.start, finding.end)
        properties = {
            "file": post.path,
            "line": where.start_line,
            "endLine": where.end_line,
            "col": where.start_column,
            "endColumn": where.end_column,
            "title": f"{finding.rule} {finding.name}",
        }
        fields = ",".join(f"{k}={_escape_property(str(v))}" for k, v in properties.items() if v is not None)
        message = _escape(f"{finding.message}\n{finding.suggestion}")
        out.write(f"::{LEVELS[finding.severity]} {fields}::{message}\n")


def _escape(data: str) -> str:
    """Workflow-command escaping of the message (as @actions/core does it)."""
    return data.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape(value).replace(":", "%3A").replace(",", "%2C")
