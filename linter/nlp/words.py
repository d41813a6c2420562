"""Reading the word lists a component is given through its config (the pack's lexicons, by name), and
the general-knowledge lists that ship with the components (`data/`)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data"


def data_lines(name: str) -> list[str]:
    """The entries of a shipped list in `data/`: one per line, blank lines and "#" comments left out."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def word_set(lexicons: dict[str, list], name: str) -> set[str]:
    """One lexicon as lower-case words, for comparing with a token's text or lemma."""
    return {str(w).lower() for w in lexicons.get(name, [])}


def word_groups(lexicons: dict[str, list], group: str) -> dict[str, set[str]]:
    """The lexicons of a dotted group ("bounds.at_most", "bounds.at_least"), by their last name part."""
    return {k.split(".", 1)[1]: word_set(lexicons, k) for k in lexicons if k.startswith(f"{group}.")}


def country_names(extra: list[str]) -> frozenset[str]:
    """Lower-case names of countries (and the pack's larger areas): being "in" one does not narrow."""
    return frozenset(n.lower().removeprefix("the ") for n in [*data_lines("countries.txt"), *extra])
