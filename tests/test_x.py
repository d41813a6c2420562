"""`postlint x post` and `postlint x audit` end to end: the real CLI in a subprocess, tweepy making real HTTP
calls to a fake X API (tests/fake_x.py) through POSTLINT_X_API_URL.

Every run is checked for what must never happen: a traceback, or a credential in the output or the
checkpoint. Runs that lint load the model (about 2 s each).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from linter.x.length import weighted_length
from linter.x.settings import load_settings, posting_auth, reading_auth
from tests.fake_x import FakeX, Fault

LEAK = "To the 53 people who watched Holiday Baking every night this week: are you okay?"
CLEAN = "Our winter menu lands on 3 December with 12 new dishes."
CLEAN_2 = "Soup season is here: twelve new bowls arrive on Friday."
CLEAN_3 = "Doors open at 9am on Saturday for the spring sale."
LISTENER = "One listener in Hull played Rainy Harbour 48 nights in a row. We need to talk."
NIGHT_OWLS = "Only 7 of you finished the marathon playlist at 3am. Who hurt you?"
REPLAYS = "Some of you have replayed the winter playlist 30 times this month."

# Unique strings, so that finding one anywhere in the output means a credential leaked.
SECRETS = {
    "X_CONSUMER_KEY": "ck-7Hq2vN-consumer-key-unique",
    "X_CONSUMER_SECRET": "cs-Zp94Lx-consumer-secret-unique",
    "X_ACCESS_TOKEN": "at-Lm31Kd-access-token-unique",
    "X_ACCESS_TOKEN_SECRET": "ats-Rw58Bt-access-secret-unique",
    "X_BEARER_TOKEN": "bt-Qe77Jm-bearer-token-unique",
}
TIMELINE = [CLEAN, LEAK, CLEAN_2, REPLAYS, CLEAN_3, LISTENER, CLEAN, CLEAN_2, NIGHT_OWLS, CLEAN_3]
DECISIONS = {"pass": 6, "warn": 1, "block": 3, "not_checked": 0}


def run(args: list[str], cwd: Path, api: str | None, secrets: dict[str, str] = SECRETS, stdin: str | None = None):
    """The CLI as a user runs it, with only the X settings given here in its environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("X_", "POSTLINT_X_"))}
    env |= secrets | ({"POSTLINT_X_API_URL": api} if api else {})
    done = subprocess.run(
        [sys.executable, "-m", "linter.cli", "x", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "Traceback" not in done.stderr, done.stderr
    for file in [done.stdout, done.stderr, *(p.read_text() for p in cwd.glob(".postlint-audit-*"))]:
        for secret in SECRETS.values():
            assert secret not in file
    return done


def one_error_line(done: subprocess.CompletedProcess) -> str:
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("postlint: error: "), done.stderr
    return lines[0]


@pytest.fixture
def fake():
    with FakeX(timelines={"brand": TIMELINE}) as server:
        yield server


def draft(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return name


# postlint post


def test_a_passing_post_is_published_signed_as_the_user(fake, tmp_path):
    done = run(["post", draft(tmp_path, "menu.txt", CLEAN + "\n")], tmp_path, fake.url)
    assert done.returncode == 0, done.stderr
    assert fake.posted == [{"text": CLEAN}]
    (request,) = fake.requests
    assert request.authorization.startswith("OAuth ") and 'oauth_consumer_key="ck-7Hq2vN' in request.authorization
    assert "Posted 1/1: https://x.com/i/status/2000001" in done.stdout


def test_a_blocked_post_is_not_published(fake, tmp_path):
    done = run(["post", draft(tmp_path, "leak.txt", LEAK)], tmp_path, fake.url)
    assert done.returncode == 1
    assert fake.requests == []
    assert "PL102 small-cohort" in done.stdout and "1 block" in done.stdout
    assert "Not posted" in done.stderr


def test_a_thread_with_one_bad_post_publishes_nothing(fake, tmp_path):
    thread = draft(tmp_path, "thread.md", f"---\ntitle: Winter\n---\n{CLEAN}\n\n---\n\n{LEAK}\n---\n{CLEAN_2}\n")
    done = run(["post", thread], tmp_path, fake.url)
    assert done.returncode == 1
    assert fake.requests == []
    assert "thread.md  block" in done.stdout and "8:8  block  PL102 small-cohort" in done.stdout
    assert "post 2 of 3 reached --fail-on block" in done.stderr


def test_a_thread_failing_part_way_says_which_posts_went_out(fake, tmp_path):
    fake.faults.append(Fault("POST", "/2/tweets", 500, call=2))
    done = run(["post", draft(tmp_path, "thread.md", f"{CLEAN}\n---\n{CLEAN_2}\n---\n{CLEAN_3}\n")], tmp_path, fake.url)
    assert done.returncode == 3
    first, second = fake.route("POST", "/2/tweets")
    assert first.body == {"text": CLEAN}
    assert second.body == {"text": CLEAN_2, "reply": {"in_reply_to_tweet_id": "2000001"}}
    assert fake.posted == [{"text": CLEAN}]
    assert "Posted 1/3: https://x.com/i/status/2000001" in done.stdout
    assert one_error_line(done) == (
        "postlint: error: post 2 of 3 failed: HTTP 500: X had a server error; try again later "
        "(X says: Internal Server Error). Published: 1 (https://x.com/i/status/2000001). "
        "Post 2 may have gone out anyway: check before retrying. Not published: 3."
    )


def test_dry_run_shows_the_thread_and_sends_nothing_without_credentials(fake, tmp_path):
    done = run(["post", "--dry-run", draft(tmp_path, "t.md", f"{CLEAN}\n---\n{CLEAN_2}")], tmp_path, fake.url, {})
    assert done.returncode == 0, done.stderr
    assert fake.requests == []
    assert "1/2 (55 characters)\n  " + CLEAN in done.stdout
    assert "2/2 (55 characters, replying to 1/2)\n  " + CLEAN_2 in done.stdout


def test_an_over_long_post_is_refused_before_any_call(fake, tmp_path):
    long = "Our winter menu is here. " * 10 + "See https://example.com/menus/winter-2026/full-list-of-dishes"
    assert len(long) < 320 and weighted_length(long) == 250 + 4 + 23
    thread = draft(tmp_path, "t.md", f"{CLEAN}\n---\n{long} {'x' * 3}\n")
    done = run(["post", thread], tmp_path, fake.url)
    assert done.returncode == 2
    assert fake.requests == []
    assert one_error_line(done) == (
        "postlint: error: t.md:3: post 2 of 2 is 281 characters as X counts them; the limit is 280"
    )


def test_posting_without_credentials_says_what_to_set(fake, tmp_path):
    done = run(
        ["post", draft(tmp_path, "menu.txt", CLEAN)],
        tmp_path,
        fake.url,
        {"X_CONSUMER_KEY": "ck-7Hq2vN-consumer-key-unique"},
    )
    assert done.returncode == 2 and fake.requests == []
    assert "X_CONSUMER_SECRET, X_ACCESS_TOKEN, X_ACCESS_TOKEN_SECRET not set" in one_error_line(done)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (401, "HTTP 401: X did not accept the credentials"),
        (429, "HTTP 429: X's rate limit is used up until"),
    ],
)
def test_posting_errors_are_one_line(fake, tmp_path, status, message):
    fake.faults.append(Fault("POST", "/2/tweets", status, reset_in=60))
    done = run(["post", draft(tmp_path, "menu.txt", CLEAN)], tmp_path, fake.url)
    assert done.returncode == 3
    line = one_error_line(done)
    assert message in line and line.endswith("Nothing was published.")


# postlint audit


def test_an_audit_waits_out_a_rate_limit_and_counts_every_post(fake, tmp_path):
    fake.faults.append(Fault("GET", "/2/users/1000/tweets", 429, call=2, reset_in=1))
    done = run(["audit", "--user", "@brand", "--since", "2026-01-01", "--format", "json"], tmp_path, fake.url)
    assert done.returncode == 1, done.stderr
    assert re.search(
        r"^Rate limited by X: waiting [1-3] s, until \d\d:\d\d:\d\d, for the limit to reset\.$", done.stderr, re.M
    )
    report = json.loads(done.stdout)
    assert report["summary"] == {"posts": 10, **DECISIONS, "rules": report["summary"]["rules"]}
    assert report["summary"]["rules"]["PL102"] == 2 and report["summary"]["rules"]["PL101"] == 1
    flagged = {post["url"]: post["decision"] for post in report["flagged"]}
    assert flagged[f"https://x.com/brand/status/{fake.post_id('brand', 1)}"] == "block"  # LEAK, the 2nd newest
    assert len(flagged) == 4
    pages = fake.route("GET", "/2/users/1000/tweets")
    assert [r.query.get("pagination_token") for r in pages] == [None, "p4", "p4", "p8"]  # page 2 again after the wait
    assert pages[0].query["start_time"] == "2026-01-01T00:00:00Z"
    assert pages[0].query["exclude"] == "retweets"
    assert all(r.authorization == "Bearer " + SECRETS["X_BEARER_TOKEN"] for r in fake.requests)

    # The finished audit's checkpoint reports again in any format, with no call to X and nothing linted.
    calls = len(fake.requests)
    again = run(["audit", "--user", "brand", "--resume", "--format", "csv"], tmp_path, fake.url)
    assert again.returncode == 1 and len(fake.requests) == calls
    assert "Linted 0 posts now; 10 came from .postlint-audit-brand.json." in again.stderr
    rows = list(csv.DictReader(io.StringIO(again.stdout)))
    assert [row["decision"] for row in rows].count("block") == 3 and len(rows) == 10
    assert rows[1]["id"] == "10000009" and rows[1]["url"] == "https://x.com/brand/status/10000009"
    assert rows[1]["decision"] == "block" and "PL102" in rows[1]["rules"].split()
    text = run(["audit", "--user", "brand", "--resume"], tmp_path, fake.url)
    assert "@brand: 10 posts audited" in text.stdout and "Flagged posts (4):" in text.stdout
    assert "block  https://x.com/brand/status/10000009\n         PL102 small-cohort" in text.stdout


def test_a_resumed_audit_lints_only_the_posts_it_had_not(tmp_path):
    timeline = TIMELINE + [REPLAYS, LEAK]  # 12 posts, pages of 4
    with FakeX(timelines={"brand": timeline}, faults=[Fault("GET", "/2/users/1000/tweets", 503, call=3)]) as fake:
        first = run(["audit", "--user", "brand"], tmp_path, fake.url)
        assert first.returncode == 3
        assert one_error_line(first) == (
            "postlint: error: audit of @brand stopped: HTTP 503: X had a server error; try again later "
            "(X says: Service Unavailable). 8 posts checked so far are saved in .postlint-audit-brand.json; "
            "run it again with --resume."
        )
        saved = json.loads((tmp_path / ".postlint-audit-brand.json").read_text())
        assert saved["next_token"] == "p8" and not saved["complete"] and len(saved["posts"]) == 8
        assert set(saved["posts"][0]) == {"id", "decision", "findings"}  # ids and results, no text
        assert all(
            set(f) == {"rule", "name", "severity", "start", "end"} for p in saved["posts"] for f in p["findings"]
        )
        assert not any(text[:20] in (tmp_path / ".postlint-audit-brand.json").read_text() for text in timeline)

        second = run(["audit", "--user", "brand", "--resume", "--format", "json"], tmp_path, fake.url)
        assert second.returncode == 1, second.stderr
        assert "Linted 4 posts now; 8 came from .postlint-audit-brand.json." in second.stderr
        pages = fake.route("GET", "/2/users/1000/tweets")
        assert [r.query.get("pagination_token") for r in pages] == [None, "p4", "p8", "p8"]
        saved = json.loads((tmp_path / ".postlint-audit-brand.json").read_text())
        ids = [post["id"] for post in saved["posts"]]
        assert saved["complete"] and ids == [fake.post_id("brand", i) for i in range(12)]
        assert json.loads(second.stdout)["summary"]["block"] == 4


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (401, "HTTP 401: X did not accept the credentials (check the X_* keys and tokens)"),
        (403, "HTTP 403: X refused: the app or token is not allowed to do this"),
        (500, "HTTP 500: X had a server error; try again later"),
        (503, "HTTP 503: X had a server error; try again later"),
    ],
)
def test_audit_errors_are_one_line(fake, tmp_path, status, message):
    fake.faults.append(Fault("GET", "/2/users/by/username/brand", status))
    done = run(["audit", "--user", "brand"], tmp_path, fake.url)
    assert done.returncode == 3
    assert message in one_error_line(done)
    assert not (tmp_path / ".postlint-audit-brand.json").exists()


