"""Compare the slots of an aligned event across its documents.

Per slot and per pair of documents: `agreement` (same value), `compatible`
(different precision, or a range that holds the other value), or `conflict`
(values that cannot both be true). Only typed slots are compared: a count is
compared with a count of the same thing for the same kind of event, never with
any number that happens to share the sentence.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import combinations

from rapidfuzz import fuzz

from ravel.align import (
    YEARS_APART,
    Stories,
    anchored,
    event_dates,
    known_date,
    main_date,
    quotes_match,
    years_apart,
)
from ravel.clock import Clock, event_clock, minutes_apart, relate_clocks
from ravel.counts import CountsOf, count_relation, same_unit, typed_count_pairs
from ravel.extract.dates import relate_timex
from ravel.extract.entities import ROLE_CLASS
from ravel.extract.quantities import describe_quantity
from ravel.model import Claim, Event, Finding, Mention, Quantity, Side, Timex

VERDICT_ORDER = {"conflict": 0, "disputed": 1, "compatible": 2, "agreement": 3}
RELATION_VERDICT = {
    "equal": "agreement",
    "contains": "compatible",
    "within": "compatible",
    "overlap": "compatible",
    "disjoint": "conflict",
}


def compare_events(
    events: Sequence[Event],
    *,
    stories: Stories | None = None,
    references: Mapping[str, datetime.date | None] | None = None,
) -> tuple[Finding, ...]:
    """Findings of every event, conflicts first. With `stories`, a conflict needs an
    anchor (see `ravel.align.anchored`); without, every conflict stands. `references`:
    see `compare_event`."""
    findings = [f for event in events for f in compare_event(event, references)]
    if stories is not None:
        findings = [f for f in findings if f.verdict not in ("conflict", "disputed")
                    or _anchored(f, stories)]
    return tuple(sorted(findings, key=finding_order))


def _anchored(finding: Finding, stories: Stories) -> bool:
    claims = [s.claim for s in finding.sides]
    about_place = finding.slot == "place"
    return all(anchored(a, b, stories, about_place=about_place)
               for a, b in combinations(claims, 2) if a.doc_id != b.doc_id)


def finding_order(finding: Finding) -> tuple[int, str, int, str]:
    first = finding.sides[0].claim
    return (VERDICT_ORDER[finding.verdict], first.doc_id, first.start, finding.slot)


def compare_event(
    event: Event, references: Mapping[str, datetime.date | None] | None = None
) -> list[Finding]:
    """Findings of one event; `references`: each document's reference date, which tells
    a report's background ("In 2023, a quake killed eight") from its news."""
    pairs = list(_pairs(event, references or {}))
    findings: list[Finding] = []
    for compare in (_compare_dates, _compare_times, _compare_counts, _compare_event_words,
                    _compare_agents, _compare_roles, _compare_places, _compare_quotes):
        findings.extend(compare(event, pairs))
    unique = {f.id: f for f in reversed(findings)}  # an office both bound and acted upon
    return [as_disputed(f) for f in findings if unique.get(f.id) is f]


def as_disputed(finding: Finding) -> Finding:
    """A conflict between accounts ascribed to different parties ("Baku alleges ...",
    "the Russian side maintains ...") is a dispute the sources report, not a
    disagreement between the sources."""
    if finding.verdict != "conflict":
        return finding
    parties = [{a.source_key for a in s.claim.attributions if a.source_key} for s in finding.sides]
    if len(parties) < 2 or not all(parties) or _one_party(parties, _people(finding)):
        return finding
    names = " vs ".join(sorted({next(iter(sorted(p))) for p in parties}))
    return dataclasses.replace(finding, verdict="disputed",
                               explanation=f"disputed ({names}): {finding.explanation}")


SPELLING_ALIKE = 85  # rapidfuzz ratio of two source names that are one name spelt two ways


def _one_party(parties: list[set[str]], people: set[str]) -> bool:
    """Some party speaks on every side: the same name, or a person's name spelt two ways
    ("Chaudhary" / "Chawdhary"; five letters or more, where one letter is a spelling; not
    "Austria" / "Australia", which are no people)."""
    if set.intersection(*parties):
        return True
    first, *others = parties
    return all(
        any(a == b or (a in people and b in people and min(len(a), len(b)) >= 5
                       and fuzz.ratio(a, b) >= SPELLING_ALIKE)
            for a in first for b in other)
        for other in others
    )


