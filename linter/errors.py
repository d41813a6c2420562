"""Errors a user can act on. Each carries a one-line message; surfaces print it instead of a traceback.

`CHECK_ERRORS` are the coded reasons a single post could not be checked. They become that post's
`Result.error` (decision "not_checked"), never an exception that takes other posts down with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


class PostlintError(Exception):
    """Base class: the message is the whole story, shown to the user as one line."""


class ModelNotFound(PostlintError):
    """The configured spaCy pipeline is not installed (postlint never downloads at run time)."""


class PackError(PostlintError):
    """A rules pack or config file is broken; the message names file, line and field."""


class InputError(PostlintError):
    """A draft file or row could not be read; the message names file and line."""


class MissingExtra(PostlintError):
    """A surface's libraries are not installed: the core install is the engine and the CLI."""


# What each optional extra of the package installs (pyproject.toml), by top-level module.
EXTRAS = {
    "server": {"fastapi", "uvicorn"},
    "slack": {"slack_bolt", "slack_sdk", "uvicorn"},
    "x": {"tweepy", "requests"},
    "spark": {"pyspark", "pandas", "pyarrow"},
}


@contextmanager
def needs_extra(extra: str, command: str) -> Iterator[None]:
    """Around a surface's imports: a library of `extra` that is missing is one line naming the extra."""
    try:
        yield
    except ImportError as exc:
        module = (exc.name or "").split(".")[0]
        if module not in EXTRAS[extra]:
            raise
        raise MissingExtra(
            f"postlint {command} needs the {extra} extra ({module} is not installed): pip install 'postlint[{extra}]'"
        ) from None


CHECK_ERRORS = {
    "E001": "the check failed on this post ({detail}); it was not checked",
    "E002": "the post is {detail} characters once normalised, over the {limit:,} this check reads",
    "E003": "the post is {detail} tokens long, over the {limit:,} this check reads",
    "E004": "the {detail} patterns ran out of time on this post, so it was not fully checked",
    "E005": "only {detail} of this post's words are English, the one language postlint reads; it was not "
    "checked: have someone who reads the post's language check it",
}


@dataclass(frozen=True)
class CheckError:
    """Why one post could not be checked to the end. The message never quotes the draft."""

    code: str
    message: str

    @classmethod
    def of(cls, code: str, detail: object = "", limit: int = 0) -> CheckError:
        return cls(code, CHECK_ERRORS[code].format(detail=detail, limit=limit))

    def __str__(self) -> str:
        return f"{self.code} {self.message}"
