"""The temporal tagger: TIMEX3 expressions in plain prose, resolved to intervals of days.

One compiled master regex finds candidate cores ("27 June 2025", "last week", "two
years"); a short look behind each core takes in its modifiers ("the", "early",
"mid-", "about") and the cue word before it ("in", "since"); a small handler per
kind validates and normalises. Underspecified dates ("24 June", "Monday") are
resolved against an anchor that starts as the reference date and moves to each
absolute date the text mentions (TempEval practice), in the direction the tense
points to. Nothing is ever filled in from today's date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from ravel.extract import _date_words as W
from ravel.model import Timex

__all__ = ["relate_timex", "tag_dates"]

_M, _WD, _SEA, _DP, _U = W.MONTH_RE, W.WEEKDAY_RE, W.SEASON_RE, W.DAYPART_RE, W.UNIT_RE
_N, _ORD, _DAY, _YR, _NL = W.NUM_RE, W.ORDINAL_RE, W.DAY_RE, W.YEAR_RE, W.NUM_LEFT
_REL = r"last|next|this|coming|past"

# Order matters where two alternatives can start at the same place: longest first.
_ALTERNATIVES: tuple[tuple[str, str], ...] = (
    ("iso", _NL + r"(?P<iso_y>\d{4})-(?:(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
     r"(?:T(?P<iso_t>[0-2]\d:[0-5]\d)(?::[0-5]\d)?)?|W(?P<iso_w>[0-5]\d)|Q(?P<iso_q>[1-4]))"
     r"(?![\w-])"),
    ("ymd", _NL + r"(?P<ymd_y>\d{4})/(?P<ymd_m>[01]?\d)/(?P<ymd_d>[0-3]?\d)(?![\w/])"),
    ("num", _NL + r"(?P<num_a>[0-3]?\d)(?P<num_s>[/.])(?P<num_b>[0-3]?\d)(?P=num_s)"
     r"(?P<num_y>\d{4}|\d\d)(?![\w/]|\.\d)"),
    ("dmy", rf"(?:(?P<dmy_w>{_WD}),?\s+(?:the\s+)?)?{_NL}(?P<dmy_d>{_DAY})(?:\s+of)?\s+"
     rf"(?P<dmy_m>{_M})(?:,?\s+(?P<dmy_y>{_YR}))?"),
    ("mdy", rf"(?:(?P<mdy_w>{_WD}),?\s+)?(?P<mdy_m>{_M})\s+(?:the\s+)?{_NL}(?P<mdy_d>{_DAY})"
     rf"(?!\s*(?:%|per\s*cent|{_U}))(?:,?\s+(?P<mdy_y>{_YR}))?"),
    ("my", rf"(?P<my_m>{_M})(?:\s+of|,)?\s+(?P<my_y>{_YR})"),
    ("tm", _NL + r"(?P<tm_h>[01]?\d|2[0-3])(?:[:.](?P<tm_min>[0-5]\d))?\s*"
     rf"(?P<tm_ap>[ap]\.m\.|[ap]\.?m\b)(?:\s+(?P<tm_z>{W.ZONE_RE}))?"),
    ("tc", _NL + rf"(?P<tc_h>[01]?\d|2[0-3]):(?P<tc_min>[0-5]\d)(?![\d:])"
     rf"(?:\s*(?P<tc_z>{W.ZONE_RE}))?"),
    ("fy", rf"(?:fiscal(?:\s+year)?\s*|FY\s*)(?P<fy_y>{_YR}|'?\d\d(?![\w%]))"),
    ("dec", _NL + r"(?:(?P<dec_y>1\d\d0|20\d0)|['\u2019](?P<dec_a>\d0)|(?P<dec_b>[1-9]0))"
     r"['\u2019]?s(?![\w'\u2019])"),
    ("yr", _NL + rf"(?P<yr_a>{_YR})(?:\s*[-\u2013/]\s*(?P<yr_b>{_YR}|\d\d(?![\w%])))?"),
    ("cent", rf"(?P<cent_n>{_ORD})[\s-]+century(?![a-z])"),
    ("qq", rf"Q(?P<qq_n>[1-4])(?:\s+(?P<qq_y>{_YR})|\s*['\u2019](?P<qq_s>\d\d))?(?!\w)"),
    ("qtr", r"(?P<qtr_o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
     rf"(?:fiscal\s+)?quarter(?![a-z])(?:\s+of\s+(?:(?P<qtr_y>{_YR})|fiscal\s+(?P<qtr_fy>{_YR})"
     r"|(?:the\s+)?(?P<qtr_r>this|last|next|the|that)\s+year))?"),
    ("half", r"(?P<half_o>first|second|1st|2nd|latter)\s+half\s+of\s+"
     rf"(?:(?P<half_y>{_YR})|(?P<half_r>this|last|next|the)\s+year)"),
    ("pof", r"(?P<pof_p>end|beginning|start|middle|close|turn|rest|remainder)\s+of\s+the\s+"
     r"(?P<pof_u>year|month|week|decade|century)(?![a-z])"),
    ("ago", rf"(?:(?P<ago_n>{_N})[\s-]+)?(?P<ago_u>{_U})\s+(?P<ago_d>ago|earlier|later|from\s+now"
     r"|hence|(?:before|after|prior)(?=\s*[,.;:)]|\s*\Z))(?![a-z])"),
    ("pn", r"(?P<pn_r>past|last|next|coming|previous|following|first|final|initial)\s+"
     rf"(?P<pn_n>{_N})[\s-]+(?P<pn_u>{_U})"),
    ("hh", r"half\s+(?:an?\s+)?(?P<hh_u>hour|day|year|decade|century)(?![a-z])"),
    ("dur", _NL + rf"(?P<dur_n>{_N})[\s-]+(?:(?:more|additional|full|straight|consecutive"
     rf"|long|short|whole)\s+)?(?P<dur_u>{_U})(?P<dur_t>-(?:long|old)|\s+old)?"),
    ("rec", r"(?P<rec_w>recent|coming|past)\s+(?P<rec_u>days|weeks|months|years|decades)(?![a-z])"),
    ("durb", r"(?P<durb_u>years|months|weeks|days|hours|minutes|decades|centuries)"
     r"(?P<durb_t>-long)?"
     r"(?![\w-])"),
    ("set", rf"(?:every|each)\s+(?:other\s+|single\s+)?(?:(?P<set_n>{_N})\s+)?"
     rf"(?P<set_u>{_U}|{_WD}|{_DP}|{_SEA}|season(?![a-z]))(?:\s+(?P<set_p>{_DP}))?"),
    ("setf", rf"(?P<setf_f>once|twice|thrice|{_N}\s+times)\s+(?:a|an|per|every|each)\s+"
     rf"(?P<setf_u>{_U})"),
    ("freq", r"(?P<freq_w>" + W.alternation(W.FREQUENCIES) + r")(?![\w-])"),
    ("dxp", rf"(?P<dxp_d>yesterday|tomorrow|this|last|tonight)\s+(?P<dxp_p>{_DP})"),
    ("dx", r"(?P<dx_w>today|tonight|yesterday|tomorrow|now|currently|nowadays|recently"
     r"|(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow)(?![\w-])"),
    ("ru", r"(?:(?P<ru_e>earlier|later)\s+)?(?P<ru_r>last|next|this|coming|past|previous|following"
     r"|same|that|current)\s+(?P<ru_u>week|month|year|weekend|decade|century|quarter|day|night)"
     r"(?![a-z])"),
    ("wkd", r"weekend(?![\w-])"),
    ("relmon", rf"(?P<relmon_r>last|next|this|coming)\s+(?P<relmon_m>{_M})"),
    ("wd", rf"(?:(?P<wd_r>{_REL})\s+)?(?P<wd_w>{_WD})(?:\s+(?P<wd_p>{_DP}))?"),
    ("sea", rf"(?:(?P<sea_r>{_REL})\s+)?(?P<sea_s>{_SEA})(?:\s+(?:of\s+)?(?P<sea_y>{_YR}))?"),
    ("mon", rf"(?P<mon_m>{_M})"),
    ("ref", r"(?P<ref_w>(?:near\s+|distant\s+|recent\s+)?(?:past|future)|present|moment|time)"
     r"(?![\w-])"),
    ("tmw", r"(?P<tmw_w>noon|midnight|midday|dawn|daybreak|dusk|sunrise|sunset|nightfall)"
     r"(?![a-z])"),
)  # fmt: skip

MASTER_RE = re.compile(
    r"(?<![\w'\u2019])(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _ALTERNATIVES) + ")",
    re.IGNORECASE,
)
# Modifiers that may precede a core, read backwards from it: "about", "the end of", "mid-".
LEFT_RE = re.compile(
    rf"(?<![\w-])(?:(?P<ap>{W.alternation(W.APPROX_MODS)})\s+)?(?:(?P<the>the)\s+)?"
    r"(?:(?P<part>(?:very\s+)?(?P<pp>end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?)"
    r"|(?P<pos>(?:very\s+)?(?P<pw>early|late|mid|middle)(?:-|\s+)))?\Z",
    re.IGNORECASE,
)
CUE_RE = re.compile(r"([a-z]+)[^\w]{0,3}\Z", re.IGNORECASE)
TENSE_RE = re.compile(
    rf"\b(?:(?P<f>{W.FUTURE_CUE_RE})|(?P<p>{W.PAST_CUE_RE}|(?-i:[a-z]{{2,}}(?<!e)ed)))\b",
    re.IGNORECASE,
)
SENTENCE_END_RE = re.compile(r"[.!?][\s\"'\u201d\u2019]|\n")
FIELDS_RE = re.compile(r"(\d{4}|XXXX)(?:-(\d\d|XX)(?:-(\d\d|XX))?)?(?:T.*)?\Z")
DAY_VALUE_RE = re.compile(r"\d{4}-\d\d-\d\d\Z")
WEEKDAY_VALUE_RE = re.compile(r"(\d{4}|XXXX)-W(?:\d\d|XX)-([1-7])(?:T.*)?\Z")

_ONE = dt.timedelta(days=1)
_WEEK = dt.timedelta(days=7)
WEEKDAY_ANCHOR_REACH = 400  # characters over which an earlier date still anchors "Monday"
ANCHOR_NEAR_DAYS = 45  # a reading this close to the text's anchor continues its story
CURRENT_DAYS = 10  # an anchor this close to the reference: the story is today's news
# "prosecutors said on Friday": the reporting day, read against the reference date.
REPORTING_LEFT_RE = re.compile(
    r"\b(?:said|says|told\s+[a-z]+|announced|reported|stated|confirmed|added|declared)"
    r"\s+(?:on\s+)?\Z",
    re.IGNORECASE,
)
REPORTING_WORD_RE = re.compile(
    r"(?:said|says|told|announced|reported|added|stated)\Z", re.IGNORECASE
)
REPORTING_RIGHT_RE = re.compile(r"\A,?\s+(?:said|says|told|announced|reported)\b", re.IGNORECASE)


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


@dataclass(slots=True)
class _State:
    """The reference date and the moving anchor for underspecified dates."""

    dct: dt.date | None
    anchor: tuple[dt.date, dt.date] | None
    anchor_at: int = -1  # offset of the date that set the anchor; -1: the reference


def _gap(c: _Span, lo: dt.date, hi: dt.date) -> int:
    assert c.lo is not None
    assert c.hi is not None
    if c.hi <= lo:
        return (lo - c.hi).days + 1
    if c.lo >= hi:
        return (c.lo - hi).days + 1
    return 0


def _pick(cands: list[_Span], st: _State, tense: str | None, *, at: int = -1) -> _Span | None:
    """Choose among candidate readings of an underspecified date.

    Against the reference date the tense decides (past: the latest on or before it;
    future: the first after it), else the nearest wins, the earlier on a tie. Against
    an anchor from the text the nearest wins, kept on the side of the reference
    date the tense asks for.
    """
    use_ref = st.anchor is None or st.anchor_at < 0 or 0 <= at - st.anchor_at > WEEKDAY_ANCHOR_REACH
    if not cands or (use_ref and st.dct is None):
        return None
    dct = st.dct
    if use_ref and dct is not None:
        if tense == "past":
            ok = [c for c in cands if c.lo is not None and c.lo <= dct]
            return max(ok, key=lambda c: c.lo or dct) if ok else None
        if tense == "future":
            ok = [c for c in cands if c.hi is not None and c.hi > dct + _ONE]
            return min(ok, key=lambda c: c.lo or dct) if ok else None
        return min(cands, key=lambda c: (_gap(c, dct, dct + _ONE), -(c.lo or dct).toordinal()))
    assert st.anchor is not None
    lo, hi = st.anchor
    if dct is not None and tense is not None:  # keep to the side of the reference the tense says
        fits = [
            c
            for c in cands
            if c.lo and c.hi and (c.lo <= dct if tense == "past" else c.hi > dct + _ONE)
        ]
        if not fits:
            return _pick(cands, _State(dct, (dct, dct + _ONE)), tense)
        cands = fits
    best = min(cands, key=lambda c: (_gap(c, lo, hi), (c.lo or lo).toordinal()))
    if _gap(best, lo, hi) > ANCHOR_NEAR_DAYS:  # an aside, not a retelling
        return _pick(cands, _State(dct, (dct, dct + _ONE)), tense) if dct else None
    return best


def _tense(text: str, start: int, end: int) -> str | None:
    """'past', 'future' or None: the tense cue nearest the expression in its sentence."""
    left = text[max(0, start - 90) : start]
    cut = max((m.end() for m in SENTENCE_END_RE.finditer(left)), default=0)
    left = left[cut:]
    right = text[end : end + 70]
    stop = SENTENCE_END_RE.search(right)
    right = right[: stop.start()] if stop else right
    best: tuple[int, re.Match[str]] | None = None
    for m in TENSE_RE.finditer(left):
        best = (len(left) - m.end(), m)
    r = next((x for x in TENSE_RE.finditer(right) if not REPORTING_WORD_RE.match(x.group())), None)
    if r and (best is None or r.start() < best[0]):
        best = (r.start(), r)
    if best is None:
        return None
    return "future" if best[1].group("f") else "past"


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


def _duration(n: float | None, unit: str) -> str:
    letter, is_time, mult = _unit(unit)
    qty = "X" if n is None else _fmt(n * mult)
    return f"PT{qty}{letter}" if is_time else f"P{qty}{letter}"


def _two_digit_year(d: int, st: _State) -> int:
    """The century of a two-digit year or decade: not after the reference's decade."""
    now = st.dct.year if st.dct else 2029
    y = now - now % 100 + d
    return y - 100 if y > now + 9 else y


