"""`ravel explain FINDING_ID`: one finding in full: both sides in context, the slot values,
why the claims were aligned and why the verdict.

An explanation is built from a Report (`build_explanation`) and stored as a plain dict in the
last-run cache (`explanation_to_dict` / `explanation_from_dict`), so `explain` can answer from
the cache without re-reading anything, or by re-running on the documents.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from typing import Any

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ravel.align import (
    ALIGN_CUTOFF,
    QUOTE_MATCH,
    QUOTE_MIN_CHARS,
    main_date,
    quotes_match,
    term_overlap,
)
from ravel.counts import (
    ESTIMATES_APART,
    count_key,
    count_relation,
    relate_counts,
    same_unit,
    typed_count_pairs,
)
from ravel.errors import RavelError
from ravel.extract.dates import relate_timex
from ravel.extract.quantities import describe_quantity
from ravel.model import Claim, Document, Finding, Quantity, Report, Sentence, Side, Timex
from ravel.render import VERDICT_STYLE
from ravel.sentences import split_sentences

SCHEMA = "ravel.explain/1"
HOW_TO_LIST = "`ravel diff --format line` or `ravel check --format line` list ids as [F…]"
AMBIGUOUS_SHOWN = 5  # candidates named when a prefix is ambiguous
_SPACES = re.compile(r"\s+")
_DAY_VALUE = re.compile(r"(\d{4}|XXXX)-(\d{2})-(\d{2})")
_ID = re.compile(r"f?[0-9a-f]+")  # finding ids are F + hex; the F may be left out


class UnknownFindingError(RavelError):
    """No finding, or more than one, has the id (prefix) asked for."""


class NoLastRunError(RavelError):
    """There is no last run to explain from and no documents were given."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A span of a document: its exact text and its prose view (same length)."""

    start: int
    end: int
    text: str  # == document.text[start:end]
    plain: str


@dataclass(frozen=True, slots=True)
class SideView:
    document: str
    path: str
    line: int
    column: int
    claim: Passage
    surface: Passage
    value: str
    normalized: dict[str, Any]  # TIMEX3 value/mod/interval, quantity bounds, polarity
    before: Passage | None  # the sentence before the claim's, if any
    after: Passage | None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two claims of different documents were aligned: what they share."""

    documents: tuple[str, str]
    term_overlap: float  # share of terms (event classes, names, numbers, words) in common
    events: tuple[str, ...]
    actors: tuple[str, ...]
    places: tuple[str, ...]
    numbers: tuple[str, ...]
    dates: str | None  # relation of the claims' main dates, None if not comparable
    counts: tuple[str, ...]  # typed counts compared: "38 ~ dozens: within"
    same_quote: bool


@dataclass(frozen=True, slots=True)
class Explanation:
    id: str
    verdict: str
    slot: str
    kind: str
    explanation: str  # the finding's one-line explanation
    event_id: str
    event_label: str
    event_score: float | None
    reason: str  # why the verdict, from the normalized values
    sides: tuple[SideView, ...]
    evidence: tuple[Evidence, ...]
    notes: tuple[str, ...] = ()


# ---- lookup -------------------------------------------------------------------------------


def explain(
    finding_id: str,
    *,
    last_run: dict[str, Any] | None,
    rerun: Callable[[], Report] | None,
) -> Explanation:
    """Explain a finding from the last run's cache, else by re-running (both when given)."""
    _prefix(finding_id)  # a malformed id is reported before anything is read
    if last_run is not None:
        stored = {f["id"]: f for f in last_run.get("findings", [])}
        found = resolve_id(finding_id, stored, where="the last run", missing_ok=rerun is not None)
        if found is not None:
            try:
                expl = explanation_from_dict(stored[found])
            except (KeyError, TypeError):
                raise NoLastRunError("the last run was stored by another version of ravel; "
                                     "run `ravel diff` or `ravel check` again") from None
            return dataclasses.replace(expl, notes=(*expl.notes, *stale_notes(last_run, expl)))
    if rerun is None:
        raise NoLastRunError("no last run to explain from (run `ravel diff` or `ravel check` "
                             "first, or give the documents' paths)")
    report = rerun()
    findings = {f.id: f for f in report.findings}
    found = resolve_id(finding_id, findings, where="these documents")
    assert found is not None
    return build_explanation(findings[found], report)


