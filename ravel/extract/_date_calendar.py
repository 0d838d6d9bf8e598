"""Handlers for calendar expressions: days, months, weekdays, seasons, years, quarters."""

from __future__ import annotations

import datetime as dt
import re

from ravel.extract import _date_words as W
from ravel.extract._date_context import _Ctx
from ravel.extract._date_resolve import (
    _at_reference,
    _candidates,
    _in_stated_year,
    _nearest_reference,
    _pick,
    _story_anchor,
    _two_digit_year,
)
from ravel.extract._date_spans import (
    _ONE,
    _day,
    _month,
    _quarter,
    _season,
    _Span,
    _week,
    _year,
)
from ravel.model import Timex


def _month_no(word: str) -> int | None:
    """The month a capitalised month word names; lower-case "may"/"march" are not months."""
    return W.MONTHS.get(word.lower().rstrip(".")) if word[:1].isupper() else None


def _h_iso(c: _Ctx) -> list[Timex]:
    y, m = int(c.g("iso_y") or 0), c.m
    if c.g("iso_m"):
        span = _day(dt.date(y, int(c.g("iso_m") or 0), int(c.g("iso_d") or 0)))
        if c.g("iso_t"):
            t = _Span(f"{span.value}T{c.g('iso_t')}", span.lo, span.hi)
            return [c.emit(m.start(), m.end(), "TIME", t, anchor=True)]
    elif c.g("iso_mo"):
        y_, mo = y, int(c.g("iso_mo") or 0)
        if mo == (y_ + 1) % 100:  # "the 2011-12 season": the years 2011 to 2012
            mid = m.start() + 4
            return [c.emit(m.start(), mid, "DATE", _year(y_), signal=False),
                    c.emit(mid + 1, m.end(), "DATE", _year(y_ + 1), signal=False)]  # fmt: skip
        if not (1 <= mo <= 12 and 1800 <= y_ <= 2200):
            return []
        span = _month(y_, mo)
    elif c.g("iso_w"):
        span = _week(dt.date.fromisocalendar(y, int(c.g("iso_w") or 0), 1))
    else:
        span = _quarter(y, int(c.g("iso_q") or 0))
    return [c.emit(m.start(), m.end(), "DATE", span, anchor=True)]


def _h_ymd(c: _Ctx) -> list[Timex]:
    d = dt.date(int(c.g("ymd_y") or 0), int(c.g("ymd_m") or 0), int(c.g("ymd_d") or 0))
    return [c.emit(c.m.start(), c.m.end(), "DATE", _day(d), anchor=True)]


def _h_num(c: _Ctx) -> list[Timex]:
    a, b, ys = int(c.g("num_a") or 0), int(c.g("num_b") or 0), c.g("num_y") or ""
    if len(ys) == 2 and c.g("num_s") != "/":
        return []
    y = int(ys) if len(ys) == 4 else _two_digit_year(int(ys), c.st)
    if a > 12 >= b or a == b:  # day first
        d = dt.date(y, b, a)
    elif b > 12 >= a:  # month first
        d = dt.date(y, a, b)
    else:  # "03/04/2025" could be either: not a date we can state
        return []
    return [c.emit(c.m.start(), c.m.end(), "DATE", _day(d), anchor=True)]


def _daymonth(c: _Ctx, p: str) -> list[Timex]:
    mo = _month_no(c.g(f"{p}_m") or "")
    if mo is None:
        return []
    day = int(re.match(r"\d+", c.g(f"{p}_d") or "0").group())  # type: ignore[union-attr]
    start, mod = c.extent(the=p == "dmy", approx="date")
    end, ys, wd = c.m.end(), c.g(f"{p}_y"), c.g(f"{p}_w")
    if ys:
        return _day_or_part(c, start, end, _day(dt.date(int(ys), mo, day)), mod)
    dt.date(2000, mo, day)  # raises on "31 June"
    cands = _candidates(lambda y: _day(dt.date(y, mo, day)), c.st)
    if wd:
        w = W.WEEKDAYS[wd.lower()]
        cands = [s for s in cands if s.lo and s.lo.isoweekday() == w] or cands
    span = (
        _in_stated_year(cands, c.st, c.text, start)
        or _pick(cands, c.st, c.tense(), at=c.m.start())
        or _Span(f"XXXX-{mo:02d}-{day:02d}")
    )
    return _day_or_part(c, start, end, span, mod)