def _people(finding: Finding) -> set[str]:
    return {m.key for s in finding.sides for m in s.claim.actors if m.role == "person"}


Pairs = Sequence[tuple[Claim, Claim]]


def _pairs(
    event: Event, references: Mapping[str, datetime.date | None]
) -> Iterator[tuple[Claim, Claim]]:
    """Claims of different documents, less those dated years apart: an event may gather
    a report's background ("In 2023, a quake killed eight") by way of its other claims,
    and a happening of another year says nothing about this one. A claim dated by its
    year alone, or years before its own report (or, where the report's date is unknown,
    before the latest date in the event), is background, compared only with claims dated
    near it."""
    classes = _event_classes(event)
    dates = {c.id: main_date(c, classes) for c in event.claims}
    news = max((d.lo for d in dates.values() if d is not None and d.lo is not None), default=None)
    behind = {
        c.id for c in event.claims
        if background(dates[c.id], references.get(c.doc_id) or news)
    }
    for a, b in combinations(event.claims, 2):
        da, db = dates[a.id], dates[b.id]
        if a.doc_id == b.doc_id or years_apart(da, db):
            continue
        if (a.id in behind or b.id in behind) and not (known_date(da) and known_date(db)):
            continue  # near it: both dates are known, and years_apart said no
        yield a, b


def background(date: Timex | None, reference: datetime.date | None) -> bool:
    """A date that makes its claim a report's background, not its news."""
    if date is None:
        return False
    if _YEAR_ONLY.fullmatch(date.value):
        return True  # "In 2023, a quake killed eight": news is told by the day
    return (date.hi is not None and reference is not None
            and (reference - date.hi).days > YEARS_APART)


def _dates_another(claim: Claim, date: Timex, classes: frozenset[str]) -> bool:
    """A word of another happening stands between the event's word and its date: "the
    explosions were suspended briefly on Thursday morning" dates the suspension (but
    "On 24 June, police launched a raid" dates the raid)."""
    ours = [e for e in claim.events if e.key in classes]
    if not ours:
        return False
    before = [e for e in ours if e.end <= date.start]
    if not before:
        return False  # a date told first governs what follows: "On 24 June, police launched"
    nearest = max(before, key=lambda e: e.end)
    text, offset = claim.plain or claim.text, claim.start
    aside = [(m.start() + offset, m.end() + offset)
             for m in _ASIDE.finditer(text, nearest.end - offset, date.start - offset)]
    return any(e.key not in classes and nearest.end <= e.start and e.end <= date.start
               and not any(lo <= e.start < hi for lo, hi in aside)
               for e in claim.events)


# A clause set off by commas: "An earthquake, which triggered a tsunami, struck on ..."
_ASIDE = re.compile(r",\s+(?:which|who|that|after|when|as)\b[^,]*,")


_YEAR_ONLY = re.compile(r"\d{3,4}")  # a year or a decade


def _compare_dates(event: Event, pairs: Pairs) -> Iterator[Finding]:
    classes = _event_classes(event)
    dated = [(c, t) for c in event.claims if (t := main_date(c, classes)) is not None
             and not _dates_another(c, t, classes)]
    sides = {c.id: _date_side(c, t) for c, t in dated}
    paired = {(a.id, b.id) for a, b in pairs}
    relations = [
        (a, b, _date_relation((a, ta), (b, tb)))
        for (a, ta), (b, tb) in combinations(dated, 2)
        if (a.id, b.id) in paired
    ]
    yield from _merge_or_pair(event, "date", relations, sides, _date_explanation)


