"""The rules pack as data: loading, clear errors, and a team's overrides from config."""

import shutil
import time
from pathlib import Path

import pytest

import linter
from linter.config import Config, build_pack, load_config
from linter.errors import PackError
from linter.policy.pack import default_pack_dir, load_pack

LEAK = "To the 150 people who watched Holiday Baking every night this week: are you okay?"


def test_default_pack_implements_every_category():
    pack = load_pack()
    assert {r.category for r in pack.rules} == {"individual", "small_cohort", "sensitive", "specificity", "shaming"}
    assert pack.thresholds == {"k_block": 100, "k_warn": 1000, "k_sensitive": 10000, "k_narrowing": 10000}
    for rule in pack.rules:
        assert rule.id and rule.message and rule.suggestion and rule.description
        assert rule.examples.get("flagged"), f"{rule.id} has no flagged example"


def test_every_rule_flags_its_own_flagged_examples():
    pack = load_pack()
    for rule in pack.rules:
        for example in rule.examples["flagged"]:
            assert rule.id in {f.rule for f in linter.lint(example).findings}, (rule.id, example)
        for example in rule.examples.get("passing", []):
            assert rule.id not in {f.rule for f in linter.lint(example).findings}, (rule.id, example)


def write_config(tmp_path: Path, body: str, name: str = "postlint.toml") -> Config:
    (tmp_path / name).write_text(body, encoding="utf-8")
    return load_config(start=tmp_path)


def test_threshold_override_changes_the_decision(tmp_path):
    assert linter.lint(LEAK).decision == "warn"
    config = write_config(tmp_path, "[thresholds]\nk_block = 250\n")
    assert linter.lint(LEAK, config).decision == "block"


def test_messages_say_what_this_draft_did_under_the_team_thresholds(tmp_path):
    draft = "0.02% of our 60,000 members renewed on the first morning of the sale."
    (small,) = [f for f in linter.lint(draft).findings if f.rule == "PL102"]
    assert small.message.startswith("A group of 12 (0.02% of 60,000) members is under 100")
    config = write_config(tmp_path, "[thresholds]\nk_block = 250\n")
    (team,) = [f for f in linter.lint("212 members renewed twice in a day.", config).findings if f.rule == "PL102"]
    assert "A group of 212 members is under 250" in team.message
    callout = "To the 31 gardeners who bought slug pellets at dawn: we see you."
    (addressed,) = [f for f in linter.lint(callout).findings if f.rule == "PL402"]
    assert addressed.message.startswith('"To the 31 gardeners"') and "53" not in addressed.message


@pytest.mark.parametrize(
    ("draft", "group"),
    [
        ("Only 14 agencies on our plan switched on single sign-on before noon.", "A group of 14 agencies"),
        ("9 of you renewed twice in one night.", "A group of 9 people"),
        (
            "Dozens of glaziers moved to the monthly plan on Sortly in May.",
            "A group of at least 2 (dozens) glaziers is",
        ),
    ],
)
def test_a_small_group_is_named_by_its_own_noun(draft, group):
    """The message names the group as the draft did ("14 agencies"; "dozens of glaziers": the glaziers, not
    the quantity), and "people" where it has no noun."""
    (small,) = [f for f in linter.lint(draft).findings if f.rule == "PL102"]
    assert small.message.startswith(group)


def test_a_rule_flags_the_same_words_once():
    result = linter.lint("Some of you bought pregnancy tests at 2am.")
    spans = [(f.rule, f.start, f.end) for f in result.findings]
    assert len(spans) == len(set(spans))
    for f in result.findings:  # no finding sits inside another of the same rule
        assert not [
            g for g in result.findings if g.rule == f.rule and g is not f and g.start <= f.start and f.end <= g.end
        ]


