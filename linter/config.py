"""Team configuration: `[tool.postlint]` in pyproject.toml or the top level of postlint.toml.

[tool.postlint]
model = "en_core_web_sm"          # any installed spaCy English pipeline
fail_on = "warn"                  # what makes `postlint check` exit 1
select = ["ALL"]                   # rules to run: ids, id prefixes ("PL1"), names or categories
ignore = ["PL103", "shaming"]     # rules not to run, same forms ("disable" is the older name)
extend = ["team-rules.yaml"]      # extra rule files, same format as the pack's rules/
[tool.postlint.thresholds]
k_block = 250
[tool.postlint.severity]
PL302 = "block"
[tool.postlint.terms]             # extra lexicon entries, by lexicon name
"sensitive.health" = ["sleep apnoea"]
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from linter.errors import PackError
from linter.model import DEFAULT_MODEL
from linter.policy.lexicons import entry_problem, lexicon_type
from linter.policy.pack import SEVERITIES, Pack, Rule, is_share, load_pack, load_rules_file, selected, with_overrides

# Settings of the pack's own (pack.yaml) a config may set too, each a share from 0 to 1, and what to say
# when one is not.
PACK_SHARES = {
    "english_below": "must be a share from 0 to 1 (0 reads every post as English)",
    "inferred_claim_score": "must be a score from 0 to 1 (0: no cohort of a kind no lexicon names)",
}
CONFIG_KEYS = {
    "model", "fail_on", "select", "ignore", "disable", "extend", "pack", "thresholds", "severity", "terms",
    *PACK_SHARES,
}  # fmt: skip
SURFACE_TABLES = {"server", "slack", "x"}  # read by each surface's own settings module
FAIL_ON = ("warn", "block")


@dataclass(frozen=True)
class Config:
    model: str = DEFAULT_MODEL
    fail_on: str = "block"
    pack_dir: Path | None = None
    select: tuple[str, ...] = ("ALL",)
    ignore: frozenset[str] = frozenset()  # `ignore` in the file, and --ignore on the command line
    disable: frozenset[str] = frozenset()  # the older name of `ignore`, still read
    extend: tuple[Path, ...] = ()
    thresholds: tuple[tuple[str, int], ...] = ()
    severity: tuple[tuple[str, str], ...] = ()
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    english_below: float | None = None  # the pack's own share unless set
    inferred_claim_score: float | None = None  # the pack's own score unless set
    source: Path | None = field(default=None, compare=False)


def find_config(start: Path) -> Path | None:
    """The nearest postlint.toml, or pyproject.toml with a [tool.postlint] table, from `start` upwards."""
    start = start.resolve()
    for folder in (start, *start.parents):
        candidate = folder / "postlint.toml"
        if candidate.is_file():
            return candidate
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and re.search(r"^\[tool\.postlint[\].]", pyproject.read_text(errors="replace"), re.M):
            return pyproject
    return None


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Read a config file (or find one from `start`); no file means the defaults."""
    path = path or find_config(start or Path.cwd())
    if path is None:
        return Config()
    table, text = _read_postlint_table(path)
    return _parse(table, path, text)


def surface_table(path: Path | None, name: str) -> dict[str, Any]:
    """A surface's own settings: `[tool.postlint.<name>]` in pyproject.toml, `[<name>]` in postlint.toml.

    Each surface checks its own keys; no file, or no such table, is an empty table.
    """
    if path is None:
        return {}
    table = _read_postlint_table(path)[0].get(name, {})
    if not isinstance(table, dict):
        raise PackError(f"{path}:{_line_of(path.read_text(encoding='utf-8'), name)}: field '{name}' must be a table")
    return table


