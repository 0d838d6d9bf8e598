"""The temporal tagger: TIMEX3 expressions in plain prose, resolved to intervals of days.

One compiled master regex (`_date_patterns`) finds candidate cores ("27 June 2025",
"last week", "two years"); a short look behind each core takes in its modifiers
("the", "early", "mid-", "about") and the cue word before it ("in", "since"); a
small handler per kind validates and normalises (`_date_calendar`, `_date_years`,
`_date_relative`). Underspecified expressions are resolved (`_date_resolve`) against
the reference date, weighed by the tense of their clause; a month or quarter without
a year takes the year stated earlier in its sentence, else the one nearest the
reference; a day or weekday follows a scene the text sets nearby ("On 6 February
2023 ... by Wednesday") until the text comes back to the present. A last pass
joins "6:15 a.m. Monday" and "four hours and 57 minutes" into one expression each.
Nothing is ever filled in from today's date.
"""

import datetime as dt
import re

from ravel.extract._date_calendar import (
    _h_dmy,
    _h_iso,
    _h_mdy,
    _h_mon,
    _h_my,
    _h_num,
    _h_relmon,
    _h_sea,
    _h_wd,
    _h_wdp,
    _h_ymd,
)
from ravel.extract._date_context import Handler, _Ctx
from ravel.extract._date_patterns import MASTER_RE, core_starts
from ravel.extract._date_relative import (
    _h_ago,
    _h_ana,
    _h_dur,
    _h_durb,
    _h_dx,
    _h_dxp,
    _h_freq,
    _h_hh,
    _h_pn,
    _h_rec,
    _h_ref,
    _h_ru,
    _h_set,
    _h_setf,
    _h_tc,
    _h_tm,
    _h_tmw,
    _h_wkd,
)
from ravel.extract._date_resolve import _State
from ravel.extract._date_spans import _ONE, _WEEK
from ravel.extract._date_years import (
    _h_cent,
    _h_dec,
    _h_fy,
    _h_half,
    _h_pof,
    _h_qq,
    _h_qtr,
    _h_yr,
)
from ravel.extract.dates_relate import relate_timex
from ravel.model import Timex

__all__ = ["relate_timex", "tag_dates"]
DAY_VALUE_RE = re.compile(r"\d{4}-\d\d-\d\d\Z")


HANDLERS: dict[str, Handler] = {
    "iso": _h_iso, "ymd": _h_ymd, "num": _h_num, "dmy": _h_dmy, "mdy": _h_mdy, "my": _h_my,
    "tm": _h_tm, "tc": _h_tc, "fy": _h_fy, "dec": _h_dec, "yr": _h_yr, "cent": _h_cent,
    "qq": _h_qq, "qtr": _h_qtr, "half": _h_half, "pof": _h_pof, "ago": _h_ago, "pn": _h_pn,
    "hh": _h_hh, "dur": _h_dur, "rec": _h_rec, "durb": _h_durb, "set": _h_set,
    "setf": _h_setf, "freq": _h_freq, "dxp": _h_dxp, "dx": _h_dx, "ru": _h_ru,
    "wkd": _h_wkd, "relmon": _h_relmon, "wd": _h_wd, "sea": _h_sea, "mon": _h_mon, "ref": _h_ref,
    "tmw": _h_tmw, "wdp": _h_wdp, "ana": _h_ana,
}  # fmt: skip


def tag_dates(text: str, reference: dt.date | None = None) -> tuple[Timex, ...]:
    """Every temporal expression in `text`, sorted by start and non-overlapping.

    `reference` is the date underspecified expressions are resolved against (the
    document's date); without it, "24 June" stays "XXXX-06-24" until the text
    itself gives an absolute date to anchor on.
    """
    if reference is not None and reference >= dt.date.max - 2 * _WEEK:
        reference = None  # no calendar room around it to resolve anything
    anchor = (reference, reference + _ONE) if reference else None
    st = _State(reference, anchor)
    out: list[Timex] = []
    floor = pos = 0
    for start in core_starts(text):
        if start < pos or (m := MASTER_RE.match(text, start)) is None:
            continue
        try:
            found = HANDLERS[m.lastgroup or ""](_Ctx(text, m, st, floor))
        except (ValueError, OverflowError, KeyError):  # impossible dates: "31 June", year 0
            found = []
        for t in found:  # none: rejected, let a shorter reading start further on
            out.append(t)
            floor = pos = t.end
    return tuple(_clock_days(text, out))


CLOCK_JOIN_RE = re.compile(r"[\s,]*(?:on\s+)?\Z")
DURATION_JOIN_RE = re.compile(r",?\s+and\s+\Z|,\s+\Z")
# Units from largest to smallest, for "four hours and 57 minutes" -> PT4H57M.
_UNIT_ORDER = {"P": "YMWD", "PT": "HMS"}


def _clock_days(text: str, out: list[Timex]) -> list[Timex]:
    """Give "3 p.m. on 4 July" the day that follows the clock time; "6:15 a.m. Monday",
    written without a word between, is one expression (TimeML extent)."""
    merged: list[Timex] = []
    for t in out:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.type == "TIME"
            and "T" in prev.value
            and t.type
            in (
                "DATE",
                "TIME",
            )
        ):
            gap = text[prev.end : t.start]
            if len(gap) < 6 and CLOCK_JOIN_RE.match(gap) and DAY_VALUE_RE.match(t.value[:10]):
                value = t.value[:10] + prev.value[prev.value.index("T") :]
                if gap.isspace() and t.type == "DATE":
                    merged[-1] = Timex(prev.start, t.end, text[prev.start : t.end], "TIME", value,
                                       prev.mod, t.lo, t.hi)  # fmt: skip
                    continue
                merged[-1] = Timex(prev.start, prev.end, prev.text, prev.type, value, prev.mod,
                                   t.lo, t.hi)  # fmt: skip
        merged.append(t)
    return _join_durations(text, merged)


def _join_durations(text: str, out: list[Timex]) -> list[Timex]:
    """ "four hours and 57 minutes": one DURATION when the units step down."""
    merged: list[Timex] = []
    for t in out:
        prev = merged[-1] if merged else None
        if prev is not None and prev.type == t.type == "DURATION" and not (prev.mod or t.mod):
            joined = _joined_value(prev.value, t.value)
            if joined and DURATION_JOIN_RE.match(text[prev.end : t.start]):
                merged[-1] = Timex(prev.start, t.end, text[prev.start : t.end], "DURATION", joined)
                continue
        merged.append(t)
    return merged


def _joined_value(a: str, b: str) -> str | None:
    """PT4H + PT57M -> PT4H57M, P1Y + P6M -> P1Y6M; None unless both are numeric and
    the second's unit is smaller than the first's."""
    ma, mb = DURATION_VALUE_RE.match(a), DURATION_VALUE_RE.match(b)
    if not (ma and mb) or ma.group(1) != mb.group(1):
        return None
    order = _UNIT_ORDER[ma.group(1)]
    ua, ub = ma.group(3), mb.group(3)
    if ua not in order or ub not in order or order.index(ub) <= order.index(ua):
        return None
    return a + b[len(mb.group(1)) :]


DURATION_VALUE_RE = re.compile(r"(PT|P)(\d+)([A-Z])\Z")
