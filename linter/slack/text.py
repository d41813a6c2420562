"""Slack sends message text in its own markup; the linter must read, and point into, what the user typed.

`&`, `<` and `>` arrive escaped, and links, mentions and dates arrive as `<target|label>`. Each becomes what
the author saw in their composer, so "Read more: <https://ex.com|ex.com> &amp; reply" reads as typed.
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def plain_text(slack_text: str) -> str:
    return _unescape(TOKEN.sub(_shown, slack_text))


def _shown(match: re.Match[str]) -> str:
    target, label = match.group(1), match.group(2)
    if target.startswith(("@", "#")):  # a user or a channel: <@U123|priya>, <#C123|drafts>
        return target[0] + (label or target[1:]).removeprefix(target[0])
    if target.startswith("!"):  # <!here>, <!subteam^S123|@approvers>, <!date^…|fallback>
        return label or "@" + target[1:].removeprefix("subteam^")
    return label or target  # a link: <https://ex.com|ex.com>, <mailto:a@ex.com|a@ex.com>


def _unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
