"""Reading the word lists a component is given through its config (the pack's lexicons, by name)."""

from __future__ import annotations

import pycountry


def word_set(lexicons: dict[str, list], name: str) -> set[str]:
    """One lexicon as lower-case words, for comparing with a token's text or lemma."""
    return {str(w).lower() for w in lexicons.get(name, [])}


def word_groups(lexicons: dict[str, list], group: str) -> dict[str, set[str]]:
    """The lexicons of a dotted group ("bounds.at_most", "bounds.at_least"), by their last name part."""
    return {k.split(".", 1)[1]: word_set(lexicons, k) for k in lexicons if k.startswith(f"{group}.")}


def country_names(extra: list[str]) -> frozenset[str]:
    """Lower-case names of countries (and the pack's larger areas): being "in" one does not narrow."""
    names = set(extra)
    for country in pycountry.countries:
        names.update({country.name, getattr(country, "common_name", country.name)})
    return frozenset(n.lower().removeprefix("the ") for n in names)