def resolve_id(
    query: str, ids: Iterable[str], *, where: str, missing_ok: bool = False
) -> str | None:
    """The one id `query` names: whole or a unique prefix, with or without F and brackets."""
    prefix = _prefix(query)
    hits = sorted(i for i in ids if i.lower().startswith((prefix, "f" + prefix)))
    if len(hits) == 1:
        return hits[0]
    if hits:
        shown = ", ".join(hits[:AMBIGUOUS_SHOWN]) + (", …" if len(hits) > AMBIGUOUS_SHOWN else "")
        raise UnknownFindingError(f"finding id {query!r} is ambiguous in {where}: {shown}")
    if missing_ok:
        return None
    raise UnknownFindingError(f"no finding {query!r} in {where}; {HOW_TO_LIST}")


def _prefix(query: str) -> str:
    prefix = query.strip().strip("[]").lower()
    if not _ID.fullmatch(prefix):
        raise UnknownFindingError(f"{query!r} is not a finding id; {HOW_TO_LIST}")
    return prefix


def stale_notes(last_run: dict[str, Any], expl: Explanation) -> list[str]:
    """Notes for the documents of `expl` changed on disk since the last run."""
    from ravel.lastrun import changed_documents

    changed = set(changed_documents(last_run))
    return [f"{path} has changed since the last run; the text shown is from then"
            for path in dict.fromkeys(s.path for s in expl.sides) if path in changed]


# ---- building -----------------------------------------------------------------------------


def build_explanation(
    finding: Finding, report: Report, _index: _Index | None = None
) -> Explanation:
    """Everything `ravel explain` shows about `finding`, from the report that holds it."""
    index = _index or _Index.of(report)
    docs, scores, cache = index.documents, index.scores, index.sentences
    sides = tuple(_side_view(s, finding.slot, docs[s.claim.doc_id], cache) for s in finding.sides)
    pairs = [(a.claim, b.claim) for a, b in combinations(finding.sides, 2)
             if a.claim.doc_id != b.claim.doc_id]
    return Explanation(
        id=finding.id, verdict=finding.verdict, slot=finding.slot, kind=finding.kind,
        explanation=finding.explanation, event_id=finding.event_id, event_label=finding.event,
        event_score=scores.get(finding.event_id), reason=verdict_reason(finding),
        sides=sides, evidence=tuple(evidence(a, b) for a, b in pairs),
    )


def build_explanations(report: Report, *, limit: int | None = None) -> list[Explanation]:
    """Explanations of the findings (the first `limit`: findings come conflicts first),
    splitting each document into sentences once."""
    index = _Index.of(report)
    findings = report.findings if limit is None else report.findings[:limit]
    return [build_explanation(f, report, index) for f in findings]


@dataclass
class _Index:
    """A report's lookups, built once for all its explanations."""

    documents: dict[str, Document]
    scores: dict[str, float]
    sentences: dict[str, tuple[Sentence, ...]]

    @classmethod
    def of(cls, report: Report) -> _Index:
        scores = {e.id: e.score for e in report.events if e.kind == "aligned"}  # not facts
        return cls({d.id: d for d in report.documents}, scores, {})


def evidence(a: Claim, b: Claim) -> Evidence:
    """What ravel.align saw in common between two claims."""
    da, db = main_date(a), main_date(b)
    counts = tuple(f"{qa.text} ~ {qb.text}: {relate_counts(qa, qb)}"
                   for qa, qb in typed_count_pairs(a, b))
    return Evidence(
        documents=(a.doc_id, b.doc_id),
        term_overlap=round(term_overlap(a, b), 3),
        events=_common([m.key for m in a.events], [m.key for m in b.events]),
        actors=_common([m.key for m in a.actors], [m.key for m in b.actors]),
        places=_common([m.key for m in a.places], [m.key for m in b.places]),
        numbers=_common(_numbers(a), _numbers(b)),
        dates=relate_timex(da, db) if da is not None and db is not None else None,
        counts=counts,
        same_quote=quotes_match(a, b),
    )


def _common(a: Iterable[str], b: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(a) & set(b)))


def _numbers(claim: Claim) -> Iterable[str]:
    return (describe_quantity(q) for q in claim.quantities if q.lo is not None and q.lo == q.hi)


def _side_view(
    side: Side, slot: str, doc: Document, cache: dict[str, tuple[Sentence, ...]]
) -> SideView:
    claim = side.claim
    if doc.id not in cache:
        cache[doc.id] = split_sentences(doc)
    before, after = _neighbours(cache[doc.id], claim)
    return SideView(
        document=doc.id, path=doc.path, line=doc.line_of(side.start),
        column=doc.column_of(side.start), claim=_passage(doc, claim.start, claim.end),
        surface=_passage(doc, side.start, side.end), value=side.value,
        normalized=normalized(side, slot),
        before=_passage(doc, before.start, before.end) if before else None,
        after=_passage(doc, after.start, after.end) if after else None,
    )