class _Ctx:
    """One match of the master regex, with what the handlers need to read around it."""

    __slots__ = ("floor", "left", "m", "st", "text")

    def __init__(self, text: str, m: re.Match[str], st: _State, floor: int) -> None:
        self.text, self.m, self.st, self.floor = text, m, st, floor
        self.left = LEFT_RE.search(text, max(floor, m.start() - 48), m.start())

    def g(self, name: str) -> str | None:
        return self.m.group(name)

    def cue(self, start: int) -> str:
        """The word just before `start`, lower-cased ("in", "since")."""
        cm = CUE_RE.search(self.text, max(0, start - 24), start)
        return cm.group(1).lower() if cm else ""

    def opens(self, start: int) -> bool:
        """True when nothing but an opening bracket or quote precedes `start` on its line."""
        before = self.text[max(0, start - 3) : start].rstrip(" \t([\"'\u201c\u2018")
        return not before or before[-1] in ".!?\n:;\u2014\u2013"

    def has_the(self) -> bool:
        return bool(self.left and self.left.group("the") and self.left.end() == self.m.start())

    def extent(
        self, *, the: bool = False, pos: bool = False, approx: str = ""
    ) -> tuple[int, str | None]:
        """Start of the expression with its modifiers, and the TIMEX3 mod they give."""
        start, mod = self.m.start(), None
        lm = self.left
        if lm is None:
            return start, mod
        if pos and (lm.group("part") or lm.group("pos")):
            word = lm.group("pp") or lm.group("pw")
            start, mod = (
                lm.start("part") if lm.group("part") else lm.start("pos"),
                W.POSITION_MODS[word.lower()],
            )
            if lm.group("the") and (the or lm.group("part")):
                start = lm.start("the")
        elif the and lm.group("the"):
            start = lm.start("the")
        ap = lm.group("ap")
        if (
            ap
            and approx
            and not self.text[lm.end("ap") : start].strip()
            and start != lm.start("the")
        ):
            apmod = W.APPROX_MODS[" ".join(ap.lower().split())]
            if approx == "all" or apmod == "APPROX":
                start, mod = lm.start("ap"), mod or apmod
        return start, mod

    def reporting(self) -> bool:
        """Whether the expression dates a reporting verb: "said on Friday", "Friday said"."""
        s, e = self.m.start(), self.m.end()
        left = self.text[max(0, s - 30) : s]
        return bool(REPORTING_LEFT_RE.search(left) or REPORTING_RIGHT_RE.match(self.text, e))

    def tense(self) -> str | None:
        """The tense around the expression, else the direction its signal word gives."""
        signal = _SIGNAL_TENSE.get(self.cue(self.extent(pos=True)[0]))
        if signal == "past":  # "since March 16" lies behind us, whatever the verb
            return signal
        return _tense(self.text, self.m.start(), self.m.end()) or signal

    def emit(
        self, start: int, end: int, typ: str, span: _Span, mod: str | None = None,
        *, anchor: bool = False, signal: bool = True,
    ) -> Timex:  # fmt: skip
        """Build the Timex; a signal word before it ("since") opens the interval."""
        lo, hi = _bounds(span.lo, span.hi, mod)
        sig = W.SIGNAL_MODS.get(self.cue(start)) if signal and typ == "DATE" else None
        if sig and lo is not None and hi is not None:
            lo, hi = _bounds(lo, hi, sig)
            mod = sig
        elif anchor and lo is not None and hi is not None:
            self.st.anchor, self.st.anchor_at = (lo, hi), start
        return Timex(start, end, self.text[start:end], typ, span.value, mod, lo, hi)


