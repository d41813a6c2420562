"""Block Kit for the bot: the answer to a draft, the approval modal, and the note an approval leaves.

Draft text goes into rich_text elements, which Slack shows literally: nothing to escape, and a `*` or `<` in a
draft cannot turn into formatting or a mention. The draft is quoted once with the words at fault in bold; the
findings follow as a list, blocks first; then, where fixes exist, the draft rewritten with them.
"""

from __future__ import annotations

from typing import Any

from linter.result import Finding, Result, severity_rank
from linter.slack.store import Approval

Block = dict[str, Any]

APPROVE_ACTION = "postlint_approve"  # the button's action_id and the modal's callback_id
REASON = "reason"  # the modal's reason input: block_id and action_id
MAX_FINDINGS = 20  # a long list helps nobody in a chat; the CLI shows every finding
ICONS = {"pass": ":white_check_mark:", "warn": ":warning:", "block": ":no_entry:", "not_checked": ":question:"}
HEADLINES = {
    "pass": "no claims about user behaviour found.",
    "warn": "review the marked words before publishing.",
    "block": "do not publish: this draft exposes what users did.",
    "not_checked": "this draft could not be checked; do not publish it until it has been.",
}


def result_blocks(result: Result, approval: str | None = None, rewrite: tuple[str, str] | None = None) -> list[Block]:
    """The answer to one draft; on a block, `approval` (what the button carries) adds "Approve anyway".
    `rewrite` is the draft with its safe fixes applied and the decision it then gets."""
    blocks = [_mrkdwn(f"{ICONS[result.decision]} *postlint: {result.decision}*: {HEADLINES[result.decision]}")]
    if result.error is not None:
        blocks.append(_mrkdwn(f"_{result.error}_"))
    findings = sorted(
        (f for f in result.findings if not f.suppressed), key=lambda f: (-severity_rank(f.severity), f.start, f.rule)
    )
    if findings:
        blocks.append(_rich("rich_text_quote", _marked(result.text, findings)))
        items = [_finding(finding) for finding in findings[:MAX_FINDINGS]]
        blocks.append(
            {"type": "rich_text", "elements": [{"type": "rich_text_list", "style": "bullet", "elements": items}]}
        )
    if len(findings) > MAX_FINDINGS:
        hidden = len(findings) - MAX_FINDINGS
        blocks.append(_mrkdwn(f"…and {hidden} more: run `postlint check` on the draft to see every finding."))
    if rewrite is not None:
        fixed, decision = rewrite
        blocks.append(_mrkdwn(f"*With the suggested fixes* ({ICONS[decision]} {decision} when checked again):"))
        blocks.append(_rich("rich_text_quote", [_text(fixed)]))
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


def _marked(text: str, findings: list[Finding]) -> list[Block]:
    """The draft in pieces, the words of any finding in bold (overlapping words marked once)."""
    spans: list[list[int]] = []
    for start, end in sorted((f.start, f.end) for f in findings):
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    pieces, at = [], 0
    for start, end in spans:
        pieces += [_text(text[at:start]), _text(text[start:end], bold=True)]
        at = end
    return [p for p in [*pieces, _text(text[at:])] if p["text"]]


def _finding(finding: Finding) -> Block:
    """One line: the rule, its severity and the words, the message, then what to write instead."""
    elements = [
        _text(f"{finding.rule} {finding.name}", bold=True),
        _text(f" ({finding.severity}) "),
        _text(f"“{finding.text}”", italic=True),
        _text(f": {finding.message} {finding.suggestion}"),
    ]
    return {"type": "rich_text_section", "elements": elements}


def _rich(kind: str, elements: list[Block]) -> Block:
    return {"type": "rich_text", "elements": [{"type": kind, "elements": elements}]}


def _text(text: str, **style: bool) -> Block:
    return {"type": "text", "text": text, **({"style": style} if style else {})}


def _plain(text: str) -> Block:
    return {"type": "plain_text", "text": text}


def _mrkdwn(text: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}
