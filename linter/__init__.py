"""postlint: a pre-publication linter that stops social posts from exposing users' activity data.

>>> import linter
>>> linter.lint("To the 53 people who watched it every day: who hurt you?").decision
'block'

The names below load on first use, so importing a part of the package (the spaCy components in
`linter.nlp`, say) does not load the engine and its rules pack.
"""

from importlib import import_module

_HOMES = {
    "Config": "linter.config",
    "load_config": "linter.config",
    "Linter": "linter.engine",
    "get_linter": "linter.engine",
    "lint": "linter.engine",
    "lint_many": "linter.engine",
    "ModelNotFound": "linter.errors",
    "PackError": "linter.errors",
    "PostlintError": "linter.errors",
    "Finding": "linter.result",
    "Result": "linter.result",
}
__all__ = sorted(_HOMES)
__version__ = "0.2.0"


def __getattr__(name: str):
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'linter' has no attribute {name!r}")
