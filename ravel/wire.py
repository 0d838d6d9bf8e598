"""The wire formats' data: Report -> plain dicts for JSON, and the one-line summary.

Field names are a public contract (see ravel/schema/*.schema.json): add, never rename.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ravel import __version__
from ravel.extract.quantities import describe_quantity
from ravel.model import Claim, Document, Event, Finding, InputProblem, Report, Side, Timex

DIFF_SCHEMA = "ravel.diff/1"
CLAIMS_SCHEMA = "ravel.claims/1"
DATES_SCHEMA = "ravel.dates/1"


def diff_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": DIFF_SCHEMA,
        "ravel": __version__,
        "summary": summary_counts(report),
        "documents": [document_to_dict(d) for d in report.documents],
        "findings": [finding_to_dict(f) for f in report.findings],
        "events": [event_to_dict(e) for e in report.events],
        "errors": problems_to_list(report.problems, fatal=True),
        "notes": problems_to_list(report.problems, fatal=False),
    }


def claims_to_dict(report: Report) -> dict[str, Any]:
    by_doc: dict[str, list[Claim]] = {d.id: [] for d in report.documents}
    for claim in report.claims:
        by_doc[claim.doc_id].append(claim)
    return {
        "schema": CLAIMS_SCHEMA,
        "ravel": __version__,
        "documents": [
            {**document_to_dict(d), "claims": [claim_to_dict(c) for c in by_doc[d.id]]}
            for d in report.documents
        ],
        "errors": problems_to_list(report.problems, fatal=True),
        "notes": problems_to_list(report.problems, fatal=False),
    }


def dates_to_dict(
    tagged: Iterable[tuple[Document, tuple[Timex, ...]]], problems: Iterable[InputProblem]
) -> dict[str, Any]:
    problems = tuple(problems)
    return {
        "schema": DATES_SCHEMA,
        "ravel": __version__,
        "documents": [
            {**document_to_dict(d), "dates": [timex_to_dict(t) for t in timexes]}
            for d, timexes in tagged
        ],
        "errors": problems_to_list(problems, fatal=True),
        "notes": problems_to_list(problems, fatal=False),
    }


def timex_to_dict(t: Timex) -> dict[str, Any]:
    return span(t.start, t.end, t.text, type=t.type, value=t.value, mod=t.mod,
                interval=[t.lo.isoformat(), t.hi.isoformat()] if t.lo and t.hi else None)


def render_json(data: dict[str, Any]) -> str:
    """One line per key, and one compact line per record of a list (a finding, a document):
    readable, greppable, and written by the C encoder, where an indented dump of a large
    corpus's findings is several times slower than finding them."""
    lines = ["{"]
    for n, (key, value) in enumerate(data.items()):
        comma = "," if n < len(data) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(f"  {_compact(key)}: [")
            records = [f"    {_compact(item)}," for item in value]
            records[-1] = records[-1][:-1]
            lines.extend(records)
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {_compact(key)}: {_compact(value)}{comma}")
    lines.append("}")
    return "\n".join(lines)


def render_json_indented(data: dict[str, Any]) -> str:
    """Fully indented, for small documents read by people (`ravel explain --json`, SARIF)."""
    return json.dumps(data, indent=2, ensure_ascii=False)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def summary_counts(report: Report) -> dict[str, int]:
    verdicts = Counter(f.verdict for f in report.findings)
    return {
        "documents": len(report.documents),
        "claims": len(report.claims),
        "events": len(report.events),
        "conflicts": verdicts["conflict"],
        "disputed": verdicts["disputed"],
        "compatible": verdicts["compatible"],
        "agreements": verdicts["agreement"],
    }


def document_to_dict(doc: Document) -> dict[str, Any]:
    ref = doc.reference
    return {
        "id": doc.id,
        "path": doc.path,
        "format": doc.format,
        "encoding": doc.encoding,
        "reference_date": ref.date.isoformat() if ref and ref.date else None,
        "reference_source": ref.source if ref else "none",
    }


def span(start: int, end: int, text: str, **extra: Any) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text, **extra}


def claim_to_dict(claim: Claim) -> dict[str, Any]:
    return {
        "id": claim.id,
        "document": claim.doc_id,
        "start": claim.start,
        "end": claim.end,
        "line": claim.line,
        "text": claim.text,
        "events": [span(m.start, m.end, m.text, label=m.key) for m in claim.events],
        "actors": [span(m.start, m.end, m.text, key=m.key, role=m.role) for m in claim.actors],
        "places": [span(m.start, m.end, m.text, key=m.key, role=m.role) for m in claim.places],
        "dates": [timex_to_dict(t) for t in claim.dates],
        "quantities": [
            span(q.start, q.end, q.text, value=describe_quantity(q), kind=q.kind, unit=q.unit,
                 counted=q.counted)
            for q in claim.quantities
        ],
        "attributions": [
            {"source": a.source, "source_key": a.source_key, "cue": a.cue, "start": a.start,
             "end": a.end}
            for a in claim.attributions
        ],
        "hedges": [span(m.start, m.end, m.text) for m in claim.hedges],
        "negated": claim.negated,
    }


def side_to_dict(side: Side) -> dict[str, Any]:
    c = side.claim
    return {
        "claim": c.id,
        "document": c.doc_id,
        "start": c.start,
        "end": c.end,
        "line": c.line,
        "text": c.text,
        "surface": side.surface,
        "surface_start": side.start,
        "surface_end": side.end,
        "value": side.value,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "verdict": finding.verdict,
        "slot": finding.slot,
        "kind": finding.kind,
        "event": finding.event,
        "event_id": finding.event_id,
        "explanation": finding.explanation,
        "claims": [side_to_dict(s) for s in finding.sides],
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "label": event.label,
        "score": event.score,
        "kind": event.kind,
        "claims": [claim_to_dict(c) for c in event.claims],
    }


def problems_to_list(problems: Iterable[InputProblem], *, fatal: bool) -> list[dict[str, str]]:
    return [{"path": p.path, "message": p.message} for p in problems if p.fatal == fatal]



def summary_line(report: Report) -> str:
    n = summary_counts(report)
    parts = [
        _plural(n["documents"], "document"),
        _plural(n["claims"], "claim"),
        _plural(n["events"], "event") + " across sources",
        _plural(n["conflicts"], "conflict"),
    ]
    if n["disputed"]:
        parts.append(f"{n['disputed']} disputed")
    parts += [_plural(n["agreements"], "agreement"), f"{n['compatible']} compatible"]
    return " · ".join(parts)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