def test_an_unreachable_api_is_one_line(tmp_path):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    done = run(["audit", "--user", "brand"], tmp_path, f"http://127.0.0.1:{port}")
    assert done.returncode == 3
    assert f"cannot reach the X API at http://127.0.0.1:{port}" in one_error_line(done)
    # credentials in the URL (a proxy's user and password) are never echoed
    done = run(["audit", "--user", "brand"], tmp_path, f"http://proxyuser:hunter2pass@127.0.0.1:{port}")
    assert f"cannot reach the X API at http://***@127.0.0.1:{port}" in one_error_line(done)
    assert "hunter2pass" not in done.stdout + done.stderr and "proxyuser" not in done.stdout + done.stderr


def test_an_unknown_account_is_one_line(fake, tmp_path):
    done = run(["audit", "--user", "nobody_here"], tmp_path, fake.url)
    assert done.returncode == 2
    assert one_error_line(done) == "postlint: error: X has no account @nobody_here"


# Settings and counting, in process


def test_settings_come_from_the_environment_before_the_config_table(tmp_path):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.postlint.x]\napi_url = "http://proxy.internal:8080/x"\nbearer_token = "from-file"\n')
    settings = load_settings(config, {"X_BEARER_TOKEN": "from-env"})
    assert settings.api_url == "http://proxy.internal:8080/x"
    assert reading_auth(settings).client_args == {"bearer_token": "from-env"}
    assert "from-env" not in repr(settings) and "from-file" not in repr(settings)
    assert not reading_auth(load_settings(config, {})).user_auth
    oauth2 = posting_auth(load_settings(None, {"X_OAUTH2_USER_TOKEN": "user-token"}))
    assert oauth2.client_args == {"bearer_token": "user-token"} and not oauth2.user_auth


def test_credentials_and_api_url_from_the_config_file(fake, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.postlint.x]\napi_url = "{fake.url}"\nbearer_token = "{SECRETS["X_BEARER_TOKEN"]}"\n'
    )
    done = run(["audit", "--user", "brand", "--max", "4"], tmp_path, None, {})
    assert done.returncode == 1, done.stderr
    assert fake.route("GET", "/2/users/1000/tweets")[0].authorization == "Bearer " + SECRETS["X_BEARER_TOKEN"]


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("a" * 280, 280),
        ("Menu: https://example.com/a/very/long/path/to/the/winter/menu?ref=x.", 6 + 23 + 1),
        ("Book at example.com or www.example.org/menu, not me@example.com.", 8 + 23 + 4 + 23 + 6 + 15),
        ("冬のメニュー", 12),
        ("Soup 🍲👩‍🍳🇬🇧!", 5 + 2 + 2 + 2 + 1),
        ("cafe\u0301", 4),  # NFC: the accent joins the e
    ],
)
def test_weighted_length_counts_as_x_does(text, length):
    assert weighted_length(text) == length
