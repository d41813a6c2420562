"""The rules pack: data files (YAML) that say what to flag, loaded, validated and merged with team config.

A pack is a folder holding `pack.yaml` (name, version, thresholds), `rules/*.yaml` files of rules and
`lexicons/*.yaml` files of word lists and token patterns. Every error names the file, line and field.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.util import registry

from linter import fixes
from linter.errors import PackError
from linter.policy.checks import CHECKS
from linter.policy.lexicons import entry_key, entry_problem, lexicon_type
from linter.policy.messages import fields_of, template_problem

SEVERITIES = ("warn", "block")
CATEGORIES = ("individual", "small_cohort", "sensitive", "specificity", "shaming")
RULE_FIELDS = {
    "id",
    "name",
    "category",
    "severity",
    "check",
    "when",
    "report",
    "labels",
    "terms",
    "patterns",
    "scope",
    "label",
    "threshold",
    "claims",
    "claim_score",
    "decision",
    "decision_threshold",
    "message",
    "suggestion",
    "fix",
    "harmless_veto",
    "description",
    "examples",
}
REQUIRED_RULE_FIELDS = ("id", "name", "category", "severity", "check", "message", "suggestion")
DOC_FIELDS = {"description", "examples", "fix"}
ENGINE_FIELDS = {"harmless_veto"}  # read by the engine, not by the rule's check


def default_pack_dir() -> Path:
    """The bundled pack: inside the wheel as linter/rules, or the repo's rules/ in a source checkout."""
    bundled = resources.files("linter") / "rules"
    if bundled.is_dir():
        return Path(str(bundled))
    return Path(__file__).resolve().parents[2] / "rules"


class _LineLoader(yaml.SafeLoader):
    """A YAML loader whose mappings remember the line of each key, so errors can point at it."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {k.value: k.start_mark.line + 1 for k, _ in node.value if hasattr(k, "value")}
    return mapping


class LineDict(dict):
    line: int = 0
    key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A YAML list that remembers the line of each item."""

    lines: list[int] = []


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    items = LineList(loader.construct_sequence(node, deep=True))
    items.lines = [item.start_mark.line + 1 for item in node.value]
    return items


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PackError(f"{path}: cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise PackError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None


@dataclass(frozen=True)
class Rule:
    """One rule: a stable id, what it checks (a registered check and its parameters), and its docs."""

    id: str
    name: str
    category: str
    severity: str
    check: str
    message: str
    suggestion: str
    params: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    examples: dict[str, list[str]] = field(default_factory=dict)
    source: str = ""
    fix: dict[str, str] | None = None  # how to take the words out (linter.fixes), or None
    # Whether the post model's harmless reading (the pack's `harmless_below`) may suppress its findings.
    # Not a team's own phrases (a codename is not the model's to judge), nor what a rule says it stands on.
    harmless_veto: bool = True


@dataclass(frozen=True)
class Pack:
    name: str
    version: str
    thresholds: dict[str, int]
    lexicons: dict[str, list[str]]
    rules: tuple[Rule, ...]
    # Where the post model scores a post under this for "flag" (an editor would pass it), the rules'
    # findings are kept but suppressed, each saying so. 0 leaves every decision to the rules.
    harmless_below: float = 0.0
    # A post in which a smaller share of the words are English is not checked (E005) unless a rule
    # blocks it: the pipeline reads English only. 0 reads every post as English.
    english_below: float = 0.0
    # A counted group of a kind the lexicons do not know ("612 roofers used…") is a claim only where the
    # sentence model scores its sentence at least this for "claim". 0: such groups are never claims.
    inferred_claim_score: float = 0.0

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id.lower() == rule_id.lower()), None)

    def threshold(self, value: int | str) -> int:
        """A rule may name a threshold ("k_block") or give a number."""
        return value if isinstance(value, int) else self.thresholds[value]


