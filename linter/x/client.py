"""tweepy, sent to the configured X API base URL, and its failures as one line a user can act on.

tweepy.Client builds every URL on a host it hard-codes. Rather than copy its request method, a requests
transport adapter mounted on the client's session sends each request to the configured base URL:
tweepy still builds, signs, sends and parses every call, and an OAuth 1.0a signature stays the one for
X's own URL, so a forwarding proxy passes on requests X accepts. The adapter also gives every request a
timeout, which tweepy leaves unset, so a dead network is an error and not a hang.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
import tweepy
from requests.adapters import HTTPAdapter
from requests.utils import get_environ_proxies
from urllib3.exceptions import ConnectTimeoutError

from linter.errors import PostlintError
from linter.x.settings import Auth, Settings

TIMEOUT = (10, 60)  # seconds to connect, seconds to wait for an answer
API_ERRORS = (tweepy.TweepyException, requests.RequestException)
HINTS = {
    400: "X rejected the request",
    401: "X did not accept the credentials (check the X_* keys and tokens)",
    403: "X refused: the app or token is not allowed to do this (posting needs read and write access)",
    404: "X has no such resource",
}


class XApiError(PostlintError):
    """A call to the X API failed; the message says what did and did not happen."""


class BaseURLAdapter(HTTPAdapter):
    """Sends every request of a session to one base URL, keeping the path and query tweepy built."""

    def __init__(self, base_url: str):
        super().__init__()
        self.base = urlsplit(base_url)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        url = urlsplit(request.url or "")
        path = self.base.path.rstrip("/") + url.path
        request.url = urlunsplit((self.base.scheme, self.base.netloc, path, url.query, ""))
        kwargs["timeout"] = kwargs.get("timeout") or TIMEOUT
        kwargs["proxies"] = get_environ_proxies(request.url)  # what requests picks for this URL, not X's
        return super().send(request, **kwargs)


def make_client(settings: Settings, auth: Auth) -> tweepy.Client:
    """A client whose calls go to `settings.api_url`. Rate limits are left to the caller, to wait visibly."""
    client = tweepy.Client(**auth.client_args, wait_on_rate_limit=False)
    adapter = BaseURLAdapter(settings.api_url)
    for scheme in ("https://", "http://"):
        client.session.mount(scheme, adapter)
    return client


def explain(exc: Exception) -> str:
    """One line for a failed call: the HTTP status or network problem, and what to do about it."""
    if isinstance(exc, tweepy.TooManyRequests):
        until = f" until {time.strftime('%H:%M:%S', time.localtime(exc.reset_time))}" if exc.reset_time else ""
        return f"HTTP 429: X's rate limit is used up{until}; try again then"
    if isinstance(exc, tweepy.HTTPException):
        status = exc.response.status_code
        hint = HINTS.get(status) or ("X had a server error; try again later" if status >= 500 else "X refused")
        said = " ".join(" ".join(str(m) for m in exc.api_messages).split())[:200]
        return f"HTTP {status}: {hint}" + (f" (X says: {said})" if said else "")
    if isinstance(exc, requests.RequestException) and exc.request is not None:
        where = redacted(exc.request.url or "")
        if isinstance(exc, requests.Timeout):
            return f"no answer from the X API at {where} in time; try again later"
        if isinstance(exc, requests.ConnectionError):
            return f"cannot reach the X API at {where} (network down, or a wrong POSTLINT_X_API_URL?)"
    if isinstance(exc, requests.JSONDecodeError):
        return "the X API answered with something that is not JSON (is POSTLINT_X_API_URL right?)"
    return f"the call to the X API failed ({type(exc).__name__})"


def redacted(url: str) -> str:
    """Scheme, host and port of a URL: never a user name, password or token that rode along in it."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{'***@' if parts.username or parts.password else ''}{host}{port}"


def uncertain(exc: Exception) -> bool:
    """Whether X may have acted although the call failed: a server error or no answer at all."""
    if isinstance(exc, tweepy.HTTPException):
        return exc.response.status_code >= 500
    if isinstance(exc, requests.ConnectionError):  # unless it never connected, the request may have arrived
        reason = getattr(exc.args[0], "reason", None) if exc.args else None
        return not isinstance(reason, ConnectTimeoutError)
    return isinstance(exc, requests.Timeout)
