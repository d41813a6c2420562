"""`postlint serve`: the HTTP backend for the browser extension, on uvicorn."""

from __future__ import annotations

import logging
import os
from typing import Annotated

import typer

from linter.errors import needs_extra
from linter.server.settings import load_server_settings

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


def build_app():
    """The application factory uvicorn calls in each worker: settings come from the environment."""
    from linter.server.app import create_app

    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    return create_app(load_server_settings())


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8080,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes, each with its own loaded model.")] = 1,
) -> None:
    """Serve the linter over HTTP for the browser extension (keys from POSTLINT_API_KEYS)."""
    with needs_extra("server", "serve"):
        import uvicorn

        import linter.server.app  # noqa: F401  (fastapi, checked here rather than in each worker)
        from linter.server.limits import HeaderTimeoutProtocol

    load_server_settings()  # fail here, in one line, rather than in every worker
    os.environ["POSTLINT_WORKERS"] = str(workers)  # each worker takes its share of the rate limit
    uvicorn.run(
        "linter.server.cli:build_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        access_log=False,  # our own access log has the key id and no query strings
        log_level="info",
        timeout_graceful_shutdown=10,
        http=HeaderTimeoutProtocol,  # idle and slow-header connections are closed after the keep-alive timeout
        timeout_keep_alive=5,
        limit_concurrency=1000,  # connections and requests at once per worker, past which uvicorn answers 503
    )


def register(app: typer.Typer) -> None:
    app.command()(serve)