def _rule_from(data: Any, where: str, thresholds: dict[str, int]) -> Rule:
    if not isinstance(data, dict):
        raise PackError(f"{where}: a rule must be a mapping of fields")
    line = data.line_of if isinstance(data, LineDict) else (lambda _k: 0)
    here = lambda key: f"{where.rsplit(':', 1)[0]}:{line(key)}" if line(key) else where  # noqa: E731
    for key in REQUIRED_RULE_FIELDS:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise PackError(f"{here(key)}: rule field '{key}' is required and must be text")
    unknown = set(data) - RULE_FIELDS
    if unknown:
        raise PackError(f"{here(sorted(unknown)[0])}: unknown rule field '{sorted(unknown)[0]}'")
    if data["severity"] not in SEVERITIES:
        raise PackError(f"{here('severity')}: field 'severity' must be one of {', '.join(SEVERITIES)}")
    if data["category"] not in CATEGORIES:
        raise PackError(f"{here('category')}: field 'category' must be one of {', '.join(CATEGORIES)}")
    if data["check"] not in CHECKS:
        raise PackError(f"{here('check')}: field 'check' must be one of {', '.join(sorted(CHECKS))}")
    params = {k: data[k] for k in RULE_FIELDS - set(REQUIRED_RULE_FIELDS) - DOC_FIELDS - ENGINE_FIELDS if k in data}
    try:
        params = CHECKS[data["check"]].validate(params, thresholds)
    except ValueError as exc:
        raise PackError(f"{here(str(exc).split(':', 1)[0].strip(chr(39)))}: {exc}") from None
    for key in ("message", "suggestion"):
        problem = template_problem(data[key], fields_of(data["check"], params))
        if problem:
            raise PackError(f"{here(key)}: field '{key}' {problem}")
    try:
        fix = fixes.validate(data["fix"]) if "fix" in data else None
    except ValueError as exc:
        raise PackError(f"{here('fix')}: {exc}") from None
    veto = data.get("harmless_veto", data["check"] != "phrase")
    if not isinstance(veto, bool):
        raise PackError(f"{here('harmless_veto')}: field 'harmless_veto' must be true or false")
    examples = data.get("examples") or {}
    return Rule(
        id=data["id"],
        name=data["name"],
        category=data["category"],
        severity=data["severity"],
        check=data["check"],
        message=data["message"].strip(),
        suggestion=data["suggestion"].strip(),
        params=params,
        description=(data.get("description") or "").strip(),
        examples={k: list(v) for k, v in examples.items()},
        source=here("id"),
        fix=fix,
        harmless_veto=veto,
    )


def load_rules_file(path: Path, thresholds: dict[str, int]) -> list[Rule]:
    data = read_yaml(path)
    items = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise PackError(f"{path}:1: field 'rules' must be a list of rules")
    return [_rule_from(item, f"{path}:{getattr(item, 'line', 0)}", thresholds) for item in items]


def _load_lexicons(folder: Path) -> dict[str, list[str]]:
    """Every lexicon file's lists by name, each entry checked against its lexicon's declared type."""
    lexicons: dict[str, list[str]] = {}
    seen: dict[tuple[str, str], str] = {}  # (lexicon, entry key) -> where it first stood
    for path in sorted(folder.glob("*.yaml")):
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise PackError(f"{path}:1: a lexicon file must map lexicon names to lists")
        for name, entries in _flatten(data):
            where = f"{path}:{data.line_of(name.split('.')[0])}"
            if lexicon_type(name) is None:
                raise PackError(f"{where}: unknown lexicon '{name}' (the known ones are in linter/policy/lexicons.py)")
            if not isinstance(entries, list):
                raise PackError(f"{where}: lexicon '{name}' must be a list")
            lines = getattr(entries, "lines", [])
            for index, entry in enumerate(entries):
                here = f"{path}:{lines[index]}" if index < len(lines) else where
                problem = entry_problem(name, entry)
                if problem is not None:
                    raise PackError(f"{here}: {problem}")
                key = (name, entry_key(name, entry))
                if key in seen:
                    raise PackError(f"{here}: '{entry}' is already in lexicon '{name}' (at {seen[key]})")
                seen[key] = here
            lexicons.setdefault(name, []).extend(entries)
    return lexicons


def _flatten(data: dict, prefix: str = ""):
    """Nested lexicon groups become dotted names: sensitive: {health: [...]} -> 'sensitive.health'."""
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{name}.")
        else:
            yield name, value


