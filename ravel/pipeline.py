"""Chain the stages: read -> reference date -> sentences -> claims -> align -> compare.

`run` serves the CLI and library users alike; it prints nothing and never exits.
Extraction is a pure function of one document (`extract_document`), so it can be
cached (`ravel.cache`) and spread over processes (`ravel.parallel`) without changing
the result.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from ravel.align import ALIGN_CUTOFF, Stories, align_claims
from ravel.claims import extract_claims
from ravel.compare import compare_events, finding_order
from ravel.errors import NoDocumentsError
from ravel.extract import dates
from ravel.extract.entities import AliasTable, load_aliases
from ravel.facts import compare_facts
from ravel.model import Claim, Document, Event, Finding, InputProblem, Reference, Report, Timex
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
    aliases: Mapping[str, Any] = field(default_factory=dict)  # extra alias groups (config)
    strict: bool = False  # any unreadable input is an error, not a note
    align_cutoff: float = ALIGN_CUTOFF
    jobs: int | None = None  # extraction processes; None: as many as cores, when worth it
    cache_dir: Path | None = None  # where the claims cache lives, when `cache` is on
    cache: bool = False  # library calls are pure by default; the CLI turns the cache on


def read(
    paths: Sequence[str], options: Options = Options(), *, stdin: BinaryIO | None = None
) -> tuple[tuple[Document, ...], tuple[InputProblem, ...]]:
    """Read documents and find their reference dates."""
    documents, problems = _read(paths, options, stdin)
    return tuple(_with_reference(d) for d in documents), problems


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
    documents, problems = _read(paths, options, stdin)
    if progress is not None:
        progress.set_total(len(documents))
    entries, notes = _extract(documents, options, progress)
    documents = tuple(
        dataclasses.replace(d, reference=reference)
        for d, (reference, _) in zip(documents, entries, strict=True)
    )
    claims = tuple(c for _, claims in entries for c in claims)
    problems = (*problems, *(InputProblem("cache", note, fatal=False) for note in notes))
    return documents, Report(documents=documents, claims=claims, problems=problems)


def run(
    paths: Sequence[str],
    options: Options = Options(),
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> Report:
    """Read, extract, align and compare: the whole `ravel diff`."""
    _, report = load(paths, options, stdin=stdin, progress=progress)
    events, findings = align_and_compare(
        report.claims, options, references=references_of(report.documents)
    )
    return dataclasses.replace(report, events=events, findings=findings)


def references_of(documents: Sequence[Document]) -> dict[str, datetime.date | None]:
    """Each document's reference date, by document id."""
    return {d.id: d.reference.date if d.reference else None for d in documents}


def align_and_compare(
    claims: Sequence[Claim],
    options: Options = Options(),
    *,
    all_pairs: bool = False,
    references: Mapping[str, datetime.date | None] | None = None,
) -> tuple[tuple[Event, ...], tuple[Finding, ...]]:
    """Events and findings of extracted claims: the corpus-wide half of `run`.
    `references` (each document's reference date) tells a report's background from its
    news; without, claims are compared whatever their dates say of their reports."""
    stories = Stories(claims)
    events = align_claims(
        claims, score_cutoff=options.align_cutoff, stories=stories, all_pairs=all_pairs
    )
    return compare(claims, events, stories, references)


def compare(
    claims: Sequence[Claim],
    events: Sequence[Event],
    stories: Stories,
    references: Mapping[str, datetime.date | None] | None = None,
) -> tuple[tuple[Event, ...], tuple[Finding, ...]]:
    """The compare stage: each event's slots, then the facts documents of one story state
    outside any event (`ravel.facts`), whose pairs join the events."""
    stories.link(events)
    findings = compare_events(events, stories=stories, references=references)
    fact_events, fact_findings = compare_facts(claims, stories, events, findings, references)
    every = tuple(sorted((*events, *fact_events), key=lambda e: _claim_order(e.claims[0])))
    return every, tuple(sorted((*findings, *fact_findings), key=finding_order))


def _claim_order(claim: Claim) -> tuple[str, int]:
    return (claim.doc_id, claim.start)


def extract_document(doc: Document, aliases: AliasTable) -> tuple[Reference, tuple[Claim, ...]]:
    """A document's reference date and claims: a pure function of the document."""
    doc = _with_reference(doc)
    assert doc.reference is not None
    return doc.reference, extract_claims(doc, split_sentences(doc), aliases=aliases)


def _read(
    paths: Sequence[str], options: Options, stdin: BinaryIO | None
) -> tuple[tuple[Document, ...], tuple[InputProblem, ...]]:
    documents, problems = read_documents(
        paths, stdin=stdin, extensions=options.extensions, max_bytes=options.max_bytes
    )
    fatal = [p for p in problems if p.fatal]
    if options.strict and fatal:
        raise NoDocumentsError(f"{len(fatal)} unreadable input(s) and --strict", problems)
    if not documents:
        raise NoDocumentsError(_nothing_readable(paths, problems), problems)
    if options.reference_date is not None:  # given: part of each document, and of cache keys
        given = Reference(options.reference_date, "option")
        documents = tuple(dataclasses.replace(d, reference=given) for d in documents)
    return documents, problems


def _extract(
    documents: Sequence[Document], options: Options, progress: Progress | None
) -> tuple[list[tuple[Reference | None, tuple[Claim, ...]]], list[str]]:
    from ravel.cache import ClaimCache, Entry, extract_cached, fingerprint

    aliases = load_aliases(options.aliases or None)

    def extract_one(doc: Document) -> Entry:
        return Entry(*extract_document(doc, aliases))

    advance = progress.advance if progress is not None else None
    cache = ClaimCache.open(options.cache_dir, enabled=options.cache)
    with cache:
        settings = fingerprint({"aliases": options.aliases, "code": _code_fingerprint()})
        entries = extract_cached(documents, extract_one, cache=cache, fingerprint=settings,
                                 jobs=options.jobs, progress=advance)
    return [(e.reference, e.claims) for e in entries], list(cache.notes)


# What a document's claims depend on: an edit here must never serve stale claims.
EXTRACTION_CODE = ("extract", "data", "claims.py", "sentences.py", "prose.py", "reference.py",
                   "read.py", "model.py", "cache.py", "pipeline.py")


def _code_fingerprint() -> str:
    """Sizes and times of ravel's extraction code: an edited extractor never reads stale
    claims (ravel's version alone does not change while developing); an edited aligner
    keeps the cache."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for path in _extraction_files(root):
        stat = path.stat()
        digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def _extraction_files(root: Path) -> Iterator[Path]:
    for top in EXTRACTION_CODE:
        path = root / top
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in (".py", ".json", ".tsv"))
        else:
            yield path


def _with_reference(doc: Document) -> Document:
    given = doc.reference.date if doc.reference and doc.reference.source == "option" else None
    reference = find_reference(doc.text, doc.plain, doc.format, override=given)
    return dataclasses.replace(doc, reference=reference)


def _nothing_readable(paths: Sequence[str], problems: Sequence[object]) -> str:
    if not paths:
        return "no paths given"
    if any(getattr(p, "fatal", True) for p in problems):
        return "no readable document among the paths given"
    return "no documents found (looked for " + ", ".join(DEFAULT_EXTENSIONS) + ")"