def test_config_in_pyproject_disable_and_severity(tmp_path):
    config = write_config(
        tmp_path,
        '[tool.postlint]\ndisable = ["PL401", "PL402", "PL403", "PL404"]\nfail_on = "warn"\n[tool.postlint.severity]\nPL301 = "block"\n',
        "pyproject.toml",
    )
    assert config.fail_on == "warn"
    result = linter.lint(LEAK, config)
    assert "shaming" not in result.categories
    assert {f.severity for f in result.findings if f.rule == "PL301"} == {"block"}


def test_extra_terms_extend_a_lexicon(tmp_path):
    draft = "Some of you ordered glitter soap at midnight."
    assert "sensitive" not in linter.lint(draft).categories
    config = write_config(tmp_path, '[terms]\n"sensitive.health" = ["glitter soap"]\n')
    assert "sensitive" in linter.lint(draft, config).categories


def test_team_rules_from_a_file_with_terms_and_patterns(tmp_path):
    (tmp_path / "team.yaml").write_text(
        """rules:
  - id: TEAM001
    name: no-internal-codenames
    category: specificity
    severity: block
    check: phrase
    terms: [project lantern]
    patterns: ['\\bLNT-\\d{3}\\b']
    message: Internal codenames must not be published.
    suggestion: Use the public product name.
""",
        encoding="utf-8",
    )
    config = write_config(tmp_path, 'extend = ["team.yaml"]\n')
    result = linter.lint("Project Lantern ships next week, ticket LNT-042.", config)
    assert [(f.rule, f.text) for f in result.findings] == [("TEAM001", "Project Lantern"), ("TEAM001", "LNT-042")]
    assert result.decision == "block"


def test_a_catastrophic_team_pattern_times_out_instead_of_hanging(tmp_path):
    (tmp_path / "team.yaml").write_text(
        """rules:
  - {id: TEAM002, name: redos, category: shaming, severity: warn, check: phrase,
     patterns: ['(a+)+$'], message: m, suggestion: s}
""",
        encoding="utf-8",
    )
    config = write_config(tmp_path, 'extend = ["team.yaml"]\n')
    started = time.perf_counter()
    linter.lint("a" * 40 + "!", config)
    assert time.perf_counter() - started < 5