Handler = Callable[[_Ctx], list[Timex]]
_SIGNAL_TENSE = {"until": "future", "till": "future", "by": "future", "since": "past"}


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
        return [c.emit(start, end, "DATE", _day(dt.date(int(ys), mo, day)), mod, anchor=True)]
    dt.date(2000, mo, day)  # raises on "31 June"
    cands = _candidates(lambda y: _day(dt.date(y, mo, day)), c.st)
    if wd:
        w = W.WEEKDAYS[wd.lower()]
        cands = [s for s in cands if s.lo and s.lo.isoweekday() == w] or cands
    span = _pick(cands, c.st, c.tense()) or _Span(f"XXXX-{mo:02d}-{day:02d}")
    return [c.emit(start, end, "DATE", span, mod, anchor=True)]


def _h_dmy(c: _Ctx) -> list[Timex]:
    return _daymonth(c, "dmy")


def _h_mdy(c: _Ctx) -> list[Timex]:
    return _daymonth(c, "mdy")


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


def _h_mon(c: _Ctx) -> list[Timex]:
    word = c.g("mon_m") or ""
    mo = _month_no(word)
    if mo is None or (len(word) <= 4 and word.lower() not in ("may", "june", "july")
                      and not word.endswith(".")):  # fmt: skip
        return []
    start, mod = c.extent(pos=True, approx="date")
    if mod is None and c.cue(start) not in W.MONTH_CUES:
        return []
    cands = _candidates(lambda y: _month(y, mo), c.st)
    span = _pick(cands, c.st, c.tense()) or _Span(f"XXXX-{mo:02d}")
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


