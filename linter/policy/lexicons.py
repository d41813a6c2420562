"""What the pack's lexicons may hold: every lexicon's name, type and purpose, declared in one place.

A lexicon is one of three types. `words`: single tokens, compared with a token's text or lemma, so an
entry with a space in it could never match. `phrases`: words or multi-word phrases. `patterns`: regular
expressions (the `regex` module). A lexicon matched in the text may be given as NAME (phrases) or split
into NAME.terms (phrases) and NAME.patterns (patterns). `*` stands for one name part a pack may choose
(a sensitive category, a tone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from linter.nlp.details import TEXT_LEXICONS

WORDS, PHRASES, PATTERNS = "words", "phrases", "patterns"


@dataclass(frozen=True)
class Lexicon:
    type: str
    purpose: str


LEXICONS: dict[str, Lexicon] = {
    # who a claim is about
    "person_nouns": Lexicon(WORDS, "nouns for an organisation's users: a number on one is a cohort size"),
    "individual_pronouns": Lexicon(WORDS, "words that on their own name one person (n = 1)"),
    "staff_markers": Lexicon(WORDS, "a cohort with one of these is staff or the organisation, not its users"),
    "platform_workers": Lexicon(WORDS, "people who work through the platform: users, never staff"),
    "customers_when_counted": Lexicon(WORDS, "organisations and trades a service sells to: users when counted"),
    "collective_people": Lexicon(WORDS, "a crowd of users when named by when, where or what they do"),
    "crowd_qualities": Lexicon(WORDS, "words that describe a crowd rather than name the users in it"),
    "characters": Lexicon(WORDS, "roles of a made-up person in something we made (star, mascot): not a user"),
    "productions": Lexicon(WORDS, "things we make that have characters (ad, campaign, film)"),
    "made_up": Lexicon(PHRASES, "words that say a person is made up (fictional, imaginary): not a user"),
    "identified_records": Lexicon(WORDS, "records that stand for one customer when an id follows"),
    "assigned_places": Lexicon(WORDS, "places given to one customer: with a number after them, that customer"),
    "vague_quantities.*": Lexicon(PHRASES, "quantifiers, grouped by the size they mean (under_100, hundreds…)"),
    "bounds.*": Lexicon(PHRASES, "words before a number that bound it (at_least, at_most)"),
    # what they did
    "behaviour_verbs": Lexicon(WORDS, "verbs of activity only the organisation's records can show"),
    "behaviour_nouns": Lexicon(WORDS, "nouns naming activity; as the subject of a change verb they make a claim"),
    "activity_deeds.*": Lexicon(WORDS, "activity nouns grouped by the deed they name, where not its verb's form"),
    "mental_verbs": Lexicon(WORDS, "verbs of thinking and feeling: a reply's 'you' doing one is no record"),
    "account_verbs": Lexicon(WORDS, "verbs only an account holder does: a counted plural doing one is customers"),
    "headline_verbs": Lexicon(WORDS, "verbs of the organisation counting its users as a whole"),
    "change_verbs": Lexicon(WORDS, "verbs of rising and falling, for activity nouns"),
    "sensitive_verbs.*": Lexicon(WORDS, "verbs that themselves reveal a special category"),
    "sensitive_cohorts.*": Lexicon(WORDS, "people named by a special category: any claim about them reveals it"),
    # what is not a claim
    "public_verbs": Lexicon(WORDS, "public actions everyone can already see"),
    "public_events": Lexicon(WORDS, "public events: attending one is not private behaviour"),
    "remote_verbs": Lexicon(WORDS, "verbs that take an event in from afar: its object stays private"),
    "events": Lexicon(WORDS, "events that are public when marked so"),
    "public_markers": Lexicon(WORDS, "words that mark an event as public"),
    "external_sources": Lexicon(PHRASES, "a sentence quoting an outside source makes no claim"),
    "permission_markers": Lexicon(PHRASES, "a testimonial shared with permission makes no claim"),
    # detail and tone, matched in the text
    "repetition": Lexicon(PHRASES, "per-person repetition and streaks"),
    "time": Lexicon(PHRASES, "a single day or time"),
    "place": Lexicon(PHRASES, "a place smaller than a country"),
    "countries_extra": Lexicon(PHRASES, "areas as large as a country: being in one does not narrow"),
    "premises": Lexicon(WORDS, "nouns a place name can modify ('our Leeds store'): the name is a place"),
    "age": Lexicon(PHRASES, "age of the people described"),
    "gender": Lexicon(PHRASES, "gender of the people described"),
    "device": Lexicon(PHRASES, "the device used"),
    "sensitive.*": Lexicon(PHRASES, "words that reveal a special category, per category"),
    "tone.*": Lexicon(PHRASES, "mocking, judging, pitying, diagnosing or surveilling language"),
    "callout_openers": Lexicon(PHRASES, "openers that address a group ('To the…', 'Dear…')"),
    "rule.*": Lexicon(PHRASES, "a phrase rule's own terms and patterns"),
    "everyday_senses.*.words": Lexicon(WORDS, "a special category's words that have an everyday sense"),
    "everyday_senses.*.context": Lexicon(WORDS, "words in the post that show the everyday sense is meant"),
    # grammar (rules/lexicons/grammar.yaml): closed word classes the claim finder reads the parse with
    "grammar.modals": Lexicon(WORDS, "auxiliaries of possibility or promise"),
    "grammar.conditionals": Lexicon(WORDS, "subordinators of a condition"),
    "grammar.scenario_openers": Lexicon(PHRASES, "openers that make up a scenario about one unnamed person"),
    "grammar.future_person_words": Lexicon(WORDS, "modifiers of a person noun for someone yet to act"),
    "grammar.prize_verbs": Lexicon(WORDS, "verbs of winning a prize: a contest's rule in the present"),
    "grammar.counterfactual_modals": Lexicon(WORDS, "modals that make an if-sentence a counterfactual"),
    "grammar.singular_determiners": Lexicon(WORDS, "determiners that make a singular noun one person"),
    "grammar.distributive_determiners": Lexicon(WORDS, "determiners that make a singular noun a whole group"),
    "grammar.percent_words": Lexicon(WORDS, "words for a percentage"),
    "grammar.generic_people": Lexicon(WORDS, "pronouns for anyone at all"),
    "grammar.ranking_words": Lexicon(WORDS, "words that rank a noun by activity"),
    "grammar.chart_verbs": Lexicon(WORDS, "verbs that rank places by what their users did"),
    "grammar.demonstratives": Lexicon(WORDS, "subjects of a restated count"),
    "grammar.state_verbs": Lexicon(WORDS, "verbs of wanting and having"),
    "grammar.second_person": Lexicon(WORDS, "'you' as people write it"),
    "grammar.cohort_pronouns": Lexicon(WORDS, "pronouns that can head a cohort"),
    "grammar.observation_verbs": Lexicon(WORDS, "verbs for what the organisation saw users do"),
    "grammar.thanks_openers": Lexicon(PHRASES, "call-out openers that thank the audience"),
    "grammar.greetings": Lexicon(PHRASES, "words that greet, thank or celebrate one person before their name"),
    "grammar.award_periods": Lexicon(WORDS, "periods an award title names ('Diner of the Month')"),
    "grammar.reaction_words": Lexicon(WORDS, "words for how a reply feels about what the person did ('so glad you…')"),
    "grammar.speech_verbs": Lexicon(WORDS, "verbs of saying: what a reply's 'you' tells us ('as you say, …')"),
    "grammar.occasions": Lexicon(WORDS, "occasions an ordinal numbers ('happy 40th birthday')"),
    "grammar.award_titles": Lexicon(WORDS, "words after a user word that make it a title ('Host spotlight')"),
    "grammar.honorifics": Lexicon(WORDS, "titles before a surname"),
    "grammar.superlative_words": Lexicon(WORDS, "modifiers that single out one person"),
    "grammar.age_words": Lexicon(WORDS, "words before a number that make it an age"),
    "grammar.reporting_verbs": Lexicon(WORDS, "verbs an outside source reports with"),
    "grammar.plural_people": Lexicon(WORDS, "singular-looking words for many people"),
    "grammar.own_records": Lexicon(WORDS, "what 'according to the …' names when the source is our own records"),
}


def _name_pattern(declared: str) -> str:
    return re.escape(declared).replace(r"\*", r"[^.]+")


def _declared_types() -> list[tuple[re.Pattern, str]]:
    forms = []
    for declared, lexicon in LEXICONS.items():
        forms.append((re.compile(_name_pattern(declared)), lexicon.type))
        if declared.split(".", 1)[0] in TEXT_LEXICONS:  # matched in the text: may be split into .terms/.patterns
            forms.append((re.compile(_name_pattern(declared) + r"\.terms"), PHRASES))
            forms.append((re.compile(_name_pattern(declared) + r"\.patterns"), PATTERNS))
    return forms


_TYPES = _declared_types()


def lexicon_type(name: str) -> str | None:
    """The declared type of a lexicon name, or None when no such lexicon is declared."""
    return next((kind for form, kind in _TYPES if form.fullmatch(name)), None)


def entry_problem(name: str, entry: object) -> str | None:
    """Why an entry does not fit its lexicon, or None when it does. The name must be a declared one."""
    kind = lexicon_type(name)
    if not isinstance(entry, str) or not entry.strip():
        return f"lexicon '{name}' takes text entries, not {entry!r}"
    if kind == WORDS and len(entry.split()) > 1:
        return f"lexicon '{name}' takes single words; '{entry}' has several"
    if kind == PATTERNS:
        try:
            validate_pattern(entry)
        except ValueError as exc:
            return f"lexicon '{name}': {exc}"
    return None


def entry_key(name: str, entry: str) -> str:
    """What makes two entries the same: terms match in any case; a pattern is its own text."""
    return entry if lexicon_type(name) == PATTERNS else entry.strip().lower()


def validate_pattern(pattern: str) -> None:
    """Raise ValueError with the regex module's own words when a pattern does not compile."""
    try:
        regex.compile(pattern, regex.VERSION1)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
