"""Block Kit for the bot: the answer to a draft, the approval modal, and the note an approval leaves.

Draft text goes into rich_text elements, which Slack shows literally: nothing to escape, and a `*` or `<` in a
draft cannot turn into formatting or a mention. Each finding quotes the draft around it with its words struck.
"""

from __future__ import annotations

from typing import Any

from linter.result import Finding, Result
from linter.slack.store import Approval

Block = dict[str, Any]

APPROVE_ACTION = "postlint_approve"  # the button's action_id and the modal's callback_id
REASON = "reason"  # the modal's reason input: block_id and action_id
CONTEXT = 80  # characters of the draft quoted either side of a finding
MAX_FINDINGS = 40  # a message holds at most 50 blocks
ICONS = {"pass": ":white_check_mark:", "warn": ":warning:", "block": ":no_entry:", "not_checked": ":question:"}
HEADLINES = {
    "pass": "no claims about user behaviour found.",
    "warn": "review the marked words before publishing.",
    "block": "do not publish: this draft exposes what users did.",
    "not_checked": "this draft could not be checked; do not publish it until it has been.",
}


def result_blocks(result: Result, approval: str | None = None) -> list[Block]:
    """The answer to one draft; on a block, `approval` (what the button carries) adds "Approve anyway"."""
    blocks = [_mrkdwn(f"{ICONS[result.decision]} *postlint: {result.decision}*: {HEADLINES[result.decision]}")]
    if result.error is not None:
        blocks.append(_mrkdwn(f"_{result.error}_"))
    blocks += [_finding(result.text, finding) for finding in result.findings[:MAX_FINDINGS]]
    if len(result.findings) > MAX_FINDINGS:
        hidden = len(result.findings) - MAX_FINDINGS
        blocks.append(_mrkdwn(f"…and {hidden} more: run `postlint check` on the draft to see every finding."))
    if approval is not None and result.decision == "block":
        button = {
            "type": "button",
            "action_id": APPROVE_ACTION,
            "text": _plain("Approve anyway"),
            "style": "danger",
            "value": approval,
        }
        blocks.append({"type": "actions", "elements": [button]})
    return blocks


def summary(result: Result) -> str:
    """The message's plain text, for notifications and screen readers."""
    count = len(result.findings)
    return f"postlint: {result.decision} ({count} finding{'' if count == 1 else 's'})"


def approval_modal(metadata: str, rules: list[str]) -> Block:
    return {
        "type": "modal",
        "callback_id": APPROVE_ACTION,
        "private_metadata": metadata,
        "title": _plain("Approve anyway"),
        "submit": _plain("Approve"),
        "close": _plain("Cancel"),
        "blocks": [
            _mrkdwn(
                f"postlint blocked this draft ({', '.join(rules)}). Your name, the time and your reason go into "
                "the audit log; the draft itself does not."
            ),
            {
                "type": "input",
                "block_id": REASON,
                "label": _plain("Why may it be published?"),
                "element": {"type": "plain_text_input", "action_id": REASON, "multiline": True},
            },
        ],
    }


def approved_modal(approval: Approval) -> Block:
    """What the modal turns into once the approval is safely written."""
    return {
        "type": "modal",
        "title": _plain("Approved"),
        "close": _plain("Done"),
        "blocks": [_mrkdwn(f":white_check_mark: Recorded as approval #{approval.id} at {approval.approved_at}.")],
    }


def approval_note(approval: Approval) -> list[Block]:
    """The thread's record of who let a blocked draft through and why."""
    section = [
        {"type": "emoji", "name": "white_check_mark"},
        _text(" "),
        {"type": "user", "user_id": approval.approver},
        _text(f" approved this draft anyway (approval #{approval.id}, {', '.join(approval.rules)}): "),
        _text(approval.reason, italic=True),
    ]
    return [{"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": section}]}]


def _finding(text: str, finding: Finding) -> Block:
    low, high = max(0, finding.start - CONTEXT), min(len(text), finding.end + CONTEXT)
    before = ("…" if low else "") + text[low : finding.start]
    after = text[finding.end : high] + ("…" if high < len(text) else "")
    title = [_text(f"{finding.rule} {finding.name}", bold=True), _text(f"  {finding.severity}")]
    quote = [_text(before), _text(finding.text, bold=True, strike=True), _text(after)]
    notes = [_text(finding.message + "\n"), _text("Suggestion: ", bold=True), _text(finding.suggestion)]
    sections = [("rich_text_section", title), ("rich_text_quote", quote), ("rich_text_section", notes)]
    return {
        "type": "rich_text",
        "elements": [{"type": kind, "elements": [e for e in elements if e["text"]]} for kind, elements in sections],
    }


def _text(text: str, **style: bool) -> Block:
    return {"type": "text", "text": text, **({"style": style} if style else {})}


def _plain(text: str) -> Block:
    return {"type": "plain_text", "text": text}


def _mrkdwn(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}
