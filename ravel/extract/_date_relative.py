"""Handlers for relative expressions, durations, sets, deictic words and clock times."""

from __future__ import annotations

import re

from ravel.extract import _date_words as W
from ravel.extract._date_context import _Ctx
from ravel.extract._date_resolve import _pick, _same_sentence
from ravel.extract._date_spans import (
    _ONE,
    _WEEK,
    _day,
    _duration,
    _half,
    _month,
    _number,
    _quarter,
    _season,
    _shift,
    _Span,
    _unit,
    _weekend,
)
from ravel.model import Timex

_BACKWARD = ("ago", "earlier", "before", "prior")


def _h_ago(c: _Ctx) -> list[Timex]:
    n, unit = _number(c.g("ago_n")), c.g("ago_u") or ""
    direction = " ".join((c.g("ago_d") or "").lower().split())
    sign = -1 if direction in _BACKWARD else 1
    start, mod = c.extent(approx="all")
    st = c.st
    base = (
        st.dct
        if direction in ("ago", "from now", "hence")
        else (st.anchor[0] if st.anchor else None)
    )
    letter, is_time, _ = _unit(unit)
    span = None
    if n is not None and n == int(n) and letter == "Y":
        span = _year_on(c, sign * int(n))
    if span is None and n is not None and n == int(n) and base is not None and not is_time:
        span = _shift(base, letter, sign * int(n) * _unit(unit)[2])
    span = span or _Span("PAST_REF" if sign < 0 else "FUTURE_REF")
    anchor, present = letter in ("D", "M"), base is st.dct
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=anchor, signal=False,
                   present=present)]  # fmt: skip


PART_OF_YEAR_RE = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI|[01]\d)\Z")
_PART_ORDER = ("Q", "H", "S", "F", "W")  # quarters before halves, seasons, then months


def _year_on(c: _Ctx, k: int) -> _Span | None:
    """ "a year earlier" after "fourth-quarter profit": the same part of the year, `k` years
    on; the part is the coarsest one stated earlier in the sentence."""
    parts = [
        pm
        for end, value in reversed(c.st.recent)
        if _same_sentence(c.text, end, c.m.start()) and (pm := PART_OF_YEAR_RE.match(value))
    ]
    if not parts:
        return None
    pm = min(parts, key=lambda x: (*_PART_ORDER, "0", "1").index(x.group(2)[0]))
    y, part = int(pm.group(1)) + k, pm.group(2)
    if part.isdigit():
        return _month(y, int(part))
    if part[0] == "Q":
        return _quarter(y, int(part[1]))
    return _half(y, int(part[1])) if part[0] == "H" else _season(y, part)


_ANA_CUES = frozenset(("for", "in", "during", "through", "throughout", "over", "within"))
_ANA_NEXT_RE = re.compile(
    r"\s*(?:\d|of\b|before\b|after\b|earlier\b|later\b|ago\b|when\b|that\b|in\s+which\b)",
    re.IGNORECASE,
)


def _h_ana(c: _Ctx) -> list[Timex]:
    """ "for the year", "in the quarter", "through the week": the one the story is in."""
    unit = (c.g("ana_u") or "").lower()
    if c.cue(c.m.start()) not in _ANA_CUES or _ANA_NEXT_RE.match(c.text, c.m.end()):
        return []
    st = c.st
    day = st.anchor is not None and st.anchor_at >= 0 and (st.anchor[1] - st.anchor[0]).days <= 7
    base = st.anchor[0] if st.anchor and (unit != "week" or day) else st.dct
    if unit == "quarter":
        span = st.quarter or (_shift(base, "Q", 0) if base else None)
    else:
        span = _shift(base, "Y" if unit == "year" else "W", 0) if base else None
    span = span or _Span({"year": "XXXX", "quarter": "XXXX-QX"}.get(unit, "XXXX-WXX"))
    return [c.emit(c.m.start(), c.m.end(), "DATE", span)]


def _h_pn(c: _Ctx) -> list[Timex]:
    start, mod = c.extent(the=True, approx="all")
    value = _duration(_number(c.g("pn_n")), c.g("pn_u") or "")
    return [c.emit(start, c.m.end(), "DURATION", _Span(value), mod)]


