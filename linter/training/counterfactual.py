"""Counterfactual copies of training drafts: the same draft with the noun naming its group swapped for
another group's noun from the corpora, labels unchanged ("412 florists…" beside "412 bakers…").

Writers name a group with the nouns of their brief, so the models learned which nouns report users (a
counted "customers" scores 0.97 as a report, the same sentence with "bakers" 0.23) more than how a report
is made. A copy whose only change is the noun teaches that the noun does not decide, so the trades of a
new brief are read by the rest of the sentence. Harmless drafts get copies too (a noun swapped in a post
that makes no claim), so a noun never learns to mean "claim" either. Copies are made of training-split
drafts only, and never where the noun could carry a special category: the draft is labelled sensitive,
or a word of the noun is a word of the pack's sensitive lexicons.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from linter.nlp.claims import USER_KINDS
from linter.training.data import Draft, split_of

NOUN_TAGS = {"NN", "NNS"}
SUFFIX = "+noun"  # a copy's id: its draft's, so it goes to its draft's split
TAGGING = ["tok2vec", "tagger", "postlint_attributes", "postlint_lemmas"]
MIN_USES = 5  # a noun joins the pool where at least this many groups were named by it (not a tagger slip)
# Words that can make a group the organisation's own (staff, partners), so never swapped in or out: "our
# 40 engineers" is a team where "our 40 florists" may be customers.
OWN_PEOPLE = ("staff_markers", "platform_workers", "customers_when_counted")


def counterfactual_drafts(nlp: Language, drafts: list[Draft], lexicons: dict[str, list]) -> list[Draft]:
    """A copy of each training draft whose group is named by common nouns ending in a kind of person or
    business, with a noun that named other groups; and of each harmless draft holding such a plural, with
    a trade's (a harmless "our customers" made "our bakers" stays harmless; the other way it may not)."""
    unsafe = _sensitive_words(lexicons) | {w for name in OWN_PEOPLE for w in _words(lexicons, name)}
    training = [d for d in drafts if split_of(d.id) == "train" and "sensitive" not in d.categories]
    claims = [d for d in training if d.cohort]
    harmless = [d for d in training if d.decision == "pass" and not d.cohort]
    cohorts = _tag(nlp, (d.cohort for d in claims))
    named = {d.id: _group_noun(doc, unsafe) for d, doc in zip(claims, cohorts, strict=True)}
    uses = Counter(noun for noun in named.values() if noun and noun[0].islower())
    common = [noun for noun, k in uses.items() if k >= MIN_USES]
    pools = {plural: sorted(n for n, p in common if p == plural) for plural in (True, False)}
    users = {form for word in _words(lexicons, "person_nouns") for form in (word, word + "s", word + "es")}
    trades = [noun for noun in pools[True] if not set(noun.split()) & users]
    for draft, doc in zip(harmless, _tag(nlp, (d.text for d in harmless)), strict=True):
        named[draft.id] = _group_noun(doc, unsafe, among=set(pools[True]))
    copies = []
    for draft in claims + harmless:
        noun = named[draft.id]
        if noun is None or not noun[0].islower() and noun[0].lower() not in pools[noun[1]]:
            continue  # a capital that is not a sentence's first ("Glaswegians") may name a place
        swap = random.Random(draft.id).choice(pools[noun[1]] if draft.cohort else trades)
        if swap.split()[-1] != noun[0].lower().split()[-1] and (copy := _swapped(draft, noun[0], swap)):
            copies.append(copy)
    return copies


def _tag(nlp: Language, texts: Iterable[str]) -> Iterable[Doc]:
    with nlp.select_pipes(enable=[p for p in TAGGING if p in nlp.pipe_names]):
        yield from nlp.pipe(texts, batch_size=256)


def _group_noun(doc: Doc, unsafe: set[str], among: set[str] | None = None) -> tuple[str, bool] | None:
    """The first run of common nouns ending in a kind of person or business ("bike shops", "riders"), as
    written, and whether it is plural (with `among`, the first that is one of those); None where there is
    none or it may carry a special category or name the organisation's own people."""
    run: list = []
    for token in [*doc, None]:
        if token is not None and token.tag_ in NOUN_TAGS and token.is_alpha and len(token) > 2:
            run.append(token)
            continue
        words = " ".join(t.text for t in run)
        if run and run[-1].lemma_.lower() in USER_KINDS and (among is None or words.lower() in among):
            if ({t.lower_ for t in run} | {t.lemma_.lower() for t in run}) & unsafe:
                return None
            return words, run[-1].tag_ == "NNS"
        run = []
    return None


def _words(lexicons: dict[str, list], name: str) -> set[str]:
    return {word for term in lexicons.get(name, []) for word in re.findall(r"[a-z]+", str(term).lower())}


def _sensitive_words(lexicons: dict[str, list]) -> set[str]:
    names = [k for k in lexicons if k.startswith(("sensitive.", "sensitive_cohorts.")) and not k.endswith(".patterns")]
    return {word for name in names for word in _words(lexicons, name)}


def _swapped(draft: Draft, noun: str, swap: str) -> Draft | None:
    """The draft with every whole-word `noun` written `swap` (a capital kept, "a"/"an" agreeing), in
    its text, cohort and evidence alike; None where evidence no longer lies in the text."""
    pattern = re.compile(rf"\b(?:(?P<article>[Aa]n?) )?(?P<noun>{re.escape(noun)})\b", re.I)

    def put(m: re.Match) -> str:
        word = swap.capitalize() if m["noun"][0].isupper() else swap
        if m["article"] is None:
            return word
        article = "an" if word[0].lower() in "aeiou" else "a"
        return f"{article.capitalize() if m['article'][0].isupper() else article} {word}"

    text = pattern.sub(put, draft.text)
    cohort = pattern.sub(put, draft.cohort) if draft.cohort else draft.cohort
    evidence = tuple((category, pattern.sub(put, words)) for category, words in draft.evidence)
    if text == draft.text or any(words not in text for _, words in evidence) or (cohort and cohort not in text):
        return None
    return replace(draft, id=draft.id + SUFFIX, text=text, cohort=cohort, evidence=evidence)
