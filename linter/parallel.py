"""`lint_many` over several processes, for big calendars (`postlint check --jobs N`).

Each worker process loads the pipeline once. Chunks of posts go out in input order and their results
come back in that order; only a few chunks per worker are in flight at once, so memory stays flat
however long the input is. Results are plain data (`Result`), so they cross processes as they are.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from spacy.util import minibatch

from linter.config import Config
from linter.engine import BATCH_SIZE, Linter
from linter.result import Result

IN_FLIGHT = 2  # chunks queued per worker: enough to keep each busy, few enough to bound memory

_linter: Linter | None = None  # the worker's own, built once by `_start`


def _start(config: Config) -> None:
    global _linter
    _linter = Linter(config)


def _lint_chunk(texts: list[str]) -> list[Result]:
    assert _linter is not None, "the worker was started without its linter"
    return list(_linter.lint_many(texts))


def lint_parallel(texts: Iterable[str], config: Config, jobs: int, chunk: int = BATCH_SIZE) -> Iterator[Result]:
    """Results in input order, from `jobs` worker processes ("spawn": each starts clean and loads the model)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start, initargs=(config,)) as pool:
        pending: deque[Future[list[Result]]] = deque()
        for texts_chunk in minibatch(texts, chunk):
            pending.append(pool.submit(_lint_chunk, list(texts_chunk)))
            if len(pending) >= IN_FLIGHT * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
