"""The FastAPI application: `POST /v1/lint`, `/v1/lint/batch`, `GET /v1/rules`, health and readiness.

Every /v1 request passes one gate before its body is read: API key (401), rate limit (429), JSON body
(415), size (413) and work in flight (503). Drafts are never logged: the access log holds method, path,
status, time and key id, and an unexpected error is logged by its type alone.
"""

from __future__ import annotations

import hmac
import logging
import threading
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
from linter.engine import Linter, get_linter
from linter.result import Result
from linter.server.batcher import Batcher
from linter.server.limits import InFlight, RateLimiter, retry_after
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


class PackInfo(BaseModel):
    name: str
    version: str


class Verdict(BaseModel):
    decision: Literal["pass", "warn", "block"]
    findings: list[FindingOut]
    claims: list[dict[str, Any]]


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


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


ERRORS = {
    status: {"model": ErrorBody, "description": description}
    for status, description in {
        401: "No API key, or a wrong one.",
        413: "The draft or the body is over the size limit.",
        415: "The body is not JSON.",
        422: "A field is missing or wrong.",
        429: "Rate limit for this key; see Retry-After.",
        503: "Starting up or overloaded; see Retry-After.",
    }.items()
}


def create_app(settings: ServerSettings) -> FastAPI:
    state: dict[str, Batcher | Linter] = {}
    limiter = RateLimiter(settings.rate_limit)
    in_flight = InFlight(settings.max_in_flight)
    tokens = [(key_id, token.encode()) for key_id, token in settings.api_keys.items()]

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # Load the model off the event loop so /healthz answers while /readyz still says "not yet".
        def load() -> None:
            linter = get_linter(settings.config)
            state["batcher"] = Batcher(linter)
            state["linter"] = linter

        threading.Thread(target=load, daemon=True).start()
        yield

    app = FastAPI(
        title="postlint",
        version=__version__,
        summary="Checks social-media drafts for claims that expose users' activity data.",
        lifespan=lifespan,
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
        if "linter" not in state:
            return key_id, error(503, "starting", "the linter is still loading", {"Retry-After": "1"})
        return key_id, None

    @app.middleware("http")
    async def guard_and_log(request: Request, call_next):
        started = time.perf_counter()
        key_id, refusal = gate(request) if request.url.path.startswith("/v1/") else (None, None)
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

    def verdict(result: Result, offsets: Offsets) -> dict[str, Any]:
        data = result.to_dict()
        if offsets == "utf16":
            data = _reindex(data, utf16_offsets(result.text))
        return data

    def pack_info() -> PackInfo:
        pack = state["linter"].pack
        return PackInfo(name=pack.name, version=pack.version)

    @app.post("/v1/lint", response_model=LintResponse, responses=ERRORS, dependencies=[bearer])
    async def lint(body: LintRequest):
        if refusal := too_long([body.text]):
            return refusal
        started = time.perf_counter()
        (result,) = await state["batcher"].lint([body.text])
        took = (time.perf_counter() - started) * 1000
        return {**verdict(result, body.offsets), "pack": pack_info(), "offsets": body.offsets, "took_ms": took}

    @app.post("/v1/lint/batch", response_model=BatchResponse, responses=ERRORS, dependencies=[bearer])
    async def lint_batch(body: BatchRequest):
        texts = [post.text for post in body.posts]
        if refusal := too_long(texts):
            return refusal
        started = time.perf_counter()
        results = await state["batcher"].lint(texts)
        took = (time.perf_counter() - started) * 1000
        return {
            "results": [{"id": p.id, **verdict(r, body.offsets)} for p, r in zip(body.posts, results, strict=True)],
            "pack": pack_info(),
            "offsets": body.offsets,
            "took_ms": took,
        }

    @app.get("/v1/rules", response_model=RulesResponse, responses=ERRORS, dependencies=[bearer])
    async def rules():
        pack = state["linter"].pack
        listed = [RuleOut(**{k: getattr(r, k) for k in RuleOut.model_fields}) for r in pack.rules]
        return RulesResponse(pack=pack_info(), rules=listed)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", responses={503: ERRORS[503]})
    async def readyz():
        if "linter" not in state:
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
