"""`postlint_language`: how much of a post is English, the only language the pipeline reads.

A post in Spanish or Swahili goes through an English parser and English word lists and comes out with
no claim: a pass nobody earned. This component counts the post's words that English knows, so the
engine can say "not checked" instead (E005). English here is the model's own dictionary: the forms in
its lemmatizer's tables (the WordNet index and its exceptions) and spaCy's English stop words. Only
words in lower case count: a capitalised word may be a name (a brand, a town, a person) or a shouted
heading, and says nothing about the language around it. Code-switched posts keep most of their
English words and stay well over the line; a post too short to tell is read as English.
"""

from __future__ import annotations

from spacy.attrs import IS_ALPHA, IS_LOWER, LEMMA, LENGTH, LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from linter.nlp.extensions import ENGLISH_SHARE


class EnglishShare:
    def __init__(self, nlp: Language, lemmatizer: str, min_words: int):
        self.min_words = min_words
        tables = nlp.get_pipe(lemmatizer).lookups
        words = set(STOP_WORDS)
        for forms in tables.get_table("lemma_index").values():
            words.update(forms)
        for exceptions in tables.get_table("lemma_exc").values():
            words.update(exceptions)
        self.english = frozenset(hash_string(word) for word in words)

    def __call__(self, doc: Doc) -> Doc:
        counted = known = 0
        rows = doc.to_array([IS_ALPHA, LENGTH, IS_LOWER, LOWER, LEMMA]).tolist()
        for alpha, length, lower_case, lower, lemma in rows:
            if alpha and length > 1 and lower_case:
                counted += 1
                known += lower in self.english or lemma in self.english
        doc._.set(ENGLISH_SHARE, known / counted if counted >= self.min_words else None)
        return doc


@Language.factory(
    "postlint_language",
    default_config={"lemmatizer": "lemmatizer", "min_words": 6},
    assigns=[f"doc._.{ENGLISH_SHARE}"],
    requires=["token.lemma"],
)
def make_english_share(nlp: Language, name: str, lemmatizer: str, min_words: int) -> EnglishShare:
    """`lemmatizer` names the pipeline component whose tables hold the English dictionary; posts with
    fewer than `min_words` words to count get no share (read as English)."""
    return EnglishShare(nlp, lemmatizer, min_words)