_HALF_OF = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "decade": "P5Y", "century": "P50Y"}


def _h_hh(c: _Ctx) -> list[Timex]:
    start, mod = c.extent(approx="all")
    value = _HALF_OF[(c.g("hh_u") or "").lower()]
    return [c.emit(start, c.m.end(), "DURATION", _Span(value), mod)]


def _h_dur(c: _Ctx) -> list[Timex]:
    nw, unit = (c.g("dur_n") or "").lower(), (c.g("dur_u") or "").lower()
    end = c.m.end()
    if unit.startswith("quarter") and c.text[end : end + 4].lower() == " of ":
        return []  # "three quarters of voters"
    if nw in ("a", "an"):
        prev = c.cue(c.m.start())
        if (
            unit.endswith("s")
            or unit.startswith(("second", "sec"))
            or prev in ("once", "twice", "times")
        ):
            return []  # "a second attack", "a decades-long"
        if (
            prev == "per"
            or RATE_LEFT_RE.search(c.text, max(0, c.m.start() - 24), c.m.start())
            or (len(prev) > 3 and prev.endswith("s") and prev not in _NOT_COUNTED)
            or prev == "people"
        ):
            return [
                c.emit(c.m.start(), end, "SET", _Span(_duration(1, unit)))
            ]  # "$5 million a year"
    start, mod = c.extent(approx="all", the=unit.endswith("s") and not c.g("dur_t"))
    n = _number(nw)
    if n is not None and (c.g("dur_h1") or c.g("dur_h2")):
        n += 0.5  # "a year and a half", "two and a half hours"
    return [c.emit(start, end, "DURATION", _Span(_duration(n, unit)), mod)]


# Words in -s before "a day" that are not the counted noun of a rate ("doses a day").
_NOT_COUNTED = frozenset(("this", "was", "has", "does", "less", "across", "unless", "thus",
                          "always", "perhaps", "days", "weeks", "months", "years",
                          "hours"))  # fmt: skip
RATE_LEFT_RE = re.compile(r"\d[\d,.]*\s*(?:%|[a-z]+)?\s+\Z", re.IGNORECASE)
_DURATION_CUES = frozenset(
    (
        "for",
        "over",
        "in",
        "within",
        "after",
        "spent",
        "lasting",
        "lasted",
        "took",
        "taking",
        "of",
        "take",
        "takes",
        "last",
        "lasts",
    )
)


_DURATION_AFTER_RE = re.compile(r"\s+(?:before|after|later|earlier|of)\b", re.IGNORECASE)


def _h_durb(c: _Ctx) -> list[Timex]:
    if not (c.g("durb_t") or c.cue(c.m.start()) in _DURATION_CUES
            or _DURATION_AFTER_RE.match(c.text, c.m.end())):  # fmt: skip
        return []
    value = _duration(None, c.g("durb_u") or "")
    return [c.emit(c.m.start(), c.m.end(), "DURATION", _Span(value))]


def _h_rec(c: _Ctx) -> list[Timex]:
    start, _ = c.extent(the=True)
    if (c.g("rec_w") or "").lower() == "coming":  # "in the coming weeks": a stretch ahead
        value = _duration(None, c.g("rec_u") or "")
        return [c.emit(start, c.m.end(), "DURATION", _Span(value))]
    return [c.emit(start, c.m.end(), "DATE", _Span("PAST_REF"), signal=False)]


def _set_value(n: float | None, unit: str) -> str:
    u = unit.lower()
    if u in W.WEEKDAYS:
        return f"XXXX-WXX-{W.WEEKDAYS[u]}"
    if u in W.PARTS_OF_DAY:
        return f"XXXX-XX-XXT{W.PARTS_OF_DAY[u]}"
    if u in W.SEASONS:
        return f"XXXX-{W.SEASONS[u]}"
    if u == "season":
        return "P3M"
    return _duration(n or 1, u)


