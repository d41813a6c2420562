"""The `postlint` command: check drafts, list and explain the rules, score against a labelled corpus.

Exit codes: 0 when no post reaches --fail-on, 1 when one does, 2 for a usage, input, config or model error,
or a post that could not be checked (inputs that can be read are still checked and reported first).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.progress import track

from linter.config import Config, build_pack, load_config
from linter.engine import get_linter
from linter.errors import InputError, PostlintError
from linter.evaluate import read_corpus, score
from linter.inputs import DEFAULT_MAX_BYTES, read_posts
from linter.report import Format, Report, renderer, visible
from linter.report import json as json_output
from linter.report import text as text_output
from linter.result import Result

OUTPUTS = {"text": text_output, "json": json_output}  # for rules and eval


class App(typer.Typer):
    """Typer, with errors a user can act on printed as one line and exit 2 instead of a traceback."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except (PostlintError, OSError) as exc:
            _error(exc)
            sys.exit(2)


# Locals in a traceback could hold draft text, and drafts go nowhere but stdout.
app = App(
    name="postlint",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    help="Stop social-media drafts from exposing what individual users did.",
)
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Config file (default: the nearest postlint.toml, or pyproject.toml with tool.postlint).",
    ),
]


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Drafts: .txt, .md, .jsonl or .csv files, folders to search for them, or - for stdin.",
            metavar="PATH",
            show_default=False,
        ),
    ],
    output: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = "text",
    fail_on: Annotated[
        Literal["warn", "block"] | None,
        typer.Option(
            help="Exit 1 when a post gets this decision or worse (default: from config, else block).",
            show_default=False,
        ),
    ] = None,
    config: ConfigOption = None,
    max_bytes: Annotated[int, typer.Option(min=1, help="Largest file (or stdin) to read, in bytes.")] = (
        DEFAULT_MAX_BYTES
    ),
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Under each finding, why: the claim and its n, the threshold, the list or model score."
        ),
    ] = False,
) -> None:
    """Lint drafts before they are published."""
    settings = load_config(config)
    pack = build_pack(settings)
    posts, errors = [], []
    known_rules = {rule.id for rule in pack.rules}
    for item in read_posts(paths, max_bytes, sys.stdin.buffer):
        unknown = sorted(set(item.allow) - known_rules) if not isinstance(item, InputError) and item.allow else []
        if unknown:  # a misspelt id would silently suppress nothing
            item = InputError(f"{item.source}: 'allow' names no rule of the pack: {', '.join(unknown)}")
        if isinstance(item, InputError):
            _error(item)
            errors.append(str(item))
        else:
            posts.append(item)
    results = _lint([post.text for post in posts], settings) if posts else []
    checked = [(p, r.suppress(p.allow, p.reason) if p.allow else r) for p, r in zip(posts, results, strict=True)]
    report = Report(checked, errors, pack, fail_on or settings.fail_on, explain)
    renderer(output)(report, sys.stdout)
    raise typer.Exit(2 if errors or report.unchecked else 1 if report.failed else 0)


@app.command()
def rules(
    output: Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="Output format.")] = "text",
    config: ConfigOption = None,
) -> None:
    """List the rules of the configured pack."""
    OUTPUTS[output].rules(build_pack(load_config(config)), sys.stdout)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, such as PL101.", show_default=False)],
    config: ConfigOption = None,
) -> None:
    """Show what a rule flags, why, and examples."""
    pack = build_pack(load_config(config))
    rule = pack.rule(rule_id)
    if rule is None:
        raise PostlintError(f"no rule '{rule_id}' in pack {pack.name} (list them with: postlint rules)")
    text_output.explain(rule, sys.stdout)


@app.command("eval")
def evaluate(
    corpus: Annotated[Path, typer.Argument(help="A labelled corpus: JSONL with id, text, decision, categories.")],
    output: Annotated[Literal["text", "json"], typer.Option("--format", "-f", help="Output format.")] = "text",
    show_misses: Annotated[
        bool,
        typer.Option(
            "--show-misses",
            help="List the items whose decision or categories differ from the labels.",
        ),
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Score the linter against a labelled corpus (decision accuracy, recall, per-category F1)."""
    settings = load_config(config)
    items = read_corpus(corpus)
    scores = score(items, _lint([item.text for item in items], settings))
    OUTPUTS[output].scores(scores, show_misses, sys.stdout)


def _lint(texts: list[str], settings: Config) -> list[Result]:
    """Results in order, batched by the engine, with a progress bar on stderr only when it is a terminal."""
    console = Console(stderr=True)
    results = get_linter(settings).lint_many(texts)
    return list(
        track(
            results,
            total=len(texts),
            description="Checking",
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
    )


def _error(exc: Exception) -> None:
    message = f"{exc.filename}: {exc.strerror}" if isinstance(exc, OSError) and exc.filename else str(exc)
    typer.echo(f"postlint: error: {visible(message)}", err=True)


# Each surface (HTTP backend, Slack, X) adds its commands with `register(app)`; its heavy imports wait
# inside the commands so that `postlint check` starts fast.
SURFACES: tuple[str, ...] = ("linter.server.cli", "linter.slack.cli", "linter.x.cli")
for _surface in SURFACES:
    importlib.import_module(_surface).register(app)


if __name__ == "__main__":
    app()
