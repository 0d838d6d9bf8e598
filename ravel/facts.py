"""Document-level facts: a count or a measure of one named thing that two documents of one
story each state once ("32 grandchildren" / "34 grandchildren", "a 150m ravine" / "an
80-metre ravine").

Event alignment pairs sentences that tell one happening; a story's details are spread
over sentences differently in each report, and some sit in sentences with no event word
at all. What makes such a pair comparable is the thing counted or measured, and that
each report gives it once: a report that counts two different sets of grandchildren, or
gives a ravine two depths, is ambiguous, and a guessed conflict is a false one. Only
documents that plainly tell one story (`Stories.one_story`) and share a name or a day
are compared, and never a
count of people that an event word already types (those are the events' to compare).
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from typing import TypeVar

from ravel.align import (
    MAX_BLOCK,
    NOT_THINGS,
    PERSON_EVENTS,
    PERSON_NOUNS,
    Stories,
    adjacent,
    attached_event,
    count_key,
    count_town,
    main_date,
    measured_noun,
    partitive,
    reference,
    stem,
    whole_of_a_part,
)
from ravel.compare import background, bound, quantity_finding, role_finding
from ravel.extract.entities import full_name
from ravel.model import Claim, Event, Finding, Mention, Quantity

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
    if quantity.unit == "magnitude":  # of the quake, or of its aftershocks
        key = count_key(claim, quantity)
        return key if key is not None and key[0] else None
    if quantity.kind == "measure" and quantity.unit is not None:
        noun = measured_noun(claim, quantity) or reference(claim, quantity)
        return (str(quantity.unit), noun) if noun else None
    if quantity.kind != "cardinal" or quantity.vague:
        return None
    toll = count_key(claim, quantity)  # "27 fatalities", "12 still missing", "30 in Bogo"
    if toll is not None and toll[1].startswith("person") and (
        toll[0] in PERSON_EVENTS or toll[0] == "aboard" or toll[0].startswith("state:")
    ):
        return toll
    if partitive(claim, quantity) or quantity.counted is None:
        return None
    counted = quantity.counted.lower()
    if counted in PERSON_NOUNS or counted in NOT_THINGS or not adjacent(claim, quantity):
        return None  # people are counted by what befell them: the events' business
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
            facts[key][claim.doc_id].append(Fact(key, claim, quantity))
            town = count_town(claim, quantity) if key[1] == "person" else None
            if town is not None:  # "14 people died in Bogo": the story's toll, and Bogo's
                located = (key[0], f"person@{town}")
                facts[located][claim.doc_id].append(Fact(located, claim, quantity))
    kept = {}
    for key, by_doc in facts.items():
        single = {doc: found for doc, found in by_doc.items() if _one_value(found)}
        if single:
            kept[key] = single
    return kept


# How long people were in a plight: "trapped underground for seven hours", "held for
# three days", "spent eight hours trapped".
_PLIGHT = r"trapped|stranded|missing|buried|held|detained|besieged|adrift|captive|hostage"
_PLIGHT_BEFORE = re.compile(rf"\b(?P<plight>{_PLIGHT})\b[^.;:,]{{0,25}}?\bfor\s+\Z",
                            re.IGNORECASE)
_PLIGHT_AFTER = re.compile(rf"\s+(?:\w+\s+)?(?P<plight>{_PLIGHT})\b", re.IGNORECASE)
_ISO_SPAN = re.compile(r"P(?:T(?P<h>\d+)H|(?P<d>\d+)D)")
_TENTH = Decimal("0.1")


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
        lo, hi = value, value
        if timex.mod == "APPROX":
            lo, hi = value - value * _TENTH, value + value * _TENTH
        quantity = Quantity(timex.start, timex.end, timex.text, lo, hi, kind="measure",
                            unit=unit, vague=timex.mod == "APPROX")
        yield (f"{plight['plight'].lower()} for", unit), quantity


def _one_value(found: list[Fact]) -> bool:
    values = {(f.quantity.lo, f.quantity.hi, f.quantity.lo_open, f.quantity.hi_open)
              for f in found}
    return len(values) == 1


# Offices worth a contradiction: not what many people are at once (a police officer, a
# witness, an official), which a report may call the same person without contradiction.
NOT_OFFICES = frozenset(
    """police officer official analyst expert journalist lawyer witness soldier peacekeeper
    suspect victim detainee leader representative diplomat investigator""".split()
)


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
    kept = {}
    for person, by_doc in found.items():
        single = {doc: o for doc, o in by_doc.items() if len({x.role.key for x in o}) == 1}
        if single:
            kept[person] = single
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
    pair of claims, or the same two values in the same two documents) is left to them."""
    together = {frozenset((a.id, b.id)) for e in events for a, b in combinations(e.claims, 2)}
    told = {_told(f) for f in findings}
    out_events: dict[str, Event] = {}
    out: list[Finding] = []

    def add(key: tuple[str, str], a: Claim, b: Claim) -> Event | None:
        if frozenset((a.id, b.id)) in together:
            return None
        event = _fact_event(key, a, b)
        return out_events.setdefault(event.id, event)

    for key, by_doc in sorted(document_facts(claims, references).items()):
        for fa, fb in _pairs(by_doc, stories):
            if event := add(key, fa.claim, fb.claim):
                found = quantity_finding(
                    event, (fa.claim, fa.quantity), (fb.claim, fb.quantity), noun=True
                )
                if _told(found) not in told:
                    told.add(_told(found))
                    out.append(found)
    for person, offices in sorted(document_offices(claims).items()):
        for oa, ob in _pairs(offices, stories, besides=f"person:{person}"):
            if event := add(("office", person), oa.claim, ob.claim):
                found = role_finding(event, person, (oa.claim, oa.role), (ob.claim, ob.role))
                if _told(found) not in told:
                    out.append(found)
    used = {f.event_id for f in out}
    return tuple(e for e in out_events.values() if e.id in used), tuple(out)


def _told(finding: Finding) -> tuple[str, ...]:
    """What a finding says, whichever sentences it quotes: slot, documents and values."""
    return (finding.slot, *(x for s in finding.sides for x in (s.claim.doc_id, s.value)))


_T = TypeVar("_T")


def _pairs(
    by_doc: dict[str, list[_T]], stories: Stories, besides: str | None = None
) -> Iterator[tuple[_T, _T]]:
    """Documents of one story that share a name; `besides`: the term the fact is about,
    which cannot be the evidence that the documents tell one story (two Ana Garcias)."""
    if len(by_doc) > MAX_BLOCK:
        return  # a thing every story gives says nothing about which story
    for doc_a, doc_b in combinations(sorted(by_doc), 2):
        if (stories.one_story(doc_a, doc_b, besides=besides)
                and stories.share_name(doc_a, doc_b, besides=besides)):
            yield by_doc[doc_a][0], by_doc[doc_b][0]


def _fact_event(key: tuple[str, str], a: Claim, b: Claim) -> Event:
    claims = tuple(sorted((a, b), key=lambda c: (c.doc_id, c.start)))
    digest = hashlib.sha1("|".join(("fact", *key, *(c.id for c in claims))).encode())
    label = key[1] if key[0] in ("count", "office", "age") else f"{key[1]} ({key[0]})"
    return Event(id=f"E{digest.hexdigest()[:10]}", label=label, claims=claims, score=1.0)
