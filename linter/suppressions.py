"""Suppressions a team writes into its drafts: which rules, why, and over which words.

- A whole post: `postlint: {allow: [PL302], reason: "..."}` in a .md file's front matter, or the `allow`
  and `reason` fields of a .csv or .jsonl row.
- A line or a block, in .md and .txt files, with comments that do not show when the post renders:

      <!-- postlint-allow PL302: the venue is public and the event was ticketed -->
      the line after the comment

      <!-- postlint-allow-begin PL101 PL402: quoted with the customer's written permission -->
      lines ...
      <!-- postlint-allow-end -->

A reason is required, and a rule id the pack does not have is an error, not a silent no-op. Suppressed
findings stay in the output (JSON: `"suppressed": true` and the reason); they no longer decide the post.
The comments themselves are blanked out before the check (same length, so offsets hold): their words
are the team's note, not the post.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from linter.errors import InputError
from linter.fixes import Edit, moved
from linter.result import Result

COMMENT = re.compile(
    r"<!--[ \t]*postlint-allow(?P<kind>-begin|-end)?\b(?P<body>.*?)-->",
    re.S,
)
_BODY = re.compile(r"\s*(?P<ids>[^:]*?)\s*(?::\s*(?P<reason>.*?))?\s*$", re.S)


@dataclass(frozen=True)
class Allow:
    """Findings of `rules` are suppressed with `reason`: all of them, or those touching [start, end)."""

    rules: frozenset[str]
    reason: str
    start: int | None = None
    end: int | None = None

    def covers(self, rule: str, start: int, end: int) -> bool:
        if rule not in self.rules:
            return False
        return self.start is None or (start < self.end and end > self.start) or start == end == self.start

    def moved(self, edits: list[Edit]) -> Allow:
        """The allowance over the same words after a fix's edits."""
        if self.start is None:
            return self
        return replace(self, start=moved(self.start, edits), end=moved(self.end, edits))


def rule_ids(where: str, ids: object, reason: object) -> Allow | None:
    """An allowance from front matter or a row: ids as "PL101", "PL101 PL402" or a list; reason required."""
    parts = re.split(r"[,\s]+", ids.strip()) if isinstance(ids, str) else ids
    if not parts or parts == [""]:
        return None
    if not isinstance(parts, list) or not all(isinstance(i, str) and i.strip() for i in parts):
        raise InputError(f"{where}: 'allow' must be a rule id or a list of rule ids")
    if not isinstance(reason, str) or not reason.strip():
        raise InputError(f"{where}: allowing {', '.join(parts)} needs a 'reason' saying why the post is fine")
    return Allow(frozenset(i.strip() for i in parts), reason.strip())


def from_comments(path: str, text: str, first_line: int = 1) -> tuple[str, tuple[Allow, ...]]:
    """The text with its postlint-allow comments blanked out, and the allowances they make."""
    allows: list[Allow] = []
    open_block: tuple[Allow, int] | None = None  # an allowance waiting for its -end, and its line
    for match in COMMENT.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        kind = match["kind"]
        if kind == "-end":
            if open_block is None:
                raise InputError(f"{path}:{line}: postlint-allow-end without a postlint-allow-begin")
            allows.append(Allow(open_block[0].rules, open_block[0].reason, open_block[0].start, match.start()))
            open_block = None
            continue
        if open_block is not None:
            raise InputError(f"{path}:{open_block[1]}: postlint-allow-begin is not closed before line {line}")
        body = _BODY.match(match["body"])
        ids = body["ids"].replace(",", " ").split() if body else []
        reason = (body["reason"] or "").strip() if body else ""
        if not ids or not all(re.fullmatch(r"[A-Za-z]\w*", i) for i in ids):
            raise InputError(
                f"{path}:{line}: postlint-allow needs rule ids, as in <!-- postlint-allow PL302: reason -->"
            )
        if not reason:
            raise InputError(f"{path}:{line}: postlint-allow {' '.join(ids)} needs a reason after a colon")
        if kind == "-begin":
            open_block = (Allow(frozenset(ids), reason, match.end()), line)
        else:
            allows.append(Allow(frozenset(ids), reason, *_next_line(text, match.end())))
    if open_block is not None:
        raise InputError(f"{path}:{open_block[1]}: postlint-allow-begin is never closed by postlint-allow-end")
    return _blanked(text), tuple(allows)


def _next_line(text: str, after: int) -> tuple[int, int]:
    """The next line with words after a comment: the rest of the comment's own line if it has any."""
    end_of_line = text.find("\n", after)
    end_of_line = len(text) if end_of_line < 0 else end_of_line
    if text[after:end_of_line].strip():
        return after, end_of_line
    start = end_of_line
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    return start, len(text) if end < 0 else end


def _blanked(text: str) -> str:
    return COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def unknown_rules(where: str, allows: tuple[Allow, ...], known: set[str]) -> InputError | None:
    """The error for rule ids an allowance names that the pack does not have: a typo would suppress nothing."""
    unknown = sorted({rule for allow in allows for rule in allow.rules} - known)
    return InputError(f"{where}: 'allow' names no rule of the pack: {', '.join(unknown)}") if unknown else None


def suppressed(result: Result, allows: tuple[Allow, ...]) -> Result:
    """The result with every finding an allowance covers marked suppressed, with its reason."""
    for allow in allows:
        result = result.suppress(lambda f, a=allow: a.covers(f.rule, f.start, f.end), allow.reason)
    return result