def _story_anchor(st: _State) -> bool:
    """Whether the text's anchor is an older story being retold, not today's news."""
    if st.anchor is None or st.anchor_at < 0 or st.dct is None:
        return st.anchor is not None and st.anchor_at >= 0
    return abs((st.anchor[0] - st.dct).days) > CURRENT_DAYS


def _at_reference(st: _State) -> _State:
    return _State(st.dct, (st.dct, st.dct + _ONE) if st.dct else None)


def _season_of(d: dt.date, code: str, k: int) -> _Span:
    """The season `code` whose year is `k` years after the one containing or following `d`."""
    y = d.year - (code == "WI" and d.month < 3)
    return _season(y + k, code)


def _h_sea(c: _Ctx) -> list[Timex]:
    word, rel, ys = (c.g("sea_s") or "").lower(), (c.g("sea_r") or "").lower(), c.g("sea_y")
    code = W.SEASONS[word]
    start, mod = c.extent(the=True, pos=True)
    if not (rel or ys or mod or c.has_the() or c.cue(start) in W.MONTH_CUES):
        return []
    if (
        word in ("fall", "spring")
        and not (rel or ys)
        and c.text[c.m.end() : c.m.end() + 4] == " of "
    ):
        return []  # "the fall of Kabul"
    st = c.st
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
        span = None if rel else _pick(_candidates(lambda y: _season(y, code), st), st, c.tense())
    span = span or _Span(f"XXXX-{code}")
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=True)]


