"""The HTTP backend, as a real `postlint serve` process on loopback spoken to over real HTTP."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from tests.serving import running_server

TOKEN = "main-token-0123456789"
ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LEAK = "To the 53 people who watched Holiday Baking every night this week: are you okay?"
CLEAN = "Our winter menu lands on 3 December with 12 new dishes."


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = tmp_path_factory.mktemp("server") / "server.log"
    env = {"POSTLINT_API_KEYS": f"extension:{TOKEN}", "POSTLINT_CORS_ORIGINS": ORIGIN, "POSTLINT_RATE_LIMIT": "100000"}
    with running_server(log, env) as base:
        yield base, log


@pytest.fixture(scope="module")
def tight_server(tmp_path_factory):
    """One request in flight at a time, and a rate limit of six a minute per key (a burst of one). The time
    budget is generous: on a loaded machine the one admitted draft must not be refused as a timeout."""
    log = tmp_path_factory.mktemp("tight") / "server.log"
    keys = ",".join(f"k{i}:tight-token-{i:04d}" for i in range(12))
    env = {
        "POSTLINT_API_KEYS": keys,
        "POSTLINT_RATE_LIMIT": "6",
        "POSTLINT_MAX_IN_FLIGHT": "1",
        "POSTLINT_TIMEOUT": "25",
    }
    with running_server(log, env) as base:
        yield base


def post(base: str, path: str, body, headers=AUTH, **kwargs):
    return requests.post(f"{base}{path}", json=body, headers=headers, timeout=30, **kwargs)


def assert_error(response: requests.Response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]["code"] == code
    assert response.json()["error"]["message"]


def test_health_readiness_and_openapi(server):
    base, _ = server
    assert requests.get(f"{base}/healthz").json() == {"status": "ok"}
    assert requests.get(f"{base}/readyz").json() == {"status": "ready"}
    paths = requests.get(f"{base}/openapi.json").json()["paths"]
    assert {"/v1/lint", "/v1/lint/batch", "/v1/rules", "/healthz", "/readyz"} <= set(paths)
    for page in ("/docs", "/redoc"):  # no HTML docs: they would load scripts from a CDN
        assert requests.get(f"{base}{page}").status_code == 404


def test_lint_returns_the_engines_result(server):
    base, _ = server
    body = post(base, "/v1/lint", {"text": LEAK, "platform": "x"}).json()
    assert body["decision"] == "block"
    assert {f["rule"] for f in body["findings"]} >= {"PL102", "PL301", "PL401"}
    assert body["pack"]["name"] == "postlint-default" and body["offsets"] == "codepoint"
    assert body["took_ms"] > 0 and body["claims"][0]["n"] == 53
    assert post(base, "/v1/lint", {"text": CLEAN}).json()["decision"] == "pass"


def utf16_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's text.slice(start, end) gives."""
    encoded = text.encode("utf-16-le")
    return encoded[start * 2 : end * 2].decode("utf-16-le")


@pytest.mark.parametrize("prefix", ["🎄🎄 ", "𝓣𝓱𝓲𝓼 👩‍👩‍👧 ", "\U0001f600\u200d", "ok "])
def test_utf16_offsets_land_on_the_right_characters(server, prefix):
    base, _ = server
    text = prefix + LEAK
    body = post(base, "/v1/lint", {"text": text, "offsets": "utf16"}).json()
    assert body["offsets"] == "utf16" and body["findings"]
    for finding in body["findings"]:
        assert utf16_slice(text, finding["start"], finding["end"]) == finding["text"]
    cohort = body["claims"][0]["cohort"]
    assert utf16_slice(text, cohort["start"], cohort["end"]) == cohort["text"]
    # Fix edits are in the same units: applied from the end backwards, as a client would, they fix the draft.
    units = text.encode("utf-16-le")
    edits = [
        e for f in body["findings"] if "fix" in f and f["fix"]["applicability"] == "safe" for e in f["fix"]["edits"]
    ]
    assert edits
    chosen: list[dict] = []
    for edit in sorted(edits, key=lambda e: (e["start"], e["start"] - e["end"])):
        if not any(edit["start"] < c["end"] and c["start"] < edit["end"] for c in chosen):
            chosen.append(edit)
    for edit in sorted(chosen, key=lambda e: e["start"], reverse=True):
        units = units[: 2 * edit["start"]] + edit["replacement"].encode("utf-16-le") + units[2 * edit["end"] :]
    assert units.decode("utf-16-le") == prefix + "To everyone who watched Holiday Baking this week."