DAYPART_OF_RE = re.compile(r"(?:the\s+)?(morning|afternoon|evening|night)\s+of\s+\Z", re.I)


def _day_or_part(c: _Ctx, start: int, end: int, span: _Span, mod: str | None) -> list[Timex]:
    """The date, or "the morning of Nov. 8" as one TIME when a part of day leads it."""
    pm = DAYPART_OF_RE.search(c.text, max(c.floor, start - 24), start)
    if pm is None or mod is not None:
        return [c.emit(start, end, "DATE", span, mod, anchor=True)]
    part = W.PARTS_OF_DAY[pm.group(1).lower()]
    timed = _Span(f"{span.value}T{part}", span.lo, span.hi)
    return [c.emit(pm.start(), end, "TIME", timed, anchor=True)]


def _h_dmy(c: _Ctx) -> list[Timex]:
    return _daymonth(c, "dmy")


def _h_mdy(c: _Ctx) -> list[Timex]:
    if not c.g("mdy_d2"):
        return _daymonth(c, "mdy")
    first = _daymonth(c, "mdy")  # "June 3-5": two dates, the second day of the first's month
    if not first or first[0].lo is None:
        return first
    a, b = int(re.match(r"\d+", c.g("mdy_d") or "0").group()), int(c.g("mdy_d2") or 0)  # type: ignore[union-attr]
    if b <= a:
        return []
    lo = first[0].lo
    end_a = c.m.end("mdy_d")
    head = Timex(first[0].start, end_a, c.text[first[0].start : end_a], "DATE", first[0].value,
                 first[0].mod, lo, lo + _ONE)  # fmt: skip
    second = c.emit(c.m.start("mdy_d2"), c.m.end(), "DATE", _day(lo.replace(day=b)), anchor=True)
    return [head, second]


def _h_my(c: _Ctx) -> list[Timex]:
    mo = _month_no(c.g("my_m") or "")
    if mo is None:
        return []
    start, mod = c.extent(pos=True, approx="date")
    span = _month(int(c.g("my_y") or 0), mo)
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=True)]


def _h_relmon(c: _Ctx) -> list[Timex]:
    mo = _month_no(c.g("relmon_m") or "")
    if mo is None:
        return []
    start, mod = c.extent(pos=True)
    dct, rel = c.st.dct, (c.g("relmon_r") or "").lower()
    span = _Span(f"XXXX-{mo:02d}")
    if dct is not None:
        y = dct.year
        if rel == "last":
            y -= mo >= dct.month
        elif rel == "next":
            y += mo <= dct.month
        elif rel == "coming":
            y += mo < dct.month
        span = _month(y, mo)
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=True)]


# Month names that are hardly ever anything else, read without a cue ("a tough December").
_PLAIN_MONTHS = frozenset(("january", "february", "september", "october", "november", "december"))


def _h_mon(c: _Ctx) -> list[Timex]:
    word = c.g("mon_m") or ""
    mo = _month_no(word)
    if mo is None or (len(word) <= 4 and word.lower() not in ("may", "june", "july")
                      and not word.endswith(".")):  # fmt: skip
        return []
    start, mod = c.extent(pos=True, approx="date")
    if mod is None and c.cue(start) not in W.MONTH_CUES and word.lower() not in _PLAIN_MONTHS:
        return []
    st = c.st
    cands = _candidates(lambda y: _month(y, mo), st)
    span = (
        _in_stated_year(cands, st, c.text, start)
        or (_nearest_reference(cands, st, c.tense()) if st.dct else _pick(cands, st, None))
        or _Span(f"XXXX-{mo:02d}")
    )
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=True)]


def _weekday_date(dct: dt.date, w: int, rel: str) -> dt.date:
    if rel in ("last", "past"):
        return dct - ((dct.isoweekday() - w - 1) % 7 + 1) * _ONE
    if rel in ("next", "coming"):
        return dct + ((w - dct.isoweekday() - 1) % 7 + 1) * _ONE
    return dct + (w - dct.isoweekday()) * _ONE  # "this Friday": in the current week