def _year_ok(c: _Ctx, y: int, start: int, mod: str | None) -> bool:
    """A bare four-digit number is a year only in a year-like context."""
    after = re.match(r"[\s-]*([a-z]+)", c.text[c.m.end() : c.m.end() + 24])
    if after and after.group(1) in W.COUNT_NOUNS:
        return False
    if mod is not None or c.cue(start) in W.YEAR_CUES:
        return True
    return 1900 <= y <= 2100 and (c.opens(start) or bool(c.g("yr_b")))


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
        span = _pick(_candidates(lambda y: _quarter(y, q), st), st, c.tense())
    span = span or _Span(f"XXXX-Q{q}")
    return [c.emit(start, c.m.end(), "DATE", span, mod)]


def _h_half(c: _Ctx) -> list[Timex]:
    h = _ORDINAL_Q[(c.g("half_o") or "").lower()]
    start, mod = c.extent(the=True)
    ys = c.g("half_y")
    y = int(ys) if ys else _rel_year(c, (c.g("half_r") or "").lower())
    span = _half(y, h) if y else _Span(f"XXXX-H{h}")
    return [c.emit(start, c.m.end(), "DATE", span, mod)]


def _h_pof(c: _Ctx) -> list[Timex]:
    part, unit = (c.g("pof_p") or "").lower(), (c.g("pof_u") or "").lower()
    start, _ = c.extent(the=True)
    mod = W.POSITION_MODS.get(part)
    letter = _unit(unit)[0]
    span = _shift(c.st.dct, letter, 0) if c.st.dct else None
    span = span or _Span("XXXX" if letter == "Y" else "XXXX-XX")
    return [c.emit(start, c.m.end(), "DATE", span, mod)]


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
    if n is not None and n == int(n) and base is not None and not is_time:
        span = _shift(base, letter, sign * int(n) * _unit(unit)[2])
    span = span or _Span("PAST_REF" if sign < 0 else "FUTURE_REF")
    return [c.emit(start, c.m.end(), "DATE", span, mod, anchor=letter in ("D", "M"), signal=False)]


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
        if prev == "per" or RATE_LEFT_RE.search(c.text, max(0, c.m.start() - 24), c.m.start()):
            return [
                c.emit(c.m.start(), end, "SET", _Span(_duration(1, unit)))
            ]  # "$5 million a year"
    start, mod = c.extent(approx="all")
    value = _duration(_number(nw), unit)
    return [c.emit(start, end, "DURATION", _Span(value), mod)]


