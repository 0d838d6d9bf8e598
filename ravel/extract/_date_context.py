"""One match of the master regex and what its handler reads around it."""

from __future__ import annotations

import re
from collections.abc import Callable

from ravel.extract import _date_words as W
from ravel.extract._date_patterns import CUE_RE, LEFT_RE
from ravel.extract._date_resolve import REPORTING_LEFT_RE, REPORTING_RIGHT_RE, _State, _tense
from ravel.extract._date_spans import _bounds, _Span
from ravel.model import Timex


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
            word = " ".join(ap.lower().split())
            apmod = W.APPROX_MODS[word]
            if word in ("over", "under") and self.cue(lm.start("ap")) not in _BEFORE_OVER:
                return start, mod  # "embezzled over a decade": a preposition, no "more than"
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
        cue = self.cue(self.extent(the=True, pos=True)[0])
        signal = _SIGNAL_TENSE.get(cue)
        if cue in _FIRM_SIGNALS:  # "since March 16" lies behind us, whatever the verb
            return signal
        return _tense(self.text, self.m.start(), self.m.end()) or signal

    def emit(
        self, start: int, end: int, typ: str, span: _Span, mod: str | None = None,
        *, anchor: bool = False, signal: bool = True, present: bool = False,
    ) -> Timex:  # fmt: skip
        """Build the Timex; a signal word before it ("since") opens the interval.

        `anchor`: the expression moves the anchor for later underspecified dates;
        `present`: it is read from the reference date ("last year", "two years ago"),
        so the text is back in the present and an older scene no longer anchors.
        """
        lo, hi = _bounds(span.lo, span.hi, mod)
        sig = W.SIGNAL_MODS.get(self.cue(start)) if signal and typ == "DATE" else None
        if sig and lo is not None and hi is not None:
            lo, hi = _bounds(lo, hi, sig)
            mod = sig
        elif anchor and lo is not None and hi is not None:
            self.st.anchor, self.st.anchor_at = (lo, hi), start
        if present:
            self.st.present_at = start
        if typ == "DATE" and len(span.value) == 4 and span.value.isdigit():
            self.st.year_at = int(span.value), end
        self.st.recent.append((end, span.value))
        return Timex(start, end, self.text[start:end], typ, span.value, mod, lo, hi)


# Words after which "over"/"under" means "more/less than" ("for over a decade").
_BEFORE_OVER = frozenset(("for", "in", "of", "after", "within", "than", "to", "at", "by",
                          "from", "took", "take", "takes", "lasted", "lasts", "spent",
                          "since"))  # fmt: skip
Handler = Callable[[_Ctx], list[Timex]]
_SIGNAL_TENSE = {"until": "future", "till": "future", "by": "future", "since": "past"}
_FIRM_SIGNALS = frozenset(("since", "until", "till"))
