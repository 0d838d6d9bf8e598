"""The core data model: immutable values whose spans index a document's text.

Every `start`/`end` pair is a half-open range of Python string indices into
`Document.text`, the file's text exactly as decoded. Stages never mutate these
objects; they build new ones (`dataclasses.replace`).
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal

_NEWLINE = re.compile("\n")


@dataclass(frozen=True, slots=True)
class Document:
    """One input document.

    `plain` has the same length as `text`: markup, page chrome and metadata are
    blanked with spaces (newlines kept), so every offset found in `plain` is an
    offset into `text` too.
    """

    id: str
    path: str
    text: str
    plain: str
    format: str = "text"  # "text" | "markdown" | "html"
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    reference: Reference | None = None
    line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def create(
        cls,
        id: str,
        path: str,
        text: str,
        plain: str | None = None,
        **kwargs: object,
    ) -> Document:
        plain = text if plain is None else plain
        if len(plain) != len(text):
            raise ValueError("plain text must have the same length as the text")
        starts = (0, *(m.end() for m in _NEWLINE.finditer(text)))
        return cls(id=id, path=path, text=text, plain=plain, line_starts=starts, **kwargs)  # type: ignore[arg-type]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        starts = self.line_starts or (0,)
        return bisect.bisect_right(starts, offset)

    def column_of(self, offset: int) -> int:
        """1-based column of a character offset."""
        starts = self.line_starts or (0,)
        return offset - starts[self.line_of(offset) - 1] + 1


@dataclass(frozen=True, slots=True)
class Reference:
    """The date a document's underspecified dates are resolved against."""

    date: datetime.date | None
    source: str  # "option" | "metadata" | "dateline" | "byline" | "latest-date" | "none"
    start: int | None = None  # where in the text it was read, if anywhere
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str  # == document.text[start:end]


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression, TIMEX3-style.

    `lo`/`hi` are the half-open interval of days the expression denotes,
    after `mod` (so "late 2024" is narrower than "2024"); both are None when
    the expression is not anchored in time (durations, sets, PRESENT_REF,
    or a date whose year is unknown such as "XXXX-06-24").
    """

    start: int
    end: int
    text: str
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str  # TIMEX3 value: "2025-06-27", "2025-06", "XXXX-06-24", "199", "P1M", "PRESENT_REF"
    mod: str | None = None  # "START" | "MID" | "END" | "APPROX" | "LESS_THAN" | "MORE_THAN" | ...
    lo: datetime.date | None = None
    hi: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number phrase as a closed or open interval, with what it counts.

    `lo`/`hi` are the bounds (None = unbounded); `lo_open`/`hi_open` say whether
    the bound itself is excluded ("more than 5" has lo=5, lo_open=True).
    """

    start: int
    end: int
    text: str
    lo: Decimal | None
    hi: Decimal | None
    lo_open: bool = False
    hi_open: bool = False
    kind: str = "cardinal"  # "cardinal" | "ordinal" | "percent" | "money" | "measure"
    unit: str | None = None  # "%", "USD", "km", ...
    counted: str | None = None  # the noun counted, lower-cased as written: "people", "nationals"
    counted_start: int | None = None
    counted_end: int | None = None
    vague: bool = False  # "dozens", "several", "a handful"


@dataclass(frozen=True, slots=True)
class Mention:
    """A phrase that names something: an actor, a place or an event word.

    `key` is the canonical identity shared by aliases ("azerbaijan" for Azeri,
    Azerbaijani, Azerbaijan and Baku-the-government); `role` tells which face of
    it the phrase shows ("state", "government", "nationality", "city", "person",
    "organisation", ...); for event words `key` is the event class ("kill").
    """

    start: int
    end: int
    text: str
    kind: str  # "actor" | "place" | "event"
    key: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a claim is ascribed to, and how firmly it is put."""

    source: str | None  # "Russian prosecutors", "Baku", None for a bare hedge
    cue: str  # "according to", "alleges", "allegedly", "reportedly", ...
    start: int
    end: int
    source_key: str | None = None  # canonical actor key of the source, when known


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence- or clause-level statement with its typed slots."""

    id: str
    doc_id: str
    start: int
    end: int
    line: int
    text: str  # == document.text[start:end]
    events: tuple[Mention, ...] = ()
    actors: tuple[Mention, ...] = ()
    places: tuple[Mention, ...] = ()
    dates: tuple[Timex, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    hedges: tuple[Mention, ...] = ()  # "allegedly", "likely", "may": kind "hedge"
    negated: bool = False
    quotes: tuple[tuple[int, int], ...] = ()  # spans of quoted passages
    plain: str = field(default="", repr=False, compare=False)  # prose view of `text`, same length


@dataclass(frozen=True, slots=True)
class Side:
    """One claim's value for a slot in a finding."""

    claim: Claim
    surface: str  # the slot's phrase as written
    start: int  # span of `surface` in the document's text
    end: int
    value: str  # normalized, for display and JSON


@dataclass(frozen=True, slots=True)
class Event:
    """Claims from two or more documents aligned as describing one event."""

    id: str
    label: str
    claims: tuple[Claim, ...]
    score: float
    kind: str = "aligned"  # "aligned" (alignment linked the claims) | "fact" (ravel.facts)


@dataclass(frozen=True, slots=True)
class Finding:
    """A comparison of one slot across the claims of an event."""

    id: str
    event_id: str
    event: str  # the event's label
    slot: str  # "date" | "quantity" | "event" | "statement" | ...
    verdict: str  # "conflict" | "compatible" | "agreement"
    kind: str  # finer kind: "date", "quantity/clear", "quantity/off-by-one", ...
    explanation: str
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A document that could not be read, or was read with a caveat."""

    path: str
    message: str
    fatal: bool = True  # False for a note ("decoded as cp1252")


@dataclass(frozen=True, slots=True)
class Report:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...] = ()
    findings: tuple[Finding, ...] = ()
    problems: tuple[InputProblem, ...] = ()
