"""Fixed drafts back into their files (`--fix`) or shown as a unified diff (`--diff`).

Only .txt and .md files are rewritten: a post there is the file's tail (a .md body follows its front
matter), so the fixed post replaces it and the rest of the file stays byte for byte. postlint-allow
comments were blanked out for the check; they are kept in the file wherever a fix touches their line.
Calendar rows and stdin are shown in a diff but never rewritten.
"""

from __future__ import annotations

import difflib
from difflib import SequenceMatcher
from pathlib import Path

from linter.inputs import STDIN, Post
from linter.suppressions import from_comments

REWRITABLE = (".txt", ".md")


def rewritable(post: Post) -> bool:
    return not post.row and post.path != STDIN and Path(post.path).suffix.lower() in REWRITABLE


def file_change(post: Post, fixed: str) -> tuple[str, str] | None:
    """The file's text before and after, or None when the file no longer holds the post as read."""
    try:
        before = Path(post.path).read_bytes().decode("utf-8-sig")  # line endings as they are
    except (OSError, UnicodeDecodeError):
        return None
    raw = before[len(before) - len(post.text) :] if post.text else ""
    if not raw or from_comments(post.path, raw, post.line)[0] != post.text:
        return None  # changed on disk since it was read
    return before, before[: len(before) - len(raw)] + _keeping_comments(raw, post.text, fixed)


def _keeping_comments(raw: str, blanked: str, fixed: str) -> str:
    """`fixed` (an edit of `blanked`) carried over to `raw`, whose comments `blanked` had as spaces."""
    pieces = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, blanked, fixed, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(raw[i1:i2])
            continue
        pieces.append("".join(raw[k] for k in range(i1, i2) if raw[k] != blanked[k]))  # a comment stays
        pieces.append(fixed[j1:j2])
    return "".join(pieces)


def unified_diff(name: str, before: str, after: str) -> str:
    """The draft's diff with git's headers: an absolute path loses its leading slash there ("a/tmp/recap.md",
    not "a//tmp/recap.md"), as `git diff --no-index` writes it."""
    path = name.lstrip("/")
    lines = difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{path}", f"b/{path}"
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def write(post: Post, after: str) -> None:
    Path(post.path).write_text(after, encoding="utf-8", newline="")
