"""`postlint post`: a draft becomes one post or a thread, every post is checked, then all are published.

A `.md` draft is a thread when its body (after any front matter) has lines holding only `---`; each
post then replies to the one before. Nothing is sent unless every post is within X's length limit and
passes the lint, and a failure part-way says exactly which posts went out.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import tweepy

from linter.config import Config, build_pack, every_rule
from linter.engine import get_linter
from linter.errors import InputError
from linter.inputs import DEFAULT_MAX_BYTES, Post, read_posts
from linter.report import Summary
from linter.result import Result
from linter.suppressions import Allow, suppressed, unknown_rules
from linter.x.client import API_ERRORS, XApiError, explain, uncertain
from linter.x.length import LIMIT, weighted_length

SEPARATOR = re.compile(r"^---[ \t]*\r?$", re.M)
BLANKED_LINE = re.compile(r"^[ \t]+\r?\n", re.M)
DRAFTS = (".txt", ".md")


def link(post_id: str) -> str:
    return f"https://x.com/i/status/{post_id}"


def read_thread(file: str) -> list[Post]:
    """The posts of a draft file (or `-` for stdin), in order; an unreadable draft is an `InputError`."""
    if file != "-" and (Path(file).is_dir() or Path(file).suffix.lower() not in DRAFTS):
        raise InputError(f"{file}: post takes one .txt draft or a .md draft or thread (or - for stdin)")
    (item,) = read_posts([file], DEFAULT_MAX_BYTES, sys.stdin.buffer)
    if isinstance(item, InputError):
        raise item
    if not item.path.lower().endswith(".md"):
        return [_part(item, 0, len(item.text), 1)]
    bounds = [0, *(i for m in SEPARATOR.finditer(item.text) for i in (m.start(), m.end())), len(item.text)]
    return [_part(item, start, end, n) for n, (start, end) in enumerate(zip(bounds[::2], bounds[1::2], strict=True), 1)]


def _part(draft: Post, start: int, end: int, number: int) -> Post:
    """One post of a draft, trimmed, starting on its own line of the file so findings point there."""
    segment = draft.text[start:end]
    start += len(segment) - len(segment.lstrip())
    line = draft.line + draft.text.count("\n", 0, start)
    if not segment.strip():
        raise InputError(f"{draft.path}:{line}: post {number} of the thread is empty")
    text = segment.strip()
    allows = tuple(_shifted(a, start, start + len(text)) for a in draft.allows)
    return replace(draft, id=f"{draft.path}#{number}", line=line, text=text, allows=tuple(a for a in allows if a))


def _shifted(allow: Allow, start: int, end: int) -> Allow | None:
    """A draft's allowance as it applies to the part [start, end): whole-draft ones to every part."""
    if allow.start is None:
        return allow
    if allow.end <= start or allow.start >= end:
        return None
    return replace(allow, start=max(allow.start, start) - start, end=min(allow.end, end) - start)


def outgoing(post: Post) -> str:
    """The text that goes to X: without the lines a postlint-allow comment took (blanked when read)."""
    return BLANKED_LINE.sub("", post.text).strip()


def refuse_long(posts: list[Post]) -> None:
    for number, post in enumerate(posts, 1):
        length = weighted_length(outgoing(post))
        if length > LIMIT:
            which = f"post {number} of {len(posts)}" if len(posts) > 1 else "the post"
            raise InputError(
                f"{post.path}:{post.line}: {which} is {length} characters as X counts them; the limit is {LIMIT}"
            )


def check(posts: list[Post], config: Config, fail_on: str) -> tuple[list[Result], Summary]:
    """Lint every post, with the draft's suppressions applied."""
    allows = tuple(a for post in posts for a in post.allows)
    if problem := unknown_rules(posts[0].path, allows, {r.id for r in every_rule(config)}):
        raise problem  # a misspelt id would silently suppress nothing
    summary = Summary(build_pack(config), fail_on)
    results = [
        suppressed(r, p.allows)
        for p, r in zip(posts, get_linter(config).lint_many([p.text for p in posts]), strict=True)
    ]
    for result in results:
        summary.add(result)
    return results, summary


def publish(client: tweepy.Client, posts: list[Post], user_auth: bool, echo: Callable[[str], None]) -> None:
    """Post each in turn, each replying to the one before, and echo each one's link as it goes out."""
    published: list[str] = []
    for number, post in enumerate(posts, 1):
        reply_to = published[-1] if published else None
        try:
            response = client.create_tweet(text=outgoing(post), in_reply_to_tweet_id=reply_to, user_auth=user_auth)
        except API_ERRORS as exc:
            raise XApiError(_failure(exc, number, len(posts), published)) from None
        published.append(str(response.data["id"]))
        echo(f"Posted {number}/{len(posts)}: {link(published[-1])}")


def _failure(exc: Exception, number: int, total: int, published: list[str]) -> str:
    """Which posts went out (with links), which may have, and which did not."""
    thread = total > 1
    parts = [f"{f'post {number} of {total}' if thread else 'posting'} failed: {explain(exc)}."]
    if published:
        parts.append("Published: " + ", ".join(f"{n} ({link(i)})" for n, i in enumerate(published, 1)) + ".")
    maybe = uncertain(exc)
    if maybe:
        parts.append(f"{f'Post {number}' if thread else 'It'} may have gone out anyway: check before retrying.")
    rest = [str(n) for n in range(number + maybe, total + 1)]
    if rest:
        parts.append(f"Not published: {', '.join(rest)}." if thread else "Nothing was published.")
    return " ".join(parts)
