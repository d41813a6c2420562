"""`postlint_lemmas`: the pipeline's rule lemmatizer, with its work read and written a Doc at a time.

spaCy's lemmatizer visits tokens one by one in Python, building a morphology object for each, even when
its cache already holds the answer: on short posts that costs more than the parser. This component
reads every token's (word, part of speech, morphology) in one array, looks each up in its own cache,
asks the wrapped lemmatizer only on a miss, and writes the lemmas back in one array. The lemmas are the
wrapped lemmatizer's own, token for token; a token whose lemma is already set (by the attribute ruler or
the tokenizer's exceptions) keeps it, as the wrapped lemmatizer would leave it.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc


class Lemmas:
    def __init__(self, nlp: Language, lemmatizer: str):
        self.strings = nlp.vocab.strings
        self.lemmatizer = nlp.get_pipe(lemmatizer)
        # (word, part of speech, morphology) hashes -> lemma. Strings, not hashes: a hash added inside
        # a memory zone is forgotten when the zone closes, so each lemma is added again as it is written.
        self.cache: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            word = self.cache.get((orth, pos, morph))
            if word is None:
                word = self.cache[(orth, pos, morph)] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = self.strings.add(word)
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory("postlint_lemmas", default_config={"lemmatizer": "lemmatizer"}, assigns=["token.lemma"])
def make_lemmas(nlp: Language, name: str, lemmatizer: str) -> Lemmas:
    """`lemmatizer` names the pipeline's rule lemmatizer, which this replaces in the pipeline and asks
    on a cache miss."""
    return Lemmas(nlp, lemmatizer)
