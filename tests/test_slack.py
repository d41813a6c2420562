"""The Slack bot end to end: a real `postlint slack run --port P` on loopback, signed requests, a fake Slack.

Requests are signed as Slack signs them; the bot's Web API client and every response_url point at `FakeSlack`,
which records each call, so every reply is checked as Slack would receive it. Each bot process loads the model
(about 2 s), so most tests share one.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
import yaml
from fake_slack import (
    APP_TOKEN,
    BOT_ID,
    BOT_TOKEN,
    SIGNING_SECRET,
    TEAM,
    FakeSlack,
    FakeSocketMode,
    post,
    running_bot,
    signed,
)
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from linter import lint
from linter.config import load_config
from linter.policy.pack import load_pack
from linter.slack.app import COMMAND, SHORTCUT
from linter.slack.settings import load_settings
from linter.slack.store import Store
from linter.slack.text import plain_text

MARKER = "Kettlewick"  # in every draft sent; must reach no log line and no audit byte. Fixed, not random:
# a random suffix glued to it changed how the models read the sentence in about 1 run in 50.
LEAK = f"To the 53 people who watched {MARKER} Bakes every night this week: are you okay?"
LEAK_RULES = ["PL102", "PL301", "PL401", "PL402"]
LEAK_MARKED = ["To the 53 people", "every night", "are you okay"]  # "53" lies inside the call-out
CLEAN = f"Our {MARKER} winter menu lands on 3 December with 12 new dishes."

WATCHED, OTHER = "CDRAFTS", "CRANDOM"
APPROVER, WRITER, OUTSIDER = "UAPPROVER", "UWRITER", "UOUTSIDER"
FORM, JSON = "application/x-www-form-urlencoded", "application/json"
CONFIG = f"""
[slack]
channels = ["{WATCHED}"]
approver_group = "SAPPROVERS"
audit_log = "audit.sqlite3"
"""
PACK = load_pack()
_ts = iter(range(100000, 999999))


# --- what Slack sends ------------------------------------------------------------------------------------------


def new_ts() -> str:
    return f"1699999999.{next(_ts):06d}"


def slash(text: str, response_url: str) -> str:
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": TEAM,
            "channel_id": WATCHED,
            "user_id": WRITER,
            "command": "/postlint",
            "text": text,
            "api_app_id": "A0POSTLINT",
            "response_url": response_url,
            "trigger_id": "trigger-slash",
        }
    )


def interaction(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps({"team": {"id": TEAM}, "api_app_id": "A0POSTLINT", **payload})})


def event(inner: dict[str, Any]) -> str:
    envelope = {"team_id": TEAM, "api_app_id": "A0POSTLINT", "type": "event_callback", "event": inner}
    return json.dumps({**envelope, "event_id": f"Ev{uuid.uuid4().hex[:10]}", "event_time": int(time.time())})


def message(ts: str, text: str, channel: str = WATCHED, **extra: Any) -> str:
    return event({"type": "message", "channel": channel, "user": WRITER, "text": text, "ts": ts, **extra})


def edit(ts: str, old: str, new: str) -> str:
    changed = {
        "type": "message",
        "subtype": "message_changed",
        "channel": WATCHED,
        "hidden": True,
        "ts": new_ts(),
        "message": {"type": "message", "user": WRITER, "text": new, "ts": ts, "edited": {"user": WRITER}},
        "previous_message": {"type": "message", "user": WRITER, "text": old, "ts": ts},
    }
    return event(changed)


def click(user: str, reply: dict[str, Any], response_url: str, trigger: str) -> str:
    """A press of the reply's "Approve anyway" button; `reply` is the chat.postMessage call that posted it."""
    message = {"type": "message", "ts": reply["ts"], "thread_ts": reply["thread_ts"], "bot_id": BOT_ID}
    payload = {
        "type": "block_actions",
        "user": {"id": user},
        "container": {"type": "message", "message_ts": reply["ts"], "channel_id": reply["channel"]},
        "trigger_id": trigger,
        "channel": {"id": reply["channel"]},
        "message": {**message, "blocks": reply["blocks"]},
        "response_url": response_url,
        "actions": [{"type": "button", "action_id": "postlint_approve", "value": button_value(reply["blocks"])}],
    }
    return interaction(payload)


