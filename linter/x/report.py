"""An audit's report: how many posts pass, warn and block, how many each rule flagged, and links to the
flagged posts; as text for people, CSV (one row per post) for spreadsheets, or JSON for scripts.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from typing import Literal, TextIO

from rich.console import Console
from rich.table import Column, Table
from rich.text import Text

from linter.report.text import STYLES
from linter.result import DECISIONS
from linter.x.checkpoint import Audited, Checkpoint

AuditFormat = Literal["text", "csv", "json"]


def link(user: str, post_id: str) -> str:
    return f"https://x.com/{user}/status/{post_id}"


def _rules(post: Audited) -> list[tuple[str, str, str]]:
    """The rules that flagged a post, once each: (id, name, severity)."""
    return sorted({(f["rule"], f["name"], f["severity"]) for f in post.findings})


def _by_rule(checkpoint: Checkpoint) -> Counter[tuple[str, str, str]]:
    """How many posts each rule flagged."""
    return Counter(rule for post in checkpoint.posts.values() for rule in _rules(post))


def _decisions(checkpoint: Checkpoint) -> dict[str, int]:
    counts = Counter(post.decision for post in checkpoint.posts.values())
    return {decision: counts[decision] for decision in DECISIONS}


def _flagged(checkpoint: Checkpoint) -> list[Audited]:
    return [post for post in checkpoint.posts.values() if post.decision != "pass"]


def render(checkpoint: Checkpoint, output: AuditFormat, out: TextIO) -> None:
    {"text": _text, "csv": _csv, "json": _json}[output](checkpoint, out)


def _text(checkpoint: Checkpoint, out: TextIO) -> None:
    console = Console(file=out, highlight=False)
    console.print(Text(f"@{checkpoint.user}: {len(checkpoint.posts)} posts audited", "bold"))
    decisions = Table("decision", Column("posts", justify="right"))
    for decision, count in _decisions(checkpoint).items():
        decisions.add_row(Text(decision, STYLES[decision]), str(count))
    console.print(decisions)
    by_rule = _by_rule(checkpoint)
    if by_rule:
        table = Table("rule", "name", "severity", Column("posts", justify="right"))
        for (rule, name, severity), count in sorted(by_rule.items()):
            table.add_row(rule, name, Text(severity, STYLES[severity]), str(count))
        console.print(table)
    flagged = _flagged(checkpoint)
    if flagged:
        console.print(Text(f"\nFlagged posts ({len(flagged)}):", "bold"))
    for post in flagged:
        rules = ", ".join(f"{rule} {name}" for rule, name, _ in _rules(post))
        line = Text.assemble(
            "  ", (f"{post.decision:<5}", STYLES[post.decision]), f"  {link(checkpoint.user, post.id)}"
        )
        console.print(line, Text(f"         {rules}"), sep="\n", soft_wrap=True)


def _csv(checkpoint: Checkpoint, out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(["id", "url", "decision", "rules"])
    for post in checkpoint.posts.values():
        rules = " ".join(rule for rule, _, _ in _rules(post))
        writer.writerow([post.id, link(checkpoint.user, post.id), post.decision, rules])


def _json(checkpoint: Checkpoint, out: TextIO) -> None:
    document = {
        "user": checkpoint.user,
        "since": checkpoint.since,
        "complete": checkpoint.complete,
        "summary": {
            "posts": len(checkpoint.posts),
            **_decisions(checkpoint),
            "rules": {rule: count for (rule, _, _), count in sorted(_by_rule(checkpoint).items())},
        },
        "flagged": [
            {"id": p.id, "url": link(checkpoint.user, p.id), "decision": p.decision, "findings": list(p.findings)}
            for p in _flagged(checkpoint)
        ],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