@pytest.mark.parametrize(
    ("rules_yaml", "message"),
    [
        ("rules:\n  - id: X1\n    name: x\n", "rules.yaml:2: rule field 'category' is required"),
        (
            "rules:\n  - {id: X1, name: x, category: loud, severity: warn, check: tone, labels: [tone.mock], message: m, suggestion: s}\n",
            "rules.yaml:2: field 'category' must be one of",
        ),
        (
            "rules:\n  - id: X1\n    name: x\n    category: shaming\n    severity: warn\n    check: phrase\n    patterns: ['(unclosed']\n    message: m\n    suggestion: s\n",
            "rules.yaml:7: 'patterns': invalid regular expression",
        ),
        (
            "rules:\n  - id: X1\n    name: x\n    category: shaming\n    severity: fatal\n    check: tone\n    labels: [tone.mock]\n    message: m\n    suggestion: s\n",
            "rules.yaml:5: field 'severity' must be one of warn, block",
        ),
        ("rules: [\n", "rules.yaml:2: invalid YAML"),
        (
            "rules:\n  - {id: X1, name: x, category: sensitive, severity: block, check: post, label: sensitive,\n"
            "     threshold: 0.5, decision: maybe, decision_threshold: 0.5, message: m, suggestion: s}\n",
            "'decision': must be one of block, flag",
        ),
        (
            "rules:\n  - {id: X1, name: x, category: sensitive, severity: block, check: post, label: sensitive,\n"
            "     threshold: 1.5, decision: block, decision_threshold: 0.5, message: m, suggestion: s}\n",
            "'threshold': must be a score between 0 and 1",
        ),
        (
            "rules:\n  - {id: X1, name: x, category: individual, severity: block, check: claim,\n"
            "     when: {individual: true}, claim_score: yes, message: m, suggestion: s}\n",
            "'claim_score': must be a score between 0 and 1",
        ),
        (  # no size condition, so no threshold to name
            "rules:\n  - id: X1\n    name: x\n    category: individual\n    severity: block\n    check: claim\n"
            "    when: {individual: true}\n    message: 'over {threshold}'\n    suggestion: s\n",
            "rules.yaml:8: field 'message' names '{threshold}', which this rule cannot fill",
        ),
        (
            "rules:\n  - {id: X1, name: x, category: shaming, severity: warn, check: tone, labels: [tone.mock],\n"
            "     message: m, suggestion: 'say {n:,} instead'}\n",
            "field 'suggestion' names '{n}', which this rule cannot fill (it can fill {words})",
        ),
        (
            "rules:\n  - {id: X1, name: x, category: shaming, severity: warn, check: tone, labels: [tone.mock],\n"
            "     message: 'unclosed {', suggestion: s}\n",
            "field 'message' is not a valid template",
        ),
        (
            "rules:\n  - id: X1\n    name: x\n    category: shaming\n    severity: warn\n    check: tone\n"
            "    labels: [tone.mock]\n    harmless_veto: sometimes\n    message: m\n    suggestion: s\n",
            "rules.yaml:8: field 'harmless_veto' must be true or false",
        ),
    ],
)
def test_a_broken_pack_names_file_line_and_field(tmp_path, rules_yaml, message):
    pack = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), pack)
    (pack / "rules" / "rules.yaml").write_text(rules_yaml, encoding="utf-8")
    with pytest.raises(PackError) as error:
        load_pack(pack)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_a_broken_config_names_file_and_field(tmp_path):
    (tmp_path / "postlint.toml").write_text('fail_on = "always"\n', encoding="utf-8")
    with pytest.raises(PackError, match=r"postlint.toml:1: field 'fail_on' must be 'warn' or 'block'"):
        load_config(start=tmp_path)
    (tmp_path / "postlint.toml").write_text("[severity]\nPL999 = 'block'\n", encoding="utf-8")
    with pytest.raises(PackError, match="names no rule"):
        build_pack(load_config(start=tmp_path))


def test_a_missing_model_is_a_clear_error(tmp_path):
    config = write_config(tmp_path, 'model = "en_core_web_nonexistent"\n')
    with pytest.raises(linter.ModelNotFound, match="is not installed; install it with"):
        linter.get_linter(config)


@pytest.mark.parametrize(
    ("lexicon_yaml", "message"),
    [
        ("made_up_words: [zorblat]\n", "extra.yaml:1: unknown lexicon 'made_up_words'"),
        ("change_verbs:\n  - flibber\n  - zoom upward\n", "extra.yaml:3: lexicon 'change_verbs' takes single words"),
        ("public_markers:\n  - glimmerful\n  - Glimmerful\n", "extra.yaml:3: 'Glimmerful' is already in lexicon"),
        ("time:\n  patterns: ['(unclosed']\n", "extra.yaml:2: lexicon 'time.patterns': invalid regular expression"),
    ],
)
def test_a_lexicon_entry_that_does_not_fit_its_type_names_file_and_line(tmp_path, lexicon_yaml, message):
    pack = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), pack)
    (pack / "lexicons" / "extra.yaml").write_text(lexicon_yaml, encoding="utf-8")
    with pytest.raises(PackError) as error:
        load_pack(pack)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_config_terms_are_checked_against_the_lexicon_types(tmp_path):
    config = write_config(tmp_path, '[terms]\n"made_up_words" = ["zorblat"]\n')
    with pytest.raises(PackError, match=r"postlint.toml:2: field 'terms.made_up_words' is not a lexicon"):
        build_pack(config)
    config = write_config(tmp_path, '[terms]\n"grammar.modals" = ["ought to"]\n')
    with pytest.raises(PackError, match=r"postlint.toml:2: field 'terms.grammar.modals': .* takes single words"):
        build_pack(config)