def _h_set(c: _Ctx) -> list[Timex]:
    value = _set_value(_number(c.g("set_n")), c.g("set_u") or "")
    part = c.g("set_p")
    if part and value.startswith("XXXX-WXX"):
        value += "T" + W.PARTS_OF_DAY[part.lower()]
    elif part:  # "every day morning" is not said; keep the unit only
        return [c.emit(c.m.start(), c.m.start("set_p"), "SET", _Span(value))]
    if "other" in c.m.group(0).lower() and value.startswith("P1"):
        value = value.replace("1", "2", 1)
    return [c.emit(c.m.start(), c.m.end(), "SET", _Span(value))]


def _h_setf(c: _Ctx) -> list[Timex]:
    return [c.emit(c.m.start(), c.m.end(), "SET", _Span(_duration(1, c.g("setf_u") or "")))]


def _h_freq(c: _Ctx) -> list[Timex]:
    word = c.g("freq_w") or ""
    if not (word.islower() or (word.istitle() and c.opens(c.m.start()))):
        return []  # "the Daily Mail"
    return [c.emit(c.m.start(), c.m.end(), "SET", _Span(W.FREQUENCIES[word.lower()]))]


_DEICTIC_DAYS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1,
                 "tomorrow": 1, "day before yesterday": -2, "day after tomorrow": 2}  # fmt: skip
_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
         "recently": "PAST_REF"}  # fmt: skip


def _deictic_day(c: _Ctx, word: str) -> _Span:
    k = _DEICTIC_DAYS[word]
    return _day(c.st.dct + k * _ONE) if c.st.dct else _Span("XXXX-XX-XX")


def _h_dxp(c: _Ctx) -> list[Timex]:
    word, part = (c.g("dxp_d") or "").lower(), W.PARTS_OF_DAY[(c.g("dxp_p") or "").lower()]
    if word == "last" and part != "NI":
        return []  # "last morning" is not said; "last evening" is rare and ambiguous
    start, mod = c.extent(pos=True)
    day = _deictic_day(c, word)
    span = _Span(f"{day.value}T{part}", day.lo, day.hi)
    return [c.emit(start, c.m.end(), "TIME", span, mod, anchor=True)]


def _h_dx(c: _Ctx) -> list[Timex]:
    word = " ".join((c.g("dx_w") or "").lower().split()).removeprefix("the ")
    start, end = c.m.start(), c.m.end()
    if word in _REFS:
        if word == "now" and c.text[end : end + 1] == "-":
            return []  # "now-defunct"
        return [c.emit(start, end, "DATE", _Span(_REFS[word]), signal=False)]
    start, mod = c.extent(pos=True)
    day = _deictic_day(c, word)
    if word == "tonight":
        span = _Span(f"{day.value}TNI", day.lo, day.hi)
        return [c.emit(start, end, "TIME", span, mod, anchor=True)]
    return [c.emit(start, end, "DATE", day, mod, anchor=True)]


_RU_OFFSETS = {"last": -1, "next": 1, "this": 0, "coming": 1, "current": 0, "previous": -1,
               "following": 1, "same": 0, "that": 0}  # fmt: skip
_ANAPHORIC = frozenset(("previous", "following", "same", "that"))


def _h_ru(c: _Ctx) -> list[Timex]:
    rel, unit = (c.g("ru_r") or "").lower(), (c.g("ru_u") or "").lower()
    early = (c.g("ru_e") or "").lower()
    start, mod = c.extent(the=True, pos=not early)
    if rel == "past":
        return [c.emit(start, c.m.end(), "DURATION", _Span(_duration(1, unit)), mod)]
    st = c.st
    if unit in ("day", "night"):
        if rel in ("last", "this", "current") or (unit == "day" and rel == "coming"):
            return []  # "the last day of the trial", "this day"
        rel = "following" if rel == "next" else rel
    anaphoric = rel in _ANAPHORIC or unit in ("day", "night")
    base = (st.anchor[0] if st.anchor else None) if anaphoric else st.dct
    letter = "D" if unit == "night" else _unit(unit)[0]
    span = _shift(base, letter, _RU_OFFSETS[rel]) if base else None
    span = span or _Span("XXXX" if letter == "Y" else "XXXX-XX" if letter == "M" else "XXXX-XX-XX")
    if early and span.lo and span.hi and st.dct and not anaphoric:
        lo, hi = (span.lo, st.dct) if early == "earlier" else (st.dct + _ONE, span.hi)
        span = _Span(span.value, lo, max(lo, hi))
    typ = "TIME" if unit == "night" else "DATE"
    if unit == "night":
        span = _Span(f"{span.value}TNI", span.lo, span.hi)
    return [c.emit(start, c.m.end(), typ, span, mod, anchor=letter in ("D", "M"),
                   present=not anaphoric)]  # fmt: skip


