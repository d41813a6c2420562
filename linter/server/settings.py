"""Server settings from the environment (or `[tool.postlint.server]` in the config file); env wins.

POSTLINT_API_KEYS        key_id:token pairs, comma-separated (required)
POSTLINT_CORS_ORIGINS    origins allowed to call the API, e.g. chrome-extension://<id>
POSTLINT_MAX_CHARS       longest draft accepted (default 20000)
POSTLINT_RATE_LIMIT      drafts a minute per key, over all workers (default 600)
POSTLINT_MAX_IN_FLIGHT   requests linted at once per worker before answering 503 (default 16)
POSTLINT_MAX_TOKENS      work one request may ask for, in tokens (default 10000); four times this may be
                         in flight per worker before answering 503
POSTLINT_TIMEOUT         seconds a request may take before it is answered 503 (default 10; 0.5 is fine)
POSTLINT_RECYCLE_AFTER   drafts after which a worker's lint process is replaced by a fresh one (default 20000)
POSTLINT_WORKERS         worker processes sharing the rate limit (set by `postlint serve --workers`)
POSTLINT_CONFIG          the config file (default: found from the working directory)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from linter.config import Config, find_config, load_config, surface_table
from linter.errors import PackError

DEFAULTS = {
    "max_chars": 20_000,
    "rate_limit": 600,
    "max_in_flight": 16,
    "max_batch": 100,
    "max_tokens": 10_000,
    "timeout": 10,
    "recycle_after": 20_000,
    "workers": 1,
}


@dataclass(frozen=True)
class ServerSettings:
    api_keys: dict[str, str]  # key id -> token
    cors_origins: tuple[str, ...] = ()
    max_chars: int = DEFAULTS["max_chars"]
    rate_limit: int = DEFAULTS["rate_limit"]
    max_in_flight: int = DEFAULTS["max_in_flight"]
    max_batch: int = DEFAULTS["max_batch"]
    max_tokens: int = DEFAULTS["max_tokens"]
    timeout: float = DEFAULTS["timeout"]
    recycle_after: int = DEFAULTS["recycle_after"]
    workers: int = DEFAULTS["workers"]
    config: Config = Config()

    @property
    def max_body_bytes(self) -> int:
        """Room for a full batch of the longest drafts, JSON-escaped (up to 6 bytes a character)."""
        return self.max_chars * 6 * self.max_batch + 64_000


def _parse_keys(raw: str, where: str) -> dict[str, str]:
    keys = {}
    for pair in filter(None, (p.strip() for p in raw.split(","))):
        key_id, sep, token = pair.partition(":")
        if not sep or not key_id or len(token) < 8:
            raise PackError(f"{where}: API keys are key_id:token pairs with tokens of at least 8 characters")
        keys[key_id] = token
    return keys


def load_server_settings(environ: dict[str, str] | None = None) -> ServerSettings:
    environ = dict(os.environ if environ is None else environ)
    path = Path(environ["POSTLINT_CONFIG"]) if environ.get("POSTLINT_CONFIG") else find_config(Path.cwd())
    table = surface_table(path, "server")
    config = load_config(path) if path else Config()

    def setting(name: str, env: str) -> str | None:
        value = environ.get(env, table.get(name))
        return None if value is None else str(value) if not isinstance(value, list) else ",".join(value)

    keys_raw = setting("api_keys", "POSTLINT_API_KEYS")
    if not keys_raw:
        raise PackError("no API keys: set POSTLINT_API_KEYS=key_id:token[,key_id:token…] or api_keys in the config")
    numbers = {}
    for name, env in (
        ("max_chars", "POSTLINT_MAX_CHARS"),
        ("rate_limit", "POSTLINT_RATE_LIMIT"),
        ("max_in_flight", "POSTLINT_MAX_IN_FLIGHT"),
        ("max_tokens", "POSTLINT_MAX_TOKENS"),
        ("recycle_after", "POSTLINT_RECYCLE_AFTER"),
        ("workers", "POSTLINT_WORKERS"),
    ):
        raw = setting(name, env)
        if raw is not None and (not raw.isdigit() or int(raw) < 1):
            raise PackError(f"{env}: must be a whole number of at least 1, not {raw!r}")
        numbers[name] = int(raw) if raw is not None else DEFAULTS[name]
    raw = setting("timeout", "POSTLINT_TIMEOUT")
    try:
        numbers["timeout"] = float(raw) if raw is not None else DEFAULTS["timeout"]
        if not 0 < numbers["timeout"] < 3600:
            raise ValueError
    except ValueError:
        raise PackError(f"POSTLINT_TIMEOUT: must be a number of seconds above 0, not {raw!r}") from None
    origins = tuple(o.strip() for o in (setting("cors_origins", "POSTLINT_CORS_ORIGINS") or "").split(",") if o.strip())
    return ServerSettings(
        api_keys=_parse_keys(keys_raw, "POSTLINT_API_KEYS"), cors_origins=origins, config=config, **numbers
    )