def _passage(doc: Document, start: int, end: int) -> Passage:
    return Passage(start, end, doc.text[start:end], doc.plain[start:end])


def _neighbours(
    sentences: Sequence[Sentence], claim: Claim
) -> tuple[Sentence | None, Sentence | None]:
    """The sentences just before and just after the claim's own (sentences are in order)."""
    before = bisect.bisect_right(sentences, claim.start, key=lambda s: s.end) - 1
    after = bisect.bisect_left(sentences, claim.end, key=lambda s: s.start)
    return (sentences[before] if before >= 0 else None,
            sentences[after] if after < len(sentences) else None)


# ---- slot values and why the verdict --------------------------------------------------------


def normalized(side: Side, slot: str) -> dict[str, Any]:
    """The side's value as ravel compared it: TIMEX3 fields, count bounds, or polarity."""
    timex, quantity = _timex(side), _quantity(side)
    if slot == "date" and timex is not None:
        interval = [timex.lo.isoformat(), timex.hi.isoformat()] if timex.lo and timex.hi else None
        return {"kind": "date", "type": timex.type, "value": timex.value, "mod": timex.mod,
                "interval": interval}
    if slot == "quantity" and quantity is not None:
        key = count_key(side.claim, quantity)
        return {"kind": "quantity", "value": describe_quantity(quantity),
                "interval": _bounds(quantity), "unit": quantity.unit,
                "counted": quantity.counted, "counts": list(key) if key else None,
                "vague": quantity.vague}
    if slot == "event":
        word, _, said = side.value.partition(": ")
        return {"kind": "event", "class": word, "happened": said != "no"}
    return {"kind": slot}


def describe_normalized(n: dict[str, Any]) -> str:
    if n["kind"] == "date":
        parts = [f"TIMEX3 {n['type']} {n['value']}" + (f" mod={n['mod']}" if n["mod"] else "")]
        if n["interval"] and _days(*n["interval"]) != f"the day {n['value']}":
            parts.append(_days(*n["interval"]))
        elif str(n["value"]).startswith("XXXX"):
            parts.append("year not given")
        return ", ".join(parts)
    if n["kind"] == "quantity":
        parts = [f"interval {n['interval']}"]
        if n["counts"]:
            event, thing = n["counts"]
            parts.append(f"counts {thing}" + (f" in a {event}" if event else ""))
        return ", ".join(parts + (["vague"] if n["vague"] else []))
    if n["kind"] == "event":
        return f"{n['class']} reported as {'' if n['happened'] else 'not '}having happened"
    return ""


def _days(lo: str, hi: str) -> str:
    """A half-open interval of days in words: "2024-12-01 to 2024-12-31", "the day 2025-06-27"."""
    last = datetime.date.fromisoformat(hi) - datetime.timedelta(days=1)
    return f"the day {lo}" if last.isoformat() == lo else f"{lo} to {last.isoformat()}"


def _bounds(q: Quantity) -> str:
    lo = "-∞" if q.lo is None else str(q.lo)
    hi = "∞" if q.hi is None else str(q.hi)
    if q.lo is not None and q.lo == q.hi:
        return f"[{lo}, {hi}]"
    left = "(" if q.lo_open or q.lo is None else "["
    return f"{left}{lo}, {hi}{')' if q.hi_open or q.hi is None else ']'}"


def _timex(side: Side) -> Timex | None:
    return next((t for t in side.claim.dates if (t.start, t.end) == (side.start, side.end)), None)


def _quantity(side: Side) -> Quantity | None:
    return next((q for q in side.claim.quantities
                 if q.start == side.start and q.end <= side.end), None)


def verdict_reason(finding: Finding) -> str:
    """Why the verdict, from the values compared: "... are disjoint days: 3 days apart"."""
    if len(finding.sides) < 2:
        return finding.explanation
    a, b = finding.sides[0], finding.sides[1]
    reason = {"date": _date_reason, "quantity": _count_reason, "event": _event_reason,
              "statement": _quote_reason}.get(finding.slot)
    return (reason(a, b, finding) if reason else None) or finding.explanation


