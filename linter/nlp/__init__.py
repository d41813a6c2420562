"""spaCy components that find user-behaviour claims. Importing this package registers their factories."""

from linter.nlp import (  # noqa: F401  (registration side effect)
    attributes,
    claims,
    details,
    extensions,
    language,
    lemmas,
    places,
    post_model,
    sentence_model,
    sentences,
)
