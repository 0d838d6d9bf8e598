"""Calendar spans (a TIMEX3 value with its interval of days) and duration values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ravel.extract import _date_words as W

_ONE = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)


@dataclass(frozen=True, slots=True)
class _Span:
    """A TIMEX3 value with the interval of days it denotes (None if not anchored)."""

    value: str
    lo: dt.date | None = None
    hi: dt.date | None = None


def _first(y: int, m: int, n: int = 0) -> dt.date:
    """The first day of month `m` of year `y`, moved by `n` months."""
    q, r = divmod(m - 1 + n, 12)
    return dt.date(y + q, r + 1, 1)


def _day(d: dt.date) -> _Span:
    return _Span(d.isoformat(), d, d + _ONE)


def _month(y: int, m: int) -> _Span:
    return _Span(f"{y:04d}-{m:02d}", _first(y, m), _first(y, m, 1))


def _year(y: int) -> _Span:
    return _Span(f"{y:04d}", dt.date(y, 1, 1), dt.date(y + 1, 1, 1))


def _week(d: dt.date) -> _Span:
    iy, iw, wd = d.isocalendar()
    lo = d - dt.timedelta(days=wd - 1)
    return _Span(f"{iy:04d}-W{iw:02d}", lo, lo + _WEEK)


def _weekend(d: dt.date) -> _Span:
    w = _week(d)
    assert w.lo is not None
    return _Span(w.value + "-WE", w.lo + dt.timedelta(days=5), w.hi)


def _quarter(y: int, q: int) -> _Span:
    return _Span(f"{y:04d}-Q{q}", _first(y, 3 * q - 2), _first(y, 3 * q + 1))


def _half(y: int, h: int) -> _Span:
    return _Span(f"{y:04d}-H{h}", _first(y, 6 * h - 5), _first(y, 6 * h + 1))


def _season(y: int, code: str) -> _Span:
    m = W.SEASON_MONTHS[code]
    return _Span(f"{y:04d}-{code}", _first(y, m), _first(y, m, 3))


def _decade(d: int) -> _Span:
    return _Span(str(d), dt.date(d * 10, 1, 1), dt.date(d * 10 + 10, 1, 1))


def _century(c: int) -> _Span:
    return _Span(f"{c:02d}", dt.date(max(1, c * 100), 1, 1), dt.date(c * 100 + 100, 1, 1))


def _shift(base: dt.date, unit: str, k: int) -> _Span | None:
    """The calendar unit containing `base`, moved by `k` units ("two years ago")."""
    y, m = base.year, base.month
    spans: dict[str, Callable[[], _Span]] = {
        "Y": lambda: _year(y + k),
        "M": lambda: _month(_first(y, m, k).year, _first(y, m, k).month),
        "W": lambda: _week(base + k * _WEEK),
        "WE": lambda: _weekend(base + k * _WEEK),
        "D": lambda: _day(base + k * _ONE),
        "Q": lambda: _quarter(_first(y, m, 3 * k).year, (_first(y, m, 3 * k).month - 1) // 3 + 1),
        "DE": lambda: _decade(y // 10 + k),
        "CE": lambda: _century(y // 100 + k),
    }
    make = spans.get(unit)
    return make() if make else None


def _narrow(lo: dt.date, hi: dt.date, mod: str) -> tuple[dt.date, dt.date]:
    """The first, middle or last third of an interval ("late 2024" -> Sep-Dec)."""
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    if lo.day == hi.day == 1 and months >= 3:
        cut = months // 3
        a, b = _first(lo.year, lo.month, cut), _first(lo.year, lo.month, 2 * cut)
    else:
        cut = (hi - lo).days // 3
        if cut == 0:
            return lo, hi
        a, b = lo + cut * _ONE, lo + 2 * cut * _ONE
    return {"START": (lo, a), "MID": (a, b), "END": (b, hi)}[mod]


def _bounds(
    lo: dt.date | None, hi: dt.date | None, mod: str | None
) -> tuple[dt.date | None, dt.date | None]:
    """The interval after `mod`: narrowed for START/MID/END, opened for since/until."""
    if lo is None or hi is None:
        return lo, hi
    if mod in ("START", "MID", "END"):
        return _narrow(lo, hi, mod)
    opened = {"ON_OR_AFTER": (lo, None), "ON_OR_BEFORE": (None, hi), "BEFORE": (None, lo),
              "AFTER": (hi, None)}  # fmt: skip
    return opened.get(mod or "", (lo, hi))


def _number(word: str | None) -> float | None:
    """The value of a number phrase, None when absent or vague ("several")."""
    if not word:
        return None
    w = " ".join(word.lower().split())
    if w[0].isdigit():
        return float(w)
    n = W.NUMBER_WORDS.get(w)
    return None if n is None else float(n)


def _unit(word: str) -> tuple[str, bool, int]:
    w = word.lower()
    w = W.UNIT_PLURALS.get(w, w)
    return W.UNITS.get(w) or W.UNITS[w[:-1]]


def _fmt(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


# A fractional amount is written in the next smaller unit: "a year and a half" is P18M.
_SMALLER: dict[tuple[str, bool], tuple[str, bool, int]] = {
    ("Y", False): ("M", False, 12), ("DE", False): ("Y", False, 10),
    ("CE", False): ("Y", False, 100), ("W", False): ("D", False, 7),
    ("D", False): ("H", True, 24), ("H", True): ("M", True, 60), ("M", True): ("S", True, 60),
}  # fmt: skip


def _duration(n: float | None, unit: str) -> str:
    letter, is_time, mult = _unit(unit)
    if n is not None and n * mult != int(n * mult) and (letter, is_time) in _SMALLER:
        letter, is_time, k = _SMALLER[letter, is_time]
        mult *= k
    qty = "X" if n is None else _fmt(n * mult)
    return f"PT{qty}{letter}" if is_time else f"P{qty}{letter}"
