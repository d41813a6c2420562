"""`postlint slack` runs the bot; `postlint audit-log` exports its approvals. Heavy imports wait inside."""

from __future__ import annotations

import csv
import json
import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

import typer

from linter.config import find_config
from linter.errors import PostlintError, needs_extra
from linter.slack.settings import load_settings

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"

Config = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="Config file (default: the nearest postlint.toml, or pyproject.toml with tool.postlint).",
    ),
]


def slack(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port for Slack's requests (POST /slack/events).")] = 3000,
    host: Annotated[str, typer.Option(help="Address to listen on (put a TLS reverse proxy in front).")] = "127.0.0.1",
    socket_mode: Annotated[
        bool, typer.Option("--socket-mode", help="Connect out to Slack with SLACK_APP_TOKEN instead of listening.")
    ] = False,
    config: Config = None,
) -> None:
    """Run the Slack bot (SLACK_BOT_TOKEN, and SLACK_SIGNING_SECRET or, for --socket-mode, SLACK_APP_TOKEN)."""
    with needs_extra("slack", "slack run"):
        import uvicorn
        from slack_bolt.adapter.asgi import SlackRequestHandler
        from slack_bolt.adapter.socket_mode import SocketModeHandler
        from slack_bolt.error import BoltError

        from linter.slack.app import build_app
    from linter.config import load_config
    from linter.engine import get_linter
    from linter.slack.store import Store

    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)  # never DEBUG: slack_sdk logs request bodies there
    path = config or find_config(Path.cwd())
    settings = load_settings(path)
    settings.require("bot_token", "app_token" if socket_mode else "signing_secret")
    store = Store(settings.audit_log)
    linter = get_linter(load_config(path))  # loaded before Slack can reach us, once per process
    try:
        app = build_app(settings, linter, store)
    except BoltError as exc:  # auth.test refused the bot token
        raise PostlintError(f"Slack did not accept SLACK_BOT_TOKEN: {exc}") from None
    except OSError as exc:  # no answer at all: DNS, a refused connection, a proxy, TLS
        reason = getattr(exc, "reason", None) or exc.strerror or exc
        where = settings.api_url or "https://slack.com/api/"
        raise PostlintError(f"cannot reach Slack at {where}: {getattr(reason, 'strerror', None) or reason}") from None
    if socket_mode:
        SocketModeHandler(app, settings.app_token).start()
    else:
        uvicorn.run(SlackRequestHandler(app), host=host, port=port, log_level="info")


def audit_log(
    since: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"], help="Only approvals from this UTC date or time on."),
    ] = None,
    output: Annotated[Literal["csv", "json"], typer.Option("--format", "-f", help="Output format.")] = "csv",
    config: Config = None,
) -> None:
    """Export the Slack bot's approvals of blocked drafts: who, when, why, and the draft's sha256, never its text."""
    from linter.report import spreadsheet_safe
    from linter.slack.store import COLUMNS, Store

    settings = load_settings(config or find_config(Path.cwd()))
    store = Store(settings.audit_log, create=False)
    rows = [approval.to_dict() for approval in store.approvals(since.isoformat() if since else "")]
    if output == "json":
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        writer = csv.DictWriter(sys.stdout, COLUMNS)
        writer.writeheader()
        writer.writerows(
            {k: spreadsheet_safe(v) for k, v in {**row, "rules": " ".join(row["rules"])}.items()} for row in rows
        )


def register(app: typer.Typer) -> None:
    group = typer.Typer(name="slack", help="The Slack bot: run it, export its approvals.")
    group.callback(invoke_without_command=True)(_before_0_2)
    group.command("run")(slack)
    group.command("audit-log")(audit_log)
    app.add_typer(group)
    app.command("audit-log", hidden=True, deprecated=True)(audit_log)  # the name before 0.2, for one release


def _before_0_2(
    ctx: typer.Context,
    port: Annotated[int, typer.Option(hidden=True)] = 3000,
    host: Annotated[str, typer.Option(hidden=True)] = "127.0.0.1",
    socket_mode: Annotated[bool, typer.Option("--socket-mode", hidden=True)] = False,
    config: Annotated[Path | None, typer.Option("--config", hidden=True)] = None,
) -> None:
    """`postlint slack [OPTIONS]` ran the bot before 0.2; it still does, for one release, with a warning."""
    if ctx.invoked_subcommand is None:
        typer.echo(
            "postlint: warning: 'postlint slack' is now 'postlint slack run'; the old form goes in 0.3", err=True
        )
        slack(port=port, host=host, socket_mode=socket_mode, config=config)