def load_pack(folder: Path | None = None) -> Pack:
    folder = folder or default_pack_dir()
    meta_path = folder / "pack.yaml"
    if not meta_path.is_file():
        raise PackError(f"{folder}: not a rules pack (no pack.yaml)")
    meta = read_yaml(meta_path)
    if not isinstance(meta, dict):
        raise PackError(f"{meta_path}:1: pack.yaml must be a mapping")
    thresholds = meta.get("thresholds") or {}
    for key, value in thresholds.items():
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise PackError(f"{meta_path}:{thresholds.line_of(key)}: threshold '{key}' must be a whole number")
    rules: list[Rule] = []
    for path in sorted((folder / "rules").glob("*.yaml")):
        rules.extend(load_rules_file(path, dict(thresholds)))
    _check_unique(rules)
    harmless_below, english_below, inferred_claim_score = (
        _share(meta, key, meta_path) for key in ("harmless_below", "english_below", "inferred_claim_score")
    )
    return Pack(
        name=str(meta.get("name", folder.name)),
        version=str(meta.get("version", "0")),
        thresholds=dict(thresholds),
        lexicons=_with_rule_lexicons(_load_lexicons(folder / "lexicons"), rules),
        rules=tuple(rules),
        harmless_below=harmless_below,
        english_below=english_below,
        inferred_claim_score=inferred_claim_score,
    )


def is_share(value: Any) -> bool:
    """A number from 0 up to (not including) 1: a model score or a share of a post's words."""
    return not isinstance(value, bool) and isinstance(value, int | float) and 0 <= value < 1


def _share(meta: Any, key: str, meta_path: Path) -> float:
    value = meta.get(key, 0.0)
    if not is_share(value):
        raise PackError(f"{meta_path}:{meta.line_of(key)}: '{key}' must be a score from 0 to 1")
    return float(value)


@registry.misc("postlint.pack_lexicons.v1")
def pack_lexicons(path: str | None = None) -> dict[str, list]:
    """A pack's lexicons (default: the bundled pack) for a postlint component's `lexicons` setting in a
    spaCy config, so a pipeline outside the engine can name them: {"@misc": "postlint.pack_lexicons.v1"}."""
    return load_pack(Path(path) if path else None).lexicons


def _check_unique(rules: list[Rule]) -> None:
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise PackError(f"{rule.source}: rule id '{rule.id}' is already defined at {seen[rule.id]}")
        seen[rule.id] = rule.source


def selected(rules: tuple[Rule, ...] | list[Rule], selector: str) -> set[str]:
    """The ids of the rules a selector names: "ALL", an id ("PL102") or its prefix ("PL1"), a rule name
    ("small-cohort") or a category ("sensitive"), as ruff's --select reads codes. Empty: names none."""
    key = selector.strip().lower()
    if key == "all":
        return {r.id for r in rules}
    return {r.id for r in rules if r.id.lower().startswith(key) or key in {r.name.lower(), r.category}}


def with_overrides(
    pack: Pack,
    *,
    thresholds: dict[str, int],
    terms: dict[str, list[str]],
    severities: dict[str, str],
    disabled: set[str],
    extra_rules: list[Rule],
) -> Pack:
    """Apply a team's config on top of a pack; validation of the values is the config loader's job."""
    lexicons = {name: list(entries) for name, entries in pack.lexicons.items()}
    for name, entries in terms.items():
        lexicons.setdefault(name, []).extend(entries)
    rules = [replace(r, severity=severities.get(r.id, r.severity)) for r in pack.rules if r.id not in disabled]
    rules.extend(r for r in extra_rules if r.id not in disabled)
    _check_unique(rules)
    return replace(
        pack,
        thresholds={**pack.thresholds, **thresholds},
        lexicons=_with_rule_lexicons(lexicons, rules),
        rules=tuple(rules),
    )


def _with_rule_lexicons(lexicons: dict[str, list], rules: list[Rule]) -> dict[str, list]:
    """Phrase rules' terms and patterns become lexicons "rule.<ID>", matched with everything else."""
    for rule in rules:
        if rule.check == "phrase":
            lexicons[f"rule.{rule.id}.terms"] = list(rule.params["terms"])
            lexicons[f"rule.{rule.id}.patterns"] = list(rule.params["patterns"])
    return lexicons