def date_finding(
    event: Event, a: tuple[Claim, Timex], b: tuple[Claim, Timex], *, one_week: bool = False
) -> Finding | None:
    """Two claims' dates of one happening; None when they say nothing either way.
    `one_week`: the claims tell one story, so two weekdays that no reference date places
    ("Tuesday's quakes" / "the quakes on Wednesday") fall in one week."""
    (ca, ta), (cb, tb) = a, b
    relation = _date_relation(a, b, one_week=one_week)
    if relation is None:
        return None
    verdict = RELATION_VERDICT[relation]
    pair = (_date_side(ca, ta), _date_side(cb, tb))
    return _finding(event, "date", verdict, "date", _date_explanation(*pair, verdict), pair)


def _date_relation(
    a: tuple[Claim, Timex], b: tuple[Claim, Timex], *, one_week: bool = False
) -> str | None:
    """How two claims' dates of one happening relate; None when they say nothing either
    way (the same words resolved apart, a claim that also gives the other's day, a
    weekday's unknown week)."""
    (ca, ta), (cb, tb) = a, b
    if _same_words(ta, tb) or _told_elsewhere(ca, ta, cb, tb):
        return None
    relation = _weekday_relation(ta, tb)
    return _weekdays_apart(ta, tb) if relation is None and one_week else relation


def _weekdays_apart(a: Timex, b: Timex) -> str | None:
    """Two unplaced weekdays: "disjoint" when they are two days, else None."""
    da, db = _WEEKDAY_VALUE.match(a.value), _WEEKDAY_VALUE.match(b.value)
    if da is None or db is None:
        return None
    return "disjoint" if da[1] != db[1] else None


