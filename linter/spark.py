"""Whole archives on Apache Spark: `mapInPandas` over a DataFrame of `id` and `text`, the pipeline loaded
once per executor process, results in the public JSON contract's fields.

    from linter.spark import RESULT_SCHEMA, lint_batches
    results = posts.select("id", "text").mapInPandas(lint_batches, RESULT_SCHEMA)

Each output row is one post: `id`, `decision`, and `findings`, `claims` and `error` as JSON text (the
objects `postlint check --format jsonl` prints), so a data team reads them with `from_json` or any JSON
tool; `record` is the whole result as one JSON object, a line of the JSON Lines contract.
`postlint spark INPUT OUTPUT` runs this over files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from linter.config import Config
from linter.engine import get_linter

if TYPE_CHECKING:
    import pandas as pd

RESULT_SCHEMA = "id string, decision string, findings string, claims string, error string, record string"
COLUMNS = ["id", "decision", "findings", "claims", "error", "record"]
CONFIG = Config()  # executors check with the default pack; see `with_config` for a team's own


def lint_batches(batches: Iterator[pd.DataFrame], config: Config = CONFIG) -> Iterator[pd.DataFrame]:
    """For `mapInPandas`: each batch of posts (`id`, `text`) as a batch of results, in the same order."""
    import pandas as pd

    linter = get_linter(config)  # once per executor process: get_linter keeps it
    for batch in batches:
        texts = ["" if t is None else str(t) for t in batch["text"]]
        rows = []
        for post_id, result in zip(batch["id"], linter.lint_many(texts), strict=True):
            data = {"id": None if post_id is None else str(post_id), **result.to_dict()}
            rows.append(
                {
                    "id": data["id"],
                    "decision": data["decision"],
                    "findings": _json(data["findings"]),
                    "claims": _json(data["claims"]),
                    "error": _json(data["error"]) if "error" in data else None,
                    "record": _json(data),
                }
            )
        yield pd.DataFrame(rows, columns=COLUMNS)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def with_config(config: Config):
    """`lint_batches` for a team's config (its pack, thresholds and rules), for `mapInPandas`."""

    def lint(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        return lint_batches(batches, config)

    return lint
