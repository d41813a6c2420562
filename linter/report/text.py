"""Output for people: each finding under its line with carets under the words, then a summary.

Also the human forms of `postlint rules`, `explain` and `eval`. Draft text always goes through `Text`,
never markup, so brackets in a post print as typed. Colour follows --color, NO_COLOR and FORCE_COLOR;
off a terminal lines are not wrapped.
"""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from linter import report
from linter.evaluate import Scores
from linter.inputs import Post
from linter.policy.pack import CATEGORIES, Pack, Rule
from linter.report import Options, Summary, line_and_column, plural, region, visible
from linter.report import console as console_for
from linter.result import DECISIONS, SEVERITIES, Finding, Result

STYLES = {"pass": "green", "warn": "yellow", "block": "bold red", "not_checked": "bold magenta"}
INDENT = "    "


class Formatter(report.Formatter):
    """Each post with findings as soon as it is checked: a header, then each finding under its line."""

    def __init__(self, out: TextIO, pack: Pack, options: Options):
        super().__init__(out, pack, options)
        self.console = console_for(out, options.color)

    def post(self, post: Post, result: Result) -> None:
        if result.findings or result.error:
            _post(self.console, post, result, self.options.explain)

    def close(self, summary: Summary) -> None:
        if not self.options.quiet:
            self.console.print(summary_line(summary))
            for rule_id, name, severity, count in summary.by_rule():
                self.console.print(Text.assemble(f"  {count:>5}  ", (f"{rule_id}", STYLES[severity]), f"  {name}"))


def _post(console: Console, post: Post, result: Result, explain: bool) -> None:
    header = Text.assemble((visible(post.source), "bold"), "  ", (result.decision, STYLES[result.decision]))
    if post.row:
        header.append(f"  id {visible(post.id)}", "dim")
    console.print(header)
    if result.error:
        console.print(
            Text.assemble("  ", (f"error {result.error.code}", STYLES["not_checked"]), f"  {result.error.message}")
        )
    for finding in result.findings:
        _finding(console, post, finding, explain)
    console.print()


def _finding(console: Console, post: Post, finding: Finding, explain: bool) -> None:
    style = "dim" if finding.suppressed else STYLES[finding.severity]
    where = region(post, finding.start, finding.end)
    title = Text("  ")
    if where.start_column is not None:
        title.append(f"{where.start_line}:{where.start_column}  ")
    title.append_text(Text.assemble((finding.severity, style), "  ", (f"{finding.rule} {finding.name}", "bold")))
    line, start, end = _snippet(post.text, finding.start, finding.end, console.width - len(INDENT))
    before, words, after = visible(line[:start]), visible(line[start:end]), visible(line[end:])
    console.print(title)
    console.print(Text.assemble(INDENT, before, (words, style), after), soft_wrap=True)
    carets = " " * cell_len(before) + "^" * max(1, cell_len(words))
    console.print(Text.assemble(INDENT, (carets, style)), soft_wrap=True)
    notes = Text.assemble(finding.message, "\n", ("suggestion: " + finding.suggestion, "italic"))
    if finding.suppressed:
        notes.append(f"\nsuppressed: {visible(finding.reason or '')}", "dim")
    if explain and finding.because:
        notes.append("\nbecause: " + visible(because_text(finding.because)), "dim")
    if not console.is_terminal:  # off a terminal, whole lines
        for line in notes.split():
            console.print(Text.assemble(INDENT, line))
        return
    for wrapped in notes.wrap(console, console.width - len(INDENT)):
        wrapped.rstrip()
        console.print(Text.assemble(INDENT, wrapped))


def because_text(because: dict) -> str:
    """ "claim 'To the 53 people' n=53 (exact) under k_block=100", "sentence model: sensitive 0.91 >= 0.7",
    "post model: sensitive 0.88 >= 0.5, block 0.61 >= 0.2"."""
    if "model" in because:
        text = f"{because['model']} model: {because['label']} {because['score']:.2f} >= {because['threshold']}"
        if "decision" in because:
            text += f", {because['decision']} {because['decision_score']:.2f} >= {because['decision_threshold']}"
        return text
    if "lexicon" in because:
        return f"matched the {because['lexicon']} list"
    parts = [
        f"claim {because['claim']!r}",
        f"n={because['n'] if because['n'] is not None else 'unknown'} ({because['n_kind']})",
    ]
    if because.get("n_stated"):
        parts.append(f"as stated: {because['n_stated']!r}")
    for condition, word in (("n_below", "under"), ("n_at_least", "at least")):
        if condition in because:
            parts.append(f"{word} {because[condition]['threshold']}={because[condition]['value']:,}")
    if "detail" in because:
        parts.append(f"detail: {because['detail']}")
    return ", ".join(parts)


