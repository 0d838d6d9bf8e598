"""Handlers for years and parts of years: years, fiscal years, decades, centuries,
quarters, halves, "the end of the year"."""

from __future__ import annotations

import re

from ravel.extract import _date_words as W
from ravel.extract._date_context import _Ctx
from ravel.extract._date_resolve import (
    _candidates,
    _nearest_reference,
    _two_digit_year,
)
from ravel.extract._date_spans import (
    _century,
    _decade,
    _half,
    _quarter,
    _shift,
    _Span,
    _unit,
    _year,
)
from ravel.model import Timex


def _year_ok(c: _Ctx, y: int, start: int, mod: str | None) -> bool:
    """A bare four-digit number is a year unless it counts something or names a number.

    Between 1900 and 2100 it is a year in most places news writes it ("a swift 2023
    offensive", "its 2019 report", "was 2008."); elsewhere only after a year cue.
    """
    after = re.match(r"[\s-]*([a-z]+)", c.text[c.m.end() : c.m.end() + 24])
    if after and after.group(1) in W.COUNT_NOUNS:
        return False
    cue = c.cue(start)
    counted = (
        after is not None
        and after.start(1) == 1
        and _plural(after.group(1))
        and after.group(1) not in W.YEAR_NOUNS
    )
    if counted and cue not in _YEAR_PREPOSITIONS:
        return False  # "about 2000 protesters", "the 2000 marchers"
    if mod is not None or cue in W.YEAR_CUES:
        return True
    return 1900 <= y <= 2100 and cue not in W.NUMBER_LABELS


_YEAR_PREPOSITIONS = frozenset(("in", "since", "by", "until", "till", "from", "during", "before",
                                "after", "of", "through"))  # fmt: skip


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _h_yr(c: _Ctx) -> list[Timex]:
    y = int(c.g("yr_a") or 0)
    start, mod = c.extent(pos=True, approx="date")
    if not _year_ok(c, y, start, mod):
        return []
    b, out = c.g("yr_b"), []
    yb = (int(b) if len(b) == 4 else y - y % 100 + int(b)) if b else None
    if b and yb is not None and y < yb <= y + 60:
        out.append(c.emit(start, c.m.end("yr_a"), "DATE", _year(y), mod, signal=False))
        out.append(c.emit(c.m.start("yr_b"), c.m.end(), "DATE", _year(yb), signal=False))
        return out
    end = c.m.end("yr_a")
    return [c.emit(start, end, "DATE", _year(y), mod)]


def _h_fy(c: _Ctx) -> list[Timex]:
    ys = (c.g("fy_y") or "").lstrip("'")
    y = int(ys) if len(ys) == 4 else _two_digit_year(int(ys), c.st)
    start, mod = c.extent(pos=True)
    return [c.emit(start, c.m.end(), "DATE", _Span(f"FY{y:04d}"), mod)]


def _h_dec(c: _Ctx) -> list[Timex]:
    start, mod = c.extent(the=True, pos=True, approx="date")
    if c.g("dec_y"):
        y = int(c.g("dec_y") or 0)
        span = _century(y // 100) if y % 100 == 0 and y != 2000 else _decade(y // 10)
    else:
        if c.g("dec_b") and not (c.has_the() or mod):
            return []  # "in her 80s" is an age
        d = int(c.g("dec_a") or c.g("dec_b") or 0)
        span = _decade(_two_digit_year(d, c.st) // 10)
    return [c.emit(start, c.m.end(), "DATE", span, mod)]


def _h_cent(c: _Ctx) -> list[Timex]:
    word = (c.g("cent_n") or "").lower()
    n = int(word[:-2]) if word[0].isdigit() else W.ORDINAL_WORDS[" ".join(word.split())]
    if not 1 <= n <= 22:
        return []
    start, mod = c.extent(the=True, pos=True)
    return [c.emit(start, c.m.end(), "DATE", _century(n - 1), mod)]


def _rel_year(c: _Ctx, rel: str | None) -> int | None:
    """The year of "this/last/next year" (the reference) or "the/that year" (the anchor)."""
    st = c.st
    if rel in ("the", "that") and st.anchor:
        return st.anchor[0].year
    if st.dct is None:
        return None
    return st.dct.year + {"last": -1, "next": 1}.get(rel or "", 0)


def _h_qq(c: _Ctx) -> list[Timex]:
    if not c.m.group(0).startswith("Q"):
        return []
    q, ys, ss = int(c.g("qq_n") or 0), c.g("qq_y"), c.g("qq_s")
    y = int(ys) if ys else _two_digit_year(int(ss), c.st) if ss else _rel_year(c, None)
    span = _quarter(y, q) if y else _Span(f"XXXX-Q{q}")
    c.st.quarter = span
    return [c.emit(c.m.start(), c.m.end(), "DATE", span)]


_ORDINAL_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
              "4th": 4, "final": 4, "last": 4, "latter": 2}  # fmt: skip


def _h_qtr(c: _Ctx) -> list[Timex]:
    o = (c.g("qtr_o") or "").lower()
    q, st = _ORDINAL_Q[o], c.st
    start, mod = c.extent(the=True, pos=True)
    ys, rel = c.g("qtr_y") or c.g("qtr_fy"), (c.g("qtr_r") or "").lower() or None
    span: _Span | None = None
    if ys:
        span = _quarter(int(ys), q)
    elif rel:
        y = _rel_year(c, rel)
        span = _quarter(y, q) if y else None
    elif o == "last" and st.dct is not None:
        span = _shift(st.dct, "Q", -1)
    else:
        cands = _candidates(lambda y: _quarter(y, q), st)
        span = _nearest_reference(cands, st, c.tense())
    span = span or _Span(f"XXXX-Q{q}")
    st.quarter = span
    return [c.emit(start, c.m.end(), "DATE", span, mod)]


def _h_half(c: _Ctx) -> list[Timex]:
    h = _ORDINAL_Q[(c.g("half_o") or "").lower()]
    start, mod = c.extent(the=True)
    ys, rel = c.g("half_y"), (c.g("half_r") or "").lower()
    if not (ys or rel) and (not c.has_the() or c.text[c.m.end() :].startswith(" of")):
        return []  # "half of the votes", "a second half"
    if ys or rel:
        y = int(ys) if ys else _rel_year(c, rel)
        span = _half(y, h) if y else _Span(f"XXXX-H{h}")
    else:  # "in the second half": of the current year, or the nearest
        cands = _candidates(lambda y: _half(y, h), c.st)
        span = _nearest_reference(cands, c.st, c.tense()) or _Span(f"XXXX-H{h}")
    return [c.emit(start, c.m.end(), "DATE", span, mod)]


def _h_pof(c: _Ctx) -> list[Timex]:
    part, unit = (c.g("pof_p") or "").lower(), (c.g("pof_u") or "").lower()
    start, _ = c.extent(the=True)
    mod = W.POSITION_MODS.get(part)
    letter = _unit(unit)[0]
    span = _shift(c.st.dct, letter, 0) if c.st.dct else None
    span = span or _Span("XXXX" if letter == "Y" else "XXXX-XX")
    return [c.emit(start, c.m.end(), "DATE", span, mod)]
