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

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TypeVar

from ravel.align import (
    MAX_BLOCK,
    PERSON_NOUNS,
    Stories,
    attached_event,
    partitive,
    state_after,
    stem,
    whole_of_a_part,
)
from ravel.compare import bound, quantity_finding, role_finding
from ravel.extract.entities import full_name
from ravel.model import Claim, Event, Finding, Mention, Quantity

__all__ = ["Fact", "Office", "compare_facts", "document_facts", "document_offices", "fact_key"]

# Nouns that say how often or how long, not what: never the thing a fact is about.
NOT_THINGS = frozenset(
    """times time years year days day months month weeks week hours hour minutes minute
    seconds second decades decade centuries century percent per cent points point others
    ones things ways cases kinds types parts sides rounds occasions""".split()
)
_MEASURED_NOUN = re.compile(  # "150m ravine", "80-meter-deep ravine", "65 meters into a valley"
    r"(?:-?\s*(?:deep|high|long|wide|tall|thick)\b)?\s+"
    r"(?:(?:into|in|down|off|over)\s+)?(?:(?:a|an|the)\s+)?(?P<noun>[a-z]{3,})\b"
)
_NOUN_MEASURED = re.compile(  # "a depth of 66.4 km"
    r"\b(?P<noun>depth|height|length|width|distance|altitude|elevation|speed|area)\s+of\s+"
    r"(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?\Z",
    re.IGNORECASE,
)
_NOT_NOUNS = frozenset(
    """and or but the with from for that which who than then when where while after before
    north south east west northeast northwest southeast southwest away below above""".split()
)


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
    if quantity.kind == "measure" and quantity.unit is not None:
        noun = _measured_noun(claim, quantity)
        return (str(quantity.unit), noun) if noun else None
    if quantity.kind != "cardinal" or quantity.vague or partitive(claim, quantity):
        return None
    state = state_after(claim, quantity)  # "12 people are still missing"
    if state is not None and (quantity.counted or "").lower() in PERSON_NOUNS | {""}:
        return (state, "person")
    if quantity.counted is None:
        return None
    counted = quantity.counted.lower()
    if counted in PERSON_NOUNS or counted in NOT_THINGS or not _adjacent(claim, quantity):
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


def _adjacent(claim: Claim, quantity: Quantity) -> bool:
    """ "32 grandchildren", not "53 Nepalese passengers" (a part of the passengers)."""
    if quantity.counted_start is None:
        return False
    text = claim.plain or claim.text
    between = text[quantity.end - claim.start : quantity.counted_start - claim.start]
    return between.strip(" -") == ""


def _measured_noun(claim: Claim, quantity: Quantity) -> str | None:
    text = claim.plain or claim.text
    start, end = quantity.start - claim.start, quantity.end - claim.start
    before = _NOUN_MEASURED.search(text, max(0, start - 30), start)
    if before:
        return before["noun"].lower()
    after = _MEASURED_NOUN.match(text, end)
    if after is None or after["noun"] in _NOT_NOUNS or after["noun"] in NOT_THINGS:
        return None
    return stem(after["noun"])


def document_facts(claims: Sequence[Claim]) -> dict[tuple[str, str], dict[str, list[Fact]]]:
    """Facts by key and document; a document that gives one key two values keeps none."""
    facts: dict[tuple[str, str], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        for quantity in claim.quantities:
            key = fact_key(claim, quantity)
            if key is not None:
                facts[key][claim.doc_id].append(Fact(key, claim, quantity))
    kept = {}
    for key, by_doc in facts.items():
        single = {doc: found for doc, found in by_doc.items() if _one_value(found)}
        if single:
            kept[key] = single
    return kept


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
    claims: Sequence[Claim], stories: Stories, events: Sequence[Event] = ()
) -> tuple[tuple[Event, ...], tuple[Finding, ...]]:
    """Pairs of documents of one story that state one fact, as events of two claims, and
    their findings. A pair of claims an aligned event already holds is left to it."""
    together = {frozenset((a.id, b.id)) for e in events for a, b in combinations(e.claims, 2)}
    out_events: dict[str, Event] = {}
    findings = []

    def add(key: tuple[str, str], a: Claim, b: Claim) -> Event | None:
        if frozenset((a.id, b.id)) in together:
            return None
        event = _fact_event(key, a, b)
        return out_events.setdefault(event.id, event)

    for key, by_doc in sorted(document_facts(claims).items()):
        for fa, fb in _pairs(by_doc, stories):
            if event := add(key, fa.claim, fb.claim):
                findings.append(quantity_finding(
                    event, (fa.claim, fa.quantity), (fb.claim, fb.quantity), noun=True
                ))
    for person, offices in sorted(document_offices(claims).items()):
        for oa, ob in _pairs(offices, stories, besides=f"person:{person}"):
            if event := add(("office", person), oa.claim, ob.claim):
                findings.append(role_finding(event, person, (oa.claim, oa.role),
                                             (ob.claim, ob.role)))
    return tuple(out_events.values()), tuple(findings)


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