def test_batch_keeps_order_and_ids(server):
    base, _ = server
    posts = [{"id": "a", "text": LEAK}, {"text": CLEAN}, {"id": "c", "text": "🙂 A user in Leeds watched it 12 times."}]
    body = post(base, "/v1/lint/batch", {"posts": posts, "offsets": "utf16"}).json()
    assert [(r["id"], r["decision"]) for r in body["results"]] == [("a", "block"), (None, "pass"), ("c", "block")]
    finding = body["results"][2]["findings"][0]
    assert utf16_slice(posts[2]["text"], finding["start"], finding["end"]) == finding["text"]
    assert_error(post(base, "/v1/lint/batch", {"posts": [{"text": CLEAN}] * 101}), 422, "invalid_request")


def test_rules(server):
    base, _ = server
    body = requests.get(f"{base}/v1/rules", headers=AUTH).json()
    assert "PL101" in {rule["id"] for rule in body["rules"]}


def test_auth_is_required_and_checked(server):
    base, _ = server
    assert_error(post(base, "/v1/lint", {"text": CLEAN}, headers={}), 401, "unauthorized")
    assert_error(
        post(base, "/v1/lint", {"text": CLEAN}, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized"
    )
    assert_error(post(base, "/v1/lint", {"text": CLEAN}, headers={"Authorization": TOKEN}), 401, "unauthorized")
    assert_error(requests.get(f"{base}/v1/rules"), 401, "unauthorized")


def test_cors_only_for_the_configured_origin(server):
    base, _ = server
    preflight = {
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    allowed = requests.options(f"{base}/v1/lint", headers={"Origin": ORIGIN, **preflight})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == ORIGIN
    assert "authorization" in allowed.headers["access-control-allow-headers"].lower()
    denied = requests.options(f"{base}/v1/lint", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in denied.headers
    response = post(base, "/v1/lint", {"text": CLEAN}, headers={**AUTH, "Origin": ORIGIN})
    assert response.headers["access-control-allow-origin"] == ORIGIN


def test_every_error_code_has_a_json_body(server):
    base, _ = server
    assert_error(post(base, "/v1/lint", {"text": "x" * 20_001}), 413, "too_large")
    huge = requests.post(
        f"{base}/v1/lint", data=b"{" + b" " * 13_000_000 + b"}", headers={**AUTH, "Content-Type": "application/json"}
    )
    assert_error(huge, 413, "too_large")
    plain = requests.post(f"{base}/v1/lint", data=CLEAN, headers={**AUTH, "Content-Type": "text/plain"})
    assert_error(plain, 415, "unsupported_media_type")
    assert_error(post(base, "/v1/lint", {"txt": CLEAN}), 422, "invalid_request")
    assert_error(post(base, "/v1/lint", {"text": CLEAN, "offsets": "bytes"}), 422, "invalid_request")
    assert_error(post(base, "/v1/lint", [CLEAN]), 422, "invalid_request")
    broken = requests.post(f"{base}/v1/lint", data="{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert_error(broken, 422, "invalid_request")
    assert_error(requests.get(f"{base}/v1/nothing-here", headers=AUTH), 404, "http_error")


def test_rate_limit_answers_429_with_retry_after(tight_server):
    headers = {"Authorization": "Bearer tight-token-0000"}
    assert post(tight_server, "/v1/lint", {"text": CLEAN}, headers=headers).status_code == 200
    limited = post(tight_server, "/v1/lint", {"text": CLEAN}, headers=headers)
    assert_error(limited, 429, "rate_limited")
    assert int(limited.headers["Retry-After"]) >= 1
    other_key = {"Authorization": "Bearer tight-token-0009"}
    assert post(tight_server, "/v1/lint", {"text": CLEAN}, headers=other_key).status_code == 200


def test_overload_is_answered_fast_with_503(tight_server):
    long_draft = (LEAK + " ") * 200  # about 17,000 characters: slow enough to overlap
    with ThreadPoolExecutor(max_workers=8) as pool:
        responses = list(
            pool.map(
                lambda i: post(
                    tight_server,
                    "/v1/lint",
                    {"text": long_draft},
                    headers={"Authorization": f"Bearer tight-token-{i:04d}"},
                ),
                range(1, 9),
            )
        )
    statuses = sorted(r.status_code for r in responses)
    assert 200 in statuses and 503 in statuses, [(r.status_code, r.text[:80]) for r in responses]
    for refused in (r for r in responses if r.status_code == 503):
        assert_error(refused, 503, "overloaded")
        assert refused.headers["Retry-After"] == "1"
        assert refused.elapsed.total_seconds() < 1


def test_no_draft_text_reaches_the_log(server):
    base, log = server
    marker = f"zq{uuid.uuid4().hex}"
    leak = f"To the 53 people who searched {marker} every night: are you okay?"
    assert post(base, "/v1/lint", {"text": leak}).status_code == 200
    assert post(base, "/v1/lint/batch", {"posts": [{"id": "p", "text": leak}]}).status_code == 200
    assert post(base, "/v1/lint", {"text": leak, "extra": marker}).status_code == 422
    assert post(base, "/v1/lint", {"text": marker * 2000}).status_code == 413
    assert post(base, "/v1/lint", {"text": leak}, headers={"Authorization": f"Bearer {marker}"}).status_code == 401
    lines = log.read_text().splitlines()
    assert not [line for line in lines if marker in line]
    assert any("POST /v1/lint 200" in line and "key=extension" in line for line in lines)
    assert TOKEN not in log.read_text()


SCHEMATHESIS = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or shutil.which("schemathesis")


@pytest.mark.skipif(SCHEMATHESIS is None, reason="schemathesis is not installed (it comes with the test extra)")
def test_schemathesis_finds_nothing_against_the_openapi_document(server, tmp_path):
    base, _ = server
    done = subprocess.run(
        [SCHEMATHESIS, "run", f"{base}/openapi.json", "--header", f"Authorization: Bearer {TOKEN}",
         "--checks", "all", "--max-examples", "25", "--seed", "1", "--no-color"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    report = done.stdout
    assert "5 selected / 5 total" in report and "No issues found" in report


# --- no draft can break a check or stall the backend ----------------------------------------------------------------

UNREADABLE = "\ufdfa" * 6_000  # within the character limit, but 108,000 characters once normalised


def test_a_draft_that_cannot_be_checked_is_its_own_error_never_its_neighbours(server):
    base, _ = server
    posts = [{"id": str(i), "text": LEAK} for i in range(8)]
    posts.insert(3, {"id": "odd", "text": UNREADABLE})
    results = post(base, "/v1/lint/batch", {"posts": posts}).json()["results"]
    assert [r["decision"] for r in results] == ["block"] * 3 + ["not_checked"] + ["block"] * 5
    assert results[3]["error"]["code"] == "E002" and results[0]["error"] is None
    single = post(base, "/v1/lint", {"text": UNREADABLE})
    assert_error(single, 422, "not_checked")
    assert "E002" in single.json()["error"]["message"]
    assert post(base, "/v1/lint", {"text": "A user watched it \ud839\uddf1 times"}).json()["decision"] == "block"


def test_a_streamed_body_over_the_limit_is_refused_without_reading_it_all(server):
    base, _ = server

    def chunks():
        for _ in range(1_000):  # 1 GB if it were all read
            yield b"x" * 1_000_000

    refused = requests.post(f"{base}/v1/lint", data=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert_error(refused, 413, "too_large")
    assert requests.get(f"{base}/healthz").status_code == 200


def test_work_is_bounded_in_tokens_and_idle_connections_are_closed(server):
    base, _ = server
    assert_error(post(base, "/v1/lint", {"text": "!" * 12_000}), 413, "too_much_work")  # 12,000 tokens
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as idle:
        idle.settimeout(30)
        started = time.monotonic()
        assert idle.recv(1) == b""  # closed by the server, having sent no request
        assert time.monotonic() - started < 15


def test_a_batch_pays_the_rate_limit_for_each_draft(tight_server):
    headers = {"Authorization": "Bearer tight-token-0011"}  # a key no other test spends
    batch = post(tight_server, "/v1/lint/batch", {"posts": [{"text": CLEAN}] * 4}, headers=headers)
    assert batch.status_code == 200
    limited = post(tight_server, "/v1/lint", {"text": CLEAN}, headers=headers)
    assert_error(limited, 429, "rate_limited")
    assert int(limited.headers["Retry-After"]) >= 30  # four drafts at six a minute: the debt takes a while


@pytest.fixture(scope="module")
def budget_server(tmp_path_factory):
    """A time budget of 0.4 s: the worst drafts run over it."""
    log = tmp_path_factory.mktemp("budget") / "server.log"
    env = {"POSTLINT_API_KEYS": f"extension:{TOKEN}", "POSTLINT_RATE_LIMIT": "100000", "POSTLINT_TIMEOUT": "0.4"}
    with running_server(log, env) as base:
        yield base, log


WORST = "A-" * 4_990  # about 10,000 tokens: near the most work one request may ask for


def test_the_lint_process_is_replaced_without_a_pause_and_answers_stay_the_same(tmp_path):
    """The default time budget: a batch that runs long while the standby loads beside it (on a loaded
    machine, over 0.4 s) is still answered."""
    log = tmp_path / "server.log"
    env = {"POSTLINT_API_KEYS": f"extension:{TOKEN}", "POSTLINT_RATE_LIMIT": "100000", "POSTLINT_RECYCLE_AFTER": "30"}
    with running_server(log, env) as base:
        first = post(base, "/v1/lint/batch", {"posts": [{"text": LEAK}, {"text": CLEAN}]}).json()["results"]
        deadline = time.monotonic() + 60  # past the limit of 30 drafts, until a standby has loaded and taken over
        while "lint process replaced by a fresh one after 30 drafts" not in log.read_text():
            assert time.monotonic() < deadline, "no fresh lint process took over within 60 s"
            answers = post(base, "/v1/lint/batch", {"posts": [{"text": LEAK}, {"text": CLEAN}] * 5})
            assert answers.status_code == 200  # no pause: the working process answers while the standby loads
            assert [r["decision"] for r in answers.json()["results"]] == ["block", "pass"] * 5
            time.sleep(0.3)
        assert post(base, "/v1/lint/batch", {"posts": [{"text": LEAK}, {"text": CLEAN}]}).json()["results"] == first


def test_health_answers_fast_while_a_key_sends_the_worst_drafts_and_slow_drafts_get_503(budget_server):
    base, _ = budget_server
    answers: list[int] = []
    stop = threading.Event()

    def hammer():
        while not stop.is_set():
            answers.append(post(base, "/v1/lint", {"text": WORST}).status_code)

    sender = threading.Thread(target=hammer)
    sender.start()
    try:
        time.sleep(1)
        latencies = []
        for _ in range(100):
            started = time.perf_counter()
            assert requests.get(f"{base}/healthz", timeout=5).status_code == 200
            latencies.append(time.perf_counter() - started)
            time.sleep(0.02)
    finally:
        stop.set()
        sender.join()
    latencies.sort()
    # Waiting behind a lint would take the draft's whole budget (0.4 s); the bound sits well under it but
    # above the scheduler's hiccups on two cores shared with the suite's other worker (103 ms was seen).
    assert latencies[49] < 0.05, f"/healthz median {latencies[49] * 1000:.0f} ms"
    assert latencies[98] < 0.25, f"/healthz p99 {latencies[98] * 1000:.0f} ms"
    assert 503 in answers  # each takes over the budget (0.4 s): answered 503, not left hanging
    assert_error(post(base, "/v1/lint", {"text": WORST}), 503, "timeout")
    deadline = time.monotonic() + 30
    while (ok := post(base, "/v1/lint", {"text": CLEAN})).status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.5)  # the queue drains; the worker is still there
    assert ok.json()["decision"] == "pass"


def test_kept_alive_connections_answer_at_once_with_several_workers(tmp_path):
    """With --workers 2 the listening socket is handed to the workers without its protocol number and
    asyncio left Nagle's algorithm on: every answer on a kept-alive connection waited 40 ms. Workers of
    uvicorn 0.55 keep it; with 0.29, which pyproject still allows, this fails without the fix (56 ms)."""
    env = {"POSTLINT_API_KEYS": f"extension:{TOKEN}", "POSTLINT_RATE_LIMIT": "100000"}
    with running_server(tmp_path / "server.log", env, workers=2) as base, requests.Session() as session:
        deadline = time.monotonic() + 60  # /readyz answered from one worker; this connection's may still load
        while session.post(f"{base}/v1/lint", json={"text": CLEAN}, headers=AUTH).status_code == 503:
            assert time.monotonic() < deadline, "the second worker never became ready"
            time.sleep(0.2)
        latencies = []
        for _ in range(30):
            started = time.perf_counter()
            assert session.post(f"{base}/v1/lint", json={"text": CLEAN}, headers=AUTH).status_code == 200
            latencies.append(time.perf_counter() - started)
    # Nagle delays every answer by 40 ms; a loaded machine delays some. The fifth fastest tells them apart.
    fifth_fastest = sorted(latencies)[4]
    assert fifth_fastest < 0.03, f"fifth fastest of 30: {fifth_fastest * 1000:.0f} ms"