_WEEKDAY_VALUE = re.compile(r"XXXX-WXX-(\d)")
_WEEKDAY_ONLY = re.compile(
    r"(?:(?:last|this|next|on|early|late)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)


def _told_elsewhere(a: Claim, ta: Timex, b: Claim, tb: Timex) -> bool:
    """Two days for one event, but one claim also gives the other's day: "on Tuesday,
    as police raised the toll from the eruption a day earlier" / "the eruption on Monday"
    tell of two happenings (the toll raised, the eruption), and agree on the eruption."""
    if relate_timex(ta, tb) != "disjoint":
        return False
    return (any(relate_timex(t, tb) not in ("disjoint", None) for t in event_dates(a) if t != ta)
            or any(relate_timex(t, ta) not in ("disjoint", None)
                   for t in event_dates(b) if t != tb))


def _weekday_relation(a: Timex, b: Timex) -> str | None:
    """A weekday's week is the reader's guess ("rescue efforts were underway on Thursday",
    written the day before): against a day of that weekday a week from it, it says
    nothing either way (no relation, no finding)."""
    relation = relate_timex(a, b)
    if relation != "disjoint":
        return relation
    for day, other in ((a, b), (b, a)):
        if not _WEEKDAY_ONLY.fullmatch(day.text.strip()) or day.lo is None:
            continue
        that = _one_day(other, day.lo.year)
        if that is not None and abs((that - day.lo).days) == WEEK:
            return None
    return relation


def _one_day(timex: Timex, year: int) -> datetime.date | None:
    """The day a timex names, its year taken from `year` when it gives none."""
    if timex.lo is not None and timex.hi is not None and (timex.hi - timex.lo).days <= 1:
        return timex.lo
    found = _PARTIAL_DAY.fullmatch(timex.value)
    if found is None:
        return None
    try:
        return datetime.date(year, int(found[1]), int(found[2]))
    except ValueError:
        return None


_PARTIAL_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")


WEEK = 7


def _same_words(a: Timex, b: Timex) -> bool:
    """"Later this week" in two reports written on different days: the same words that
    resolve to different days say nothing either way (no relation, no finding)."""
    return a.text.lower() == b.text.lower() and a.value != b.value


def _event_classes(event: Event) -> frozenset[str]:
    """The event classes two or more of the event's claims share."""
    counts = Counter(k for c in event.claims for k in {e.key for e in c.events})
    return frozenset(k for k, n in counts.items() if n >= 2)


def _compare_times(event: Event, pairs: Pairs) -> Iterator[Finding]:
    """The time of day each claim gives its event ("about 4am" / "around 5 am")."""
    classes = _event_classes(event)
    timed: dict[str, Clock] = {}
    sides: dict[str, Side] = {}
    for c in event.claims:
        clock = event_clock(c, [e for e in c.events if e.key in classes])
        if clock is not None:
            timed[c.id], sides[c.id] = clock, clock_side(c, clock)
    relations: list[tuple[Claim, Claim, str | None]] = [
        (a, b, relate_clocks(timed[a.id], timed[b.id]))
        for a, b in pairs if a.id in timed and b.id in timed
    ]

    def explain(sa: Side, sb: Side, verdict: str) -> str:
        return _time_explanation(sa, sb, verdict, timed[sa.claim.id], timed[sb.claim.id])

    yield from _merge_or_pair(event, "time", relations, sides, explain)


def clock_side(claim: Claim, clock: Clock) -> Side:
    """The time as written in the document (a span "between X and Y" whole)."""
    start = clock.timex.start
    return Side(claim, claim.text[start - claim.start : clock.end - claim.start], start,
                clock.end, clock.value)


def time_finding(event: Event, a: tuple[Claim, Clock], b: tuple[Claim, Clock]) -> Finding:
    """The times of day two claims give one happening."""
    verdict = RELATION_VERDICT[relate_clocks(a[1], b[1])]
    sides = (clock_side(*a), clock_side(*b))
    explanation = _time_explanation(*sides, verdict, a[1], b[1])
    return _finding(event, "time", verdict, "time", explanation, sides)


def _time_explanation(a: Side, b: Side, verdict: str, ca: Clock, cb: Clock) -> str:
    text = f"{_who(a)} says {a.surface}; {_who(b)} says {b.surface}"
    if verdict == "conflict":
        gap = minutes_apart(ca, cb)  # to 5 minutes past ten
        return text + f": about {gap if gap < 10 else round(gap / 5) * 5} minutes apart"
    if verdict == "compatible":
        return text + ": one is more precise than the other"
    return text


def _date_side(claim: Claim, timex: Timex) -> Side:
    return Side(claim, timex.text, timex.start, timex.end, timex.value)


def _date_explanation(a: Side, b: Side, verdict: str) -> str:
    text = f"{_who(a)} says {a.surface}; {_who(b)} says {b.surface}"
    if verdict == "conflict":
        apart = _days_apart(a.value, b.value)
        return text + (f": {apart} days apart" if apart else "")
    if verdict == "compatible":
        return text + ": one is more precise than the other"
    return text


def _days_apart(a: str, b: str) -> int | None:
    """Days between two day-precision values, ignoring an unknown year on either side."""
    try:
        ya, ma, da = a.split("-")[:3]
        yb, mb, db = b.split("-")[:3]
        year = next((int(y) for y in (ya, yb) if y.isdigit()), 2001)
        ia = datetime.date(int(ya) if ya.isdigit() else year, int(ma), int(da[:2]))
        ib = datetime.date(int(yb) if yb.isdigit() else year, int(mb), int(db[:2]))
    except (ValueError, IndexError):
        return None
    return abs((ia - ib).days)


def _compare_counts(event: Event, pairs: Pairs) -> Iterator[Finding]:
    counts = CountsOf()  # each claim's counts typed once, not once a pair
    for a, b in pairs:
        for qa, qb in typed_count_pairs(a, b, (counts(a), counts(b))):
            yield quantity_finding(event, (a, qa), (b, qb))


def _plain(side: Side) -> str:
    """A side's phrase as prose, markup blanked: for explanations."""
    claim = side.claim
    return " ".join((claim.plain or claim.text)[side.start - claim.start : side.end - claim.start]
                    .split())


def quantity_finding(
    event: Event, a: tuple[Claim, Quantity], b: tuple[Claim, Quantity], *, noun: bool = False
) -> Finding:
    """Two claims' values of one count; `noun` quotes the counted noun with the number."""
    (ca, qa), (cb, qb) = a, b
    relation, reading = count_relation(qa, qb)
    verdict = RELATION_VERDICT.get(relation, "compatible")
    kind = "quantity"
    if verdict == "conflict":
        kind = "quantity/off-by-one" if _off_by_one(*same_unit(qa, qb)) else "quantity/clear"
    sides = (_count_side(ca, qa), _count_side(cb, qb))
    says = [_plain(s) if noun else q.text for s, q in zip(sides, (qa, qb), strict=True)]
    explanation = f"{_who(sides[0])} says {says[0]}; {_who(sides[1])} says {says[1]}"
    if reading == "tallies":
        explanation += " (a toll 'at least' so many is the count confirmed then)"
    return _finding(event, "quantity", verdict, kind, explanation, sides)


def _count_side(claim: Claim, quantity: Quantity) -> Side:
    end = quantity.counted_end if quantity.counted_end is not None else quantity.end
    start = min(quantity.start, end)
    surface = claim.text[start - claim.start : max(end, quantity.end) - claim.start]
    return Side(claim, surface, start, max(end, quantity.end), describe_quantity(quantity))


def _off_by_one(a: Quantity, b: Quantity) -> bool:
    if a.lo is None or b.lo is None or a.lo != a.hi or b.lo != b.hi:
        return False
    return abs(a.lo - b.lo) == 1


def _compare_event_words(event: Event, pairs: Pairs) -> Iterator[Finding]:
    """Same kind of happening: agreement when both report it the same way, a polarity
    conflict when one says it happened and the other that it did not."""
    for a, b in pairs:
        for key in sorted({e.key for e in a.events} & {e.key for e in b.events}):
            pa, pb = _polarity(a, key), _polarity(b, key)
            sides = (_event_side(a, key, pa), _event_side(b, key, pb))
            if pa != pb and (_speculative(a, sides[0]) or _speculative(b, sides[1])):
                break  # "denied the risk of a tsunami": a possibility has no polarity
            if pa == pb:
                how = "" if pa else " as not having happened"
                yield _finding(event, "event", "agreement", "event", f"both report {key}{how}",
                               sides)
            else:
                said = "happened" if pa else "did not happen"
                explanation = (f"{_who(sides[0])} says the {key} {said}; "
                               f"{_who(sides[1])} says it {'did not' if pa else 'did'}")
                yield _finding(event, "event", "conflict", "polarity", explanation, sides)
            break  # one event finding per pair: the first shared class speaks for the claim


_SPECULATION = re.compile(
    r"\b(?:(?:un)?likely|risks?|threat|fears?|feared|could|might|(?-i:may)|would|possib(?:le|ly|ility)"
    r"|potential|warn(?:s|ed|ing)?|expect(?:s|ed)?|chance|danger|if|whether)\b",
    re.IGNORECASE,
)
SPECULATION_REACH = 60  # characters before an event word that can make it a possibility


def _speculative(claim: Claim, side: Side) -> bool:
    """The event word is spoken of as a possibility, not as a fact."""
    text = claim.plain or claim.text
    lo = max(0, side.start - claim.start - SPECULATION_REACH)
    return _SPECULATION.search(text, lo, side.start - claim.start) is not None


def _polarity(claim: Claim, key: str) -> bool:
    """True when the claim reports the event as having happened."""
    return any(e.role != "negated" for e in claim.events if e.key == key)


def _event_side(claim: Claim, key: str, positive: bool) -> Side:
    words = [e for e in claim.events if e.key == key]
    word = next((e for e in words if (e.role != "negated") == positive), words[0])
    return Side(claim, word.text, word.start, word.end, f"{key}: {'yes' if positive else 'no'}")


def _compare_roles(event: Event, pairs: Pairs) -> Iterator[Finding]:
    """The same person given different offices: "Deputy Prime Minister X" vs "Prime Minister X"."""
    for a, b in pairs:
        roles_a, roles_b = role_bindings(a), role_bindings(b)
        for person in sorted(roles_a.keys() & roles_b.keys()):
            yield role_finding(event, person, (a, roles_a[person]), (b, roles_b[person]))
    yield from _compare_object_roles(event, pairs)


def role_finding(
    event: Event, person: str, a: tuple[Claim, Mention], b: tuple[Claim, Mention]
) -> Finding:
    """The offices two claims give one person."""
    (_, ra), (_, rb) = a, b
    sides = _role_sides(a, b)
    explanation = f"{_who(sides[0])} calls {person} {ra.text}; {_who(sides[1])}: {rb.text}"
    return _finding(event, "role", _role_verdict(ra.key, rb.key), "role", explanation, sides)


def spelling_finding(
    event: Event, a: tuple[Claim, Mention], b: tuple[Claim, Mention]
) -> Finding:
    """One person's name spelt two ways (see `ravel.names`)."""
    sides = _role_sides(a, b)
    explanation = f"{_who(sides[0])} writes {a[1].text}; {_who(sides[1])} writes {b[1].text}"
    return _finding(event, "actor", "conflict", "spelling", explanation, sides)


def _role_sides(a: tuple[Claim, Mention], b: tuple[Claim, Mention]) -> tuple[Side, Side]:
    (ca, ra), (cb, rb) = a, b
    return (Side(ca, ra.text, ra.start, ra.end, ra.key),
            Side(cb, rb.text, rb.start, rb.end, rb.key))


# Between an event word and the office of the one it acts upon: "summoned Russia's
# chargé d'affaires", "expelled each other's ambassadors", "recalled its envoy".
_OBJECT_GAP = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|each\s+other['’]s|one\s+another['’]s"
    r"|[A-Z][\w-]*(?:['’]s?)?)\s+){0,2}"
)


