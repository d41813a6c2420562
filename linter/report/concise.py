"""One line per finding, `path:line:col: PL102 [block] message`, as compilers and ruff print them."""

from __future__ import annotations

from linter import report
from linter.inputs import Post
from linter.report import Summary, region, visible
from linter.report.text import summary_line
from linter.result import Result


class Formatter(report.Formatter):
    def post(self, post: Post, result: Result) -> None:
        if result.error is not None:
            self.out.write(f"{visible(post.source)}: {result.error.code} [not checked] {result.error.message}\n")
        for finding in result.findings:
            if finding.suppressed:
                continue
            where = region(post, finding.start, finding.end)
            column = f":{where.start_column}" if where.start_column is not None else ""
            place = f"{visible(post.path)}:{where.start_line}{column}"
            self.out.write(f"{place}: {finding.rule} [{finding.severity}] {visible(finding.message)}\n")

    def close(self, summary: Summary) -> None:
        if not self.options.quiet:
            self.out.write(summary_line(summary).plain + "\n")