def submit(user: str, private_metadata: str, reason: str, view_id: str = "") -> str:
    """A view_submission; each opened modal has its own view id, so by default every submission is a new view."""
    view = {
        "id": view_id or f"V{uuid.uuid4().hex[:10].upper()}",
        "type": "modal",
        "callback_id": "postlint_approve",
        "private_metadata": private_metadata,
        "state": {"values": {"reason": {"reason": {"type": "plain_text_input", "value": reason}}}},
    }
    return interaction({"type": "view_submission", "user": {"id": user}, "view": view})


# --- reading what the bot sent -----------------------------------------------------------------------------------


def texts(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every rich text `text` element and mrkdwn text object, in order."""
    found = []
    for item in blocks:
        if item.get("type") in ("text", "mrkdwn"):
            found.append(item)
        for value in item.values():
            children = value if isinstance(value, list) else [value]
            found += texts([c for c in children if isinstance(c, dict)])
    return found


def shown(blocks: list[dict[str, Any]]) -> str:
    return "".join(t["text"] for t in texts(blocks))


def marked(blocks: list[dict[str, Any]]) -> list[str]:
    """The words set in bold inside the quoted draft (the first quote: the draft as sent)."""
    quotes = [e for b in blocks if b["type"] == "rich_text" for e in b["elements"] if e["type"] == "rich_text_quote"]
    return [t["text"] for t in quotes[0]["elements"] if t.get("style") == {"bold": True}] if quotes else []


def button_value(blocks: list[dict[str, Any]]) -> str | None:
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    return buttons[0]["value"] if buttons else None


def as_sent(call_params: dict[str, Any]) -> list[dict[str, Any]]:
    """Blocks as the Web API received them (slack_sdk sends them as JSON, form posts as a JSON string)."""
    blocks = call_params["blocks"]
    return json.loads(blocks) if isinstance(blocks, str) else blocks


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def audit_export(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "linter.cli", "slack", "audit-log", "--config", str(config), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60)


def assert_block_kit(blocks: list[dict[str, Any]]) -> None:
    """slack_sdk's Block Kit models read every block back unchanged and within Slack's limits."""
    for block in blocks:
        parsed = Block.parse(block)
        parsed.validate_json()
        assert parsed.to_dict() == block


def assert_leak_answer(blocks: list[dict[str, Any]]) -> None:
    """The answer to LEAK: the decision, every offending phrase struck in the quoted draft, messages, suggestions."""
    assert_block_kit(blocks)
    assert "postlint: block" in shown(blocks)
    assert marked(blocks) == LEAK_MARKED
    rules_in_order = [t["text"].split()[0] for t in texts(blocks) if t["text"].startswith("PL") and t.get("style")]
    severities = [PACK.rule(r).severity for r in rules_in_order]
    assert severities == sorted(severities, key=["block", "warn"].index)  # what blocks comes first
    assert "With the suggested fixes" in shown(blocks) and "To everyone who watched" in shown(blocks)
    assert len(json.dumps(blocks)) < 4000
    findings = {f.rule: f for f in lint(LEAK).findings}
    for rule_id in LEAK_RULES:
        rule, finding = PACK.rule(rule_id), findings[rule_id]
        assert f"{rule.id} {rule.name}" in shown(blocks)
        assert finding.message in shown(blocks) and finding.suggestion in shown(blocks)  # as filled for this draft
    assert f"{MARKER} Bakes" in shown(blocks)  # the quoted draft around the words


# --- fixtures -----------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def slack():
    fake = FakeSlack(approvers=(APPROVER, "UOTHERAPPROVER"))
    yield fake
    fake.close()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("slack")
    (folder / "postlint.toml").write_text(CONFIG)
    return folder


@pytest.fixture(scope="module")
def bot(slack, workdir):
    with running_bot(workdir / "postlint.toml", slack, workdir / "bot.log") as url:
        yield url


# --- the slash command -----------------------------------------------------------------------------------------


def test_slash_command_acks_at_once_and_answers_ephemerally_with_the_marked_words(bot, slack):
    response = post(bot, slash(LEAK, slack.response_url("slash-leak")), FORM)
    assert response.status_code == 200 and response.text == ""
    assert response.elapsed.total_seconds() < 3

    answer = slack.wait_for("response_url", path="/response/slash-leak")[0].params
    assert answer["response_type"] == "ephemeral"
    assert answer["text"] == "postlint: block (4 findings)"
    assert_leak_answer(answer["blocks"])
    draft = json.loads(button_value(answer["blocks"]))
    assert draft == {
        "channel": WATCHED,
        "message_ts": "",
        "text_sha256": sha256(LEAK),
        "decision": "block",
        "rules": LEAK_RULES,
    }


def test_slash_command_clean_draft_passes_without_findings_or_button(bot, slack):
    post(bot, slash(CLEAN, slack.response_url("slash-clean")), FORM)
    answer = slack.wait_for("response_url", path="/response/slash-clean")[0].params
    assert answer["text"] == "postlint: pass (0 findings)"
    assert "no claims about user behaviour" in shown(answer["blocks"])
    assert marked(answer["blocks"]) == [] and button_value(answer["blocks"]) is None


def test_slash_command_without_a_draft_explains_itself(bot, slack):
    post(bot, slash("  ", slack.response_url("slash-empty")), FORM)
    answer = slack.wait_for("response_url", path="/response/slash-empty")[0].params
    assert answer["text"].startswith("Usage: `/postlint <draft>`")


# --- the message shortcut --------------------------------------------------------------------------------------


def test_shortcut_answers_in_the_thread_of_the_message_as_typed(bot, slack):
    ts = new_ts()
    # Slack escapes & < > and sends links as <url|label>; the bot quotes what the author typed.
    typed = LEAK + " Recipes &amp; more: <https://example.com/bake|example.com/bake>"
    payload = {
        "type": "message_action",
        "callback_id": "postlint_check",
        "trigger_id": "trigger-shortcut",
        "response_url": slack.response_url("shortcut"),
        "channel": {"id": OTHER},
        "user": {"id": WRITER},
        "message": {"type": "message", "user": WRITER, "ts": ts, "text": typed},
    }
    assert post(bot, interaction(payload), FORM).status_code == 200

    reply = slack.wait_for("chat.postMessage", thread_ts=ts)[0].params
    assert reply["channel"] == OTHER
    assert_leak_answer(as_sent(reply))
    assert "are you okay? Recipes & more: example.com/bake" in shown(as_sent(reply))
    expected_hash = sha256(LEAK + " Recipes & more: example.com/bake")
    assert json.loads(button_value(as_sent(reply)))["text_sha256"] == expected_hash


def test_shortcut_where_the_bot_cannot_post_tells_the_user(bot, slack):
    slack.errors["chat.postMessage"] = "not_in_channel"
    try:
        payload = {
            "type": "message_action",
            "callback_id": "postlint_check",
            "trigger_id": "trigger-shortcut-2",
            "response_url": slack.response_url("shortcut-refused"),
            "channel": {"id": "CPRIVATE"},
            "user": {"id": WRITER},
            "message": {"type": "message", "user": WRITER, "ts": new_ts(), "text": LEAK},
        }
        post(bot, interaction(payload), FORM)
        answer = slack.wait_for("response_url", path="/response/shortcut-refused")[0].params
    finally:
        del slack.errors["chat.postMessage"]
    assert "not_in_channel" in answer["text"] and "/invite @postlint" in answer["text"]


# --- watched channels ------------------------------------------------------------------------------------------


def test_watched_channel_post_is_answered_in_its_thread_and_an_edit_updates_that_answer(bot, slack):
    ts = new_ts()
    post(bot, message(ts, LEAK), JSON)
    first = slack.wait_for("chat.postMessage", thread_ts=ts)[0]
    assert first.params["channel"] == WATCHED
    assert_leak_answer(as_sent(first.params))
    assert json.loads(button_value(as_sent(first.params)))["message_ts"] == ts

    post(bot, edit(ts, LEAK, CLEAN), JSON)
    update = slack.wait_for("chat.update", ts=first.answer["ts"])[0].params
    assert update["channel"] == WATCHED and update["text"] == "postlint: pass (0 findings)"
    assert button_value(as_sent(update)) is None

    post(bot, edit(ts, CLEAN, LEAK), JSON)
    again = slack.wait_for("chat.update", 2, ts=first.answer["ts"])[1].params
    assert_leak_answer(as_sent(again))
    assert len(slack.find("chat.postMessage", thread_ts=ts)) == 1  # updated in place, never duplicated


def test_only_new_top_level_posts_and_real_edits_in_watched_channels_are_checked(bot, slack):
    parent, in_thread, elsewhere, unfurled, sentinel = (new_ts() for _ in range(5))
    post(bot, message(parent, CLEAN), JSON)
    parent_reply = slack.wait_for("chat.postMessage", thread_ts=parent)[0].answer["ts"]
    ignored = [
        message(in_thread, LEAK, thread_ts=parent),  # a reply in a thread, not a draft
        message(elsewhere, LEAK, channel=OTHER),  # a channel nobody asked to watch
        edit(parent, CLEAN, CLEAN),  # Slack sends message_changed for unfurls too: same text, nothing to do
        message(new_ts(), LEAK, subtype="channel_join"),
        message(new_ts(), LEAK, bot_id="BOTHER", subtype="bot_message"),
    ]
    for body in ignored:
        assert post(bot, body, JSON).status_code == 200
    post(bot, message(sentinel, CLEAN), JSON)
    slack.wait_for("chat.postMessage", thread_ts=sentinel)
    time.sleep(0.5)
    assert slack.find("chat.postMessage", thread_ts=in_thread) == []
    assert slack.find("chat.postMessage", channel=OTHER, thread_ts=elsewhere) == []
    assert (
        len(slack.find("chat.postMessage", thread_ts=parent)) == 1 and slack.find("chat.update", ts=parent_reply) == []
    )


# --- approvals -------------------------------------------------------------------------------------------------


def blocked_reply(bot: str, slack: FakeSlack) -> dict[str, Any]:
    """Post LEAK in the watched channel; the bot's reply as sent, with its ts as Slack answered it."""
    ts = new_ts()
    post(bot, message(ts, LEAK), JSON)
    call = slack.wait_for("chat.postMessage", thread_ts=ts)[0]
    return {**call.params, "blocks": as_sent(call.params), "ts": call.answer["ts"]}


def test_an_approver_approves_a_blocked_draft_with_a_reason_and_the_audit_log_keeps_it(bot, slack, workdir):
    reply = blocked_reply(bot, slack)
    assert post(bot, click(APPROVER, reply, slack.response_url("click-ok"), "trigger-ok"), FORM).status_code == 200
    modal = slack.wait_for("views.open", trigger_id="trigger-ok")[0].params["view"]
    assert slack.find("usergroups.users.list", usergroup="SAPPROVERS")
    assert modal["callback_id"] == "postlint_approve" and MARKER not in json.dumps(modal)
    View(**modal).validate_json()
    assert [b["block_id"] for b in modal["blocks"] if b["type"] == "input"] == ["reason"]

    blank = post(bot, submit(APPROVER, modal["private_metadata"], "   "), FORM)
    assert blank.json() == {"response_action": "errors", "errors": {"reason": "Give a reason."}}

    reason = "Aggregated from a public leaderboard; legal signed off (ticket LEG-12)."
    done = post(bot, submit(APPROVER, modal["private_metadata"], reason), FORM).json()
    assert done["response_action"] == "update" and "Recorded as approval #" in shown(done["view"]["blocks"])
    View(**done["view"]).validate_json()

    notes = slack.wait_for("chat.postMessage", 2, thread_ts=reply["thread_ts"])
    note = as_sent(notes[1].params)
    assert_block_kit(note)
    assert {"type": "user", "user_id": APPROVER} in note[0]["elements"][0]["elements"] and reason in shown(note)

    exported = audit_export(workdir / "postlint.toml", "--format", "json")
    assert exported.returncode == 0, exported.stderr
    [row] = [r for r in json.loads(exported.stdout) if r["message_ts"] == reply["thread_ts"]]
    assert row["approver"] == APPROVER and row["reason"] == reason and row["channel"] == WATCHED
    assert row["text_sha256"] == sha256(LEAK) and row["decision"] == "block" and row["rules"] == LEAK_RULES
    assert row["approved_at"].endswith("Z") and row["id"] >= 1


def test_a_replayed_approval_is_recorded_once_and_the_export_is_safe_in_a_spreadsheet(bot, slack, workdir):
    reply = blocked_reply(bot, slack)
    post(bot, click(APPROVER, reply, slack.response_url("click-replay"), "trigger-replay"), FORM)
    modal = slack.wait_for("views.open", trigger_id="trigger-replay")[0].params["view"]
    formula = '=HYPERLINK("http://example.invalid/x","cleared")'
    signed = submit(APPROVER, modal["private_metadata"], formula, view_id="VREPLAYED01")
    first, again = post(bot, signed, FORM).json(), post(bot, signed, FORM).json()  # the same signed body, twice
    assert first["response_action"] == again["response_action"] == "update"
    assert shown(first["view"]["blocks"]) == shown(again["view"]["blocks"])  # the same approval number
    time.sleep(0.5)
    assert len(slack.find("chat.postMessage", thread_ts=reply["thread_ts"])) == 2  # the answer and one note

    rows = json.loads(audit_export(workdir / "postlint.toml", "--format", "json").stdout)
    assert [r["reason"] for r in rows].count(formula) == 1
    exported = audit_export(workdir / "postlint.toml", "--format", "csv").stdout
    assert "'=HYPERLINK" in exported and ",=HYPERLINK" not in exported
    database = next(workdir.glob("*.sqlite3"))
    assert database.stat().st_mode & 0o777 == 0o600


def test_approving_the_answer_to_a_slash_command_records_it_without_a_message(bot, slack, workdir):
    post(bot, slash(LEAK, slack.response_url("slash-approve")), FORM)
    answer = slack.wait_for("response_url", path="/response/slash-approve")[0].params
    payload = {  # a button on an ephemeral message: no `message` in the payload
        "type": "block_actions",
        "user": {"id": "UOTHERAPPROVER"},
        "container": {"type": "message", "message_ts": "1700000000.9", "channel_id": WATCHED, "is_ephemeral": True},
        "trigger_id": "trigger-ephemeral",
        "channel": {"id": WATCHED},
        "response_url": slack.response_url("click-ephemeral"),
        "actions": [{"type": "button", "action_id": "postlint_approve", "value": button_value(answer["blocks"])}],
    }
    post(bot, interaction(payload), FORM)
    modal = slack.wait_for("views.open", trigger_id="trigger-ephemeral")[0].params["view"]
    done = post(bot, submit("UOTHERAPPROVER", modal["private_metadata"], "Cleared by the data team."), FORM)
    assert done.json()["response_action"] == "update"
    [row] = [a for a in Store(workdir / "audit.sqlite3", create=False).approvals() if a.approver == "UOTHERAPPROVER"]
    assert (row.channel, row.message_ts, row.text_sha256) == (WATCHED, "", sha256(LEAK))


def test_a_non_approver_cannot_approve(bot, slack, workdir):
    reply = blocked_reply(bot, slack)
    post(bot, click(OUTSIDER, reply, slack.response_url("click-outsider"), "trigger-outsider"), FORM)
    refusal = slack.wait_for("response_url", path="/response/click-outsider")[0].params
    assert refusal["text"].startswith("Only members of the approvers' user group")
    assert refusal["replace_original"] is False and refusal["response_type"] == "ephemeral"
    time.sleep(0.3)
    assert slack.find("views.open", trigger_id="trigger-outsider") == []

    # Even a submission of the modal by someone outside the group (say, removed from it meanwhile) is refused.
    metadata = json.dumps({"draft": json.loads(button_value(reply["blocks"])), "thread_ts": reply["thread_ts"]})
    forged = post(bot, submit(OUTSIDER, metadata, "I say so."), FORM).json()
    assert forged["response_action"] == "errors" and "approvers' user group" in forged["errors"]["reason"]
    assert [a for a in Store(workdir / "audit.sqlite3", create=False).approvals() if a.approver == OUTSIDER] == []


def test_a_failing_slack_call_is_reported_to_the_user(bot, slack):
    reply = blocked_reply(bot, slack)
    slack.errors["usergroups.users.list"] = "missing_scope"
    try:
        post(bot, click(APPROVER, reply, slack.response_url("click-failing"), "trigger-failing"), FORM)
        answer = slack.wait_for("response_url", path="/response/click-failing")[0].params
    finally:
        del slack.errors["usergroups.users.list"]
    assert answer["text"] == "postlint failed (missing_scope). Try again, or tell whoever runs it."
    assert slack.find("views.open", trigger_id="trigger-failing") == []


# --- security --------------------------------------------------------------------------------------------------


def test_unsigned_wrongly_signed_tampered_and_replayed_requests_get_401(bot, slack):
    def body(name: str) -> str:
        return slash(LEAK, slack.response_url(name))

    old = int(time.time()) - 6 * 60
    refused = {
        "unsigned": post(bot, body("unsigned"), FORM, headers={}),
        "wrong secret": post(bot, body("wrong"), FORM, headers=signed(body("wrong"), secret="not-the-secret")),
        "tampered": post(bot, body("tampered"), FORM, headers=signed(body("other"))),
        "replayed": post(bot, body("replayed"), FORM, headers=signed(body("replayed"), timestamp=old)),
        "unsigned event": post(bot, message(new_ts(), LEAK), JSON, headers={}),
    }
    assert {name: r.status_code for name, r in refused.items()} == dict.fromkeys(refused, 401)
    post(bot, body("signed"), FORM)
    slack.wait_for("response_url", path="/response/signed")
    time.sleep(0.3)
    for name in ("unsigned", "wrong", "tampered", "other", "replayed"):
        assert slack.find("response_url", path=f"/response/{name}") == []


def test_no_draft_or_secret_reaches_the_log_or_the_audit_file(bot, slack, workdir):
    """Runs after the others in this module: by now every path has handled drafts holding MARKER."""
    post(bot, slash(LEAK, slack.response_url("last")), FORM)
    slack.wait_for("response_url", path="/response/last")
    log = (workdir / "bot.log").read_text()
    assert "checked a message in CDRAFTS: block" in log and "approval #" in log  # the log was captured
    assert "approve_clicked failed: missing_scope" in log  # with where it failed, not what it held
    for secret in (MARKER, "53 people", BOT_TOKEN, SIGNING_SECRET):
        assert secret not in log
    for path in workdir.glob("audit.sqlite3*"):
        assert MARKER.encode() not in path.read_bytes() and b"53 people" not in path.read_bytes()


# --- Socket Mode -----------------------------------------------------------------------------------------------


def test_socket_mode_takes_envelopes_over_the_websocket_and_acks_them(tmp_path):
    slack, websocket = FakeSlack(approvers=(APPROVER,)), FakeSocketMode()
    (tmp_path / "postlint.toml").write_text(CONFIG)
    try:
        with running_bot(tmp_path / "postlint.toml", slack, tmp_path / "bot.log", socket_mode=websocket):
            assert slack.find("apps.connections.open")[0].answer == {"ok": True, "url": websocket.url}
            command = dict(parse_qsl(slash(LEAK, slack.response_url("socket-slash"))))
            websocket.send({"envelope_id": "e-slash", "type": "slash_commands", "payload": command})
            assert websocket.wait_for_ack("e-slash") == {"envelope_id": "e-slash"}
            assert_leak_answer(slack.wait_for("response_url", path="/response/socket-slash")[0].params["blocks"])

            ts = new_ts()
            websocket.send({"envelope_id": "e-event", "type": "events_api", "payload": json.loads(message(ts, LEAK))})
            websocket.wait_for_ack("e-event")
            assert_leak_answer(as_sent(slack.wait_for("chat.postMessage", thread_ts=ts)[0].params))
        log = (tmp_path / "bot.log").read_text()
        assert MARKER not in log and APP_TOKEN not in log and BOT_TOKEN not in log
    finally:
        websocket.close()
        slack.close()


# --- Slack's markup and the settings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sent", "typed"),
    [
        ("Fish &amp; chips &lt;3 &gt;_&lt;", "Fish & chips <3 >_<"),
        ("Read <https://ex.com/a?b=1&amp;c=2|ex.com/a> or <https://ex.com>", "Read ex.com/a or https://ex.com"),
        ("Thanks <@U123|priya> and <@U456>!", "Thanks @priya and @U456!"),
        ("In <#C123|drafts> <!here> <!subteam^S1|@social> <!subteam^S2>", "In #drafts @here @social @S2"),
        ("On <!date^1700000000^{date}|14 November>", "On 14 November"),
        ("Typed &amp;lt; stays", "Typed &lt; stays"),
    ],
)
def test_slack_markup_reads_as_the_author_typed_it(sent, typed):
    assert plain_text(sent) == typed


