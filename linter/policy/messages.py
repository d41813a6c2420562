"""Message templates: a rule's `message` and `suggestion` may say what this draft did.

A template names fields in braces, filled from the finding (`{words}`) and its `because`:

    words      the words at fault, as the user typed them (long spans are shortened)
    n          the claim's size, "53" or "1,200" (claim rules)
    n_how      how that size was read: "53", "8 (0.01% of 80,000)", "at least 2 (a few)", "unknown"
    claim      who the claim is about, as written: "a third of our 4,470 tenants" (claim rules)
    who        the plural noun that names the group: "members", "startups"; "people" where none does
               ("27 of you") (claim rules)
    threshold  the size threshold the rule applied, "100" (claim rules with n_below / n_at_least),
               or the model score the rule needs, "0.5" (sentence and post rules)
    detail     the kind of detail flagged: time, place, age… (claim rules reporting details)
    label, score   the model's label and its score for this post or sentence (sentence and post rules)

A pack that names a field its rule cannot fill is an error when the pack loads, so a message never
shows a blank. Literal braces are written twice: "{{" and "}}".
"""

from __future__ import annotations

from string import Formatter
from typing import Any

WORDS_SHOWN = 60  # longer spans (a whole sentence from a model rule) are cut with an ellipsis


def fields_of(check: str, params: dict[str, Any]) -> set[str]:
    """The fields a rule of this check, with these parameters, can fill."""
    if check == "claim":
        fields = {"words", "n", "n_how", "claim", "who"}
        if {"n_below", "n_at_least"} & set(params.get("when", {})):
            fields.add("threshold")
        if params.get("report") == "details":
            fields.add("detail")
        return fields
    if check in {"sentence", "post"}:
        return {"words", "label", "score", "threshold"}
    return {"words"}


def template_problem(template: str, fields: set[str]) -> str | None:
    """Why `template` cannot be filled from `fields`, or None when it can."""
    try:
        parsed = list(Formatter().parse(template))
    except ValueError as exc:
        return f"is not a valid template ({exc}; write literal braces twice)"
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in fields:
            known = ", ".join("{" + f + "}" for f in sorted(fields))
            return f"names '{{{name}}}', which this rule cannot fill (it can fill {known})"
        if spec or conversion:
            return f"formats '{{{name}}}' ({spec or conversion}): fields are filled as text, write them bare"
    return None


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _n_how(because: dict[str, Any]) -> str:
    n, kind, stated = because.get("n"), because.get("n_kind"), because.get("n_stated", "")
    if n is None:
        return "unknown"
    if kind == "derived" and stated:
        return f"{_number(n)} ({stated})"
    if kind == "vague" and stated:
        return f"at least {_number(n)} ({stated})"
    return _number(n)


def _threshold(because: dict[str, Any]) -> str:
    for condition in ("n_below", "n_at_least"):
        if condition in because:
            return _number(because[condition]["value"])
    return f"{because.get('threshold', '')}"


def _shown(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= WORDS_SHOWN else words[: WORDS_SHOWN - 1].rstrip() + "…"


def fill(template: str, because: dict[str, Any], words: str) -> str:
    """The template with this finding's values in (the pack was checked to name only fields it has)."""
    if "{" not in template and "}" not in template:
        return template
    n = because.get("n")
    values = {
        "words": _shown(words),
        "n": "an unknown number" if n is None else _number(n),
        "n_how": _n_how(because),
        "claim": because.get("claim", ""),
        "who": because.get("who", "people"),
        "threshold": _threshold(because),
        "detail": str(because.get("detail", "")).rsplit(".", 1)[-1],  # "sensitive.health" -> "health"
        "label": str(because.get("label", "")),
        "score": f"{because['score']:.2f}" if "score" in because else "",
    }
    return template.format_map(values)
