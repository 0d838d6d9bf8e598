"""The claims stage: run the extractors over a document's sentences.

`extract_claims` runs them over a document's sentences and keeps the sentences
that state something checkable (an event, a date or a count) as claims.
"""

from __future__ import annotations

import re

from ravel.extract.attribution import find_attributions, find_negations
from ravel.extract.dates import tag_dates
from ravel.extract.entities import AliasTable, find_mentions, find_roles
from ravel.extract.events import find_events
from ravel.extract.quantities import find_quantities
from ravel.model import Claim, Document, Mention, Quantity, Sentence, Timex

__all__ = ["extract_claims"]

# Quoted passages: an opening quote, then up to the next closing one on the same sentence.
_QUOTE = re.compile(r"[\"“](?P<body>[^\"“”\n]{3,}?)[\"”]")


def extract_claims(
    doc: Document, sentences: tuple[Sentence, ...], *, aliases: AliasTable | None = None
) -> tuple[Claim, ...]:
    """Claims of one document, in text order."""
    reference = doc.reference.date if doc.reference else None
    timexes = tag_dates(doc.plain, reference)
    claims = []
    for sentence in sentences:
        claim = _claim(doc, sentence, _inside(timexes, sentence), aliases)
        if claim is not None:
            claims.append(claim)
    return tuple(claims)


def _claim(
    doc: Document, sentence: Sentence, dates: tuple[Timex, ...], aliases: AliasTable | None
) -> Claim | None:
    plain, start, end = doc.plain, sentence.start, sentence.end
    events = find_events(plain, start, end)
    quantities = _not_dates(find_quantities(plain, start, end), dates)
    anchored = tuple(t for t in dates if t.type in ("DATE", "TIME"))
    if not events and not anchored and not any(q.counted for q in quantities):
        return None
    mentions = find_mentions(plain, start, end, aliases=aliases)
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
        negated=_negates_event(find_negations(plain, start, end), events),
        quotes=tuple(m.span("body") for m in _QUOTE.finditer(plain, start, end)),
    )


def _inside(timexes: tuple[Timex, ...], sentence: Sentence) -> tuple[Timex, ...]:
    return tuple(t for t in timexes if sentence.start <= t.start and t.end <= sentence.end)


def _not_dates(quantities: tuple[Quantity, ...], dates: tuple[Timex, ...]) -> tuple[Quantity, ...]:
    """Drop numbers that are part of a date ("24 June", "in 2021")."""
    return tuple(
        q for q in quantities if not any(q.start < t.end and t.start < q.end for t in dates)
    )


def _negates_event(cues: tuple[tuple[int, int], ...], events: tuple[Mention, ...]) -> bool:
    """A negation cue within a few words before an event word negates the claim."""
    return any(0 <= e.start - cue_end <= 40 for cue_start, cue_end in cues for e in events)
