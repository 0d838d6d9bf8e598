"""A progress bar on stderr for long runs; silent for short ones, pipes and --quiet.

The bar appears only when it helps: stderr is a terminal, and the run reads many documents
or has already taken a while. It never touches stdout, where the data goes.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TextIO

MANY_DOCUMENTS = 50  # show the bar from the start at this many documents
SLOW_SECONDS = 1.0  # otherwise once the run has taken this long


class Progress(Protocol):
    """What a stage is handed: `set_total` once the documents are known, `advance` per one."""

    def set_total(self, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...


class _Silent:
    def set_total(self, total: int) -> None:
        return None

    def advance(self, n: int = 1) -> None:
        return None


class _Bar:
    """Counts always; draws a rich bar once the run is large or slow enough."""

    def __init__(self, total: int, label: str, stream: TextIO,
                 clock: Callable[[], float]) -> None:
        self.total, self.label, self.stream, self.clock = total, label, stream, clock
        self.done = 0
        self.started = clock()
        self.bar: Any = None  # rich.progress.Progress once drawn
        self.task: Any = None
        if total >= MANY_DOCUMENTS:
            self._draw()

    def set_total(self, total: int) -> None:
        self.total = total
        if self.bar is not None:
            self.bar.update(self.task, total=total or None)
        elif total >= MANY_DOCUMENTS:
            self._draw()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.bar is None and self.clock() - self.started > SLOW_SECONDS:
            self._draw()
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)

    def _draw(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        console = Console(file=self.stream)
        self.bar = RichProgress(TextColumn("{task.description}"), BarColumn(),
                                MofNCompleteColumn(), TimeElapsedColumn(),
                                console=console, transient=True)
        self.task = self.bar.add_task(self.label, total=self.total or None,
                                      completed=self.done)
        self.bar.start()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def progress(
    total: int,
    *,
    enabled: bool,
    label: str,
    stream: TextIO | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Progress]:
    """A counter to `advance` per document; draws on `stream` (stderr) only when useful.

    A no-op unless `enabled` (the CLI passes `not quiet`) and the stream is a terminal.
    `total` may be 0 when the count is not known yet: `set_total` supplies it later.
    """
    out = stream if stream is not None else sys.stderr
    if not enabled or not _is_terminal(out):
        yield _Silent()
        return
    bar = _Bar(total, label, out, clock)
    try:
        yield bar
    finally:
        bar.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False
