"""Extract claims from many documents on several cores.

Extraction is a pure function of one document, so it maps over processes.
Workers are forked: they inherit the documents and the function instead of
receiving them pickled, and send back only claims (chunks of neighbouring
documents, so there are few round trips). Output order is input order. Below
a size threshold, or when a pool cannot be used, the map runs serially in this
process: the result is identical either way.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from ravel.model import Claim, Document

__all__ = [
    "MIN_CHARS",
    "MIN_DOCS",
    "default_jobs",
    "extract_all",
    "map_documents",
    "should_parallelize",
]

MIN_CHARS = 2_000_000  # below ~2 MB a pool's start-up (~50 ms a worker) outweighs the gain
MIN_DOCS = 200
CHUNKS_PER_JOB = 8  # enough chunks to even out long and short documents across workers

T = TypeVar("T")
Progress = Callable[[int], None]

# Work for forked workers, by task number; set before the pool forks, so never pickled.
_TASKS: dict[int, tuple[Sequence[Document], Callable[[Document], Any]]] = {}
_COUNTER = itertools.count()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def should_parallelize(total_chars: int, n_docs: int, jobs: int | None = None) -> bool:
    """Worth a process pool: two or more jobs and more than ~2 MB or 200 documents."""
    jobs = default_jobs() if jobs is None else jobs
    return jobs >= 2 and n_docs >= 2 and (total_chars > MIN_CHARS or n_docs > MIN_DOCS)


def extract_all(
    documents: Sequence[Document],
    extract_one: Callable[[Document], Sequence[Claim]],
    *,
    jobs: int | None = None,
    always: bool = False,
    progress: Progress | None = None,
) -> list[tuple[Claim, ...]]:
    """The claims of each document, in input order (see `map_documents`)."""
    return map_documents(
        documents, lambda d: tuple(extract_one(d)), jobs=jobs, always=always, progress=progress
    )


def map_documents(
    documents: Sequence[Document],
    fn: Callable[[Document], T],
    *,
    jobs: int | None = None,
    always: bool = False,
    progress: Progress | None = None,
) -> list[T]:
    """`fn` over `documents`, in order; on `jobs` processes when worth it (`always`:
    whenever there are two jobs and two documents, for tests and benchmarks). `fn` must be
    pure: it runs in forked workers and its results come back pickled. `progress(n)` is
    called in this process as each n more documents are done."""
    advance = _capped(progress, len(documents)) if progress else _ignore
    jobs = default_jobs() if jobs is None else max(1, jobs)
    total = sum(len(d.text) for d in documents)
    wanted = should_parallelize(total, len(documents), jobs) or (
        always and jobs >= 2 and len(documents) >= 2
    )
    if wanted and _can_fork():
        try:
            return _pooled(documents, fn, jobs, advance)
        except (BrokenProcessPool, OSError, pickle.PicklingError):
            pass  # a pool that cannot start, or dies: the serial map gives the same answer
    results = []
    for doc in documents:
        results.append(fn(doc))
        advance(1)
    return results


def _ignore(n: int) -> None:
    return None


def _capped(progress: Progress, total: int) -> Progress:
    """Never report more than `total` (a broken pool's chunks are redone serially)."""
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        step = min(n, total - done)
        done += step
        if step:
            progress(step)

    return advance


def chunk_bounds(sizes: Sequence[int], n_chunks: int) -> list[tuple[int, int]]:
    """Contiguous [start, end) ranges of about equal total size, none empty."""
    total = sum(sizes)
    target = max(1, total // max(1, n_chunks))
    bounds, start, acc = [], 0, 0
    for i, size in enumerate(sizes):
        acc += size
        if acc >= target:
            bounds.append((start, i + 1))
            start, acc = i + 1, 0
    if start < len(sizes):
        bounds.append((start, len(sizes)))
    return bounds


def _pooled(
    documents: Sequence[Document], fn: Callable[[Document], T], jobs: int, advance: Progress
) -> list[T]:
    task = next(_COUNTER)
    _TASKS[task] = (documents, fn)
    bounds = chunk_bounds([len(d.text) + 1 for d in documents], jobs * CHUNKS_PER_JOB)
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(bounds)), mp_context=context) as pool:
            futures = [pool.submit(_run_chunk, task, start, end) for start, end in bounds]
            results: list[T] = []
            for future in futures:  # in input order; a later chunk may be done already
                chunk = future.result()
                advance(len(chunk))
                results.extend(chunk)
            return results
    finally:
        del _TASKS[task]


def _run_chunk(task: int, start: int, end: int) -> list[Any]:
    """In a worker: `fn` over documents[start:end] of a task inherited at fork."""
    documents, fn = _TASKS[task]
    return [fn(d) for d in documents[start:end]]


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()