def _read_postlint_table(path: Path) -> tuple[dict[str, Any], str]:
    """The postlint table of a config file, and the file's text (for line numbers in errors)."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except OSError as exc:
        raise PackError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: invalid TOML: {exc}") from None
    return (data.get("tool", {}).get("postlint", {}) if path.name == "pyproject.toml" else data), text


def _parse(table: dict[str, Any], path: Path, text: str) -> Config:
    def fail(key: str, problem: str) -> None:
        raise PackError(f"{path}:{_line_of(text, key)}: field '{key}' {problem}")

    for key in table:
        if key not in CONFIG_KEYS | SURFACE_TABLES:
            fail(key, f"is not a postlint setting (known: {', '.join(sorted(CONFIG_KEYS))})")
    if not isinstance(table.get("model", DEFAULT_MODEL), str):
        fail("model", "must be the name of an installed spaCy pipeline")
    if table.get("fail_on", "block") not in FAIL_ON:
        fail("fail_on", "must be 'warn' or 'block'")
    for key in ("select", "ignore", "disable", "extend"):
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail(key, "must be a list of strings")
    if not isinstance(table.get("pack", ""), str):
        fail("pack", "must be the path of a rules pack folder")
    for key, problem in PACK_SHARES.items():
        if table.get(key) is not None and not is_share(table[key]):
            fail(key, problem)
    for key, example in (("thresholds", "k_block = 250"), ("severity", 'PL302 = "block"'), ("terms", '"x" = ["y"]')):
        if not isinstance(table.get(key, {}), dict):
            fail(key, f"must be a table of settings such as [tool.postlint.{key}] {example}")
    thresholds = table.get("thresholds", {})
    for key, value in thresholds.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            fail(key, "must be a whole number (a threshold)")
    severity = table.get("severity", {})
    for key, value in severity.items():
        if value not in SEVERITIES:
            fail(key, f"must be one of {', '.join(SEVERITIES)}")
    terms = table.get("terms", {})
    for key, value in terms.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail(key, "must be a list of words or phrases")
    base = path.parent
    pack = table.get("pack")
    return Config(
        model=table.get("model", DEFAULT_MODEL),
        fail_on=table.get("fail_on", "block"),
        pack_dir=(base / pack) if isinstance(pack, str) else None,
        select=tuple(table.get("select", ["ALL"])),
        ignore=frozenset(table.get("ignore", [])),
        disable=frozenset(table.get("disable", [])),
        extend=tuple(base / p for p in table.get("extend", [])),
        thresholds=tuple(sorted(thresholds.items())),
        severity=tuple(sorted(severity.items())),
        terms=tuple(sorted((k, tuple(v)) for k, v in terms.items())),
        **{key: None if table.get(key) is None else float(table[key]) for key in PACK_SHARES},
        source=path,
    )


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _config_error(config: Config, key: str, problem: str) -> None:
    if config.source is None:
        raise PackError(f"field {problem}")
    line = _line_of(config.source.read_text(encoding="utf-8"), key)
    raise PackError(f"{config.source}:{line}: field {problem}")


def every_rule(config: Config) -> tuple[Rule, ...]:
    """The rules of the config's pack and extensions, before select / ignore."""
    return build_pack(replace(config, select=("ALL",), ignore=frozenset(), disable=frozenset())).rules


def with_selection(config: Config, select: list[str] | None, ignore: list[str] | None) -> Config:
    """The config with --select (replacing the file's `select`) and --ignore (adding to its `ignore`)
    applied; a selector that names no rule is an error that names the flag."""
    every = every_rule(config)
    for flag, selectors in (("--select", select or []), ("--ignore", ignore or [])):
        for selector in selectors:
            if not selected(every, selector):
                problem = f"names no rule, rule name or category: {selector}"
                raise PackError(f"{flag} {problem} (list them with: postlint rules)")
    return replace(
        config,
        select=tuple(select) if select else config.select,
        ignore=config.ignore | frozenset(ignore or ()),
    )


@lru_cache(maxsize=8)
def build_pack(config: Config) -> Pack:
    """The pack the config asks for, with its thresholds, terms, severities, rules and disables applied."""
    pack = load_pack(config.pack_dir)
    for name, _ in config.thresholds:
        if name not in pack.thresholds:
            _config_error(
                config, name, f"'thresholds.{name}' is not a threshold of {pack.name} ({', '.join(pack.thresholds)})"
            )
    thresholds = {**pack.thresholds, **dict(config.thresholds)}
    extra_rules = [rule for path in config.extend for rule in load_rules_file(path, thresholds)]
    known = {r.id for r in pack.rules} | {r.id for r in extra_rules}
    for rule_id, _ in config.severity:
        if rule_id not in known:
            _config_error(config, rule_id, f"'severity.{rule_id}' names no rule")
    for name, entries in config.terms:
        if lexicon_type(name) is None:
            _config_error(
                config, name, f"'terms.{name}' is not a lexicon (the known ones are in linter/policy/lexicons.py)"
            )
        for problem in filter(None, (entry_problem(name, entry) for entry in entries)):
            _config_error(config, name, f"'terms.{name}': {problem}")
    every = [*pack.rules, *extra_rules]
    chosen, ignored = set(), set()
    for key, selectors, into in (
        ("select", config.select, chosen),
        ("ignore", config.ignore, ignored),
        ("disable", config.disable, ignored),
    ):
        for selector in sorted(selectors):
            ids = selected(every, selector)
            if not ids:
                _config_error(config, key, f"'{key}' names no rule, rule name or category: {selector} "
                              "(list them with: postlint rules)")  # fmt: skip
            into |= ids
    pack = replace(pack, **{key: getattr(config, key) for key in PACK_SHARES if getattr(config, key) is not None})
    return with_overrides(
        pack,
        thresholds=dict(config.thresholds),
        terms={k: list(v) for k, v in config.terms},
        severities=dict(config.severity),
        disabled=known - chosen | ignored,
        extra_rules=extra_rules,
    )
