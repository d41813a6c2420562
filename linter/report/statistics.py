"""`--statistics`: how many findings each rule made, instead of the findings (as ruff's --statistics)."""

from __future__ import annotations

import json

from linter import report
from linter.report import Format, Summary


class Formatter(report.Formatter):
    """`  12  PL302  [warn]   narrowing-detail`, most findings first."""

    def close(self, summary: Summary) -> None:
        for rule_id, name, severity, count in summary.by_rule():
            self.out.write(f"{count:>5}  {rule_id}  [{severity}]  {name}\n")


class JsonFormatter(report.Formatter):
    def close(self, summary: Summary) -> None:
        rows = [{"rule": r, "name": n, "severity": s, "count": c} for r, n, s, c in summary.by_rule()]
        json.dump(rows, self.out, indent=2)
        self.out.write("\n")


def formatter(output: Format) -> type[report.Formatter]:
    return JsonFormatter if output in {"json", "jsonl"} else Formatter
