"""The Bolt app: `/postlint`, the "Check with postlint" shortcut, watched channels, and approvals.

Each listener calls `ack()` first: Bolt (process_before_response off, its default) answers Slack's HTTP request
at that moment and runs the rest of the listener on its worker threads, well inside Slack's 3 seconds.
Logs name channels, decisions and error codes, never a draft or a token.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from linter.engine import Linter
from linter.result import Result
from linter.slack.blocks import (
    APPROVE_ACTION,
    REASON,
    approval_modal,
    approval_note,
    approved_modal,
    result_blocks,
    summary,
)
from linter.slack.settings import SlackSettings
from linter.slack.store import Approval, Store, StoreError
from linter.slack.text import plain_text

log = logging.getLogger("postlint.slack")
bolt_log = logging.getLogger("postlint.slack.bolt")  # Bolt's own loggers take their level from this one

COMMAND = "/postlint"
SHORTCUT = "postlint_check"
USAGE = "Usage: `/postlint <draft>` checks a draft and shows the result only to you."


def build_app(settings: SlackSettings, linter: Linter, store: Store) -> App:
    """The app, with Bolt's request signature check on (Slack's signing secret, 5-minute replay window)."""
    redirected = WebClient(token=settings.bot_token, base_url=settings.api_url) if settings.api_url else None
    bolt_log.setLevel(logging.WARNING)  # at INFO, Bolt logs the whole body of a request with a bad signature
    app = App(token=settings.bot_token, client=redirected, signing_secret=settings.signing_secret, logger=bolt_log)
    lint_lock = threading.Lock()  # a spaCy pipeline is not promised to be thread-safe; a draft takes milliseconds
    reply_lock = threading.Lock()  # one reply per message, even when a post and its first edit arrive together

    def check(slack_text: str) -> tuple[Result, tuple[str, str] | None]:
        """The draft's result, and the draft with its safe fixes applied and its decision then."""
        text = plain_text(slack_text)
        with lint_lock:
            result = linter.lint(text)
            fixed, after = linter.fix(text, result)
        return result, (fixed, after.decision) if fixed != text else None

    def answer_in_thread(client: WebClient, channel: str, message: dict[str, Any]) -> None:
        """Reply in the message's thread, or update the reply it already has."""
        result, rewrite = check(message.get("text", ""))
        reply = {
            "channel": channel,
            "blocks": result_blocks(result, _approval_value(result, channel, message["ts"]), rewrite),
            "text": summary(result),
        }
        with reply_lock:
            reply_ts = store.reply_for(channel, message["ts"])
            if reply_ts is not None:
                try:
                    client.chat_update(ts=reply_ts, **reply)
                except SlackApiError as exc:
                    if exc.response.get("error") != "message_not_found":  # someone deleted our reply: post anew
                        raise
                    reply_ts = None
            if reply_ts is None:
                posted = client.chat_postMessage(thread_ts=message.get("thread_ts") or message["ts"], **reply)
                store.remember_reply(channel, message["ts"], posted["ts"])
        log.info("checked a message in %s: %s", channel, result.decision)

    @app.command(COMMAND)
    @_reported
    def slash_command(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()
        if not command.get("text", "").strip():
            respond(USAGE, response_type="ephemeral")
            return
        result, rewrite = check(command["text"])
        approval = _approval_value(result, command["channel_id"], "")
        respond(text=summary(result), blocks=result_blocks(result, approval, rewrite), response_type="ephemeral")
        log.info("checked a /postlint draft in %s: %s", command["channel_id"], result.decision)

    @app.shortcut(SHORTCUT)
    @_reported
    def message_shortcut(ack: Ack, shortcut: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        try:
            answer_in_thread(client, shortcut["channel"]["id"], shortcut["message"])
        except SlackApiError as exc:  # most often not_in_channel: the bot can only write where it was invited
            code = exc.response.get("error")
            respond(f"postlint could not answer in the thread ({code}). Invite it first: `/invite @postlint`.")

    @app.event("message")
    @_reported
    def channel_message(event: dict[str, Any], client: WebClient) -> None:
        message = _watched_message(event, settings.channels)
        if message is not None:
            answer_in_thread(client, event["channel"], message)

    @app.action(APPROVE_ACTION)
    @_reported
    def approve_clicked(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        refusal = _approver_refusal(client, settings, body["user"]["id"])
        if refusal:
            respond(refusal, response_type="ephemeral", replace_original=False)
            return
        draft = json.loads(body["actions"][0]["value"])
        metadata = {"draft": draft, "thread_ts": body.get("message", {}).get("thread_ts")}
        client.views_open(trigger_id=body["trigger_id"], view=approval_modal(json.dumps(metadata), draft["rules"]))

    @app.view(APPROVE_ACTION)
    @_reported
    def approval_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        user = body["user"]["id"]
        reason = (view["state"]["values"][REASON][REASON].get("value") or "").strip()
        try:
            refusal = _approver_refusal(client, settings, user) or ("" if reason else "Give a reason.")
        except SlackApiError as exc:
            refusal = f"Could not check who may approve ({exc.response.get('error')}). Try again."
        if refusal:
            ack(response_action="errors", errors={REASON: refusal})
            return
        metadata = json.loads(view["private_metadata"])
        draft = metadata["draft"]
        try:
            approval, new = store.record(
                Approval(approver=user, reason=reason, **{**draft, "rules": tuple(draft["rules"])}), view_id=view["id"]
            )
        except StoreError as exc:
            log.error("an approval was NOT recorded: %s", exc)
            ack(response_action="errors", errors={REASON: "Not approved: the audit log could not be written."})
            return
        ack(response_action="update", view=approved_modal(approval))
        if not new:  # the same view submitted again (a replay or a retry): already recorded and announced
            return
        log.info("approval #%s recorded in %s (%s)", approval.id, approval.channel, ",".join(approval.rules))
        if metadata["thread_ts"]:
            client.chat_postMessage(
                channel=approval.channel,
                thread_ts=metadata["thread_ts"],
                blocks=approval_note(approval),
                text=f"Approved anyway (approval #{approval.id})",
            )

    return app


def _reported(listener: Callable[..., None]) -> Callable[..., None]:
    """Run a listener so that a failure after its ack() is told to the user (where Slack gave a response_url)
    and logged by its kind and place only: an error's message could quote a draft.

    Bolt's own error handling would log the message, and can lose the ack() of a listener that fails just after it.
    """

    @functools.wraps(listener)
    def run(**kwargs: Any) -> None:
        try:
            listener(**kwargs)
        except Exception as error:
            code = error.response.get("error") if isinstance(error, SlackApiError) else type(error).__name__
            where = "".join(traceback.format_tb(error.__traceback__))
            log.error("%s failed: %s\n%s", listener.__name__, code, where)
            if kwargs.get("respond"):
                kwargs["respond"](
                    f"postlint failed ({code}). Try again, or tell whoever runs it.", replace_original=False
                )

    return run


def _approval_value(result: Result, channel: str, message_ts: str) -> str:
    """What the approve button carries: the draft's fingerprint and place, never its text."""
    draft = {
        "channel": channel,
        "message_ts": message_ts,
        "text_sha256": hashlib.sha256(result.text.encode("utf-8")).hexdigest(),
        "decision": result.decision,
        "rules": sorted({finding.rule for finding in result.findings}),
    }
    return json.dumps(draft)


def _watched_message(event: dict[str, Any], channels: frozenset[str]) -> dict[str, Any] | None:
    """The message to check: a person's new or edited top-level post in a watched channel."""
    if event.get("channel") not in channels:
        return None
    if event.get("subtype") == "message_changed":
        message = event["message"]
        if message.get("text") == event.get("previous_message", {}).get("text"):
            return None  # an unfurl or a new reply count, not an edit
    elif event.get("subtype") in (None, "file_share"):
        message = event
    else:
        return None
    if message.get("bot_id") or message.get("thread_ts", message["ts"]) != message["ts"]:
        return None
    return message


def _approver_refusal(client: WebClient, settings: SlackSettings, user: str) -> str:
    """Why `user` may not approve, or "" if they may: a listed approver or a member of the approver group."""
    if user in settings.approvers:
        return ""
    if settings.approver_group:
        if user in client.usergroups_users_list(usergroup=settings.approver_group)["users"]:
            return ""
        return "Only members of the approvers' user group can approve a blocked draft."
    if settings.approvers:
        return "Only the configured approvers can approve a blocked draft."
    return "No approvers are set up: ask whoever runs postlint to set approver_group or approvers."