def _date_reason(a: Side, b: Side, finding: Finding) -> str | None:
    ta, tb = _timex(a), _timex(b)
    if ta is None or tb is None:
        return None
    rel = relate_timex(ta, tb)
    first, second = _date_label(ta), _date_label(tb)
    if rel == "disjoint":
        days = _DAY_VALUE.fullmatch(ta.value) and _DAY_VALUE.fullmatch(tb.value)
        unknown = " whatever the year" if "XXXX" in ta.value + tb.value else ""
        apart = _days_apart(ta, tb)
        return (f"{first} and {second} are disjoint {'days' if days else 'times'}{unknown}"
                + (f": {apart} days apart" if apart else ""))
    if rel == "equal":
        return f"{first} and {second} denote the same time"
    if rel in ("contains", "within"):
        wide, narrow = (first, second) if rel == "contains" else (second, first)
        return f"{wide} contains {narrow}: the same time, one given more precisely"
    if rel == "overlap":
        return f"{first} and {second} overlap, but neither contains the other"
    return f"{first} and {second} cannot be compared (not anchored in time)"


def _date_label(t: Timex) -> str:
    return f"{t.text} ({t.value}{' ' + t.mod if t.mod else ''})"


def _days_apart(a: Timex, b: Timex) -> int | None:
    """Days between the nearer edges of two dates; an unknown year borrows the other's."""
    if a.lo and a.hi and b.lo and b.hi:
        if a.hi <= b.lo:
            return (b.lo - a.hi).days + 1
        return (a.lo - b.hi).days + 1 if b.hi <= a.lo else None
    ma, mb = _DAY_VALUE.fullmatch(a.value), _DAY_VALUE.fullmatch(b.value)
    if not (ma and mb):
        return None
    year = next((int(m.group(1)) for m in (ma, mb) if m.group(1) != "XXXX"), 2000)
    try:
        da, db = (datetime.date(int(m.group(1)) if m.group(1) != "XXXX" else year,
                                int(m.group(2)), int(m.group(3))) for m in (ma, mb))
    except ValueError:
        return None
    return abs((da - db).days) or None


def _count_reason(a: Side, b: Side, finding: Finding) -> str | None:
    qa, qb = _quantity(a), _quantity(b)
    if qa is None or qb is None:
        return None
    rel, reading = count_relation(qa, qb)
    first, second = _count_label(qa), _count_label(qb)
    key = count_key(a.claim, qa)
    qa, qb = same_unit(qa, qb)  # "600 metres" / "1,000 feet": gaps in metres
    what = f" (counts of {key[1]}" + (f" in a {key[0]})" if key[0] else ")") if key else ""
    if reading == "rounding":
        return f"{first} and {second}: a number and a bound at it differ only in rounding{what}"
    if reading == "conversion":
        return (f"{first} and {second} overlap once in one unit: a length and its rounded "
                f"conversion{what}")
    if reading == "tallies":
        return (f"{first} and {second} are two tallies: a toll given 'at least' (and not a "
                f"round number) is the count confirmed when it was written{what}")
    if reading == "estimates":
        apart = int(ESTIMATES_APART * 100)
        return f"{first} and {second} are two estimates more than {apart}% apart{what}"
    if rel == "disjoint":
        exact = _exact(qa) is not None and _exact(qb) is not None
        unit = f" {qa.unit}" if qa.unit else ""
        gap = (f": {_number(abs(qa.lo - qb.lo))}{unit} apart"
               if exact and qa.lo is not None and qb.lo else "")
        return f"{first} and {second} do not overlap{what}{gap}"
    if rel == "equal":
        return f"{first} and {second} are the same count{what}"
    if rel in ("contains", "within"):
        wide, narrow = (first, second) if rel == "contains" else (second, first)
        return f"{wide} holds {narrow}{what}: one is vaguer than the other"
    return f"{first} and {second} overlap{what}"


def _number(d: Decimal) -> str:
    """A gap as a person writes it: "2", "295.2" (a length converted to metres)."""
    return f"{d:,.1f}".removesuffix(".0")


def _count_label(q: Quantity) -> str:
    """ "dozens [24, 99]", "two (2)", and "38" rather than "38 [38, 38]"."""
    exact = _exact(q)
    if exact is None:
        return f"{q.text} {_bounds(q)}"
    return q.text if q.text == exact else f"{q.text} ({exact})"


def _exact(q: Quantity) -> str | None:
    return describe_quantity(q) if q.lo is not None and q.lo == q.hi else None


def _event_reason(a: Side, b: Side, finding: Finding) -> str:
    na, nb = normalized(a, "event"), normalized(b, "event")
    said = {True: "as having happened", False: "as not having happened"}
    if na["happened"] == nb["happened"]:
        return (f"both report the {na['class']} {said[na['happened']]} "
                f"(“{a.surface}”, “{b.surface}”)")
    return (f"{_name(a)} reports the {na['class']} {said[na['happened']]} (“{a.surface}”); "
            f"{_name(b)} {said[nb['happened']]} (“{b.surface}”)")


