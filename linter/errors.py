"""Errors a user can act on. Each carries a one-line message; surfaces print it instead of a traceback."""


class PostlintError(Exception):
    """Base class: the message is the whole story, shown to the user as one line."""


class ModelNotFound(PostlintError):
    """The configured spaCy pipeline is not installed (postlint never downloads at run time)."""


class PackError(PostlintError):
    """A rules pack or config file is broken; the message names file, line and field."""


class InputError(PostlintError):
    """A draft file or row could not be read; the message names file and line."""