def test_settings_from_pyproject_and_environment(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.postlint]\nfail_on = "warn"\n[tool.postlint.slack]\napprovers = ["U1"]\naudit_log = "a/b.db"\n'
    )
    env = {"SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": "http://h/api"}
    settings = load_settings(pyproject, env)
    assert settings.approvers == {"U1"} and settings.channels == frozenset() and settings.approver_group is None
    assert settings.audit_log == tmp_path / "a/b.db" and settings.api_url == "http://h/api/"
    assert BOT_TOKEN not in repr(settings) and SIGNING_SECRET not in repr(settings)
    assert load_config(pyproject).fail_on == "warn"  # the engine reads the same file, slack table and all
    assert load_settings(None, {}).audit_log == Path.cwd() / "postlint-audit.sqlite3"


# --- the manifest ---------------------------------------------------------------------------------------------


def test_manifest_matches_the_app():
    manifest = yaml.safe_load((Path(__file__).parents[1] / "integrations/slack/manifest.yaml").read_text())
    features, settings = manifest["features"], manifest["settings"]
    assert [c["command"] for c in features["slash_commands"]] == [COMMAND]
    assert [(s["type"], s["callback_id"]) for s in features["shortcuts"]] == [("message", SHORTCUT)]
    urls = [features["slash_commands"][0]["url"], settings["event_subscriptions"]["request_url"]]
    assert all(url.endswith("/slack/events") for url in [*urls, settings["interactivity"]["request_url"]])
    assert settings["event_subscriptions"]["bot_events"] == ["message.channels", "message.groups"]
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert sorted(scopes) == ["channels:history", "chat:write", "commands", "groups:history", "usergroups:read"]


