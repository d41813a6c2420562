"""`postlint_language`: how much of a post is English, the only language the pipeline reads.

A post in Spanish or Swahili goes through an English parser and English word lists and comes out with
no claim: a pass nobody earned. This component measures the share of the post's words that are English,
so the engine can say "not checked" instead (E005).

English is the model's own dictionary: the forms in its lemmatizer's tables (the WordNet index and its
exceptions) and spaCy's English stop words, with the English of social posts that WordNet lacks
(`data/english_online.txt`: "lol", "thx", "repost"), or a casual English reply reads as foreign. That
dictionary also holds many short foreign words as abbreviations or loans ("de", "un", "sin"), so the
stop words of other languages spaCy ships are evidence too: a word that is one of them and not in the
dictionary is foreign, and one that is both is left out of the count. Only words in lower case count: a
capitalised word may be a name (a brand, a town, a person) or a heading, and says nothing about the
language around it. Code-switched posts that keep most of their English stay well over the line; a post
too short to tell is read as English.
"""

from __future__ import annotations

from importlib import resources
from importlib.util import module_from_spec, spec_from_file_location

from spacy.attrs import IS_ALPHA, IS_LOWER, LEMMA, LENGTH, LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from linter.nlp.extensions import ENGLISH_SHARE
from linter.nlp.words import data_lines

# Languages written in Latin script whose stop words spaCy ships and whose speakers mix them with English.
OTHER_LANGUAGES = ["es", "pt", "fr", "it", "de", "nl", "ca", "ro", "pl", "tr", "sv", "da", "nb", "id", "ms", "tl", "ht",
                   "lg", "tn"]  # fmt: skip
ONLINE_ENGLISH = frozenset(data_lines("english_online.txt"))


class EnglishShare:
    def __init__(self, nlp: Language, lemmatizer: str, other_languages: list[str], min_words: int):
        self.min_words = min_words
        tables = nlp.get_pipe(lemmatizer).lookups
        dictionary = set(STOP_WORDS) | ONLINE_ENGLISH
        for forms in tables.get_table("lemma_index").values():
            dictionary.update(forms)
        for exceptions in tables.get_table("lemma_exc").values():
            dictionary.update(exceptions)
        foreign = set().union(*(_stop_words(code) for code in other_languages))
        self.english_function = frozenset(hash_string(word) for word in STOP_WORDS)
        self.english = frozenset(hash_string(word) for word in dictionary)
        self.foreign_function = frozenset(hash_string(word) for word in foreign - STOP_WORDS)

    def __call__(self, doc: Doc) -> Doc:
        counted = known = 0
        for alpha, length, lower_case, lower, lemma in doc.to_array(
            [IS_ALPHA, LENGTH, IS_LOWER, LOWER, LEMMA]
        ).tolist():
            if not (alpha and length > 1 and lower_case):
                continue
            if lower in self.english_function:
                known += 1
            elif lower in self.foreign_function:
                if lower in self.english:
                    continue  # "de", "sin", "door": a word of both, evidence of neither
            else:
                known += lower in self.english or lemma in self.english
            counted += 1
        doc._.set(ENGLISH_SHARE, known / counted if counted >= self.min_words else None)
        return doc


def _stop_words(code: str) -> set[str]:
    """spaCy's stop words for a language, read from their own module: importing the language package
    would compile its tokenizer's rules too, seconds for the 19 languages."""
    path = resources.files("spacy.lang") / code / "stop_words.py"
    spec = spec_from_file_location(f"postlint_stop_words_{code}", str(path))
    if spec is None or spec.loader is None:
        raise ImportError(f"spaCy has no stop words for '{code}'")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.STOP_WORDS


@Language.factory(
    "postlint_language",
    default_config={"lemmatizer": "lemmatizer", "other_languages": OTHER_LANGUAGES, "min_words": 4},
    assigns=[f"doc._.{ENGLISH_SHARE}"],
    requires=["token.lemma"],
)
def make_english_share(
    nlp: Language, name: str, lemmatizer: str, other_languages: list[str], min_words: int
) -> EnglishShare:
    """`lemmatizer` names the component whose tables hold the English dictionary; `other_languages` are
    spaCy language codes whose stop words count as foreign; posts with fewer than `min_words` words to
    count get no share (read as English)."""
    return EnglishShare(nlp, lemmatizer, other_languages, min_words)
