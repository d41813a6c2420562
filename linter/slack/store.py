"""The bot's SQLite file: the audit log of approvals, and which bot reply answers which channel message.

No draft text is stored. An approval is kept as the sha256 of the draft, its decision and rule ids, where it
was posted, and who approved it, when and why; the file is readable by its owner only. An approval is
recorded once per Slack view, so a replayed submission cannot add a second one. A connection is opened
per operation: listeners run on several threads, and a file that became unwritable is reported on the
next write instead of being hidden.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from linter.errors import PostlintError

SCHEMA = """
CREATE TABLE IF NOT EXISTS approvals (
    id INTEGER PRIMARY KEY,
    approved_at TEXT NOT NULL,
    approver TEXT NOT NULL,
    reason TEXT NOT NULL,
    channel TEXT NOT NULL,
    message_ts TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    decision TEXT NOT NULL,
    rules TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS replies (
    channel TEXT NOT NULL,
    message_ts TEXT NOT NULL,
    reply_ts TEXT NOT NULL,
    PRIMARY KEY (channel, message_ts)
);
"""


COLUMNS = ("id", "approved_at", "approver", "reason", "channel", "message_ts", "text_sha256", "decision", "rules")


class StoreError(PostlintError):
    """The SQLite file could not be read or written; the message says which file and why."""


@dataclass(frozen=True)
class Approval:
    approver: str
    reason: str
    channel: str
    message_ts: str  # empty for a draft checked with the slash command, which is not a message
    text_sha256: str
    decision: str
    rules: tuple[str, ...]
    approved_at: str = ""
    id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {**asdict(self), "rules": list(self.rules)}
        return {column: data[column] for column in COLUMNS}


class Store:
    def __init__(self, path: Path, create: bool = True):
        """Open (and with `create`, make) the file now, so a bad path fails at start-up, not at the first approval."""
        if not create and not path.is_file():
            raise StoreError(f"{path}: no audit log here (set audit_log in [tool.postlint.slack])")
        self.path = path
        if create:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        if path.is_file() and path.stat().st_uid == os.getuid():
            path.chmod(0o600)  # an older file may have been made world-readable
        with self._db() as db:
            db.executescript(SCHEMA)
            if "view_id" not in {row["name"] for row in db.execute("PRAGMA table_info(approvals)")}:
                db.execute("ALTER TABLE approvals ADD COLUMN view_id TEXT")
            db.execute("CREATE UNIQUE INDEX IF NOT EXISTS approvals_by_view ON approvals (view_id)")

    def record(self, approval: Approval, view_id: str) -> tuple[Approval, bool]:
        """Write an approval, stamped now, and return it as stored and whether it is new. A second record
        for the same Slack view returns the first one unchanged; a failed write raises StoreError."""
        approval = replace(approval, approved_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        with self._db() as db:
            cursor = db.execute(
                "INSERT INTO approvals"
                " (approved_at, approver, reason, channel, message_ts, text_sha256, decision, rules, view_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (view_id) DO NOTHING",
                (
                    approval.approved_at,
                    approval.approver,
                    approval.reason,
                    approval.channel,
                    approval.message_ts,
                    approval.text_sha256,
                    approval.decision,
                    ",".join(approval.rules),
                    view_id,
                ),
            )
            if cursor.rowcount == 1:
                return replace(approval, id=cursor.lastrowid), True
            row = db.execute("SELECT * FROM approvals WHERE view_id = ?", (view_id,)).fetchone()
        return _approval(row), False

    def approvals(self, since: str = "") -> list[Approval]:
        """Approvals at or after `since` (an ISO 8601 UTC prefix such as 2026-11-01), oldest first."""
        with self._db() as db:
            rows = db.execute("SELECT * FROM approvals WHERE approved_at >= ? ORDER BY id", (since,)).fetchall()
        return [_approval(row) for row in rows]

    def reply_for(self, channel: str, message_ts: str) -> str | None:
        with self._db() as db:
            query = "SELECT reply_ts FROM replies WHERE channel = ? AND message_ts = ?"
            row = db.execute(query, (channel, message_ts)).fetchone()
        return row["reply_ts"] if row else None

    def remember_reply(self, channel: str, message_ts: str, reply_ts: str) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO replies VALUES (?, ?, ?)", (channel, message_ts, reply_ts))

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """A connection that commits on success and turns any SQLite failure into a StoreError naming the file."""
        try:
            with closing(sqlite3.connect(self.path, timeout=10)) as db, db:
                db.row_factory = sqlite3.Row
                yield db
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from None


def _approval(row: sqlite3.Row) -> Approval:
    data = {column: row[column] for column in COLUMNS}
    return Approval(**{**data, "rules": tuple(filter(None, data["rules"].split(",")))})
