"""Evasions count as the plain text: the same decision, with spans on the characters as typed."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import linter

TEMPLATE = "To the {n} people who watched Ocean Nights every night this week: are you okay?"
LARGE = "{n} listeners in Hull played the storm mix at 3am on Sunday."

EVASIONS = [
    # (template, plain number, evaded number as typed)
    (TEMPLATE, "53", "５３"),
    (TEMPLATE, "53", "5️⃣3️⃣"),
    (TEMPLATE, "53", "5\u200b3"),
    (TEMPLATE, "53", "fifty-three"),
    (TEMPLATE, "12", "a dozen"),
    (TEMPLATE, "200", "two hundred"),
    (LARGE, "3749", "3,749"),
    (LARGE, "3749", "3.749"),
    (LARGE, "3749", "3 749"),
    (LARGE, "3749", "3\u202f749"),
    (LARGE, "3749", "3'749"),
    (LARGE, "1200", "1.2k"),
    (LARGE, "4200000", "4.2M"),
]


def summary(result):
    return result.decision, result.categories, sorted(f.rule for f in result.findings)


@pytest.mark.parametrize(("template", "plain", "evaded"), EVASIONS)
def test_evasion_gets_the_plain_decision(template, plain, evaded):
    plain_result = linter.lint(template.format(n=plain))
    typed = template.format(n=evaded)
    evaded_result = linter.lint(typed)
    assert summary(evaded_result) == summary(plain_result)
    assert evaded_result.claims[0]["n"] == plain_result.claims[0]["n"]
    for finding in evaded_result.findings:
        assert typed[finding.start : finding.end] == finding.text
    size_findings = [f for f in evaded_result.findings if f.rule in {"PL102", "PL103"}]
    assert all(evaded in f.text for f in size_findings)


def render(n: int, style: str) -> str:
    digits = f"{n:,}" if n >= 1000 else str(n)
    if style == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in digits)
    if style == "keycap":
        return "".join(c + "\ufe0f\u20e3" if c.isdigit() else c for c in digits)
    if style == "zero-width":
        return "\u200b".join(digits)
    if style == "dot":
        return digits.replace(",", ".")
    if style == "space":
        return digits.replace(",", "\u00a0")
    return digits


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(min_value=2, max_value=99_999),
    style=st.sampled_from(["fullwidth", "keycap", "zero-width", "dot", "space"]),
)
def test_any_count_in_any_disguise_reads_as_the_count(n, style):
    plain = linter.lint(LARGE.format(n=n))
    evaded = linter.lint(LARGE.format(n=render(n, style)))
    assert summary(evaded) == summary(plain)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_any_unicode_input_lints_with_spans_inside_the_text(text):
    """Any text gets a decision; the only check that may not run is the one on a post mostly in another
    language (E005), which says so rather than failing (E001) or passing."""
    result = linter.lint(text)
    assert result.decision in {"pass", "warn", "block"} or result.error.code == "E005"
    for finding in result.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.text(alphabet=st.characters(categories=["So", "Sk", "Zs", "Mn", "Cf"]), max_size=8),
    suffix=st.text(max_size=40),
)
def test_spans_survive_astral_and_invisible_characters_around_a_leak(prefix, suffix):
    text = prefix + "A user in Leeds watched the finale 12 times." + suffix
    for finding in linter.lint(text).findings:
        assert text[finding.start : finding.end] == finding.text