def _snippet(text: str, start: int, end: int, width: int) -> tuple[str, int, int]:
    """The line holding the span, cut to `width` cells around it so the carets stay under the words."""
    _, column = line_and_column(text, start)
    line_start = start - column
    line_end = text.find("\n", start)
    line = text[line_start : len(text) if line_end < 0 else line_end].rstrip("\r").replace("\t", " ")
    start, end = column, min(end - line_start, len(line))
    if cell_len(line) <= width:
        return line, start, end
    low = max(0, start - width // 4)
    prefix = "…" if low else ""
    high, cells = low, len(prefix) + 1  # room for a closing ellipsis
    while high < len(line) and cells + cell_len(line[high]) <= width:
        cells += cell_len(line[high])
        high += 1
    suffix = "…" if high < len(line) else ""
    shift = len(prefix) - low
    return prefix + line[low:high] + suffix, start + shift, min(end, high) + shift


def summary_line(summary: Summary) -> Text:
    """ "Checked 9 posts: 4 pass, 1 warn, 4 block." (and the inputs that could not be read), styled."""
    text = Text(f"Checked {plural(summary.posts, 'post')}: ")
    for i, decision in enumerate(DECISIONS):
        count = summary.decisions[decision]
        if decision == "not_checked" and not count:
            continue
        text.append(", " if i else "")
        text.append(f"{count} {decision.replace('_', ' ')}", STYLES[decision] if count else "")
    text.append(".")
    if summary.errors:
        text.append(f" {plural(len(summary.errors), 'input')} could not be read (see above).", "bold red")
    return text


def rules(pack: Pack, out: TextIO) -> None:
    table = Table(title=f"{pack.name} {pack.version}", title_justify="left")
    for column in ("id", "name", "category", "severity"):
        table.add_column(column)
    for rule in pack.rules:
        table.add_row(rule.id, rule.name, rule.category, Text(rule.severity, STYLES[rule.severity]))
    console_for(out).print(table)


def explain(rule: Rule, out: TextIO) -> None:
    console = console_for(out)
    console.print(Text.assemble((f"{rule.id} {rule.name}", "bold"), "  ", (rule.severity, STYLES[rule.severity])))
    console.print(Text(f"category: {rule.category}"))
    for heading, body in (
        ("description", rule.description),
        ("message", rule.message),
        ("suggestion", rule.suggestion),
    ):
        if body:
            console.print(Text(f"\n{heading}:", "bold"))
            console.print(Text(body))
    for kind, examples in rule.examples.items():
        console.print(Text(f"\n{kind} examples:", "bold"))
        for example in examples:
            console.print(Text(f"  - {example}"))


def scores(scores: Scores, show_misses: bool, out: TextIO) -> None:
    figures = scores.figures()
    overall = Table(title=f"{plural(scores.total, 'item')}", title_justify="left", show_header=False)
    for label, key in (
        ("decision accuracy", "decision_accuracy"),
        ("block recall", "block_recall"),
        ("flag recall", "flag_recall"),
        ("false-alarm rate", "false_alarm_rate"),
        ("category macro-F1", "category_macro_f1"),
    ):
        overall.add_row(label, Text(f"{figures[key]:.3f}", justify="right"))
    per_category = Table("category", *(Column(name, justify="right") for name in ("precision", "recall", "F1")))
    for category in CATEGORIES:
        per_category.add_row(category, *(f"{figures[f'{category}_{m}']:.3f}" for m in ("precision", "recall", "f1")))
    confusion = Table("labelled \\ got", *(Column(d.replace("_", " "), justify="right") for d in DECISIONS))
    for want in SEVERITIES:
        confusion.add_row(want, *(str(scores.confusion[want, got]) for got in DECISIONS))
    console = console_for(out)
    console.print(overall, per_category, confusion)
    if show_misses:
        console.print(Text(f"\nmisses ({len(scores.misses)}):", "bold"))
        for id_, want, got, want_categories, got_categories in scores.misses:
            console.print(Text(f"  {id_}: expected {want} {want_categories}, got {got} {got_categories}"))