def _compare_object_roles(event: Event, pairs: Pairs) -> Iterator[Finding]:
    """Which office the event acted upon, where both claims name one of a kind ("the
    ambassadors" vs "the chargé d'affaires" summoned)."""
    for a, b in pairs:
        roles_a, roles_b = object_roles(a), object_roles(b)
        for cls in sorted(roles_a.keys() & roles_b.keys()):
            ra, rb = roles_a[cls], roles_b[cls]
            if ROLE_CLASS.get(ra.key) is None or ROLE_CLASS.get(ra.key) != ROLE_CLASS.get(rb.key):
                continue
            sides = _role_sides((a, ra), (b, rb))
            explanation = (f"{_who(sides[0])} says {ra.text}; {_who(sides[1])} says {rb.text} "
                           f"({cls})")
            yield _finding(event, "role", _role_verdict(ra.key, rb.key), "role", explanation,
                           sides)


def object_roles(claim: Claim) -> dict[str, Mention]:
    """Event class -> the office right after its event word, as its object."""
    text, offset = claim.plain or claim.text, claim.start
    roles = sorted((m for m in claim.actors if m.kind == "role"), key=lambda m: m.start)
    found: dict[str, Mention] = {}
    for word in claim.events:
        for role in roles:
            if role.start >= word.end and _OBJECT_GAP.fullmatch(
                text, word.end - offset, role.start - offset
            ):
                found.setdefault(word.key, role)
                break
    return found


