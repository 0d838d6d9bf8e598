"""Chain the stages: read -> reference date -> sentences -> claims -> align -> compare.

`run` serves the CLI and library users alike; it prints nothing and never exits.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from ravel.align import ALIGN_CUTOFF, align_claims
from ravel.claims import extract_claims
from ravel.compare import compare_events
from ravel.errors import NoDocumentsError
from ravel.extract import dates
from ravel.extract.entities import AliasTable, load_aliases
from ravel.model import Claim, Document, InputProblem, Report, Timex
from ravel.read import DEFAULT_EXTENSIONS, DEFAULT_MAX_BYTES, read_documents
from ravel.reference import find_reference
from ravel.sentences import split_sentences


class Progress(Protocol):
    """What a progress display offers the pipeline (ravel.progress draws one)."""

    def set_total(self, total: int) -> None: ...

    def advance(self, n: int = 1) -> None: ...


@dataclass(frozen=True, slots=True)
class Options:
    reference_date: datetime.date | None = None
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    max_bytes: int = DEFAULT_MAX_BYTES
    aliases: AliasTable | None = None
    strict: bool = False  # any unreadable input is an error, not a note
    align_cutoff: float = ALIGN_CUTOFF


def read(
    paths: Sequence[str], options: Options = Options(), *, stdin: BinaryIO | None = None
) -> tuple[tuple[Document, ...], tuple[InputProblem, ...]]:
    """Read documents and find their reference dates."""
    documents, problems = read_documents(
        paths, stdin=stdin, extensions=options.extensions, max_bytes=options.max_bytes
    )
    fatal = [p for p in problems if p.fatal]
    if options.strict and fatal:
        raise NoDocumentsError(f"{len(fatal)} unreadable input(s) and --strict", problems)
    if not documents:
        raise NoDocumentsError(_nothing_readable(paths, problems), problems)
    documents = tuple(_with_reference(d, options.reference_date) for d in documents)
    return documents, problems


def tag_dates(
    paths: Sequence[str], options: Options = Options(), *, stdin: BinaryIO | None = None
) -> tuple[tuple[tuple[Document, tuple[Timex, ...]], ...], tuple[InputProblem, ...]]:
    """Every temporal expression of each document (`ravel dates`)."""
    documents, problems = read(paths, options, stdin=stdin)
    tagged = tuple(
        (d, dates.tag_dates(d.plain, d.reference.date if d.reference else None))
        for d in documents
    )
    return tagged, problems


def load(
    paths: Sequence[str],
    options: Options = Options(),
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> tuple[tuple[Document, ...], Report]:
    """Read documents and extract their claims (no alignment)."""
    documents, problems = read(paths, options, stdin=stdin)
    aliases = options.aliases or load_aliases()
    if progress is not None:
        progress.set_total(len(documents))
    claims: list[Claim] = []
    for doc in documents:
        claims.extend(extract_claims(doc, split_sentences(doc), aliases=aliases))
        if progress is not None:
            progress.advance()
    return documents, Report(documents=documents, claims=tuple(claims), problems=problems)


def run(
    paths: Sequence[str],
    options: Options = Options(),
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read, extract, align and compare: the whole `ravel diff`."""
    _, report = load(paths, options, stdin=stdin, progress=progress)
    events = align_claims(report.claims, score_cutoff=options.align_cutoff)
    return dataclasses.replace(report, events=events, findings=compare_events(events))


def _with_reference(doc: Document, override: datetime.date | None) -> Document:
    reference = find_reference(doc.text, doc.plain, doc.format, override=override)
    return dataclasses.replace(doc, reference=reference)


def _nothing_readable(paths: Sequence[str], problems: Sequence[object]) -> str:
    if not paths:
        return "no paths given"
    if any(getattr(p, "fatal", True) for p in problems):
        return "no readable document among the paths given"
    return "no documents found (looked for " + ", ".join(DEFAULT_EXTENSIONS) + ")"
