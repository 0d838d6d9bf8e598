"""Resolving underspecified dates: the moving anchor, the tense of the sentence, the pick."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ravel.extract import _date_words as W
from ravel.extract._date_spans import _ONE, _Span

TENSE_RE = re.compile(
    rf"\b(?:(?P<f>{W.FUTURE_CUE_RE})|(?P<p>{W.PAST_CUE_RE}|(?-i:[a-z]{{2,}}(?<!e)ed)))\b",
    re.IGNORECASE,
)
# A full stop after "a.m.", "Mr", "Dec", "U.S" does not end the sentence.
SENTENCE_END_RE = re.compile(
    r"(?<![ap]\.m)(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})(?<!\bSept)(?<!\b[A-Z])"
    r"[.!?][\s\"'\u201d\u2019]|\n"
)
LEFT_CLAUSE_RE = re.compile(r";|,\s+(?:and|but|while|whereas)\s", re.IGNORECASE)
CLAUSE_END_RE = re.compile(
    r"[.!?;,()\u2014\u2013]|\s-\s|\n|\b(?:that|which|who|when|where|while|but)\b", re.IGNORECASE
)
ANCHOR_REACH = 400  # characters over which an earlier date still anchors "Monday", "24 June"
PAST_PENALTY_DAYS = 120  # how much farther a past reading may lie than a later one
ANCHOR_NEAR_DAYS = 45  # a reading this close to the text's anchor continues its story
STORY_SPAN_DAYS = 14  # an anchor wider than this is background, not a scene
CURRENT_DAYS = 10  # an anchor this close to the reference: the story is today's news
# "prosecutors said on Friday": the reporting day, read against the reference date.
REPORTING_LEFT_RE = re.compile(
    r"\b(?:said|says|told\s+[a-z]+|announced|reported|stated|confirmed|added|declared)"
    r"\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)
REPORTING_WORD_RE = re.compile(
    r"(?:said|says|told|announced|reported|added|stated|declared|warned|predicted|projected"
    r"|estimated|forecast|argued|insisted|testified)\Z",
    re.IGNORECASE,
)
REPORTING_RIGHT_RE = re.compile(r"\A,?\s+(?:said|says|told|announced|reported)\b", re.IGNORECASE)


@dataclass(slots=True)
class _State:
    """The reference date and the moving anchor for underspecified dates."""

    dct: dt.date | None
    anchor: tuple[dt.date, dt.date] | None
    anchor_at: int = -1  # offset of the date that set the anchor; -1: the reference
    year_at: tuple[int, int] | None = None  # (year, end) of the last explicit year
    recent: list[tuple[int, str]] = field(default_factory=list)  # (end, value) emitted so far
    quarter: _Span | None = None  # the last quarter named, for "the quarter"
    present_at: int = -1  # offset of the last expression read from the reference date


def _same_sentence(text: str, a: int, b: int) -> bool:
    """Whether nothing ends a sentence between offsets `a` and `b` (a <= b)."""
    return 0 <= b - a < 300 and SENTENCE_END_RE.search(text, a, b) is None


def _in_stated_year(cands: list[_Span], st: _State, text: str, at: int) -> _Span | None:
    """The reading in the year stated earlier in the sentence: "In 2017 ... in October"."""
    if st.year_at is None or not _same_sentence(text, st.year_at[1], at):
        return None
    year = st.year_at[0]
    return next((c for c in cands if c.lo is not None and c.lo.year == year), None)


def _nearest_reference(cands: list[_Span], st: _State, tense: str | None) -> _Span | None:
    """The reading nearest the reference date (months, quarters: the moving anchor is
    for days and weekdays only; a month without its year is of the current story)."""
    return _against_reference(cands, st.dct, tense) if cands and st.dct else None


def _gap(c: _Span, lo: dt.date, hi: dt.date) -> int:
    assert c.lo is not None
    assert c.hi is not None
    if c.hi <= lo:
        return (lo - c.hi).days + 1
    if c.lo >= hi:
        return (c.lo - hi).days + 1
    return 0


def _against_reference(cands: list[_Span], dct: dt.date, tense: str | None) -> _Span:
    """The reading nearest the reference date, on the side a future cue points to.

    A past cue is weaker (it is often the verb of the announcement, not of the date):
    a later reading pays PAST_PENALTY_DAYS, so "declared a dividend payable March 20"
    still reads as the coming March 20, not the one eleven months back.
    """

    def cost(c: _Span) -> tuple[int, int]:
        lo, hi = c.lo or dct, c.hi or dct
        if tense == "future" and hi <= dct:
            return 10**6, 0  # a future cue ("will", "due", "until") is firm; today still fits
        wrong = tense == "past" and lo > dct
        return _gap(c, dct, dct + _ONE) + PAST_PENALTY_DAYS * wrong, -lo.toordinal()

    return min(cands, key=cost)


def _pick(cands: list[_Span], st: _State, tense: str | None, *, at: int = -1) -> _Span | None:
    """Choose among candidate readings of an underspecified date.

    A date from the text anchors the reading while it is near (ANCHOR_REACH characters
    back) and the reading stays close to it, kept on the side of the reference date the
    tense asks for; otherwise the reading nearest the reference date wins, weighed by
    the tense (`_against_reference`).
    """
    dct = st.dct
    near = st.anchor is not None and st.anchor_at >= 0 and 0 <= at - st.anchor_at <= ANCHOR_REACH
    if not cands or (not near and dct is None):
        return None
    if not near:
        assert dct is not None
        return _against_reference(cands, dct, tense)
    assert st.anchor is not None
    lo, hi = st.anchor
    fits = cands
    if dct is not None and tense is not None:  # keep to the side of the reference the tense says
        fits = [
            c
            for c in cands
            if c.lo and c.hi and (c.lo <= dct if tense == "past" else c.hi > dct + _ONE)
        ] or cands
    best = min(fits, key=lambda c: (_gap(c, lo, hi), (c.lo or lo).toordinal()))
    if _gap(best, lo, hi) > ANCHOR_NEAR_DAYS and dct is not None:  # an aside, not a retelling
        return _against_reference(cands, dct, tense)
    return best


def _tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None: the tense cue nearest the expression in its clause.

    Reporting verbs ("said", "told") date the report, not what is reported, so they
    are no cue; the right context stops at a relative or a new clause ("that will").
    """
    left = text[max(0, start - 90) : start]
    cut = max((m.end() for m in SENTENCE_END_RE.finditer(left)), default=0)
    left = left[cut:]
    clause = max((m.end() for m in LEFT_CLAUSE_RE.finditer(left)), default=0)
    left = left[clause:]
    right = text[end : end + 70]
    stop = CLAUSE_END_RE.search(right)
    right = right[: stop.start()] if stop else right
    best: tuple[int, re.Match[str]] | None = None
    for m in TENSE_RE.finditer(left):
        if not REPORTING_WORD_RE.match(m.group()):
            best = (len(left) - m.end(), m)
    r = next((x for x in TENSE_RE.finditer(right) if not REPORTING_WORD_RE.match(x.group())), None)
    if r and (best is None or r.start() < best[0]):
        best = (r.start(), r)
    if best is None:
        return None
    return "future" if best[1].group("f") else "past"


