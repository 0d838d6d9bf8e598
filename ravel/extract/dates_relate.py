"""How the times two TIMEX3 expressions denote relate: equal, contains, within, overlap..."""

from __future__ import annotations

import datetime as dt
import re

from ravel.extract._intervals import relate_intervals
from ravel.model import Timex

__all__ = ["relate_timex"]

FIELDS_RE = re.compile(r"(\d{4}|XXXX)(?:-(\d\d|XX)(?:-(\d\d|XX))?)?(?:T.*)?\Z")
DAY_VALUE_RE = re.compile(r"\d{4}-\d\d-\d\d\Z")
WEEKDAY_VALUE_RE = re.compile(r"(\d{4}|XXXX)-W(?:\d\d|XX)-([1-7])(?:T.*)?\Z")
_ONE = dt.timedelta(days=1)


def _comparable(t: Timex) -> bool:
    return (
        t.type in ("DATE", "TIME") and not t.value.endswith("_REF") and not t.value.startswith("P")
    )


def _pattern(value: str) -> tuple[int | None, int | None, int | None, int | None] | None:
    """(year, month, day, weekday) of a possibly partial value; None where unknown."""
    m = FIELDS_RE.match(value)
    if m:
        y, mo, d = (None if not g or g.startswith("X") else int(g) for g in m.groups())
        return y, mo, d, None
    w = WEEKDAY_VALUE_RE.match(value)
    if w:
        return (
            (None if w.group(1).startswith("X") else int(w.group(1))),
            None,
            None,
            int(w.group(2)),
        )
    return None


def _fits(day: dt.date, p: tuple[int | None, ...]) -> bool:
    y, mo, d, wd = p
    got = (day.year, day.month, day.day, day.isoweekday())
    return all(want is None or want == have for want, have in zip((y, mo, d, wd), got, strict=True))


def _half_open(lo: dt.date, hi: dt.date) -> bool:
    return lo < hi  # [lo, hi): a day ends where the next begins


def _interval(t: Timex) -> tuple[dt.date, dt.date] | None:
    if t.lo is None and t.hi is None:
        return None
    return t.lo or dt.date.min, t.hi or dt.date.max


def _relate_partial(a: Timex, b: Timex) -> str | None:
    pa, pb = _pattern(a.value), _pattern(b.value)
    ia, ib = _interval(a), _interval(b)
    if ia is not None and pb is not None:
        return _relate_span_pattern(ia, pb)
    if ib is not None and pa is not None:
        return _relate_span_pattern(ib, pa)
    if pa is None or pb is None:
        return None
    for x, y in zip(pa[:3], pb[:3], strict=True):
        if x is not None and y is not None and x != y:
            return "disjoint"
    if pa[3] is not None and pb[3] is not None and pa[3] != pb[3]:
        # a Sunday is never a Tuesday, but in news the two are as often two days of one
        # story (the crash, then the funerals) as two accounts of one day: no relation
        return None if pa[:3] == pb[:3] == (None, None, None) else "disjoint"
    for p, q in ((pa, pb), (pb, pa)):
        if p[3] is not None and None not in q[:3]:
            y, mo, d = (int(x or 0) for x in q[:3])
            if dt.date(y, mo, d).isoweekday() != p[3]:
                return "disjoint"
    return "equal" if a.value == b.value else "overlap"


def _relate_span_pattern(span: tuple[dt.date, dt.date], p: tuple[int | None, ...]) -> str:
    lo, hi = span
    if (hi - lo).days > 400:
        y = p[0]
        return "overlap" if y is None or lo.year <= y < hi.year or hi.year == y else "disjoint"
    days = (lo + k * _ONE for k in range((hi - lo).days))
    return "overlap" if any(_fits(d, p) for d in days) else "disjoint"


def relate_timex(a: Timex, b: Timex) -> str | None:
    """How the times two expressions denote relate.

    "equal", "contains" (a contains b), "within" (a inside b), "overlap" or
    "disjoint"; None when they cannot be compared (durations, sets, PRESENT_REF).
    Partial values compare field by field: "XXXX-06-24" and "2025-06-27" are
    disjoint whatever the year, "XXXX-06-27" and "2025-06-27" overlap.
    """
    if not (_comparable(a) and _comparable(b)):
        return None
    if a.value.startswith("FY") or b.value.startswith("FY"):
        return "equal" if a.value == b.value else None
    ia, ib = _interval(a), _interval(b)
    if ia is not None and ib is not None:
        return relate_intervals(*ia, *ib, _half_open)
    return _relate_partial(a, b)
