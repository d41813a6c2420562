"""spaCy components that find user-behaviour claims. Importing this package registers their factories."""

from linter.nlp import attributes, claims, details, extensions, lemmas, places, post_model, sentence_model, sentences  # noqa: F401  (registration side effect)