def _two_digit_year(d: int, st: _State) -> int:
    """The century of a two-digit year or decade: not after the reference's decade."""
    now = st.dct.year if st.dct else 2029
    y = now - now % 100 + d
    return y - 100 if y > now + 9 else y


def _years_around(st: _State) -> list[int]:
    """Candidate years for a date given without one: around the anchor and the reference."""
    bases = {d.year for d in (st.anchor[0] if st.anchor else None, st.dct) if d is not None}
    return sorted({y + k for y in bases for k in (-1, 0, 1)})


def _candidates(make: Callable[[int], _Span], st: _State) -> list[_Span]:
    out = []
    for y in _years_around(st):
        try:
            out.append(make(y))
        except ValueError:  # 29 February of a common year
            continue
    return out


def _story_anchor(st: _State) -> bool:
    """Whether the text's anchor is an older story being retold, not today's news.

    Only a past day or a few days ("late last July") set the scene for a "Monday";
    a month or a deadline mentioned in passing does not.
    """
    if st.anchor is None or st.anchor_at < 0 or st.present_at > st.anchor_at:
        return False  # no scene, or the text came back to the present since
    lo, hi = st.anchor
    if (hi - lo).days > STORY_SPAN_DAYS:
        return False
    return st.dct is None or (hi <= st.dct and (st.dct - lo).days > CURRENT_DAYS)


def _at_reference(st: _State) -> _State:
    return _State(st.dct, (st.dct, st.dct + _ONE) if st.dct else None)
