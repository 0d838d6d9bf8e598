"""The claims stage: run the extractors over a document's sentences and keep the
sentences that state something checkable (an event, a date, a count or a measure) as
claims."""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import TypeVar

from ravel.extract.attribution import find_attributions, find_hedges, find_negations
from ravel.extract.dates import tag_dates
from ravel.extract.entities import AliasTable, find_mentions, find_roles
from ravel.extract.events import find_events
from ravel.extract.quantities import find_quantities
from ravel.model import Claim, Document, Mention, Quantity, Sentence, Timex
from ravel.reference import dateline_extent

_Span = TypeVar("_Span", Mention, Timex)

__all__ = ["extract_claims"]

# Quoted passages: an opening quote, then up to the next closing one on the same sentence.
NEGATION_REACH = 40  # characters between a negation cue and the event word it negates
# A negation reaches over a verb and its determiners ("never issued a formal apology"),
# not past a clause break or a preposition ("not acknowledged responsibility for the deaths").
_COORDINATION = re.compile(r"\bor\b", re.IGNORECASE)  # within what "no" picks out ("and" may
# start a clause of its own: "there was no warning and the blast killed 12")
_SCOPE_BREAK = re.compile(
    r"[,;:—–()]|\b(?:what|whether|why|how|who|which|but|and|or|while|whereas|although"
    r"|though|during|for|of|in|on|at|after"
    r"|before|since|with|by|from|over|under|against|despite|amid|because|when|as)\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[\"“](?P<body>[^\"“”\n]{3,}?)[\"”]")


def extract_claims(
    doc: Document, sentences: tuple[Sentence, ...], *, aliases: AliasTable | None = None
) -> tuple[Claim, ...]:
    """Claims of one document, in text order."""
    reference = doc.reference.date if doc.reference else None
    dateline = dateline_extent(doc.plain, doc.reference)
    timexes = _outside(tag_dates(doc.plain, reference), dateline)
    timexes = tuple(sorted(timexes, key=lambda t: (t.start, t.end)))
    starts = [t.start for t in timexes]
    claims = []
    for sentence in sentences:
        claim = _claim(doc, sentence, _inside(timexes, starts, sentence), aliases, dateline)
        if claim is not None:
            claims.append(claim)
    return tuple(claims)


def _claim(
    doc: Document,
    sentence: Sentence,
    dates: tuple[Timex, ...],
    aliases: AliasTable | None,
    dateline: tuple[int, int] | None,
) -> Claim | None:
    plain, start, end = doc.plain, sentence.start, sentence.end
    events = _mark_negated(find_events(plain, start, end), find_negations(plain, start, end), plain)
    quantities = _not_dates(find_quantities(plain, start, end), dates)
    anchored = tuple(t for t in dates if t.type in ("DATE", "TIME"))
    if not events and not anchored and not any(q.counted or q.kind == "measure"
                                               for q in quantities):
        return None
    mentions = _outside(find_mentions(plain, start, end, aliases=aliases), dateline)
    roles = find_roles(plain, start, end)
    return Claim(
        id=f"{doc.id}#{start}-{end}",
        doc_id=doc.id,
        start=start,
        end=end,
        line=doc.line_of(start),
        text=sentence.text,
        plain=plain[start:end],
        events=events,
        actors=tuple(m for m in (*mentions, *roles) if m.kind != "place"),
        places=tuple(m for m in mentions if m.kind == "place"),
        dates=dates,
        quantities=quantities,
        attributions=find_attributions(plain, start, end, aliases=aliases),
        hedges=tuple(
            Mention(s, e, plain[s:e], "hedge", plain[s:e].lower())
            for s, e in find_hedges(plain, start, end)
        ),
        negated=any(e.role == "negated" for e in events),
        quotes=tuple(m.span("body") for m in _QUOTE.finditer(plain, start, end)),
    )


def _outside(spans: tuple[_Span, ...], dateline: tuple[int, int] | None) -> tuple[_Span, ...]:
    """A dateline ("ANKARA, 6 March 2023 (Wire) -") dates, places and credits the report,
    not the event it reports: its date, town and outlet are no claim's."""
    if dateline is None:
        return spans
    lo, hi = dateline
    return tuple(s for s in spans if not (s.start < hi and lo < s.end))


def _inside(
    timexes: tuple[Timex, ...], starts: list[int], sentence: Sentence
) -> tuple[Timex, ...]:
    """The timexes within the sentence; `starts` (sorted) keeps this from rescanning every
    timex for every sentence, which made a long document quadratic."""
    lo = bisect.bisect_left(starts, sentence.start)
    hi = bisect.bisect_right(starts, sentence.end, lo)
    return tuple(t for t in timexes[lo:hi] if t.end <= sentence.end)


def _not_dates(quantities: tuple[Quantity, ...], dates: tuple[Timex, ...]) -> tuple[Quantity, ...]:
    """Drop numbers that are part of a date ("24 June", "in 2021")."""
    return tuple(
        q for q in quantities if not any(q.start < t.end and t.start < q.end for t in dates)
    )


def _mark_negated(
    events: tuple[Mention, ...], cues: tuple[tuple[int, int], ...], plain: str
) -> tuple[Mention, ...]:
    """A negation cue negates the first event word after it, if that word is in its scope;
    `role` records it."""
    negated = set()
    for cue_start, cue_end in cues:
        following = [e for e in events if e.start >= cue_end]
        if following:
            first = min(following, key=lambda e: e.start)
            gap = plain[cue_end : first.start]
            if plain[cue_start:cue_end].lower() == "no":  # "no students or staff died"
                gap = _COORDINATION.sub(" ", gap)
            if len(gap) <= NEGATION_REACH and not _SCOPE_BREAK.search(gap):
                negated.add(first.start)
    return tuple(
        dataclasses.replace(e, role="negated") if e.start in negated else e for e in events
    )
