"""The Spark path end to end: `postlint spark` in Spark's real local mode (a JVM, Python workers) over a
few hundred labelled drafts from every corpus batch, every result equal to `lint_many`'s.

Spark needs a Java runtime (`make test` installs Debian's where it is missing) and the spark extra.
Outside CI the test skips, saying so, when either is missing; with CI=true it fails instead.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import linter

ROOT = Path(__file__).resolve().parents[1]
POSTS = 600


@pytest.fixture(scope="module")
def spark_ready() -> None:
    missing = [] if shutil.which("java") else ["a Java runtime (apt-get install default-jre-headless)"]
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append("pyspark (pip install 'postlint[spark]')")
    if missing:
        reason = "Spark cannot run here: no " + " and no ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run the Spark test")
        pytest.skip(reason)


def drafts() -> list[dict[str, str]]:
    """Labelled drafts of every kind: the first few of each corpus batch (ids are unique across batches)."""
    rows = []
    for path in sorted((ROOT / "corpora" / "batches").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:4] if line.strip()]
    return [{"id": r["id"], "text": r["text"]} for r in rows[:POSTS]]


def spark(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "linter.cli", "spark", *args, "--master", "local[2]"]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_an_archive_on_spark_gives_lint_manys_results(spark_ready, tmp_path):
    posts = drafts()
    assert len(posts) == POSTS
    (tmp_path / "posts.jsonl").write_text("".join(json.dumps(p) + "\n" for p in posts), encoding="utf-8")
    with (tmp_path / "posts.csv").open("w", newline="", encoding="utf-8") as out:  # quoted line breaks and all
        writer = csv.DictWriter(out, ["id", "text"])
        writer.writeheader()
        writer.writerows(posts)
    expected = {
        p["id"]: {"id": p["id"], **r.to_dict()}
        for p, r in zip(posts, linter.lint_many([p["text"] for p in posts]), strict=True)
    }

    done = spark("posts.jsonl", "out-jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    got = [json.loads(line) for part in sorted((tmp_path / "out-jsonl").glob("part-*")) for line in part.open()]
    assert len(got) == POSTS
    assert {r["id"]: r for r in got} == expected  # every result, field for field

    done = spark("posts.csv", "out-parquet", "--format", "parquet", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    import pandas as pd

    table = pd.read_parquet(tmp_path / "out-parquet")
    assert len(table) == POSTS
    for row in table.itertuples():
        want = expected[row.id]
        assert row.decision == want["decision"] and json.loads(row.findings) == want["findings"]
        assert json.loads(row.claims) == want["claims"]


def test_spark_input_errors_are_one_line(spark_ready, tmp_path):
    (tmp_path / "no-id.jsonl").write_text(json.dumps({"text": "Our menu lands Friday."}) + "\n", encoding="utf-8")
    (tmp_path / "taken").mkdir()
    (tmp_path / "notes.txt").write_text("Our menu lands Friday.", encoding="utf-8")
    for args, message in (
        (["no-id.jsonl", "out"], "no-id.jsonl: no id column (columns: text)"),
        (["no-id.jsonl", "taken"], "taken: already exists (Spark writes a new folder)"),
        (["missing.jsonl", "out"], "missing.jsonl: cannot read: No such file or directory"),
        (["notes.txt", "out"], "notes.txt: not a .jsonl, .csv or Parquet file or folder"),
    ):
        done = spark(*args, cwd=tmp_path)
        assert done.returncode == 2
        assert done.stderr.strip().splitlines()[-1] == f"postlint: error: {message}"
        assert "Traceback" not in done.stderr