def _h_wd(c: _Ctx) -> list[Timex]:
    word = c.g("wd_w") or ""
    if not word[:1].isupper():
        return []
    w, rel, part = W.WEEKDAYS[word.lower()], (c.g("wd_r") or "").lower(), c.g("wd_p")
    start, mod = c.extent(pos=True, approx="date")
    st, span, anchor = c.st, None, True
    if rel and st.dct is not None:
        span = _day(_weekday_date(st.dct, w, rel))
    elif not rel:
        reporting = c.reporting()
        story = st if st.dct is None or (_story_anchor(st) and not reporting) else _at_reference(st)
        tense = "past" if reporting else c.tense()
        for state in (story, _at_reference(st)):  # the story first, then the reference date
            base = state.anchor[0] if state.anchor else None
            if span is None and base is not None:
                days = (base + k * _ONE for k in range(-7, 8))
                span = _pick([_day(d) for d in days if d.isoweekday() == w], state, tense, at=start)
        anchor = not reporting
    span = span or _Span(f"XXXX-WXX-{w}")
    if part:
        code = W.PARTS_OF_DAY[part.lower()]
        tspan = _Span(f"{span.value}T{code}", span.lo, span.hi)
        return [c.emit(start, c.m.end(), "TIME", tspan, mod, anchor=anchor)]
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=anchor)]


def _season_of(d: dt.date, code: str, k: int) -> _Span:
    """The season `code` whose year is `k` years after the one containing or following `d`."""
    y = d.year - (code == "WI" and d.month < 3)
    return _season(y + k, code)


_VERB_CUES = frozenset(("to", "will", "would", "could", "may", "might", "can", "should", "not",
                        "did", "does", "do"))  # fmt: skip


def _h_sea(c: _Ctx) -> list[Timex]:
    word, rel, ys = (c.g("sea_s") or "").lower(), (c.g("sea_r") or "").lower(), c.g("sea_y")
    code = W.SEASONS[word]
    start, mod = c.extent(the=True, pos=True)
    if not (rel or ys or mod or c.has_the() or c.cue(start) in W.MONTH_CUES):
        return []
    verb = not (mod or c.has_the()) and c.cue(start) in _VERB_CUES
    if (
        word in ("fall", "spring")
        and not (rel or ys)
        and (verb or c.text[c.m.end() :].startswith(" of "))
    ):
        return []  # "the fall of Kabul", "expected to fall", "prices could fall"
    st = c.st
    if rel in _ANAPHORIC_REL:
        return _anaphoric_season(c, code, rel, start, mod)
    if ys:
        span: _Span | None = _season(int(ys), code)
    elif rel and st.dct is not None:
        cands = [_season_of(st.dct, code, k) for k in (-1, 0, 1)]
        if rel in ("last", "past"):
            span = max((s for s in cands if s.hi and s.hi <= st.dct), key=lambda s: s.value)
        elif rel == "this":
            span = cands[1]
        else:
            span = min((s for s in cands if s.lo and s.lo > st.dct), key=lambda s: s.value)
    else:
        span = (
            None
            if rel
            else _pick(_candidates(lambda y: _season(y, code), st), st, c.tense(), at=c.m.start())
        )
    span = span or _Span(f"XXXX-{code}")
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=True)]


def _h_wdp(c: _Ctx) -> list[Timex]:
    word = c.g("wdp_w") or ""
    if not word[:1].isupper() or c.cue(c.m.start()) not in ("on", "every", "most", "some"):
        return []
    w = W.WEEKDAYS[word.lower()[:-1]]
    return [c.emit(c.m.start(), c.m.end(), "SET", _Span(f"XXXX-WXX-{w}"))]


_ANAPHORIC_REL = frozenset(("that", "following", "previous"))


def _anaphoric_season(c: _Ctx, code: str, rel: str, start: int, mod: str | None) -> list[Timex]:
    """ "that summer" (of the anchor's year), "the following spring" (the next one after it)."""
    anchor = c.st.anchor
    if rel != "that" and not c.has_the():
        return []
    span = _Span(f"XXXX-{code}")
    if anchor is not None:
        here = _season_of(anchor[0], code, 0)
        if rel == "following":
            span = here if here.lo and here.lo > anchor[0] else _season_of(anchor[0], code, 1)
        elif rel == "previous":
            span = _season_of(anchor[0], code, -1) if here.lo and here.lo >= anchor[0] else here
        else:
            span = _season(anchor[0].year, code)
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=True)]