# --- restarts, failures and start-up ---------------------------------------------------------------------------


def test_approvals_and_replies_survive_a_restart_and_a_failed_write_is_shown_not_lost(tmp_path):
    slack = FakeSlack(approvers=(APPROVER,))
    config, log, database = tmp_path / "postlint.toml", tmp_path / "bot.log", tmp_path / "audit.sqlite3"
    config.write_text(CONFIG)
    try:
        with running_bot(config, slack, log) as bot:
            reply = blocked_reply(bot, slack)
            metadata = json.dumps({"draft": json.loads(button_value(reply["blocks"])), "thread_ts": reply["thread_ts"]})
            assert post(bot, submit(APPROVER, metadata, "First approval."), FORM).json()["response_action"] == "update"

        with running_bot(config, slack, log) as bot:  # a new process opens the same file
            exported = audit_export(config, "--format", "csv", "--since", "2000-01-01")
            lines = exported.stdout.splitlines()
            assert lines[0] == "id,approved_at,approver,reason,channel,message_ts,text_sha256,decision,rules"
            assert len(lines) == 2 and "First approval." in lines[1] and "PL102 PL301 PL401 PL402" in lines[1]
            assert audit_export(config, "--format", "json", "--since", "2999-01-01").stdout.strip() == "[]"

            post(bot, edit(reply["thread_ts"], LEAK, CLEAN), JSON)  # the reply posted before the restart is updated
            slack.wait_for("chat.update", ts=reply["ts"])
            assert len(slack.find("chat.postMessage", thread_ts=reply["thread_ts"])) == 2  # the answer and the note

            second = post(bot, submit(APPROVER, metadata, "Second approval."), FORM).json()
            assert "approval #2" in shown(second["view"]["blocks"])

            database.rename(tmp_path / "moved.sqlite3")
            database.mkdir()  # SQLite cannot open a folder: the write fails
            failed = post(bot, submit(APPROVER, metadata, "Third approval."), FORM).json()
            assert failed == {
                "response_action": "errors",
                "errors": {"reason": "Not approved: the audit log could not be written."},
            }
            database.rmdir()
            (tmp_path / "moved.sqlite3").rename(database)
        assert [a.reason for a in Store(database, create=False).approvals()] == ["First approval.", "Second approval."]
        text = log.read_text()
        assert "an approval was NOT recorded" in text and MARKER not in text and BOT_TOKEN not in text
    finally:
        slack.close()


