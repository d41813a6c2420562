"""What `postlint check` found, and the pieces every output format shares: counts and file locations.

Each format is a module here with `render(report, out)`; `renderer(name)` picks one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Literal, TextIO

from linter.inputs import Post
from linter.policy.pack import Pack
from linter.result import DECISIONS, Result, severity_rank

Format = Literal["text", "json", "jsonl", "sarif", "github"]
LEVELS = {"block": "error", "warn": "warning"}  # severity -> SARIF level and GitHub command


@dataclass(frozen=True)
class Report:
    checked: list[tuple[Post, Result]]
    errors: list[str]  # one line for each input that could not be read
    pack: Pack
    fail_on: str
    explain: bool = False  # text output: each finding's `because` under it

    @property
    def failed(self) -> bool:
        return any(severity_rank(r.decision) >= severity_rank(self.fail_on) for _, r in self.checked)

    @property
    def unchecked(self) -> list[tuple[Post, Result]]:
        """Posts whose check could not run to the end: an error, like an unreadable input."""
        return [(post, result) for post, result in self.checked if result.error is not None]

    def summary(self) -> dict[str, int | str | bool]:
        counts = {decision: 0 for decision in DECISIONS}
        for _, result in self.checked:
            counts[result.decision] += 1
        return {
            "posts": len(self.checked),
            **counts,
            "errors": len(self.errors),
            "fail_on": self.fail_on,
            "failed": self.failed,
        }


@dataclass(frozen=True)
class Region:
    """1-based lines and columns in the file; the end column is exclusive (SARIF's convention)."""

    start_line: int
    end_line: int
    start_column: int | None = None  # None for calendar rows: only the row's line is known
    end_column: int | None = None


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """0-based line and column (in code points) of an offset into `text`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset), offset - line_start


def region(post: Post, start: int, end: int) -> Region:
    """Where a span of a post sits in its file; a .md body begins on the line after the front matter."""
    if post.row:
        return Region(post.line, post.line)
    (first, first_col), (last, last_col) = line_and_column(post.text, start), line_and_column(post.text, end)
    return Region(post.line + first, post.line + last, first_col + 1, last_col + 1)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text safe to print on a terminal: control characters (escape sequences, bidi overrides) shown as
    escapes such as \\x1b, so a draft or a file name cannot rewrite the screen."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def spreadsheet_safe(value: object) -> object:
    """A CSV cell that a spreadsheet shows as text: one that would start a formula ("=HYPERLINK(…)",
    "+1", "@SUM") gets a leading apostrophe, as OWASP advises for CSV exports."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def renderer(name: Format) -> Callable[[Report, TextIO], None]:
    return import_module(f"{__name__}.{name}").render
