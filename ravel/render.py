"""Renderers for people: rich tables of findings, claims and dates.

They format; they never decide."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ravel.extract.quantities import describe_quantity
from ravel.model import Claim, Document, Finding, Report, Side, Timex
from ravel.wire import _plural, summary_line

VERDICT_STYLE = {
    "conflict": "bold red",
    "disputed": "bold magenta",
    "compatible": "yellow",
    "agreement": "green",
}
CONTEXT = 50  # characters of context either side of a slot's phrase in tables


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
    if claim.hedges:
        rows.append("hedged: " + ", ".join(dict.fromkeys(h.key for h in claim.hedges)))
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