def test_start_up_errors_are_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    command = [sys.executable, "-m", "linter.cli"]
    missing = subprocess.run([*command, "slack", "audit-log"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert missing.returncode == 2 and "no audit log here" in missing.stderr
    old_name = subprocess.run([*command, "audit-log"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert old_name.returncode == 2 and "deprecated" in old_name.stderr and "no audit log here" in old_name.stderr
    slack = FakeSlack(approvers=())
    try:
        wrong = {
            **env,
            "SLACK_BOT_TOKEN": "xoxb-wrong-token",
            "SLACK_SIGNING_SECRET": "s",
            "SLACK_API_URL": slack.url + "/api",
        }
        refused = subprocess.run([*command, "slack", "run"], cwd=tmp_path, env=wrong, capture_output=True, text=True)
    finally:
        slack.close()
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens here now
    unreachable = {**wrong, "SLACK_API_URL": f"http://127.0.0.1:{port}/api"}
    away = subprocess.run([*command, "slack", "run"], cwd=tmp_path, env=unreachable, capture_output=True, text=True)
    assert away.returncode == 2
    assert (
        away.stderr.splitlines()[-1]
        == f"postlint: error: cannot reach Slack at http://127.0.0.1:{port}/api/: Connection refused"
    )
    last_line = refused.stderr.splitlines()[-1]  # after Bolt's warning that SLACK_API_URL's client replaces its own
    assert refused.returncode == 2 and last_line.startswith("postlint: error: Slack did not accept SLACK_BOT_TOKEN")
    assert "not_authed" in refused.stderr and "xoxb-wrong-token" not in refused.stderr
    no_tokens = subprocess.run([*command, "slack", "run"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert no_tokens.returncode == 2
    old_form = subprocess.run([*command, "slack"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert old_form.returncode == 2 and "'postlint slack' is now 'postlint slack run'" in old_form.stderr
    assert no_tokens.stderr.strip() == (
        "postlint: error: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET in the environment"
        " (see integrations/slack/README.md)"
    )
    (tmp_path / "postlint.toml").write_text('[slack]\nchannel = "C1"\n')
    typo = subprocess.run(
        [*command, "slack", "run", "--socket-mode"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert typo.returncode == 2 and "field 'slack.channel' is not a Slack setting" in typo.stderr