def _quote_reason(a: Side, b: Side, finding: Finding) -> str:
    return (f"both quote nearly the same words (rapidfuzz ratio ≥ {QUOTE_MATCH:g} on quotes "
            f"of {QUOTE_MIN_CHARS}+ characters)")


def _name(side: Side) -> str:
    return side.claim.doc_id.rsplit("/", 1)[-1]


# ---- dicts (JSON and the last-run cache) ---------------------------------------------------


def explanation_to_dict(expl: Explanation) -> dict[str, Any]:
    """The explanation as JSON data (`ravel explain --json`, the last-run cache)."""
    data: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(expl), ensure_ascii=False))
    return {"schema": SCHEMA, **data}


def explanation_from_dict(data: dict[str, Any]) -> Explanation:
    fields = {f.name for f in dataclasses.fields(Explanation)}
    values = {k: v for k, v in data.items() if k in fields}
    values["sides"] = tuple(_side_from_dict(s) for s in data["sides"])
    values["evidence"] = tuple(_evidence_from_dict(e) for e in data["evidence"])
    values["notes"] = tuple(data.get("notes", ()))
    return Explanation(**values)


def _evidence_from_dict(data: dict[str, Any]) -> Evidence:
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    return Evidence(**values)


def _side_from_dict(data: dict[str, Any]) -> SideView:
    passages = {k: Passage(**data[k]) if data[k] is not None else None
                for k in ("claim", "surface", "before", "after")}
    return SideView(**{**data, **passages})


# ---- rendering ----------------------------------------------------------------------------


def render_explanation(expl: Explanation) -> RenderableType:
    style = VERDICT_STYLE.get(expl.verdict, "bold")
    title = Text(expl.verdict.upper(), style=style)
    title.append(f"  {expl.slot} ({expl.kind}) · {expl.event_label}  ", style="bold")
    title.append(expl.id, style="dim")
    parts: list[RenderableType] = [title, Text(f"Why {expl.verdict}: {expl.reason}")]
    for side in expl.sides:
        parts += [Text(""), _side_heading(side, style), _indent(_context(side, style))]
    parts += [Text(""), Text("Why aligned:", style="bold")]
    parts += [_indent(_evidence_text(e, expl.event_score)) for e in expl.evidence]
    parts += [Text(f"note: {n}", style="yellow") for n in expl.notes]
    return Group(*parts)


def _indent(text: Text) -> Padding:
    return Padding(text, (0, 0, 0, 2))


def _side_heading(side: SideView, style: str) -> Text:
    text = Text(f"{side.path}:{side.line}:{side.column}  ", style="bold")
    text.append(side.value, style=style)
    details = describe_normalized(side.normalized)
    if details:
        text.append(f"  ({details})", style="dim")
    return text


def _context(side: SideView, style: str) -> Text:
    """The claim's sentence with the slot phrase emphasised, between its neighbours (dim)."""
    claim = side.claim
    rel_start, rel_end = side.surface.start - claim.start, side.surface.end - claim.start
    text = Text()
    if side.before:
        text.append(_squash(side.before.plain).strip() + "\n", style="dim")
    text.append(_squash(claim.plain[:rel_start]).lstrip())
    text.append(_squash(claim.plain[rel_start:rel_end]), style=f"{style} underline")
    text.append(_squash(claim.plain[rel_end:]).rstrip())
    if side.after:
        text.append("\n" + _squash(side.after.plain).strip(), style="dim")
    return text


def _evidence_text(e: Evidence, score: float | None) -> Text:
    rows = [f"{e.documents[0]} ↔ {e.documents[1]}"]
    if score is not None:
        rows.append(f"event score {score:g} (its strongest link; links need {ALIGN_CUTOFF:g} "
                    "unless configured)")
    rows.append(f"term overlap {e.term_overlap:.0%}")
    for label, values in (("event classes", e.events), ("names", e.actors),
                          ("places", e.places), ("numbers", e.numbers), ("counts", e.counts)):
        if values:
            rows.append(f"shared {label}: {', '.join(values)}")
    if e.dates:
        rows.append(f"main dates: {e.dates}")
    if e.same_quote:
        rows.append("both quote the same words")
    return Text("\n".join(rows))


def _squash(text: str) -> str:
    """Runs of white space (markup blanked in the prose view) read as one space."""
    return _SPACES.sub(" ", text)
