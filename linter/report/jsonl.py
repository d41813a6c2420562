"""One JSON object per post: the public, stable contract for scripts and pipelines."""

from __future__ import annotations

import json
from typing import Any

from linter import report
from linter.inputs import Post
from linter.result import Result


def post_record(post: Post, result: Result) -> dict[str, Any]:
    """`{"id", "source", "decision", "findings", "claims"}`; finding offsets index the post's text."""
    return {"id": post.id, "source": post.source, **result.to_dict()}


class Formatter(report.Formatter):
    def post(self, post: Post, result: Result) -> None:
        self.out.write(json.dumps(post_record(post, result), ensure_ascii=False) + "\n")
        self.out.flush()
