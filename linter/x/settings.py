"""Where the X commands find the API and their credentials: the environment first, then the config file.

The config file is the one the engine uses: `[tool.postlint.x]` in pyproject.toml, or `[x]` in
postlint.toml. Secrets are held with repr=False and no message ever quotes one, so they cannot reach
a log, an error line or a traceback; errors name the variable, never its value.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from linter.config import surface_table
from linter.errors import PackError, PostlintError

# field -> environment variable; the same field names are the keys of the config table
ENV = {
    "api_url": "POSTLINT_X_API_URL",
    "consumer_key": "X_CONSUMER_KEY",
    "consumer_secret": "X_CONSUMER_SECRET",
    "access_token": "X_ACCESS_TOKEN",
    "access_token_secret": "X_ACCESS_TOKEN_SECRET",
    "oauth2_user_token": "X_OAUTH2_USER_TOKEN",
    "bearer_token": "X_BEARER_TOKEN",
}
OAUTH1 = ("consumer_key", "consumer_secret", "access_token", "access_token_secret")
DEFAULT_API_URL = "https://api.twitter.com"  # the host tweepy itself calls; X serves the v2 API there


@dataclass(frozen=True)
class Settings:
    api_url: str = DEFAULT_API_URL
    consumer_key: str | None = field(default=None, repr=False)
    consumer_secret: str | None = field(default=None, repr=False)
    access_token: str | None = field(default=None, repr=False)
    access_token_secret: str | None = field(default=None, repr=False)
    oauth2_user_token: str | None = field(default=None, repr=False)
    bearer_token: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Auth:
    """The tweepy.Client arguments for one kind of call, and whether calls sign as the user (OAuth 1.0a)."""

    client_args: dict[str, str] = field(repr=False)
    user_auth: bool


def load_settings(config_file: Path | None, environ: Mapping[str, str] = os.environ) -> Settings:
    """Settings from the environment, else the config file's X table (the file `load_config` found)."""
    table = _table(config_file)
    values = {key: environ.get(name) or table.get(key) for key, name in ENV.items()}
    settings = Settings(**{key: value for key, value in values.items() if value})
    url = urlsplit(settings.api_url)
    if url.scheme not in ("http", "https") or not url.netloc or url.query or url.fragment:
        where = "POSTLINT_X_API_URL" if environ.get("POSTLINT_X_API_URL") else f"{config_file}: field 'x.api_url'"
        raise PostlintError(f"{where} must be an http(s) base URL such as {DEFAULT_API_URL}")
    return settings


def posting_auth(settings: Settings) -> Auth:
    """Posting needs a user: OAuth 1.0a (all four keys), else an OAuth 2.0 user token."""
    oauth1 = _oauth1(settings)
    if oauth1:
        return Auth(oauth1, user_auth=True)
    if settings.oauth2_user_token:
        return Auth({"bearer_token": settings.oauth2_user_token}, user_auth=False)
    raise PostlintError(f"posting to X needs credentials: {_wanted(settings, 'X_OAUTH2_USER_TOKEN')}")


def reading_auth(settings: Settings) -> Auth:
    """Reading takes an app bearer token, an OAuth 2.0 user token, or OAuth 1.0a."""
    token = settings.bearer_token or settings.oauth2_user_token
    if token:
        return Auth({"bearer_token": token}, user_auth=False)
    oauth1 = _oauth1(settings)
    if oauth1:
        return Auth(oauth1, user_auth=True)
    alternatives = "X_BEARER_TOKEN or X_OAUTH2_USER_TOKEN"
    raise PostlintError(f"reading from X needs credentials: {_wanted(settings, alternatives)}")


def _oauth1(settings: Settings) -> dict[str, str] | None:
    values = {key: getattr(settings, key) for key in OAUTH1}
    return values if all(values.values()) else None


def _wanted(settings: Settings, alternatives: str) -> str:
    """What to set, naming the OAuth 1.0a keys still missing when some are there."""
    missing = [ENV[key] for key in OAUTH1 if not getattr(settings, key)]
    oauth1 = ", ".join(ENV[key] for key in OAUTH1)
    partly = f" ({', '.join(missing)} not set)" if len(missing) < len(OAUTH1) else ""
    return f"set {oauth1}{partly}, or {alternatives}, in the environment or the config file's X table"


def _table(path: Path | None) -> dict[str, Any]:
    x = surface_table(path, "x")
    for key, value in x.items():
        if key not in ENV:
            raise PackError(f"{path}: field 'x.{key}' is not an X setting (known: {', '.join(ENV)})")
        if not isinstance(value, str):
            raise PackError(f"{path}: field 'x.{key}' must be a string")
    return x
