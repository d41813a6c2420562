"""One lint thread per worker, fed in micro-batches.

Linting is CPU-bound: running requests in parallel threads only makes them fight over the GIL. Requests
wait in a queue instead, and whatever has gathered while the previous batch ran goes through
`nlp.pipe` together, which is also faster per draft than one at a time.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from dataclasses import dataclass

from linter.engine import Linter
from linter.result import Result

MAX_BATCH_DRAFTS = 64


@dataclass
class _Job:
    texts: list[str]
    future: asyncio.Future
    loop: asyncio.AbstractEventLoop


class Batcher:
    def __init__(self, linter: Linter):
        self._linter = linter
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        threading.Thread(target=self._run, name="postlint-lint", daemon=True).start()

    async def lint(self, texts: list[str]) -> list[Result]:
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self._jobs.put(_Job(texts, future, loop))
        return await future

    def _run(self) -> None:
        while True:
            jobs = [self._jobs.get()]
            size = len(jobs[0].texts)
            while size < MAX_BATCH_DRAFTS:
                try:
                    jobs.append(self._jobs.get_nowait())
                except queue.Empty:
                    break
                size += len(jobs[-1].texts)
            self._finish(jobs)

    def _finish(self, jobs: list[_Job]) -> None:
        try:
            results = list(self._linter.lint_many([text for job in jobs for text in job.texts]))
        except Exception as exc:  # noqa: BLE001 - handed to every waiting request, which reports it
            for job in jobs:
                job.loop.call_soon_threadsafe(_settle, job.future, None, exc)
            return
        for job in jobs:
            mine, results = results[: len(job.texts)], results[len(job.texts) :]
            job.loop.call_soon_threadsafe(_settle, job.future, mine, None)


def _settle(future: asyncio.Future, results: list[Result] | None, error: Exception | None) -> None:
    if future.done():  # the client went away
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(results)
