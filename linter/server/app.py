"""The FastAPI application: `POST /v1/lint`, `/v1/lint/batch`, `GET /v1/rules`, health and readiness.

Every /v1 request passes one gate before its body is read: API key (401), rate limit (429), JSON body
(415), size (413, also counted as a streamed body arrives) and requests in flight (503). Once the body
is read, a batch pays the rate limit per draft (429), the drafts' work in tokens is bounded per request
(413) and in flight (503), and a request not answered within the time budget gets 503. A draft that
cannot be checked is its own error: 422 from /v1/lint, an `error` entry in a batch; never its
neighbours'. Drafts are never logged: the access log holds method, path, status, time and key id, and
an unexpected error is logged by its type alone.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from contextlib import asynccontextmanager
from typing import Any, Literal

from fastapi import FastAPI, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from linter import __version__
from linter.config import build_pack
from linter.result import Result
from linter.server.batcher import Batcher
from linter.server.limits import BodyLimit, InFlight, RateLimiter, retry_after, work_of
from linter.server.offsets import utf16_offsets
from linter.server.settings import ServerSettings

access_log = logging.getLogger("postlint.access")
error_log = logging.getLogger("postlint.server")

JSON_BODY_PATHS = {"/v1/lint", "/v1/lint/batch"}
Platform = Literal["x", "linkedin", "instagram", "facebook", "threads", "bluesky", "mastodon", "other"]
Offsets = Literal["utf16", "codepoint"]


class LintRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The draft as typed.")
    platform: Platform | None = Field(default=None, description="Where the draft will be posted.")
    offsets: Offsets = Field(default="codepoint", description="utf16 for JavaScript string indices.")


class BatchPost(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(default=None, max_length=200, description="Echoed back to match results to posts.")
    text: str
    platform: Platform | None = None


class BatchRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    posts: list[BatchPost] = Field(min_length=1, max_length=100)
    offsets: Offsets = "codepoint"


class EditOut(BaseModel):
    start: int
    end: int
    replacement: str


class FixOut(BaseModel):
    title: str
    applicability: Literal["safe", "unsafe"] = Field(description="unsafe: changes what the post says; read it.")
    edits: list[EditOut] = Field(description="Non-overlapping; apply from the end of the text backwards.")


class FindingOut(BaseModel):
    rule: str
    name: str
    category: str
    severity: Literal["warn", "block"]
    message: str
    suggestion: str
    start: int = Field(description="Offset of the first character at fault, in the requested units.")
    end: int
    text: str
    fix: FixOut | None = Field(default=None, description="Edits that take the words out, where the rule has a fix.")


class PackInfo(BaseModel):
    name: str
    version: str


class ErrorDetail(BaseModel):
    code: str
    message: str


class Verdict(BaseModel):
    decision: Literal["pass", "warn", "block", "not_checked"]
    findings: list[FindingOut]
    claims: list[dict[str, Any]]
    error: ErrorDetail | None = Field(default=None, description="Why this draft could not be checked.")


class LintResponse(Verdict):
    pack: PackInfo
    offsets: Offsets
    took_ms: float


class BatchResult(Verdict):
    id: str | None


class BatchResponse(BaseModel):
    results: list[BatchResult]
    pack: PackInfo
    offsets: Offsets
    took_ms: float


class RuleOut(BaseModel):
    id: str
    name: str
    category: str
    severity: str
    message: str
    suggestion: str
    description: str


class RulesResponse(BaseModel):
    pack: PackInfo
    rules: list[RuleOut]


class ErrorBody(BaseModel):
    error: ErrorDetail


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


ERRORS = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        401: "No API key, or a wrong one.",
        413: "The draft, the body or the work it asks for is over the limit.",
        415: "The body is not JSON.",
        422: "A field is missing or wrong, or (code not_checked) this draft could not be checked.",
        429: "Rate limit for this key (a batch counts each draft); see Retry-After.",
        503: "Starting up, overloaded, or over the time budget; see Retry-After.",
    }.items()
}


def create_app(settings: ServerSettings) -> FastAPI:
    state: dict[str, Batcher] = {}
    pack = build_pack(settings.config)
    limiter = RateLimiter(settings.rate_limit / settings.workers)
    in_flight = InFlight(settings.max_in_flight)
    work_in_flight = InFlight(settings.max_tokens * 4)
    tokens = [(key_id, token.encode()) for key_id, token in settings.api_keys.items()]

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # The model loads in the batcher's child process: /healthz answers while /readyz says "not yet".
        state["batcher"] = Batcher(
            settings.config, hard_timeout=settings.timeout * 3, recycle_after=settings.recycle_after
        )
        yield

    app = FastAPI(
        title="postlint",
        version=__version__,
        summary="Checks social-media drafts for claims that expose users' activity data.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )

    def key_id_for(request: Request) -> str | None:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            return None
        found = None
        for key_id, token in tokens:  # compare with every key, in constant time each
            if hmac.compare_digest(token, given.strip().encode()):
                found = key_id
        return found

    def gate(request: Request) -> tuple[str | None, JSONResponse | None]:
        """Checks that need no body, in the order a client can fix them."""
        key_id = key_id_for(request)
        if key_id is None:
            return None, error(401, "unauthorized", "send a valid API key: Authorization: Bearer <token>")
        wait = limiter.acquire(key_id)
        if wait:
            return key_id, error(
                429, "rate_limited", "too many requests for this key", {"Retry-After": retry_after(wait)}
            )
        if request.method == "POST" and request.url.path in JSON_BODY_PATHS:
            if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
                return key_id, error(415, "unsupported_media_type", "send the body as application/json")
            length = request.headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > settings.max_body_bytes):
                return key_id, error(413, "too_large", f"the body is over {settings.max_body_bytes} bytes")
        if not state["batcher"].ready.is_set():
            return key_id, error(503, "starting", "the linter is still loading", {"Retry-After": "1"})
        return key_id, None

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)  # inside the gate: it sees the 413

    @app.middleware("http")
    async def guard_and_log(request: Request, call_next):
        started = time.perf_counter()
        key_id, refusal = gate(request) if request.url.path.startswith("/v1/") else (None, None)
        request.state.key_id = key_id
        entered = refusal is None and request.url.path.startswith("/v1/") and in_flight.try_enter()
        if refusal is None and request.url.path.startswith("/v1/") and not entered:
            refusal = error(503, "overloaded", "too many drafts in flight; try again shortly", {"Retry-After": "1"})
        try:
            response = refusal or await call_next(request)
        except Exception as exc:  # noqa: BLE001 - the type alone is logged: a message could quote the draft
            error_log.error("unhandled %s on %s %s", type(exc).__name__, request.method, request.url.path)
            response = error(500, "internal", "unexpected error")
        finally:
            if entered:
                in_flight.leave()
        elapsed = (time.perf_counter() - started) * 1000
        access_log.info(
            "%s %s %s %.1fms key=%s", request.method, request.url.path, response.status_code, elapsed, key_id or "-"
        )
        return response

    if settings.cors_origins:  # added last, so it is outermost: preflights and refusals both get CORS headers
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=["Retry-After"],
            max_age=600,
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # Pydantic's own errors echo the input; name the field and the problem only.
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'body'}: {e['msg']}" for e in exc.errors())
        return error(422, "invalid_request", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # a body that is not even text: the same kind of problem as bad JSON
            return error(422, "invalid_request", "the body is not valid JSON text")
        return error(exc.status_code, "http_error", str(exc.detail), exc.headers)  # keeps Allow on a 405

    bearer = Security(HTTPBearer(auto_error=False, description="An API key from POSTLINT_API_KEYS."))

    def too_long(texts: list[str]) -> JSONResponse | None:
        if any(len(t) > settings.max_chars for t in texts):
            return error(413, "too_large", f"a draft is over {settings.max_chars} characters")
        return None

    async def check(request: Request, texts: list[str]) -> list[Result] | JSONResponse:
        """The drafts' results, or the refusal: each check in the order a client can fix it."""
        if refusal := too_long(texts):
            return refusal
        limiter.charge(request.state.key_id, len(texts) - 1)  # the gate took one; later requests wait
        work = work_of(texts)
        if work > settings.max_tokens:
            return error(413, "too_much_work", f"the drafts come to over {settings.max_tokens} tokens; send fewer")
        if not work_in_flight.try_enter(work):
            return error(503, "overloaded", "too many drafts in flight; try again shortly", {"Retry-After": "1"})
        try:
            return await asyncio.wait_for(state["batcher"].lint(texts), settings.timeout)
        except TimeoutError:
            message = f"not checked within {settings.timeout:g} s; try again shortly"
            return error(503, "timeout", message, {"Retry-After": "2"})
        finally:
            work_in_flight.leave(work)

    def verdict(result: Result, offsets: Offsets) -> dict[str, Any]:
        data = result.to_dict()
        if offsets == "utf16":
            data = _reindex(data, utf16_offsets(result.text))
        return data

    def pack_info() -> PackInfo:
        return PackInfo(name=pack.name, version=pack.version)

    @app.post("/v1/lint", response_model=LintResponse, responses=ERRORS, dependencies=[bearer])
    async def lint(request: Request, body: LintRequest):
        started = time.perf_counter()
        results = await check(request, [body.text])
        if isinstance(results, JSONResponse):
            return results
        (result,) = results
        if result.error is not None:
            return error(422, "not_checked", str(result.error))
        took = (time.perf_counter() - started) * 1000
        return {**verdict(result, body.offsets), "pack": pack_info(), "offsets": body.offsets, "took_ms": took}

    @app.post("/v1/lint/batch", response_model=BatchResponse, responses=ERRORS, dependencies=[bearer])
    async def lint_batch(request: Request, body: BatchRequest):
        started = time.perf_counter()
        results = await check(request, [post.text for post in body.posts])
        if isinstance(results, JSONResponse):
            return results
        took = (time.perf_counter() - started) * 1000
        return {
            "results": [{"id": p.id, **verdict(r, body.offsets)} for p, r in zip(body.posts, results, strict=True)],
            "pack": pack_info(),
            "offsets": body.offsets,
            "took_ms": took,
        }

    @app.get("/v1/rules", response_model=RulesResponse, responses=ERRORS, dependencies=[bearer])
    async def rules():
        listed = [RuleOut(**{k: getattr(r, k) for k in RuleOut.model_fields}) for r in pack.rules]
        return RulesResponse(pack=pack_info(), rules=listed)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", responses={503: ERRORS[503]})
    async def readyz():
        if not state["batcher"].ready.is_set():
            return error(503, "starting", "the linter is still loading", {"Retry-After": "1"})
        return {"status": "ready"}

    return app


def _reindex(data: Any, table: list[int]) -> Any:
    """Every {"start", "end"} span, converted from code points to the units in `table`."""
    if isinstance(data, dict):
        converted = {k: _reindex(v, table) for k, v in data.items()}
        if isinstance(data.get("start"), int) and isinstance(data.get("end"), int):
            converted["start"], converted["end"] = table[data["start"]], table[data["end"]]
        return converted
    if isinstance(data, list):
        return [_reindex(item, table) for item in data]
    return data