# Between a named actor and the event word it is the subject of ("Azerbaijan shot down",
# "Russian forces have raided"), or after a passive ("was shot down by Russia").
_AGENT_GAP = re.compile(r"\s+(?:(?:forces|troops|police|authorities|officials|has|have|had"
                        r"|reportedly|allegedly|then|also)\s+){0,2}", re.IGNORECASE)
_BY_GAP = re.compile(r"\s+by\s+(?:the\s+)?", re.IGNORECASE)


def _compare_agents(event: Event, pairs: Pairs) -> Iterator[Finding]:
    """Who did it: each claim names the actor of the event, and never the other's ("the
    plane was shot down by Russia" vs "Azerbaijan shot the plane down")."""
    for a, b in pairs:
        agents_a, agents_b = event_agents(a), event_agents(b)
        for cls in sorted(agents_a.keys() & agents_b.keys()):
            ga, gb = agents_a[cls], agents_b[cls]
            if ga.key == gb.key:
                verdict = "agreement"
            elif ga.key in _actor_keys(b) or gb.key in _actor_keys(a):
                continue  # both name both: who did what is a reading, not a statement
            else:
                verdict = "conflict"
            sides = (Side(a, ga.text, ga.start, ga.end, ga.key),
                     Side(b, gb.text, gb.start, gb.end, gb.key))
            explanation = (f"{_who(sides[0])} names {ga.text} as the actor; {_who(sides[1])} "
                           f"names {gb.text} ({cls})")
            yield _finding(event, "actor", verdict, "actor", explanation, sides)


