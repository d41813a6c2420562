"""The `postlint` command: check drafts, list and explain the rules, score against a labelled corpus.

Exit codes: 0 when no post reaches --fail-on, 1 when one does, 2 for a usage, input, config or model error,
or a post that could not be checked (inputs that can be read are still checked and reported first).
"""

from __future__ import annotations

import importlib
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from linter import __version__
from linter.config import Config, build_pack, every_rule, load_config, with_selection
from linter.engine import Linter, get_linter
from linter.errors import InputError, PostlintError
from linter.evaluate import read_corpus, score
from linter.inputs import DEFAULT_MAX_BYTES, Post, read_posts
from linter.parallel import lint_parallel
from linter.report import Color, Format, Options, Summary, formatter, plural, visible
from linter.report import json as json_output
from linter.report import text as text_output
from linter.report.statistics import formatter as statistics_formatter
from linter.result import Result
from linter.rewrite import file_change, rewritable, unified_diff, write
from linter.suppressions import suppressed, unknown_rules

OUTPUTS = {"text": text_output, "json": json_output}  # for rules and eval
PARALLEL_FROM_BYTES = 4_000_000  # about 10,000 calendar rows: past this, more processes pay for their start


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
    rich_markup_mode=None,
    help="Stop social-media drafts from exposing what individual users did.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"postlint {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Stop social-media drafts from exposing what individual users did."""


ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Config file (default: the nearest postlint.toml, or pyproject.toml with tool.postlint).",
    ),
]


def _codes(values: list[str] | None) -> list[str] | None:
    """`--select PL1,sensitive --select PL402` -> ["PL1", "sensitive", "PL402"], as ruff reads them."""
    return [code.strip() for value in values for code in value.split(",") if code.strip()] if values else None


@app.command()
def check(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Drafts: .txt, .md, .jsonl or .csv files, folders to search for them, or - for stdin.",
            metavar="PATH...",
            show_default=False,
        ),
    ],
    output: Annotated[
        Format, typer.Option("--format", "-f", help="Output format (concise: one line per finding).")
    ] = "text",
    fail_on: Annotated[
        Literal["warn", "block"] | None,
        typer.Option(
            help="Exit 1 when a post gets this decision or worse (default: from config, else block).",
            show_default=False,
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            help="Run only these rules: ids (PL102), id prefixes (PL1), names or categories; comma-separated "
            "or repeated. ALL selects every rule. Replaces the config's 'select'.",
            show_default=False,
        ),
    ] = None,
    ignore: Annotated[
        list[str] | None,
        typer.Option(help="Do not run these rules (same forms as --select).", show_default=False),
    ] = None,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Print how many findings each rule made, instead of the findings.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print the findings only: no summary.")] = False,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file", "-o", help="Write the report to this file instead of stdout.", show_default=False
        ),
    ] = None,
    color: Annotated[
        Color, typer.Option(help="Colour the text output (auto: on a terminal, unless NO_COLOR is set).")
    ] = "auto",
    config: ConfigOption = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest .txt or .md file (or stdin), and calendar row, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Under each finding, why: the claim and its n, the threshold, the list or model score."
        ),
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Processes to check with (default: all cores for calendars over 4 MB, else 1).",
            show_default=False,
        ),
    ] = None,
    fix: Annotated[
        bool,
        typer.Option("--fix", help="Rewrite .txt and .md drafts with the safe fixes, then report what is left."),
    ] = False,
    unsafe_fixes: Annotated[
        bool,
        typer.Option(
            "--unsafe-fixes",
            help="With --fix or --diff, also the fixes that change what a post says (a sentence dropped, one "
            "user made into a crowd): read the result before posting.",
        ),
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print the fixes as a unified diff instead of the findings; write nothing.")
    ] = False,
) -> None:
    """Lint drafts before they are published. Results print as each post is checked."""
    settings = with_selection(load_config(config), _codes(select), _codes(ignore))
    pack = build_pack(settings)
    summary = Summary(pack, fail_on or settings.fail_on)
    with _opened(output_file) as out:
        kind = statistics_formatter(output) if statistics else formatter(output)
        report = kind(out, pack, Options(explain=explain, quiet=quiet, color=color))
        fixer = Fixer(get_linter(settings), unsafe_fixes, out if diff else None) if fix or diff else None
        items = read_posts(paths, max_bytes, sys.stdin.buffer)
        checked = _checked(items, settings, jobs or _default_jobs(paths), paths)
        for item, result in checked:
            if result is None:
                _error(item)
                summary.errors.append(str(item))
                continue
            if fixer is not None:
                item, result = fixer.fix(item, result)
            summary.add(result)
            if not diff:
                report.post(item, result)
        if not diff:
            report.close(summary)
    if fixer is not None:
        typer.echo(fixer.summary(), err=True)
    if diff:
        raise typer.Exit(2 if summary.errors or summary.unchecked else 1 if fixer.changed else 0)
    raise typer.Exit(2 if summary.errors or summary.unchecked else 1 if summary.failed else 0)


class Fixer:
    """--fix and --diff: each post's fixes applied and checked again; files rewritten or a diff printed."""

    def __init__(self, linter: Linter, unsafe: bool, diff_to: TextIO | None):
        self.linter, self.unsafe, self.diff_to = linter, unsafe, diff_to
        self.changed = 0  # posts with a fix
        self.written: set[str] = set()

    def fix(self, post: Post, result: Result) -> tuple[Post, Result]:
        fixed, after = self.linter.fix(post.text, result, self.unsafe, post.allows)
        if fixed == post.text:
            return post, result
        self.changed += 1
        change = file_change(post, fixed) if rewritable(post) else None
        if self.diff_to is not None:
            name, before, new = (post.path, *change) if change else (post.source, post.text, fixed)
            self.diff_to.write(unified_diff(name, before, new))
            return post, result
        if change is None:  # a calendar row or stdin: reported with its fixes, not rewritten
            return post, result
        write(post, change[1])
        self.written.add(post.path)
        return replace(post, text=fixed, allows=()), after

    def summary(self) -> str:
        if self.diff_to is not None:
            return f"Would fix {plural(self.changed, 'post')}."
        kept = self.changed - len(self.written)
        rows = f" ({kept} in calendar rows or stdin: see --diff)" if kept else ""
        return f"Fixed {plural(len(self.written), 'file')}{rows}."


@contextmanager
def _opened(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as out:
        yield out


def _default_jobs(paths: list[str]) -> int:
    """All cores where a calendar is big enough to pay for starting them (each loads the model), else 1."""
    calendars = [Path(p) for p in paths if Path(p).suffix.lower() in {".csv", ".jsonl"} and Path(p).is_file()]
    return (os.cpu_count() or 1) if sum(p.stat().st_size for p in calendars) >= PARALLEL_FROM_BYTES else 1


def _checked(
    items: Iterable[Post | InputError], settings: Config, jobs: int = 1, paths: Sequence[str] = ()
) -> Iterator[tuple[Post, Result] | tuple[InputError, None]]:
    """Each input in order with its result (None for one that could not be read), as soon as the
    engine's batch holding it is done. Suppressions are checked against the pack, then applied."""
    pending: deque[Post | InputError] = deque()
    known = {rule.id for rule in every_rule(settings)}  # a rule turned off by --ignore may still be allowed

    def texts() -> Iterator[str]:
        for item in items:
            if isinstance(item, Post) and (problem := unknown_rules(item.source, item.allows, known)):
                item = problem
            pending.append(item)
            if isinstance(item, Post):
                yield item.text

    results = lint_parallel(texts(), settings, jobs) if jobs > 1 else get_linter(settings).lint_many(texts())
    with _progress_bar(_input_bytes(paths)) as advance:
        for result in results:
            while isinstance(pending[0], InputError):
                yield pending.popleft(), None
            post = pending.popleft()
            advance(len(post.text.encode("utf-8")))
            yield post, suppressed(result, post.allows)
    while pending:  # inputs after the last post, or no post at all: all could not be read
        yield pending.popleft(), None


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
    results = []
    with _progress_bar(len(texts)) as advance:
        for result in get_linter(settings).lint_many(texts):
            advance(1)
            results.append(result)
    return results


def _input_bytes(paths: Sequence[str]) -> int | None:
    """The size of the files named, for the progress bar's estimate; None where a folder or stdin is read."""
    try:
        return sum(Path(p).stat().st_size for p in paths) if all(Path(p).is_file() for p in paths) else None
    except OSError:
        return None


@contextmanager
def _progress_bar(total: int | None) -> Iterator[Callable[[int], None]]:
    """Posts checked, their rate and (where the total is known: the input's bytes, or its posts) the
    time left, on stderr, only when stderr is a terminal and stdout is not (it would tangle with the
    findings printed there). Each call of the function it yields counts one post of that size."""
    console = Console(stderr=True)
    if not console.is_terminal or sys.stdout.isatty():
        yield lambda _size: None
        return
    columns = [TextColumn("Checking"), BarColumn(), TaskProgressColumn(), TimeRemainingColumn(),
               TextColumn("{task.fields[posts]:,} posts, {task.fields[rate]:,.0f}/s")]  # fmt: skip
    started = time.monotonic()
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("check", total=total, posts=0, rate=0.0)
        posts = 0

        def advance(size: int) -> None:
            nonlocal posts
            posts += 1
            rate = posts / max(time.monotonic() - started, 1e-6)
            bar.update(task, advance=size, posts=posts, rate=rate)

        yield advance


def _error(exc: Exception) -> None:
    message = f"{exc.filename}: {exc.strerror}" if isinstance(exc, OSError) and exc.filename else str(exc)
    typer.echo(f"postlint: error: {visible(message)}", err=True)


# Each surface (HTTP backend, Slack, X) adds its commands with `register(app)`; its heavy imports wait
# inside the commands so that `postlint check` starts fast.
SURFACES: tuple[str, ...] = ("linter.server.cli", "linter.slack.cli", "linter.x.cli", "linter.spark_cli")
for _surface in SURFACES:
    importlib.import_module(_surface).register(app)


if __name__ == "__main__":
    app()
