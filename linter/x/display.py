"""What an audit shows on stderr while it runs: a progress bar, and every rate-limit wait as a countdown.

The bars appear only on a terminal; the line saying how long the wait is always appears.
"""

from __future__ import annotations

import math
import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

TICK = 0.25  # seconds between countdown updates


class Display:
    def __init__(self) -> None:
        self.console = Console(stderr=True, highlight=False)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
            disable=not self.console.is_terminal,
        )
        self.task: TaskID | None = None

    def __enter__(self) -> Display:
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def start(self, description: str, total: int, done: int) -> None:
        self.task = self.progress.add_task(description, total=total, completed=done)

    def advance(self, count: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, count)

    def say(self, message: str) -> None:
        self.console.print(message, soft_wrap=True)

    def wait(self, seconds: float) -> None:
        """Sleep through a rate-limit window, saying so and counting down."""
        seconds = math.ceil(seconds)
        until = time.strftime("%H:%M:%S", time.localtime(time.time() + seconds))
        self.say(f"Rate limited by X: waiting {seconds} s, until {until}, for the limit to reset.")
        task = self.progress.add_task("Waiting for X's rate limit", total=seconds)
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.progress.update(task, completed=seconds - left)
            time.sleep(min(TICK, left))
        self.progress.remove_task(task)
