"""One JSON document: every post (as in the jsonl format), the inputs that failed, and a summary.

Also the JSON forms of `postlint rules` and `postlint eval`.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from linter import __version__, report
from linter.evaluate import Scores
from linter.inputs import Post
from linter.policy.pack import Pack
from linter.report import Summary
from linter.report.jsonl import post_record
from linter.result import Result


class Formatter(report.Formatter):
    """The whole run as one document, written at the end (use jsonl to stream)."""

    def __init__(self, out: TextIO, pack: Pack, options: report.Options):
        super().__init__(out, pack, options)
        self.records: list[dict[str, Any]] = []

    def post(self, post: Post, result: Result) -> None:
        self.records.append(post_record(post, result))

    def close(self, summary: Summary) -> None:
        _dump(
            {
                "tool": {"name": "postlint", "version": __version__, "pack": _pack(self.pack)},
                "posts": self.records,
                "errors": summary.errors,
                "summary": summary.to_dict(),
            },
            self.out,
        )


def rules(pack: Pack, out: TextIO) -> None:
    _dump(
        {
            "pack": _pack(pack),
            "rules": [
                {
                    "id": r.id,
                    "name": r.name,
                    "category": r.category,
                    "severity": r.severity,
                    "message": r.message,
                    "suggestion": r.suggestion,
                    "description": r.description,
                    "examples": r.examples,
                }
                for r in pack.rules
            ],
        },
        out,
    )


def scores(scores: Scores, show_misses: bool, out: TextIO) -> None:
    document: dict[str, Any] = {
        "items": scores.total,
        "figures": scores.figures(),
        "confusion": [
            {"labelled": want, "got": got, "drafts": n} for (want, got), n in sorted(scores.confusion.items())
        ],
    }
    if show_misses:
        document["misses"] = [
            {"id": id_, "expected": want, "got": got, "expected_categories": want_c, "got_categories": got_c}
            for id_, want, got, want_c, got_c in scores.misses
        ]
    _dump(document, out)


def _pack(pack: Pack) -> dict[str, str]:
    return {"name": pack.name, "version": pack.version}


def _dump(document: dict[str, Any], out: TextIO) -> None:
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