def event_agents(claim: Claim) -> dict[str, Mention]:
    """Event class -> the named actor that is its subject (or its agent after "by")."""
    text, offset = claim.plain or claim.text, claim.start
    named = sorted((m for m in claim.actors if m.kind == "actor" and m.key
                    and m.role != "nationality"), key=lambda m: m.start)
    found: dict[str, Mention] = {}
    for word in claim.events:
        before = [m for m in named if m.end <= word.start and _AGENT_GAP.fullmatch(
            text, m.end - offset, word.start - offset)]
        after = [m for m in named if m.start >= word.end and _BY_GAP.fullmatch(
            text, word.end - offset, m.start - offset)]
        if word.key not in UNWILLED and (before or after):
            found.setdefault(word.key, before[-1] if before else after[0])
    return found


# Happenings whose subject is who it befell, not who did it ("Joss Ackland died").
UNWILLED = frozenset({"death", "injury", "earthquake", "aftershock", "disaster", "birth",
                      "collapse", "election", "talks", "visit", "resign", "protest",
                      "agreement", "condolence"})


def _actor_keys(claim: Claim) -> set[str]:
    return {m.key for m in (*claim.actors, *claim.places) if m.key}


RANK_PREFIXES = ("deputy", "vice", "first_deputy", "assistant", "under", "former")


def _role_verdict(a: str, b: str) -> str:
    """Equal offices agree; "minister" and "transport_minister" are compatible; a rank
    ("deputy_prime_minister" vs "prime_minister") or another office conflicts."""
    if a == b:
        return "agreement"
    short, long = sorted((a, b), key=len)
    qualifier = long[: -len(short)].rstrip("_") if long.endswith("_" + short) else None
    if qualifier is not None and qualifier not in RANK_PREFIXES:
        return "compatible"
    return "conflict"


_APPOSITION_BEFORE = re.compile(r",?\s*")  # "the minister, Petra Lind" / "Minister Petra Lind"
_DETERMINED = re.compile(r"\b(?:the|its|their|his|her)\s+(?:[\w'’-]+\s+){0,2}\Z",
                         re.IGNORECASE)
_APPOSITION_AFTER = re.compile(r",\s*(?:the\s+|a\s+)?")  # "Petra Lind, the minister"


def role_bindings(claim: Claim) -> dict[str, Mention]:
    """Person key -> the office the claim gives that person, when it gives exactly one."""
    people = [m for m in claim.actors if m.role == "person"]
    roles = [m for m in claim.actors if m.kind == "role"]
    plain = claim.plain or claim.text
    given: dict[str, list[Mention]] = {}
    for person in people:
        for role in roles:
            if bound(role, person, plain, claim.start):
                given.setdefault(person.key, []).append(role)
    return {person: rs[0] for person, rs in given.items() if len({r.key for r in rs}) == 1}


def bound(role: Mention, person: Mention, plain: str, offset: int) -> bool:
    """The office is the person's: a title or an apposition."""
    if person.start <= role.start and role.end <= person.end:
        return True  # "Prime Minister Nikol Pashinyan"
    if role.end <= person.start:
        gap = plain[role.end - offset : person.start - offset]
        if _APPOSITION_BEFORE.fullmatch(gap) is None:
            return False
        if "," in gap:  # "the minister, Petra Lind"; not "to look for victims, Mr Gumara said"
            before = plain[max(0, role.start - offset - 24) : role.start - offset]
            return _DETERMINED.search(before) is not None
        return True
    if person.end <= role.start:
        gap = plain[person.end - offset : role.start - offset]
        return _APPOSITION_AFTER.fullmatch(gap) is not None
    return False


_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside)\s+(?:the\s+(?:city|town|village|port|district)"
    r"\s+of\s+)?$", re.IGNORECASE)
PLACE_REACH = 60  # characters between an event word and the place it happened in