_REF_NEXT_STOP = frozenset(["of", "when", "that", "which", "being", "to", "for", "in"])


def _h_wkd(c: _Ctx) -> list[Timex]:
    if not c.has_the():
        return []
    start, mod = c.extent(the=True)
    st = c.st
    base = st.anchor[0] if st.anchor else None
    cands = [_weekend(base + k * _WEEK) for k in (-1, 0, 1)] if base else []
    span = _pick(cands, st, c.tense(), at=c.m.start()) or _Span("XXXX-WXX-WE")
    return [c.emit(start, c.m.end(), "DATE", span, mod)]


def _h_ref(c: _Ctx) -> list[Timex]:
    word = " ".join((c.g("ref_w") or "").lower().split())
    start, _ = c.extent(the=True)
    cue = c.cue(start)
    nxt = re.match(r"\s+([a-z]+)", c.text[c.m.end() : c.m.end() + 16])
    if word == "present":
        ok, value = cue == "at" or c.has_the(), "PRESENT_REF"
    elif word in ("moment", "time"):
        stop = nxt is not None and nxt.group(1) in _REF_NEXT_STOP
        ok = c.has_the() and cue in ("at", "for") and not stop
        value = "PRESENT_REF" if word == "moment" else "PAST_REF"
    else:
        ok, value = c.has_the(), "FUTURE_REF" if word.endswith("future") else "PAST_REF"
    if not ok:
        return []
    return [c.emit(start, c.m.end(), "DATE", _Span(value), signal=False)]


def _clock(c: _Ctx, hh: int, mm: int, start: int) -> list[Timex]:
    st = c.st
    day = (
        st.anchor[0].isoformat()
        if st.anchor and st.anchor[1] - st.anchor[0] == _ONE
        else "XXXX-XX-XX"
    )
    span = _Span(f"{day}T{hh:02d}:{mm:02d}")
    _, mod = c.extent(approx="all")
    return [c.emit(start, c.m.end(), "TIME", span, mod)]


_CLOCK_CUES = frozenset((
    "at", "by", "around", "about", "from", "until", "till", "before", "after", "since", "to",
    "between", "and",
))  # fmt: skip


def _h_tm(c: _Ctx) -> list[Timex]:
    hh, mm = int(c.g("tm_h") or 0), int(c.g("tm_min") or 0)
    if hh > 12:
        return []
    pm = (c.g("tm_ap") or "").lower().startswith("p")
    hh = hh % 12 + (12 if pm else 0)
    start, _ = c.extent(approx="all")
    return _clock(c, hh, mm, start)


def _h_tc(c: _Ctx) -> list[Timex]:
    start, mod = c.extent(approx="all")
    if not (c.g("tc_z") or mod or c.cue(start) in _CLOCK_CUES):
        return []  # "3:2" is a score, "10:30" a verse
    return _clock(c, int(c.g("tc_h") or 0), int(c.g("tc_min") or 0), start)


_TIME_WORD_CUES = frozenset((
    "at", "before", "after", "by", "until", "till", "since", "from", "around", "near", "about",
    "towards", "toward", "shortly", "just", "early", "late", "in",
))  # fmt: skip


def _h_tmw(c: _Ctx) -> list[Timex]:
    word = (c.g("tmw_w") or "").lower()
    start, mod = c.extent(the=True, approx="all")
    if mod is None and c.cue(start) not in _TIME_WORD_CUES:
        return []  # "a dawn raid", "the dawn of a new era"
    part = W.PARTS_OF_DAY[word]
    st = c.st
    day = (
        st.anchor[0].isoformat()
        if st.anchor and st.anchor[1] - st.anchor[0] == _ONE
        else "XXXX-XX-XX"
    )
    return [c.emit(start, c.m.end(), "TIME", _Span(f"{day}T{part}"), mod)]
