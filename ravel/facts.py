"""Document-level facts: what two reports of one story each state once, in sentences
alignment did not pair: a count or a measure of one named thing ("32 grandchildren" /
"34 grandchildren", "a 150m ravine" / "an 80-metre ravine", "600m below ground"), the
story's or a town's toll ("27 fatalities", "30 of them in Bogo City"), those aboard or
missing, how long a plight lasted, a person's age or office, a name spelt two ways
(`ravel.names`).

A story's details are spread over sentences differently in each report, and some sit in
sentences with no event word at all. What makes such a pair comparable is the thing
counted or measured, and that each report gives it one value: a report that counts two
different sets of grandchildren, or gives a ravine two depths, is ambiguous, and a
guessed conflict is a false one. Only documents that plainly tell one story
(`Stories.one_story`) and share a name or a day are compared; a thing counted needs the
words around both counts to share one more ("had 32 grandchildren" / "had 34"), two
towns' facts and claims dated on different days are not compared, and what alignment
already compared is not said twice.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, product
from typing import Any, TypeVar

from ravel.align import (
    MAX_BLOCK,
    STOPWORDS,
    Stories,
    main_date,
)
from ravel.clock import CLOCK_WORDS, Clock, clocks, dates_the_word
from ravel.compare import (
    as_disputed,
    background,
    bound,
    date_finding,
    quantity_finding,
    role_finding,
    spelling_finding,
    time_finding,
)
from ravel.counts import (
    NOT_THINGS,
    PERSON_EVENTS,
    PERSON_NOUNS,
    adjacent,
    attached_event,
    conversions,
    count_key,
    count_town,
    measure_kind,
    measured_noun,
    partitive,
    reference,
    relate_counts,
    same_unit,
    superseded,
    whole_of_a_part,
)
from ravel.extract.dates import relate_timex
from ravel.extract.entities import full_name
from ravel.extract.events import hazard_of
from ravel.extract.quantities import around, is_estimate
from ravel.model import Claim, Event, Finding, Mention, Quantity, Timex
from ravel.names import Named, document_names, spellings
from ravel.words import stem

__all__ = ["Fact", "Office", "compare_facts", "document_facts", "document_offices", "fact_key"]


@dataclass(frozen=True, slots=True)
class Fact:
    key: tuple[str, str]  # ("count", "grandchildren"), ("m", "ravine")
    claim: Claim
    quantity: Quantity


def fact_key(claim: Claim, quantity: Quantity) -> tuple[str, str] | None:
    """What a count or a measure is of, if it says so plainly; None otherwise."""
    if quantity.unit == "age":
        person = _aged(claim, quantity)
        return ("age", person) if person else None
    if quantity.unit == "storey":  # "a five-storey building": the story has one building
        return ("storey", "building")
    if quantity.unit == "magnitude":  # of the quake, or of its aftershocks
        key = count_key(claim, quantity)
        return key if key is not None and key[0] else None
    if quantity.kind == "measure" and quantity.unit is not None:
        noun = measured_noun(claim, quantity) or reference(claim, quantity)
        return (measure_kind(quantity.unit), noun) if noun else None
    if quantity.kind != "cardinal":
        return None
    if quantity.vague and not is_estimate(quantity):  # "dozens" is no fact; "about 30" is,
        crowd = count_key(claim, quantity)  # and so is a crowd of "tens of thousands"
        return crowd if crowd == ("state:attending", "person") else None
    toll = count_key(claim, quantity)  # "27 fatalities", "12 still missing", "30 in Bogo"
    if toll is not None and toll[0] == "events":
        return toll  # how many happenings: "three major tremors" / "four earthquakes"
    if toll is not None and (toll[1].startswith("person") or toll[1].endswith(" among")) and (
        toll[0] in PERSON_EVENTS or toll[0] == "aboard" or toll[0].startswith("state:")
    ):
        return toll  # also a part picked out by kind: "including five minors"
    if partitive(claim, quantity) or superseded(claim, quantity) or quantity.counted is None:
        return None
    counted = quantity.counted.lower()
    if counted in PERSON_NOUNS or counted in NOT_THINGS or not adjacent(claim, quantity):
        return None  # people not typed above: counted for what, nobody says
    if attached_event(claim, quantity) is not None:
        return None
    if whole_of_a_part(claim, quantity):
        return None
    return ("count", stem(counted))


# Between a person's name and their age: "Joss Ackland, 95,", "Fonda has died at the age
# of 79", "the 52-year-old Ali Khan" (the age first).
_NAME_TO_AGE = re.compile(
    r"(?:,\s*|\s+(?:(?:has|had|have|was|is|been|died|dies|passed|away|peacefully|suddenly"
    r"|at|the)\s+)*)"
)


def _aged(claim: Claim, quantity: Quantity) -> str | None:
    """The full name of the person whose age a quantity gives, when it stands by the name."""
    text, offset = claim.plain or claim.text, claim.start
    for person in claim.actors:
        name = full_name(person.text) if person.role == "person" else None
        if name is None:
            continue
        if person.end <= quantity.start:
            gap = text[person.end - offset : quantity.start - offset]
        elif quantity.end <= person.start:
            gap = text[quantity.end - offset : person.start - offset]
            if gap.strip():
                continue
        else:
            continue
        if _NAME_TO_AGE.fullmatch(gap):
            return name
    return None


def document_facts(
    claims: Sequence[Claim], references: Mapping[str, datetime.date | None] | None = None
) -> dict[tuple[str, str], dict[str, list[Fact]]]:
    """Facts by key and document; a document that gives one key two values keeps none,
    and a report's background ("In 2019, 12 people died") is no fact of its story."""
    facts: dict[tuple[str, str], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    references = references or {}
    for claim in claims:
        if background(main_date(claim), references.get(claim.doc_id)):
            continue
        for plight, span in durations(claim):
            facts[plight][claim.doc_id].append(Fact(plight, claim, span))
        for quantity in claim.quantities:
            key = fact_key(claim, quantity)
            if key is None:
                continue
            town = count_town(claim, quantity) if key[1] == "person" else None
            if town is not None:  # "14 people died in Bogo": Bogo's toll, maybe not the story's
                key = (key[0], f"person@{town}")
            facts[key][claim.doc_id].append(Fact(key, claim, quantity))
    kept = _one_value_each(facts, _values)
    for by_doc in kept.values():
        for found in by_doc.values():
            found.sort(key=lambda f: not _exact(f.quantity))  # the most precise speaks
    return kept


def _values(facts: list[Fact]) -> set[Any]:
    """The distinct values a document gives a fact. A length and its conversion in
    another unit ("600 metres", "2,000 feet") are one value, and so are a number and a
    vaguer wording that holds it ("killed more than 150 people" ... "153 were killed")."""
    values: list[Quantity] = []
    for q in (f.quantity for f in facts):
        if not any(_one_value(q, seen) for seen in values):
            values.append(q)
    exact = [q for q in values if _exact(q)]
    if len(exact) == 1 and all(relate_counts(exact[0], q) != "disjoint" for q in values):
        return {"one"}
    return {(q.lo, q.hi, q.lo_open, q.hi_open, q.unit) for q in values}


def _exact(q: Quantity) -> bool:
    return q.lo is not None and q.lo == q.hi


def _one_value(a: Quantity, b: Quantity) -> bool:
    if a.unit == b.unit:
        return (a.lo, a.hi, a.lo_open, a.hi_open) == (b.lo, b.hi, b.lo_open, b.hi_open)
    return conversions(*same_unit(a, b))


# How long people were in a plight: "trapped underground for seven hours", "held for
# three days", "spent eight hours trapped".
_PLIGHT = r"trapped|stranded|missing|buried|held|detained|besieged|adrift|captive|hostage"
_PLIGHT_BEFORE = re.compile(rf"\b(?P<plight>{_PLIGHT})\b[^.;:,]{{0,25}}?\bfor\s+\Z",
                            re.IGNORECASE)
_PLIGHT_AFTER = re.compile(rf"\s+(?:\w+\s+)?(?P<plight>{_PLIGHT})\b", re.IGNORECASE)
_ISO_SPAN = re.compile(r"P(?:T(?P<h>\d+)H|(?P<d>\d+)D)")


def durations(claim: Claim) -> Iterator[tuple[tuple[str, str], Quantity]]:
    """A plight's length as a quantity, keyed by the plight: ("trapped for", "h")."""
    text, offset = claim.plain or claim.text, claim.start
    for timex in claim.dates:
        span = _ISO_SPAN.fullmatch(timex.value) if timex.type == "DURATION" else None
        if span is None:
            continue
        start, end = timex.start - offset, timex.end - offset
        plight = (_PLIGHT_BEFORE.search(text, max(0, start - 40), start)
                  or _PLIGHT_AFTER.match(text, end))
        if plight is None:
            continue
        value, unit = (Decimal(span["h"]), "h") if span["h"] else (Decimal(span["d"]), "day")
        lo, hi = around(value, value) if timex.mod == "APPROX" else (value, value)
        quantity = Quantity(timex.start, timex.end, timex.text, lo, hi, kind="measure",
                            unit=unit, vague=timex.mod == "APPROX")
        yield (f"{plight['plight'].lower()} for", unit), quantity


# Offices worth a contradiction: not what many people are at once (a police officer, a
# witness, an official), which a report may call the same person without contradiction.
NOT_OFFICES = frozenset(
    """police officer official analyst expert journalist lawyer witness soldier peacekeeper
    suspect victim detainee leader representative diplomat investigator""".split()
)


@dataclass(frozen=True, slots=True)
class Dated:
    hazard: str  # what struck: "earthquake", "fire", "crash", ...
    claim: Claim
    date: Timex


def document_dates(
    claims: Sequence[Claim], references: Mapping[str, datetime.date | None] | None = None
) -> dict[str, dict[str, list[Dated]]]:
    """The day each document gives each thing that struck (the quake, the fire, the
    crash), when it gives one day: "three major tremors in the region on Wednesday" /
    "Tuesday's quakes". A report's background, and a date that is not a day, say none."""
    found: dict[str, dict[str, list[Dated]]] = defaultdict(lambda: defaultdict(list))
    references = references or {}
    for claim in claims:
        for hazard, words in _struck(claim).items():
            date = main_date(claim, frozenset(w.key for w in words))
            if date is None or not _DAY_VALUE.fullmatch(_day(date)) or background(
                date, references.get(claim.doc_id)
            ):
                continue
            if any(dates_the_word(claim, date, w) for w in words):
                found[hazard][claim.doc_id].append(Dated(hazard, claim, date))
    return _one_value_each(found, lambda dated: {_day(d.date) for d in dated})


@dataclass(frozen=True, slots=True)
class Clocked:
    hazard: str
    claim: Claim
    clock: Clock


def document_clocks(claims: Sequence[Claim]) -> dict[str, dict[str, list[Clocked]]]:
    """The time of day each document gives each thing that struck, when it gives one:
    "The blaze broke out at about 4am" / "the fire started around 5 am"; not "the blaze
    was reported at 5.22 am" (the report's time)."""
    found: dict[str, dict[str, list[Clocked]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        struck = _struck(claim)
        if not struck:
            continue
        for clock in clocks(claim):
            for hazard, words in struck.items():
                if any(dates_the_word(claim, clock.timex, w, CLOCK_WORDS) for w in words):
                    found[hazard][claim.doc_id].append(Clocked(hazard, claim, clock))
    return _one_value_each(found, lambda timed: {(c.clock.lo, c.clock.hi) for c in timed})


def _day(date: Timex) -> str:
    """The day a date names, whatever the time: "2017-01-18", "XXXX-WXX-3" (a Wednesday
    of a week the report does not say)."""
    return date.value.split("T")[0]


def _struck(claim: Claim) -> dict[str, list[Mention]]:
    """What struck, by the hazard its words name, with those words."""
    struck: dict[str, list[Mention]] = defaultdict(list)
    text = claim.plain or claim.text
    for e in claim.events:
        hazard = hazard_of(e)
        before = text[max(0, e.start - claim.start - 20) : e.start - claim.start]
        if hazard is not None and hazard not in LASTING and not _ANOTHER.search(before):
            struck[hazard].append(e)
    return struck


LASTING = frozenset({"flood", "storm"})  # they last days: each report's day may be right
# "a fourth quake", "another blast": a later happening of the kind, not the story's
_ANOTHER = re.compile(
    r"\b(?:second|third|fourth|fifth|another|new|fresh|latest|later|further)\s+"
    r"(?:[^\W\d_]+\s+)?\Z",
    re.IGNORECASE,
)


_DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}|XXXX-WXX-\d")


@dataclass(frozen=True, slots=True)
class Office:
    person: str  # the person's key
    claim: Claim
    role: Mention


def document_offices(claims: Sequence[Claim]) -> dict[str, dict[str, list[Office]]]:
    """The office each document gives each person ("police chief Dolly Gumara"), by person
    and document; a document that gives one person two offices keeps none for them."""
    found: dict[str, dict[str, list[Office]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        for person, role in office_bindings(claim):
            found[person][claim.doc_id].append(Office(person, claim, role))
    return _one_value_each(found, lambda offices: {o.role.key for o in offices})


_K = TypeVar("_K")
_V = TypeVar("_V")


def _one_value_each(
    found: Mapping[_K, Mapping[str, list[_V]]], values: Callable[[list[_V]], set[Any]]
) -> dict[_K, dict[str, list[_V]]]:
    """Keep, per key, the documents that give it one value: a document that gives one
    thing two values ("a 70-metre ravine", "a 40-metre ravine") is ambiguous about it."""
    kept = {}
    for key, by_doc in found.items():
        single = {doc: items for doc, items in by_doc.items() if len(values(items)) == 1}
        if single:
            kept[key] = single
    return kept


def office_bindings(claim: Claim) -> Iterator[tuple[str, Mention]]:
    """(full name, office) for each person the claim names in full and gives one office:
    across documents a surname alone is too many people."""
    plain = claim.plain or claim.text
    roles = [m for m in claim.actors if m.kind == "role" and m.key not in NOT_OFFICES]
    for person in claim.actors:
        name = full_name(person.text) if person.role == "person" else None
        if name is None:
            continue
        offices = {r.key: r for r in roles if bound(r, person, plain, claim.start)}
        if len(offices) == 1:
            yield name, next(iter(offices.values()))


def compare_facts(
    claims: Sequence[Claim],
    stories: Stories,
    events: Sequence[Event] = (),
    findings: Sequence[Finding] = (),
    references: Mapping[str, datetime.date | None] | None = None,
) -> tuple[tuple[Event, ...], tuple[Finding, ...]]:
    """Pairs of documents of one story that state one fact, as events of two claims, and
    their findings. What the aligned `events` and their `findings` already compare (a
    pair of claims, or the same two values in the same two documents) is left to them.
    A fact many documents give (a death toll in a large corpus) is compared only between
    documents that share an aligned event: pairing them all would be quadratic."""
    together = {frozenset((a.id, b.id)) for e in events for a, b in combinations(e.claims, 2)}
    neighbours = sorted({pair for e in events
                         for pair in combinations(sorted({c.doc_id for c in e.claims}), 2)})
    told = {_told(f) for f in findings}
    out_events: dict[str, Event] = {}
    out: list[Finding] = []

    def keep(event: Event, found: Finding) -> None:
        if _told(found) not in told:
            told.add(_told(found))
            out_events.setdefault(event.id, event)
            out.append(as_disputed(found))

    for key, by_doc in sorted(document_facts(claims, references).items()):
        besides = f"person:{key[1]}" if key[0] == "age" else None
        for first_a, first_b in _pairs(by_doc, stories, neighbours, besides):
            if frozenset((first_a.claim.id, first_b.claim.id)) in together:
                continue  # an event compares it
            # a report may state the one value twice: "killing at least 100 people" in a
            # lead dated by the day after, "At least 100 people were killed" undated
            for fa, fb in product(by_doc[first_a.claim.doc_id], by_doc[first_b.claim.doc_id]):
                if (_comparable(key, fa, fb, stories)
                        and frozenset((fa.claim.id, fb.claim.id)) not in together):
                    a, b = fa.claim, fb.claim
                    event = _fact_event(key, a, b)
                    keep(event, quantity_finding(event, (a, fa.quantity), (b, fb.quantity),
                                                 noun=True))
                    break
    for hazard, dated in sorted(document_dates(claims, references).items()):
        for da, db in _pairs(dated, stories, neighbours):
            a, b = da.claim, db.claim
            if stories.other_towns(a, b):
                continue  # (an aligned event may have compared other dates of the claims)
            event = _fact_event(("date", hazard), a, b)
            found = date_finding(event, (a, da.date), (b, db.date), one_week=True)
            if found is not None:
                keep(event, found)
    for hazard, timed in sorted(document_clocks(claims).items()):
        for ta, tb in _pairs(timed, stories, neighbours):
            a, b = ta.claim, tb.claim
            if stories.other_towns(a, b) or _other_days(a, b):
                continue
            event = _fact_event(("time", hazard), a, b)
            keep(event, time_finding(event, (a, ta.clock), (b, tb.clock)))
    for person, offices in sorted(document_offices(claims).items()):
        for oa, ob in _pairs(offices, stories, neighbours, besides=f"person:{person}"):
            if frozenset((oa.claim.id, ob.claim.id)) not in together:
                event = _fact_event(("office", person), oa.claim, ob.claim)
                keep(event, role_finding(event, person, (oa.claim, oa.role),
                                         (ob.claim, ob.role)))
    names = document_names(claims)
    for na, nb in _spelt_two_ways(names, stories, neighbours):
        event = _fact_event(("name", na.name), na.claim, nb.claim)
        keep(event, spelling_finding(event, (na.claim, na.mention), (nb.claim, nb.mention)))
    return tuple(out_events.values()), tuple(out)


def _comparable(key: tuple[str, str], fa: Fact, fb: Fact, stories: Stories) -> bool:
    """Two reports' statements of a fact tell of one happening: not two towns' facts."""
    a, b = fa.claim, fb.claim
    if stories.other_towns(a, b):
        return False
    if key[0] != "age" and _other_days(a, b):
        return False  # two happenings of one kind (a story's background, its sequel)
    return key[0] in OWN_KEYS or _context(a, fa.quantity, b, fb.quantity, key)


def _spelt_two_ways(
    names: dict[str, dict[str, Named]], stories: Stories, neighbours: Sequence[tuple[str, str]]
) -> Iterator[tuple[Named, Named]]:
    """One person's name spelt two ways in two documents of one story; the name itself is
    not the evidence that they tell one story."""
    for doc_a, doc_b in _doc_pairs(names, neighbours):
        for na, nb in spellings(names[doc_a], names[doc_b]):
            if all(stories.one_story(doc_a, doc_b, besides=f"person:{n.name}") for n in (na, nb)):
                yield na, nb


def _other_days(a: Claim, b: Claim) -> bool:
    da, db = main_date(a), main_date(b)
    return da is not None and db is not None and relate_timex(da, db) == "disjoint"


# Facts whose key says what they are about: a person's age, a toll, those aboard, a
# plight's length. Other things counted or measured ("200 houses", "a 150m ravine") need
# the two sentences to share something else: "destroyed 200 houses" and "500 houses
# were damaged" are two facts about houses.
OWN_KEYS = frozenset({"age", "aboard", "storey", "events"} | PERSON_EVENTS)


def _context(
    a: Claim, qa: Quantity, b: Claim, qb: Quantity, key: tuple[str, str]
) -> bool:
    """The words around both counts share one besides the thing counted and any name:
    "had 32 grandchildren" / "had 34 grandchildren", "plunged into a 150m ravine" /
    "plunged into an 80 metre ravine"; not "destroyed 200 houses" / "500 houses were
    damaged"."""
    if key[0].startswith("state:") or key[0].endswith(" for") or key[1] == "magnitude":
        return True  # who is missing, how long they were trapped, how strong the quake
    thing = key[1].split(":")[-1]
    return bool(_words_around(a, qa, thing) & _words_around(b, qb, thing))


CONTEXT_REACH = 40  # characters either side of a count that say what it is about
_LOWER_WORD = re.compile(r"(?<![\w-])(?-i:[a-z]{3,})(?![\w-])")


def _words_around(claim: Claim, quantity: Quantity, thing: str) -> set[str]:
    text, offset = claim.plain or claim.text, claim.start
    start = max(0, quantity.start - offset - CONTEXT_REACH)
    end = quantity.end - offset + CONTEXT_REACH
    words = {stem(w) for w in _LOWER_WORD.findall(text, start, end) if w not in STOPWORDS}
    return words - {thing, stem(thing)}


def _told(finding: Finding) -> tuple[str, ...]:
    """What a finding says, whichever sentences it quotes: slot, documents and values."""
    return (finding.slot, *(x for s in finding.sides for x in (s.claim.doc_id, s.value)))


_T = TypeVar("_T")


def _pairs(
    by_doc: dict[str, list[_T]],
    stories: Stories,
    neighbours: Sequence[tuple[str, str]],
    besides: str | None = None,
) -> Iterator[tuple[_T, _T]]:
    """Documents of one story that share a name; `besides`: the term the fact is about,
    which cannot be the evidence that the documents tell one story (two Ana Garcias)."""
    for doc_a, doc_b in _doc_pairs(by_doc, neighbours):
        if (stories.one_story(doc_a, doc_b, besides=besides)
                and stories.share_name(doc_a, doc_b, besides=besides)):
            yield by_doc[doc_a][0], by_doc[doc_b][0]


def _doc_pairs(
    by_doc: Mapping[str, object], neighbours: Sequence[tuple[str, str]]
) -> Iterable[tuple[str, str]]:
    """The pairs of documents giving a thing: all of them, or, when more than MAX_BLOCK
    do, those that share an aligned event (pairing them all would be quadratic)."""
    if len(by_doc) <= MAX_BLOCK:
        return combinations(sorted(by_doc), 2)
    return ((a, b) for a, b in neighbours if a in by_doc and b in by_doc)


def _fact_event(key: tuple[str, str], a: Claim, b: Claim) -> Event:
    claims = tuple(sorted((a, b), key=lambda c: (c.doc_id, c.start)))
    digest = hashlib.sha1("|".join(("fact", *key, *(c.id for c in claims))).encode())
    label = key[1] if key[0] in ("count", "office", "age") else f"{key[1]} ({key[0]})"
    return Event(id=f"E{digest.hexdigest()[:10]}", label=label, claims=claims, score=1.0,
                 kind="fact")
