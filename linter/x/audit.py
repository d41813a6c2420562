"""`postlint audit`: page through an account's posts, lint each page as one batch, checkpoint as it goes.

The checkpoint is saved after every page, with the token of the next one, so an interrupted audit
resumes at the page it had not finished and never lints a post twice. Rate limits are waited out here,
visibly, rather than by tweepy's silent sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

import tweepy

from linter.config import Config
from linter.engine import get_linter
from linter.errors import PostlintError
from linter.x.checkpoint import Checkpoint
from linter.x.display import Display

PAGE = (5, 100)  # the fewest and most posts X returns a page
UNKNOWN_RESET_WAIT = 60  # seconds, when a 429 does not say when the window resets

T = TypeVar("T")


def audit(
    client: tweepy.Client,
    user_auth: bool,
    checkpoint: Checkpoint,
    config: Config,
    display: Display,
) -> None:
    """Audit until the timeline or the limit ends, saving the checkpoint after every page.

    The model loads with the first page, so a refused call fails fast.
    """
    if checkpoint.complete:
        return
    user = _patiently(
        display,
        client.get_user,
        username=checkpoint.user,
        user_fields=["public_metrics"],
        user_auth=user_auth,
    ).data
    if user is None:
        raise PostlintError(f"X has no account @{checkpoint.user}")
    posted = (user.public_metrics or {}).get("tweet_count", checkpoint.limit)
    display.start(f"Auditing @{user.username}", min(checkpoint.limit, posted), len(checkpoint.posts))
    pages = iter(
        tweepy.Paginator(
            client.get_users_tweets,
            user.id,
            exclude=["retweets"],  # someone else's words
            max_results=min(max(checkpoint.remaining, PAGE[0]), PAGE[1]),
            start_time=checkpoint.since,
            tweet_fields=["note_tweet"],  # the whole text of a long post
            pagination_token=checkpoint.next_token,
            user_auth=user_auth,
        )
    )
    while not checkpoint.complete:
        page = _patiently(display, next, pages)
        tweets = [t for t in page.data or [] if str(t.id) not in checkpoint.posts][: checkpoint.remaining]
        for tweet, result in zip(tweets, get_linter(config).lint_many([_text(t) for t in tweets]), strict=True):
            checkpoint.record(str(tweet.id), result)
        checkpoint.next_token = page.meta.get("next_token")
        checkpoint.complete = checkpoint.next_token is None or checkpoint.remaining <= 0
        checkpoint.save()
        display.advance(len(tweets))


def _patiently(display: Display, call: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`call`, made again after each rate-limit wait until it goes through."""
    while True:
        try:
            return call(*args, **kwargs)
        except tweepy.TooManyRequests as exc:
            reset = exc.reset_time
            display.wait(max(0.0, reset - time.time()) + 1 if reset else UNKNOWN_RESET_WAIT)


def _text(tweet: tweepy.Tweet) -> str:
    return (tweet.data.get("note_tweet") or {}).get("text") or tweet.text