RATE_LEFT_RE = re.compile(r"\d[\d,.]*\s*(?:%|[a-z]+)?\s+\Z", re.IGNORECASE)
_DURATION_CUES = frozenset(
    ("for", "over", "in", "within", "after", "spent", "lasting", "lasted", "took", "taking", "of")
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
    value = "FUTURE_REF" if (c.g("rec_w") or "").lower() == "coming" else "PAST_REF"
    return [c.emit(start, c.m.end(), "DATE", _Span(value), signal=False)]


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
    return [c.emit(start, c.m.end(), typ, span, mod, anchor=letter in ("D", "M"))]


_REF_NEXT_STOP = frozenset(["of", "when", "that", "which", "being", "to", "for", "in"])


def _h_wkd(c: _Ctx) -> list[Timex]:
    if not c.has_the():
        return []
    start, mod = c.extent(the=True)
    st = c.st
    base = st.anchor[0] if st.anchor else None
    cands = [_weekend(base + k * _WEEK) for k in (-1, 0, 1)] if base else []
    span = _pick(cands, st, c.tense()) or _Span("XXXX-WXX-WE")
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


HANDLERS: dict[str, Handler] = {
    "iso": _h_iso, "ymd": _h_ymd, "num": _h_num, "dmy": _h_dmy, "mdy": _h_mdy, "my": _h_my,
    "tm": _h_tm, "tc": _h_tc, "fy": _h_fy, "dec": _h_dec, "yr": _h_yr, "cent": _h_cent,
    "qq": _h_qq, "qtr": _h_qtr, "half": _h_half, "pof": _h_pof, "ago": _h_ago, "pn": _h_pn,
    "hh": _h_hh, "dur": _h_dur, "rec": _h_rec, "durb": _h_durb, "set": _h_set,
    "setf": _h_setf, "freq": _h_freq, "dxp": _h_dxp, "dx": _h_dx, "ru": _h_ru,
    "wkd": _h_wkd, "relmon": _h_relmon, "wd": _h_wd, "sea": _h_sea, "mon": _h_mon, "ref": _h_ref,
    "tmw": _h_tmw,
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
    while (m := MASTER_RE.search(text, pos)) is not None:
        try:
            found = HANDLERS[m.lastgroup or ""](_Ctx(text, m, st, floor))
        except (ValueError, OverflowError, KeyError):  # impossible dates: "31 June", year 0
            found = []
        if not found:  # rejected: let a shorter reading start further on ("A decades-long")
            pos = m.start() + 1
            continue
        for t in found:
            out.append(t)
            floor = pos = t.end
    return tuple(_clock_days(text, out))


CLOCK_JOIN_RE = re.compile(r"[\s,]*(?:on\s+)?\Z")


def _clock_days(text: str, out: list[Timex]) -> list[Timex]:
    """Give "3 p.m. today" and "3 p.m. on 4 July" the day that follows the clock time."""
    for i, (t, nxt) in enumerate(itertools.pairwise(out)):
        if t.type == "TIME" and "T" in t.value and nxt.type in ("DATE", "TIME"):
            gap = text[t.end : nxt.start]
            if len(gap) < 6 and CLOCK_JOIN_RE.match(gap) and DAY_VALUE_RE.match(nxt.value[:10]):
                value = nxt.value[:10] + t.value[t.value.index("T") :]
                out[i] = Timex(t.start, t.end, t.text, t.type, value, t.mod, t.lo, t.hi)
    return out


# --- comparing two expressions -------------------------------------------------------


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


def _relate_intervals(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> str:
    (alo, ahi), (blo, bhi) = a, b
    if a == b:
        return "equal"
    if alo <= blo and bhi <= ahi:
        return "contains"
    if blo <= alo and ahi <= bhi:
        return "within"
    return "overlap" if alo < bhi and blo < ahi else "disjoint"


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
        return _relate_intervals(ia, ib)
    return _relate_partial(a, b)
