"""`postlint spark INPUT OUTPUT`: an archive checked on Spark (local cores, or a cluster's master URL)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from linter.errors import InputError, PostlintError, needs_extra

READERS = {".jsonl": "json", ".json": "json", ".csv": "csv", ".parquet": "parquet"}


def spark(
    source: Annotated[str, typer.Argument(help="Posts with id and text: .jsonl, .csv or Parquet (a file or folder).")],
    output: Annotated[str, typer.Argument(help="A folder to create: JSON Lines part files, or Parquet.")],
    master: Annotated[str, typer.Option(help="Spark master: local[N] on this machine, or a cluster's URL.")] = (
        "local[*]"
    ),
    output_format: Annotated[
        Literal["jsonl", "parquet"], typer.Option("--format", "-f", help="jsonl: one result object a line.")
    ] = "jsonl",
    config: Annotated[Path | None, typer.Option("--config", help="Config file (default: the nearest one).")] = None,
) -> None:
    """Check an archive of posts on Apache Spark; results as the JSON contract's rows."""
    with needs_extra("spark", "spark"):
        from pyspark.sql import SparkSession

    from linter.config import load_config
    from linter.spark import RESULT_SCHEMA, with_config

    if not Path(source).exists():
        raise InputError(f"{source}: cannot read: No such file or directory")
    kind = READERS.get(Path(source).suffix.lower(), "parquet" if Path(source).is_dir() else None)
    if kind is None:
        raise InputError(f"{source}: not a .jsonl, .csv or Parquet file or folder")
    if Path(output).exists():
        raise InputError(f"{output}: already exists (Spark writes a new folder)")
    settings = load_config(config)
    if master.startswith("local"):  # executors here run this Python, which has postlint installed
        os.environ["PYSPARK_PYTHON"] = sys.executable
    session = SparkSession.builder.master(master).appName("postlint").getOrCreate()
    session.sparkContext.setLogLevel("OFF")  # task failures are reported below, in one line
    try:
        reader = session.read
        if kind == "csv":  # a header row, and quoted fields that hold line breaks, as `postlint check` reads them
            reader = reader.option("header", True).option("multiLine", True).option("escape", '"')
        posts = getattr(reader, kind)(source)
        missing = {"id", "text"} - set(posts.columns)
        if missing:
            raise InputError(f"{source}: no {', '.join(sorted(missing))} column (columns: {', '.join(posts.columns)})")
        results = posts.select(posts["id"].cast("string"), posts["text"].cast("string")).mapInPandas(
            with_config(settings), RESULT_SCHEMA
        )
        if output_format == "parquet":
            results.drop("record").write.parquet(output)
        else:
            results.select("record").write.text(output)
    except PostlintError:
        raise
    except Exception as exc:  # noqa: BLE001 - Spark's errors quote whole stack traces (and could quote rows)
        raise PostlintError(f"the Spark job failed ({type(exc).__name__}); nothing was written to {output}") from None
    finally:
        session.stop()
    typer.echo(f"Wrote {output} ({output_format}).", err=True)


def register(app: typer.Typer) -> None:
    app.command()(spark)
