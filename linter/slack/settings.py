"""The bot's settings: secrets from the environment, team choices from `[tool.postlint.slack]`.

The table lives in the same file as the engine's config (`[slack]` in postlint.toml):

[tool.postlint.slack]
channels = ["C0123DRAFTS"]            # channel ids whose new posts are checked automatically
approver_group = "S0123APPROVE"       # user group whose members may approve a blocked draft
approvers = ["U0123LEAD"]             # and/or these user ids
audit_log = "postlint-audit.sqlite3"  # SQLite file, relative to the config file

Tokens are never read from the file, so a committed config cannot leak them, and they are kept out of `repr`
so a logged settings object cannot either.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.config import surface_table
from linter.errors import PostlintError

TABLE = "slack"
DEFAULT_AUDIT_LOG = "postlint-audit.sqlite3"
KEYS = {"channels", "approver_group", "approvers", "audit_log"}


@dataclass(frozen=True)
class SlackSettings:
    channels: frozenset[str] = frozenset()
    approver_group: str | None = None
    approvers: frozenset[str] = frozenset()
    audit_log: Path = Path(DEFAULT_AUDIT_LOG)
    bot_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    api_url: str | None = None

    def require(self, *names: str) -> None:
        """Fail in one line naming the environment variables a mode needs and does not have."""
        missing = [f"SLACK_{name.upper()}" for name in names if not getattr(self, name)]
        if missing:
            raise PostlintError(f"set {' and '.join(missing)} in the environment (see integrations/slack/README.md)")


def load_settings(path: Path | None, env: Mapping[str, str] = os.environ) -> SlackSettings:
    """Settings from the config file at `path` (None: defaults, audit log in the current folder) and `env`."""
    table = _table(path)
    base = path.parent if path else Path.cwd()
    api_url = env.get("SLACK_API_URL") or None
    return SlackSettings(
        channels=frozenset(_strings(table, "channels", path)),
        approver_group=_string(table, "approver_group", path),
        approvers=frozenset(_strings(table, "approvers", path)),
        audit_log=base / (_string(table, "audit_log", path) or DEFAULT_AUDIT_LOG),
        bot_token=env.get("SLACK_BOT_TOKEN") or None,
        signing_secret=env.get("SLACK_SIGNING_SECRET") or None,
        app_token=env.get("SLACK_APP_TOKEN") or None,
        api_url=api_url if not api_url or api_url.endswith("/") else api_url + "/",  # slack_sdk joins method names
    )


def _table(path: Path | None) -> dict[str, Any]:
    slack = surface_table(path, TABLE)
    for key in slack:
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise PostlintError(f"{path}: field '{TABLE}.{key}' is not a Slack setting (known: {known})")
    return slack


def _string(table: dict[str, Any], key: str, path: Path | None) -> str | None:
    value = table.get(key)
    if value is not None and not (isinstance(value, str) and value):
        raise PostlintError(f"{path}: field '{TABLE}.{key}' must be a non-empty string")
    return value


def _strings(table: dict[str, Any], key: str, path: Path | None) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise PostlintError(f"{path}: field '{TABLE}.{key}' must be a list of Slack ids")
    return value
