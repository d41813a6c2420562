"""postlint: a pre-publication linter that stops social posts from exposing users' activity data.

>>> import linter
>>> linter.lint("To the 53 people who watched it every day: who hurt you?").decision
'block'
"""

from linter.config import Config, load_config
from linter.engine import Linter, get_linter, lint, lint_many
from linter.errors import ModelNotFound, PackError, PostlintError
from linter.result import Finding, Result

__all__ = [
    "Config",
    "Finding",
    "Linter",
    "ModelNotFound",
    "PackError",
    "PostlintError",
    "Result",
    "get_linter",
    "lint",
    "lint_many",
    "load_config",
]
__version__ = "0.1.0"