def _compare_places(event: Event, pairs: Pairs) -> Iterator[Finding]:
    """Where it happened: one town against another, when each claim names exactly one
    town for the event and never mentions the other's."""
    classes = _event_classes(event)
    for a, b in pairs:
        pa, pb = event_place(a, classes), event_place(b, classes)
        if pa is None or pb is None:
            continue
        na, nb = _place_name(pa), _place_name(pb)
        if na == nb:
            verdict = "agreement"
        elif nb in _place_name_text(a) or na in _place_name_text(b):
            continue  # both towns are in play: no contradiction to report
        else:
            verdict = "conflict"
        sides = (Side(a, pa.text, pa.start, pa.end, pa.text),
                 Side(b, pb.text, pb.start, pb.end, pb.text))
        explanation = f"{_who(sides[0])} places it in {pa.text}; {_who(sides[1])} in {pb.text}"
        yield _finding(event, "place", verdict, "place", explanation, sides)


def event_place(claim: Claim, classes: frozenset[str]) -> Mention | None:
    """The one town the claim says its event happened in ("raided a house in Tula")."""
    plain = claim.plain or claim.text
    words = [e for e in claim.events if e.key in classes]
    found: dict[str, Mention] = {}
    for place in claim.places:
        before = plain[max(0, place.start - claim.start - 30) : place.start - claim.start]
        near = any(max(w.start - place.end, place.start - w.end) <= PLACE_REACH for w in words)
        if place.role == "city" and near and _LOCATIVE.search(before):
            found.setdefault(_place_name(place), place)
    return next(iter(found.values())) if len(found) == 1 else None


def _place_name(place: Mention) -> str:
    return " ".join(place.text.lower().split())


def _place_name_text(claim: Claim) -> str:
    return " ".join((claim.plain or claim.text).lower().split())


def _compare_quotes(event: Event, pairs: Pairs) -> Iterator[Finding]:
    for a, b in pairs:
        if quotes_match(a, b):
            sides = tuple(_quote_side(c) for c in (a, b))
            yield _finding(event, "statement", "agreement", "quote",
                           "both quote the same words", sides)


def _quote_side(claim: Claim) -> Side:
    start, end = max(claim.quotes, key=lambda q: q[1] - q[0])
    surface = claim.text[start - claim.start : end - claim.start]
    return Side(claim, surface, start, end, surface)


def _merge_or_pair(
    event: Event,
    slot: str,
    relations: list[tuple[Claim, Claim, str | None]],
    sides: dict[str, Side],
    explain: Callable[[Side, Side, str], str],
) -> Iterator[Finding]:
    """One finding when every pair agrees; otherwise one finding per pair."""
    known = [(a, b, r) for a, b, r in relations if r is not None]
    if len(known) > 1 and all(r == "equal" for _, _, r in known):
        claims = {c.id: c for a, b, _ in known for c in (a, b)}
        group = tuple(sides[cid] for cid in sorted(claims, key=lambda k: _order(claims[k])))
        explanation = explain(group[0], group[1], "agreement")
        yield _finding(event, slot, "agreement", slot, explanation, group)
        return
    for a, b, relation in known:
        verdict = RELATION_VERDICT[relation]
        pair = (sides[a.id], sides[b.id])
        yield _finding(event, slot, verdict, slot, explain(*pair, verdict), pair)


def _order(claim: Claim) -> tuple[str, int]:
    return (claim.doc_id, claim.start)


def _who(side: Side) -> str:
    return side.claim.doc_id.rsplit("/", 1)[-1]


def _finding(
    event: Event, slot: str, verdict: str, kind: str, explanation: str, sides: Sequence[Side]
) -> Finding:
    ordered = tuple(sorted(sides, key=lambda s: (s.claim.doc_id, s.start)))
    digest = hashlib.sha1(_identity(slot, kind, ordered).encode()).hexdigest()[:10]
    return Finding(
        id=f"F{digest}", event_id=event.id, event=event.label, slot=slot, verdict=verdict,
        kind=kind, explanation=explanation, sides=ordered,
    )


def _identity(slot: str, kind: str, sides: Sequence[Side]) -> str:
    """What a finding is, not where: ids survive edits elsewhere in the files (baselines)."""
    parts = [slot, kind]
    for side in sides:
        words = " ".join((side.claim.plain or side.claim.text).split())
        parts += [side.claim.doc_id, side.value, side.surface, words]
    return "\x1f".join(parts)
