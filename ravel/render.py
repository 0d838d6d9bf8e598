"""Renderers: turn a Report into JSON or rich tables. They format; they never decide."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ravel import __version__
from ravel.extract.quantities import describe_quantity
from ravel.model import Claim, Document, Event, Finding, InputProblem, Report, Side, Timex

DIFF_SCHEMA = "ravel.diff/1"
CLAIMS_SCHEMA = "ravel.claims/1"
DATES_SCHEMA = "ravel.dates/1"
VERDICT_STYLE = {
    "conflict": "bold red",
    "disputed": "bold magenta",
    "compatible": "yellow",
    "agreement": "green",
}
CONTEXT = 50  # characters of context either side of a slot's phrase in tables


# ---- JSON -------------------------------------------------------------------------------


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
    return json.dumps(data, indent=2, ensure_ascii=False)


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
        "claims": [claim_to_dict(c) for c in event.claims],
    }


def problems_to_list(problems: Iterable[InputProblem], *, fatal: bool) -> list[dict[str, str]]:
    return [{"path": p.path, "message": p.message} for p in problems if p.fatal == fatal]


# ---- tables -----------------------------------------------------------------------------


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


def render_findings(report: Report, *, show_all: bool = False) -> RenderableType:
    """One small table per finding, conflicts first: each side's source, value and quote."""
    shown = [f for f in report.findings if show_all or f.verdict in ("conflict", "disputed")]
    parts: list[RenderableType] = [_finding_table(f) for f in shown]
    hidden = len(report.findings) - len(shown)
    if hidden:
        parts.append(Text(f"{hidden} agreements and compatible findings not shown (use --all)",
                          style="dim"))
    parts.append(Text(summary_line(report), style="bold"))
    return Group(*parts)


def _finding_table(finding: Finding) -> Table:
    style = VERDICT_STYLE.get(finding.verdict, "")
    title = Text(finding.verdict.upper(), style=style)
    title.append(f"  {finding.slot} · {finding.event}", style="bold")
    table = Table(title=title, caption=_one_line(finding.explanation), title_justify="left",
                  caption_justify="left", box=box.SIMPLE, show_header=False, padding=(0, 1))
    table.add_column("source", no_wrap=True)
    table.add_column("value", no_wrap=True, style=style)
    table.add_column("quoted", overflow="fold")
    for side in finding.sides:
        table.add_row(f"{side.claim.doc_id}:{side.claim.line}", side.value, _quote(side, style))
    return table


def _quote(side: Side, style: str) -> Text:
    """The claim's sentence around the slot's phrase, with the phrase emphasised."""
    claim = side.claim
    source = claim.plain or claim.text
    rel_start, rel_end = side.start - claim.start, side.end - claim.start
    lo, hi = max(0, rel_start - CONTEXT), min(len(source), rel_end + CONTEXT)
    text = Text("…" if lo > 0 else "")
    text.append(_squash(source[lo:rel_start]))
    text.append(_squash(source[rel_start:rel_end]), style=(style or "") + " underline")
    text.append(_squash(source[rel_end:hi]))
    if hi < len(source):
        text.append("…")
    return text


def _squash(text: str) -> str:
    """Runs of white space (markup blanked in the prose view) read as one space."""
    return re.sub(r"\s+", " ", text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_claims(report: Report) -> RenderableType:
    parts: list[RenderableType] = []
    for doc in report.documents:
        claims = [c for c in report.claims if c.doc_id == doc.id]
        ref = doc.reference
        when = ref.date.isoformat() if ref and ref.date else "none"
        title = f"{doc.id} · reference date {when} ({ref.source if ref else 'none'})"
        table = Table(title=title, title_justify="left", show_lines=False)
        table.add_column("line", justify="right", no_wrap=True)
        table.add_column("claim")
        table.add_column("slots")
        for claim in claims:
            table.add_row(str(claim.line), Text(_one_line(claim.plain or claim.text)),
                          Text(_slots(claim)))
        parts.append(table)
    parts.append(Text(f"{_plural(len(report.documents), 'document')} · "
                      f"{_plural(len(report.claims), 'claim')}", style="bold"))
    return Group(*parts)


def _slots(claim: Claim) -> str:
    rows = []
    if claim.events:
        rows.append("event: " + ", ".join(dict.fromkeys(e.key for e in claim.events)))
    if claim.dates:
        rows.append("date: " + ", ".join(f"{t.text}={t.value}" for t in claim.dates))
    if claim.quantities:
        rows.append("count: " + ", ".join(
            f"{describe_quantity(q)} {q.counted or ''}".strip() for q in claim.quantities))
    names = dict.fromkeys(m.key for m in (*claim.actors, *claim.places))
    if names:
        rows.append("who/where: " + ", ".join(names))
    if claim.attributions:
        rows.append("per: " + ", ".join(a.source or a.cue for a in claim.attributions))
    if claim.negated:
        rows.append("negated")
    return "\n".join(rows)


def render_dates(tagged: Iterable[tuple[Document, tuple[Timex, ...]]]) -> RenderableType:
    parts: list[RenderableType] = []
    for doc, timexes in tagged:
        ref = doc.reference
        when = ref.date.isoformat() if ref and ref.date else "none"
        table = Table(title=f"{doc.id} · reference date {when} ({ref.source if ref else 'none'})",
                      title_justify="left")
        for column in ("line", "text", "type", "value", "mod"):
            table.add_column(column, no_wrap=column != "text")
        for t in timexes:
            table.add_row(str(doc.line_of(t.start)), Text(_one_line(t.text)), t.type, t.value,
                          t.mod or "")
        parts.append(table)
    return Group(*parts)
