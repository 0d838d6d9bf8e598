"""Build reports from in-memory texts, through the real stages."""

from __future__ import annotations

import dataclasses
import datetime

from ravel.align import align_claims
from ravel.claims import extract_claims
from ravel.compare import compare_events
from ravel.extract.entities import load_aliases
from ravel.model import Claim, Document, Report
from ravel.prose import to_plain
from ravel.reference import find_reference
from ravel.sentences import split_sentences

ALIASES = load_aliases()


def document(doc_id: str, text: str, reference: datetime.date | None = None) -> Document:
    doc = Document.create(doc_id, doc_id, text, to_plain(text, "text"))
    return dataclasses.replace(doc, reference=find_reference(text, doc.plain, "text",
                                                              override=reference))


def claims_of(doc: Document) -> tuple[Claim, ...]:
    return extract_claims(doc, split_sentences(doc), aliases=ALIASES)


def report_of(texts: dict[str, str], reference: datetime.date | None = None) -> Report:
    docs = tuple(document(i, t, reference) for i, t in texts.items())
    claims = tuple(c for d in docs for c in claims_of(d))
    events = align_claims(claims)
    references = {d.id: d.reference.date if d.reference else None for d in docs}
    findings = compare_events(events, references=references)
    return Report(documents=docs, claims=claims, events=events, findings=findings)
