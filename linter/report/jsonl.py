"""One JSON object per post: the public, stable contract for scripts and pipelines."""

from __future__ import annotations

import json
from typing import Any, TextIO

from linter.inputs import Post
from linter.report import Report
from linter.result import Result


def post_record(post: Post, result: Result) -> dict[str, Any]:
    """`{"id", "source", "decision", "findings", "claims"}`; finding offsets index the post's text."""
    return {"id": post.id, "source": post.source, **result.to_dict()}


def render(report: Report, out: TextIO) -> None:
    for post, result in report.checked:
        out.write(json.dumps(post_record(post, result), ensure_ascii=False) + "\n")
