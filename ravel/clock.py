"""Times of day: when in its day a claim says its event happened, as a span of minutes.

A reader weighs a time as she weighs a number: "2:11 pm" is a minute, "2pm" an hour
("just after 2pm" holds 2:11), "about 4am" a few minutes either side, "between 4.30 AM
and 5" the span between. Two reports of one fire that say "about 4am" and "around 5 am"
disagree; "at around 3 am" and "3.10am" do not. A time in parentheses is another zone's
("2.11pm local time (12.11pm AEDT)"), and one after "by", "as of", "since", "until" or
"till" bounds something else. Spans may cross midnight ("about midnight", "between 11pm
and 1am"): minutes run on past 1440, and two times are compared a day apart as well.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ravel.extract._intervals import relate_intervals
from ravel.model import Claim, Mention, Timex

__all__ = [
    "CLOCK_WORDS", "Clock", "clocks", "dates_the_word", "event_clock", "minutes_apart",
    "relate_clocks",
]

APPROX_MINUTES = 20  # "about 4am": 3:40 to 4:20
_CLOCK = re.compile(r"T(\d\d):(\d\d)")
_MINUTES_WRITTEN = re.compile(r"\d[:.]\d\d")
_COUNTED_BY = re.compile(r"\b(?:by|as\s+of|since|until|till)\s+\Z", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
_AND = re.compile(r"\s+and\s+\Z", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Clock:
    """Minutes after midnight, both ends included, and the words that said it."""

    lo: int
    hi: int
    timex: Timex
    end: int  # where the words end: a span "between X and Y" ends with Y

    @property
    def value(self) -> str:
        """"HH:MM", or "HH:MM/HH:MM" for a span (the end may be past midnight)."""
        return _hhmm(self.lo) + ("" if self.lo == self.hi else "/" + _hhmm(self.hi))


DAY = 24 * 60


def _hhmm(minutes: int) -> str:
    minutes %= DAY
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(t: Timex) -> int | None:
    m = _CLOCK.search(t.value)
    return None if m is None else int(m[1]) % 24 * 60 + int(m[2])


def _clock(t: Timex) -> Clock | None:
    at = _minutes(t)
    if at is None:
        return None
    if t.mod == "APPROX":
        lo = (at - APPROX_MINUTES) % DAY  # "about midnight": 23:40 to 00:20 the next day
        return Clock(lo, lo + 2 * APPROX_MINUTES, t, t.end)
    if not _MINUTES_WRITTEN.search(t.text) and at % 60 == 0:
        return Clock(at, at + 29, t, t.end)  # "2pm", "just after 2pm": early in the hour
    return Clock(at, at, t, t.end)


def clocks(claim: Claim) -> list[Clock]:
    """The times of day a claim gives for what happened, in text order."""
    text, offset = claim.plain or claim.text, claim.start
    times = [t for t in claim.dates if t.type == "TIME" and _minutes(t) is not None]
    out: list[Clock] = []
    skip: set[int] = set()
    for i, t in enumerate(times):
        if i in skip:
            continue
        before = text[max(0, t.start - offset - 12) : t.start - offset]
        if _COUNTED_BY.search(before) or before.count("(") > before.count(")"):
            continue
        clock = _clock(t)
        if clock is None:
            continue
        if _BETWEEN.search(before) and i + 1 < len(times):
            nxt = times[i + 1]
            upper = _clock(nxt)
            if upper is not None and _AND.fullmatch(text, t.end - offset, nxt.start - offset):
                last = upper.lo if upper.lo >= clock.lo else upper.lo + DAY  # "11pm and 1am"
                clock = Clock(clock.lo, last, t, nxt.end)
                skip.add(i + 1)
        out.append(clock)
    return out


def event_clock(claim: Claim, words: Sequence[Mention]) -> Clock | None:
    """The time nearest the event's words (`words`) that is the happening's own ("the
    blaze broke out at about 4am"; not "the blaze was reported at 5.22 am", "the fire
    service received a call at 5.20 am")."""
    found = clocks(claim)
    if not found or not words:
        return None

    def gap(c: Clock, w: Mention) -> int:
        return max(w.start - c.end, c.timex.start - w.end, 0)

    own = [c for c in found if any(dates_the_word(claim, c.timex, w, CLOCK_WORDS)
                                   for w in words)]
    return min(own, key=lambda c: (min(gap(c, w) for w in words), c.timex.start), default=None)


def dates_the_word(
    claim: Claim, date: Timex, word: Mention, also: frozenset[str] = frozenset()
) -> bool:
    """The date is the happening's own: "Tuesday's quakes", "the avalanche struck late on
    Tuesday", "three major tremors in the region on Wednesday"; not "rescuers raced
    Wednesday after an explosion", "firefighting at the site of the explosions was
    suspended on Thursday" (another deed's day)."""
    text, offset = claim.plain or claim.text, claim.start
    if date.end <= word.start:
        if _OWN_DAY.fullmatch(text, date.end - offset, word.start - offset) is not None:
            return True  # "Tuesday's quakes"
        return bool(also) and bool(
            _LEADS_TO.fullmatch(text, date.end - offset, word.start - offset))
        # a time told first: "At about 4am on Sunday, a blaze broke out"
    between = text[word.end - offset : date.start - offset]
    return len(between) <= HAZARD_DAY_REACH and all(
        w in _HAPPENED_WORDS or w in also or w[0].isupper()
        for w in (t.strip(",;") for t in between.split()) if w
    )


HAZARD_DAY_REACH = 45  # characters from a happening's word to its day
_LEADS_TO = re.compile(  # "At about 4am [local time] [on Sunday], a [huge] blaze"
    r"(?:\s+local\s+time)?(?:\s+on\s+(?-i:[A-Z])[\w]+)?,?\s+(?:(?:a|an|the)\s+)?"
    r"(?:[^\W\d_]+\s+)?",
    re.IGNORECASE,
)
_OWN_DAY = re.compile(  # "Tuesday's strong quakes"; not "Wednesday's search for quake ..."
    r"['’]s\s+(?:(?:strong|powerful|major|deadly|massive|huge|devastating|violent|big|twin"
    r"|initial|first|main|\d+(?:\.\d+)?-magnitude|magnitude[- ]\d+(?:\.\d+)?)\s+){0,2}",
    re.IGNORECASE,
)
_HAPPENED_WORDS = frozenset("""
    struck strikes hit hits rocked rocks shook shakes happened occurred occurs erupted
    exploded collapsed broke out started began swept tore through ripped engulfed
    on in at the a an of that which late early overnight region area city town province
    country island coast valley district county village port capital
""".split())


CLOCK_WORDS = frozenset("between just shortly after around about approximately".split())


def relate_clocks(a: Clock, b: Clock) -> str:
    """equal, contains, within, overlap or disjoint, as intervals of minutes, with `b`
    also taken a day earlier or later ("about midnight" holds "11.55pm")."""
    return min((relate_intervals(a.lo, a.hi, b.lo + shift, b.hi + shift, _closed)
                for shift in (0, -DAY, DAY)), key=_CLOSENESS.index)


_CLOSENESS = ["equal", "contains", "within", "overlap", "disjoint"]


def _closed(lo: int, hi: int) -> bool:
    return lo <= hi  # a span of minutes holds both its ends


def minutes_apart(a: Clock, b: Clock) -> int:
    """Minutes between the middles of two times, the short way round the clock."""
    gap = abs((a.lo + a.hi) / 2 - (b.lo + b.hi) / 2) % DAY
    return round(min(gap, DAY - gap))


