"""`postlint post` publishes to X only what passes; `postlint audit` finds what an account already posted
that would not.

Exit codes: 0 done, and nothing reached --fail-on; 1 something did (for `post`: nothing was published);
2 a usage, input, config or credentials error; 3 the X API failed (the message says what went out, or
where the audit's checkpoint is); 130 an audit interrupted. tweepy and the model load inside the commands.
"""

from __future__ import annotations

import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn

import typer

from linter.errors import PostlintError, needs_extra
from linter.inputs import Post

if TYPE_CHECKING:
    from linter.x.checkpoint import Checkpoint

API_FAILED = 3
INTERRUPTED = 130
MOST = 3200  # X serves an account's most recent 3,200 posts, no more
HANDLE = re.compile(r"@?([A-Za-z0-9_]{1,15})")

ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", help="Config file (default: the nearest postlint.toml, or pyproject.toml with tool.postlint)."
    ),
]
FailOnOption = Annotated[
    Literal["warn", "block"] | None,
    typer.Option(
        help="Exit 1 when a post gets this decision or worse (default: from config, else block).", show_default=False
    ),
]


def register(app: typer.Typer) -> None:
    group = typer.Typer(name="x", help="Post to X through the linter; audit an account's posts.", no_args_is_help=True)
    group.command()(post)
    group.command()(audit)
    app.add_typer(group)
    # The names before 0.2, kept for one release.
    app.command("post", hidden=True, deprecated=True)(post)
    app.command("audit", hidden=True, deprecated=True)(audit)


def post(
    file: Annotated[
        str,
        typer.Argument(
            help="A .txt draft, or a .md draft whose posts are separated by lines of '---' (a thread); - for stdin.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    fail_on: FailOnOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and show what would be sent; send nothing.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Lint a draft, then publish it to X (a thread, post by post) only if every post passes --fail-on."""
    from linter.config import load_config
    from linter.report import Options
    from linter.report.text import Formatter
    from linter.result import severity_rank

    with needs_extra("x", "x post"):
        from linter.x import posting
        from linter.x.client import XApiError, make_client
    from linter.x.settings import load_settings, posting_auth

    settings = load_config(config)
    x = load_settings(settings.source)
    posts = posting.read_thread(file)
    posting.refuse_long(posts)
    auth = None if dry_run else posting_auth(x)  # missing credentials show before the model loads
    results, summary = posting.check(posts, settings, fail_on or settings.fail_on)
    text = Formatter(sys.stdout, summary.pack, Options())
    for post, result in zip(posts, results, strict=True):
        text.post(post, result)
    text.close(summary)
    if summary.failed:
        threshold = severity_rank(summary.fail_on)
        stopped = [str(n) for n, r in enumerate(results, 1) if severity_rank(r.decision) >= threshold]
        which = f"post {', '.join(stopped)} of {len(posts)}" if len(posts) > 1 else "the post"
        _say(f"Not posted: {which} reached --fail-on {summary.fail_on}; nothing was sent to X.")
        raise typer.Exit(1)
    if auth is None:
        _dry_run(posts)
        return
    try:
        posting.publish(make_client(x, auth), posts, auth.user_auth, typer.echo)
    except XApiError as exc:
        _fail(exc, API_FAILED)


def _dry_run(posts: list[Post]) -> None:
    from linter.x.length import weighted_length
    from linter.x.posting import outgoing

    typer.echo(f"Dry run, nothing was sent. This would go out as {len(posts)} post{'s' * (len(posts) > 1)}:")
    for number, post in enumerate(posts, 1):
        reply = f", replying to {number - 1}/{len(posts)}" if number > 1 else ""
        text = outgoing(post)
        typer.echo(f"\n{number}/{len(posts)} ({weighted_length(text)} characters{reply})")
        for line in text.splitlines():
            typer.echo(f"  {line}")


def audit(
    user: Annotated[str, typer.Option("--user", help="The account's handle, with or without @.", show_default=False)],
    since: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"],
            help="Only posts from this date or time (UTC) on.",
            show_default=False,
        ),
    ] = None,
    max_posts: Annotated[
        int | None,
        typer.Option(
            "--max", min=1, max=MOST, help=f"Audit at most this many of the most recent posts (default: {MOST})."
        ),
    ] = None,
    output: Annotated[Literal["text", "csv", "json"], typer.Option("--format", "-f", help="Output format.")] = "text",
    fail_on: FailOnOption = None,
    checkpoint: Annotated[
        Path | None,
        typer.Option(
            help="Where progress is saved (default: .postlint-audit-HANDLE.json in this folder).", show_default=False
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue an interrupted audit from its checkpoint (same --user).")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Audit an account's posts: a summary by decision and rule, and links to the posts that would fail."""
    from linter.config import load_config
    from linter.result import severity_rank

    with needs_extra("x", "x audit"):
        from linter.x.audit import audit as run
        from linter.x.client import API_ERRORS, explain, make_client
    from linter.x.display import Display
    from linter.x.report import render
    from linter.x.settings import load_settings, reading_auth

    settings = load_config(config)
    x = load_settings(settings.source)
    state = _checkpoint(user, since, max_posts, checkpoint, resume)
    before = len(state.posts)
    if not state.complete:
        auth = reading_auth(x)
        try:
            with Display() as display:
                run(make_client(x, auth), auth.user_auth, state, settings, display)
        except (*API_ERRORS, KeyboardInterrupt) as exc:
            interrupted = isinstance(exc, KeyboardInterrupt)
            stopped = "was interrupted" if interrupted else f"stopped: {explain(exc)}"
            if state.posts:
                saved = f"{len(state.posts)} posts checked so far are saved in {state.path}; run it again with --resume"
            else:
                saved = "no post was checked; run it again"
            _fail(f"audit of @{state.user} {stopped}. {saved}.", INTERRUPTED if interrupted else API_FAILED)
    _say(f"Linted {len(state.posts) - before} posts now" + (f"; {before} came from {state.path}." if before else "."))
    render(state, output, sys.stdout)
    threshold = severity_rank(fail_on or settings.fail_on)
    raise typer.Exit(int(any(severity_rank(p.decision) >= threshold for p in state.posts.values())))


def _checkpoint(user: str, since: datetime | None, limit: int | None, path: Path | None, resume: bool) -> Checkpoint:
    """A new audit's checkpoint, or the one to resume, which must be of the same account and bounds."""
    from linter.x.checkpoint import Checkpoint

    match = HANDLE.fullmatch(user)
    if match is None:
        raise PostlintError(f"'{user}' is not an X handle (letters, digits and _, at most 15)")
    handle = match.group(1)
    path = path or Path(f".postlint-audit-{handle.lower()}.json")
    start = since.replace(tzinfo=since.tzinfo or UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if since else None
    if not resume:
        return Checkpoint(path, handle, start, limit or MOST)
    state = Checkpoint.resume(path, handle)
    if (start or state.since) != state.since or (limit or state.limit) != state.limit:
        started = f"--max {state.limit}" + (f" --since {state.since}" if state.since else " and no --since")
        raise PostlintError(f"{path}: this audit was started with {started}; resume it with the same, or neither")
    return state


def _say(message: str) -> None:
    typer.echo(message, err=True)


def _fail(message: object, code: int) -> NoReturn:
    _say(f"postlint: error: {message}")
    raise typer.Exit(code)
