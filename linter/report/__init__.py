"""What `postlint check` found, and the pieces every output format shares: counts and file locations.

Each format is a module here with a `Formatter`: `post` is called as each post's result is ready (text,
concise, jsonl and github print it at once, so a long calendar streams), and `close` once with the run's
`Summary`, which also lists the inputs that could not be read (json and sarif write their one document then).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import import_module
from typing import Literal, TextIO

from rich.console import Console

from linter.inputs import Post
from linter.policy.pack import Pack
from linter.result import DECISIONS, Result, severity_rank

Format = Literal["text", "concise", "json", "jsonl", "sarif", "github"]
Color = Literal["auto", "always", "never"]
LEVELS = {"block": "error", "warn": "warning"}  # severity -> SARIF level and GitHub command


@dataclass
class Summary:
    """Running totals of a check, kept as posts go by (the posts themselves are not kept)."""

    pack: Pack
    fail_on: str
    decisions: Counter[str] = field(default_factory=Counter)
    rules: Counter[str] = field(default_factory=Counter)  # findings that count towards a decision
    errors: list[str] = field(default_factory=list)  # one line for each input that could not be read

    def add(self, result: Result) -> None:
        self.decisions[result.decision] += 1
        self.rules.update(f.rule for f in result.findings if not f.suppressed)

    @property
    def posts(self) -> int:
        return sum(self.decisions.values())

    @property
    def failed(self) -> bool:
        return any(severity_rank(d) >= severity_rank(self.fail_on) for d, n in self.decisions.items() if n)

    @property
    def unchecked(self) -> int:
        """Posts whose check could not run to the end: they count as failed, whatever --fail-on says."""
        return self.decisions["not_checked"]

    def by_rule(self) -> list[tuple[str, str, str, int]]:
        """(id, name, severity, findings) for each rule that fired, most findings first."""
        names = {rule.id: rule for rule in self.pack.rules}
        ranked = sorted(self.rules.items(), key=lambda item: (-item[1], item[0]))
        return [(r, names[r].name, names[r].severity, n) for r, n in ranked]

    def to_dict(self) -> dict[str, object]:
        return {
            "posts": self.posts,
            **{decision: self.decisions[decision] for decision in DECISIONS},
            "errors": len(self.errors),
            "fail_on": self.fail_on,
            "failed": self.failed,
            "rules": dict(sorted(self.rules.items())),
        }


@dataclass(frozen=True)
class Options:
    explain: bool = False  # text: each finding's `because` under it
    quiet: bool = False  # text and concise: findings only, no summary
    color: Color = "auto"


class Formatter:
    """One output format. Subclasses print what they can as it comes and the rest in `close`."""

    def __init__(self, out: TextIO, pack: Pack, options: Options):
        self.out, self.pack, self.options = out, pack, options

    def post(self, post: Post, result: Result) -> None:
        """One post's result, as soon as it is ready."""

    def close(self, summary: Summary) -> None:
        """The end of the run."""


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def formatter(name: Format) -> type[Formatter]:
    return import_module(f"{__name__}.{name}").Formatter


def console(out: TextIO, color: Color = "auto") -> Console:
    """A rich console for `out`. Colour follows --color, then NO_COLOR / FORCE_COLOR, then whether `out` is
    a terminal; without colour no style at all is written (rich's own NO_COLOR keeps bold). Off a
    terminal nothing is wrapped: each line stays whole for grep and editors."""
    env = "never" if os.environ.get("NO_COLOR") else "always" if os.environ.get("FORCE_COLOR") else "auto"
    choice = env if color == "auto" else color
    terminal = out.isatty() if hasattr(out, "isatty") else False
    styled = terminal if choice == "auto" else choice == "always"
    return Console(
        file=out,
        highlight=False,
        force_terminal=styled,
        no_color=False,
        color_system="auto" if styled else None,
        soft_wrap=not terminal,
        width=None if terminal else 10_000,
    )


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
