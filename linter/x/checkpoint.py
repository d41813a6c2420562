"""An audit's progress on disk, saved after every page so an interrupted audit resumes where it stopped.

It holds the account, the audit's bounds, the pagination token of the next page, and for each post its
id and result: the decision and each finding's rule, name, severity and span. Never the posts' text,
and never a credential.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from linter.errors import PostlintError
from linter.result import Result

VERSION = 1


@dataclass(frozen=True)
class Audited:
    """One post's result, without its text."""

    id: str
    decision: str
    findings: tuple[dict[str, Any], ...] = ()

    @classmethod
    def of(cls, post_id: str, result: Result) -> Audited:
        keep = ("rule", "name", "severity", "start", "end")
        findings = tuple({key: getattr(f, key) for key in keep} for f in result.findings)
        return cls(post_id, result.decision, findings)


@dataclass
class Checkpoint:
    path: Path
    user: str
    since: str | None  # ISO 8601, UTC
    limit: int
    next_token: str | None = None
    complete: bool = False
    posts: dict[str, Audited] = field(default_factory=dict)  # in the order audited, newest first

    @classmethod
    def resume(cls, path: Path, user: str) -> Checkpoint:
        """The checkpoint of an interrupted audit of `user`; its bounds (--since, --max) still apply."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.pop("version") != VERSION:
                raise ValueError
            posts = {p["id"]: Audited(p["id"], p["decision"], tuple(p["findings"])) for p in data.pop("posts")}
            checkpoint = cls(path=path, posts=posts, **data)
        except FileNotFoundError:
            raise PostlintError(f"{path}: no checkpoint to resume (run the audit without --resume)") from None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not a postlint audit checkpoint"
            raise PostlintError(f"{path}: cannot resume: {reason}") from None
        if checkpoint.user.lower() != user.lower():
            raise PostlintError(f"{path}: this checkpoint is an audit of @{checkpoint.user}, not @{user}")
        return checkpoint

    @property
    def remaining(self) -> int:
        return self.limit - len(self.posts)

    def record(self, post_id: str, result: Result) -> None:
        self.posts[post_id] = Audited.of(post_id, result)

    def save(self) -> None:
        """Write to a temporary file and rename it over the old one, so a crash never leaves half a file."""
        data = {key: value for key, value in asdict(self).items() if key not in ("path", "posts")}
        document = {"version": VERSION, **data, "posts": [asdict(post) for post in self.posts.values()]}
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
        os.replace(temporary, self.path)
