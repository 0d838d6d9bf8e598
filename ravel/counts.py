"""What a count counts: the typing that decides which numbers of two claims may be
compared ("38 people were killed" with "killing 38", never with "a 38-year-old"), shared
by alignment (counts as evidence), comparison (counts as a slot) and facts."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import defaultdict
from decimal import Decimal

from ravel.extract.events import hazard_of
from ravel.extract.quantities import is_estimate, relate_quantities
from ravel.model import Claim, Mention, Quantity
from ravel.words import name_head, stem

PERSON_NOUNS = frozenset(
    """
    people persons person men man women woman children child civilians civilian soldiers
    soldier troops servicemen nationals national citizens citizen residents resident
    journalists journalist reporters victims victim passengers passenger crew workers
    migrants protesters demonstrators officers officer policemen police suspects suspect
    detainees detainee prisoners prisoners hostages refugees students patients fighters
    militants members staff employees individuals adults teenagers boys girls brothers
    firemen firefighters rescuers miners pilgrims labourers laborers personnel minors
    """.split()
)
# Those sent to help (and soldiers), and people of one age, sex or origin: when a
# disaster kills some of them, they are a part of its toll, counted by kind ("12
# firefighters died" is not the toll of 44), one kind whatever they are called.
KINDS_OF_PEOPLE = {
    "firefighters": "firefighter", "firefighter": "firefighter", "firemen": "firefighter",
    "fireman": "firefighter", "rescuers": "rescuer", "rescuer": "rescuer",
    "policemen": "police", "policeman": "police", "police": "police", "officers": "police",
    "soldiers": "soldier", "soldier": "soldier", "troops": "soldier",
    "servicemen": "soldier", "paramedics": "medic", "medics": "medic",
    # and people picked out by age, sex or origin: "two children", "one woman"
    "children": "child", "child": "child", "minors": "child", "minor": "child",
    "boys": "boy", "boy": "boy", "girls": "girl", "girl": "girl", "babies": "child",
    "infants": "child", "teenagers": "teenager", "women": "woman", "woman": "woman",
    "foreigners": "foreigner", "foreigner": "foreigner", "tourists": "tourist",
}  # fmt: skip
PERSON_EVENTS = frozenset({"death", "injury", "arrest", "release", "charge", "sentence", "expel"})


def count_key(claim: Claim, quantity: Quantity) -> tuple[str, str] | None:
    """What a count counts, typed: (event class, thing). None for uncomparable numbers."""
    if quantity.kind == "ordinal" or whole_of_a_part(claim, quantity):
        return None
    if superseded(claim, quantity):
        return None
    if _SERIOUS_AFTER.match(claim.plain or claim.text, quantity.end - claim.start):
        return ("state:serious", "person")  # "33 others remain in serious condition"
    if subset(claim, quantity):  # never the toll: "another 12 people were killed"
        kind = kind_of_part(claim, quantity)
        fate = _nearest_fate(claim, quantity)
        return (fate, f"{kind} among") if kind and fate else None  # "including five minors"
    part = partitive(claim, quantity) and attached_event(claim, quantity) is None
    several = len({m.key for m in _towns(claim)}) > 1  # else the count is the event's
    town = count_town(claim, quantity) if part or several else None
    if part:  # "12 of the victims died in El Oro" (but "killed 12 of the 40" is a toll)
        fate = _nearest_fate(claim, quantity)
        return (fate, f"person@{town}") if town and fate else None
    key = _count_key(claim, quantity)
    if key is not None and key[0] in PERSON_EVENTS and feared(claim, quantity):
        key = (f"{key[0]} feared", key[1])  # "13 are believed killed": not the confirmed toll
    if key is not None and key[0] in PERSON_EVENTS and running(claim, quantity):
        key = (f"{key[0]} since", key[1])  # "7,000 arrested since June": a running tally
    if key is None or key[1] != "person" or town is None:
        return key
    return (key[0], f"person@{town}")


_CLAUSE_END = re.compile(r"[.;:]")


def running(claim: Claim, quantity: Quantity) -> bool:
    """A tally kept since some time, told in the count's clause: "around 7,000 people have
    been arrested since protests began in June", "so far this year"."""
    text, offset = claim.plain or claim.text, claim.start
    end = _CLAUSE_END.search(text, quantity.end - offset)
    return bool(_SINCE.search(text, quantity.end - offset, end.start() if end else len(text)))


_FEARED = re.compile(  # right before the fate: "believed killed", "presumed to have perished"
    r"\b(?:feared|believed|presumed|thought)\s+(?:to\s+(?:have\s+)?(?:been\s+)?)?\Z",
    re.IGNORECASE,
)


def feared(claim: Claim, quantity: Quantity) -> bool:
    """A count of those feared, believed or presumed to have met their fate: "Thirteen
    people are believed killed", "eight others presumed to have perished"; not "Eleven
    people, believed to be one family, were killed"."""
    after = [e.start for e in claim.events if e.start >= quantity.end]
    if not after:
        return False
    text, offset = claim.plain or claim.text, claim.start
    return bool(_FEARED.search(text, quantity.end - offset, min(after) - offset))


def _nearest_fate(claim: Claim, quantity: Quantity) -> str | None:
    """The nearest event that befalls people (a death, an injury, an arrest)."""
    fates = [e for e in claim.events if e.key in PERSON_EVENTS]
    if not fates:
        return None
    return min(fates, key=lambda e: min(abs(e.start - quantity.end),
                                        abs(quantity.start - e.end))).key


def _count_key(claim: Claim, quantity: Quantity) -> tuple[str, str] | None:
    if coordinated(claim, quantity):
        return None  # "two firemen and two police personnel were hurt": parts of a whole
    text, start = claim.plain or claim.text, quantity.start - claim.start
    if _FAMILY_BEFORE.search(text, max(0, start - 30), start):
        return None  # "his wife and two children were inside": one family, not the toll
    if _sent(claim, quantity):
        return None  # "100 emergency personnel on site": those sent, not those it befell
    if aboard(claim, quantity):
        return ("aboard", "person")  # "carrying 243 passengers": whatever befell them
    if aboard_part(claim, quantity):
        return None  # "carrying 68 passengers and four crew": a part of those aboard
    counted = (quantity.counted or "").lower()
    if counted in EVENT_NOUNS:
        return (EVENT_NOUNS[counted], "person")  # "27 fatalities"
    happening = _counted_event(claim, quantity)
    if happening is not None:
        return ("events", happening)  # "three major tremors" / "four strong earthquakes"
    state = state_after(claim, quantity)
    event = state or _nearest_event(claim, quantity)
    if quantity.unit in LENGTH_UNITS:  # a depth, a distance from somewhere: say which
        what = measured_noun(claim, quantity) or reference(claim, quantity)
        if what is None:
            return None
        thing = f"length:{what}"  # in any unit: "420 meters deep" / "500 yards underground"
    elif quantity.unit:
        thing = quantity.unit  # an age, a magnitude, a sum of money: never a head count
        rate = _PER.match(claim.plain or claim.text, quantity.end - claim.start)
        if rate:  # "$54.20 for each share" is not the "$44 billion" the deal is worth
            thing = f"{thing} per {stem(rate['noun'].lower())}"
    elif counted in KINDS_OF_PEOPLE:  # "12 firefighters died": a part of any toll, by kind
        thing = f"{KINDS_OF_PEOPLE[counted]} among"
    elif counted in ("member", "members") and (body := _member_of(claim, quantity)):
        thing = f"member of {body} among"  # "21 members of its Navy": a part, by body
    elif counted in PERSON_NOUNS:
        thing = "person"
    elif not counted and event in PERSON_EVENTS and attached_event(claim, quantity):
        thing = "person"  # "killing 3", "3 were killed"; not "of 70 bodies, 22 were returned"
    elif not counted and state is not None:
        thing = "person"  # "49 remain unaccounted for"
    elif counted:
        thing = stem(counted)
    else:
        return None
    return (event or "", thing)


_PER = re.compile(  # a rate: "$54.20 in cash for each share", "3 euros per litre", "$54.20/share",
    # "30 million euros (USD 35.5 million) a year", "30 million euros (£27million) net per year"
    r"(?:\s*\([^()]{1,40}\))?"
    r"(?:(?:\s+in\s+cash|\s+net|\s+gross)?\s+(?:per|a|an|for\s+(?:each|every)"
    r"|(?:each|every)(?=\s+(?:day|week|month|year|season)\b))\s+|/)"
    r"(?:(?-i:[A-Z])[\w.-]*\s+)?(?P<noun>[^\W\d_]+)", re.IGNORECASE
)


# A value the report itself says was replaced: "first logged the tremor at magnitude 6.7
# before revising it upward", "initially reported 12 dead", "later revised to 30".
_SUPERSEDED_BEFORE = re.compile(  # a first reading: "initially reported a 7.0"
    r"\b(?:initially|originally|first|earlier|previously|at\s+first)\s+"
    r"(?:(?:had|have|has|was|were)\s+)?(?:reported|logged|recorded|put|estimated|gave"
    r"|counted|said|measured|announced|registered)\b[^.;:]{0,30}\Z",
    re.IGNORECASE,
)
_SUPERSEDED_AFTER = re.compile(  # "at magnitude 6.7 before revising it upward"
    r"[^.;:]{0,12}?\bbefore\s+(?:(?:revis|correct|upgrad|downgrad)\w*\s+"
    r"(?:it|them|that|the\s+\w+|its\s+\w+)\b|being\s+(?:revis|correct|upgrad|downgrad))",
    re.IGNORECASE,
)


def superseded(claim: Claim, quantity: Quantity) -> bool:
    text, offset = claim.plain or claim.text, claim.start
    start, end = quantity.start - offset, quantity.end - offset
    return bool(_SUPERSEDED_BEFORE.search(text, max(0, start - 50), start)
                or _SUPERSEDED_AFTER.match(text, end))


METRES = {"km": Decimal(1000), "m": Decimal(1), "cm": Decimal("0.01"), "mm": Decimal("0.001"),
          "mi": Decimal("1609.344"), "ft": Decimal("0.3048"), "in": Decimal("0.0254"),
          "yd": Decimal("0.9144")}
LENGTH_UNITS = frozenset(METRES)


def measure_kind(unit: str) -> str:
    """What a unit measures, for keys: lengths in any unit are one kind."""
    return "length" if unit in LENGTH_UNITS else unit


def in_metres(q: Quantity) -> Quantity:
    """A length in metres, so that feet, yards and kilometres can be compared."""
    factor = METRES.get(q.unit or "")
    if factor is None or q.unit == "m":
        return q
    return dataclasses.replace(
        q, unit="m",
        lo=None if q.lo is None else q.lo * factor,
        hi=None if q.hi is None else q.hi * factor,
    )


EVENT_NOUNS = {"fatalities": "death", "deaths": "death", "dead": "death", "injuries": "injury",
               "survivors": "state:survived"}  # "There were 134 survivors"
# From where a distance is measured: "19km northeast of Bogo", "100 miles from the
# capital, Kyiv", "84 miles (135 kilometers) northeast of Kansas City".
_REFERENCE = re.compile(
    r"\s*(?:\([^)]{0,40}\)\s*)?(?:(?P<way>(?:north|south|east|west)(?:-?(?:east|west))?)"
    r"(?:ern)?\s+|away\s+|outside\s+)?(?:of|from)\s+(?:the\s+)?(?-i:(?!of\b)[a-z]+\s+){0,2}"
    r"(?:of\s+)?",
    re.IGNORECASE,
)


def reference(claim: Claim, quantity: Quantity) -> str | None:
    """Where a distance is measured from, and which way: "northeast of:bogo", "from:lahore"
    (a distance the other way, or with no way given, is another distance)."""
    text, offset = claim.plain or claim.text, claim.start
    found = _REFERENCE.match(text, quantity.end - offset)
    if found is None:
        return None
    at = found.end() + offset
    named = [m for m in (*claim.places, *claim.actors) if m.start == at and m.kind != "role"]
    if not named:
        return None
    way = f"{found['way'].lower().replace('-', '')} of" if found["way"] else "from"
    return f"{way}:{name_head(named[0].key)}"


# Between a count and the event word it is the subject of ("38 people were killed",
# "14 people dead") or the object of ("killing one person", "injured 35", "the death
# toll rose to 70").
_COUNT_THEN_EVENT = re.compile(
    r"\s+(?:(?!(?:and|or|but)\b)[^\W\d_]+\s+)?"
    r"(?:(?:were|was|are|is|have|has|had|been|being|reported|later|confirmed|feared"
    r"|believed|presumed|now|still|already)\s+){0,3}",
    re.IGNORECASE,
)
_TOLL_VERBS = (r"rose|rises|risen|climbed|climbs|increased|increases|jumped|reached|reaches"
               r"|stood|stands|was|is")
_EVENT_THEN_COUNT = re.compile(  # "killing one person", "the death toll has risen to 70"
    rf"\s+(?:toll\s+(?:of\s+)?)?(?:(?:has|had|have|now)\s+)?"
    rf"(?:(?:{_TOLL_VERBS})\s+(?:now\s+)?(?:(?:to|at|of)\s+)?)?(?:(?:a|an|the|another|some)\s+)?",
    re.IGNORECASE,
)
_TOLL_TO = re.compile(r"\s+(?:to|at)\s+", re.IGNORECASE)
_TOLL_NOUN = re.compile(r"\btoll\Z|\bnumber\s+of\s+\w+\Z", re.IGNORECASE)
# "The number of people killed when ... has risen to 28": a toll stated at the end.
_TOLL_SUBJECT = re.compile(r"\b(?:toll|number\s+of)\b", re.IGNORECASE)
_TOLL_VERB_BEFORE = re.compile(
    r"\b(?:has\s+|had\s+|have\s+)?(?:risen|rose|rises|climbed|climbs|increased|jumped"
    r"|reached|reaches|stood\s+at|stands\s+at)\s+(?:to\s+)?\Z",
    re.IGNORECASE,
)


_PARTITIVE = re.compile(
    r"\s+(?:of\s+(?:the|those|these|them|whom|its|their)\b"
    r"|(?:[^\W\d_]+\s+){0,2}(?:were|was|are|is)\s+among\b)",
    re.IGNORECASE,
)
_AMONG = re.compile(r"\W*among\b", re.IGNORECASE)  # "Among those who died are 26 children"
_SUBSET_BEFORE = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|(?:the\s+)?remaining|another|other"
    r"|additional|further)\s+(?:at\s+least\s+|some\s+|about\s+)?\Z",
    re.IGNORECASE,
)
_KIND_BEFORE = re.compile(  # a part picked out by kind: "including five minors"
    r"\b(?:including|among\s+them|among\s+whom)\s+(?:at\s+least\s+|some\s+|about\s+)?\Z",
    re.IGNORECASE,
)
_MORE_AFTER = re.compile(r"\s+more\b", re.IGNORECASE)
NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
                r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty"
                r"|fifty|sixty|seventy|eighty|ninety")
_WHOLE_BEFORE = re.compile(  # "12 of the 40", "Four of the 42"; not "all of the 30"
    rf"(?:\d|\b(?:{NUMBER_WORDS}|dozens|hundreds|most|half|many|several|some))"
    r"\s+of\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)


def whole_of_a_part(claim: Claim, quantity: Quantity) -> bool:
    """The 40 of "killed 12 of the 40 passengers", the nine of "they found nine workers,
    seven of whom were dead": a whole the part was taken from."""
    text, start = claim.plain or claim.text, quantity.start - claim.start
    end = max(quantity.end, quantity.counted_end or 0) - claim.start
    if _WHOLE_BEFORE.search(text, max(0, start - 12), start) is not None:
        return True
    if not _part_after(claim, quantity, text, end):
        return False
    # "killed 25 people, 12 of them children": the event befell the whole, the toll
    return not any(quantity.start - PART_EVENT_REACH <= e.end <= quantity.start
                   for e in claim.events)


PART_EVENT_REACH = 30  # characters before a whole within which its event word would be


def _part_after(claim: Claim, quantity: Quantity, text: str, end: int) -> bool:
    """ ", seven of whom were dead": a part told after its whole, the part what the event
    befell (not ", four of them children", nor ", most of them students")."""
    comma = _COMMA.match(text, end)
    if comma is None or aboard(claim, quantity):
        return False  # "carrying 40 passengers, 12 of whom died": the 40 is those aboard
    return any(q.start - claim.start == comma.end()
               and _OF_WHOM.match(text, q.end - claim.start) is not None
               and any(0 <= e.start - q.end <= PART_EVENT_REACH for e in claim.events)
               for q in claim.quantities)  # befell by the part: "seven of whom were dead"


_COMMA = re.compile(r",\s+")
_OF_WHOM = re.compile(r"\s+of\s+(?:whom|which|them)\b", re.IGNORECASE)


def partitive(claim: Claim, quantity: Quantity) -> bool:
    """A part of a count, not the count: "12 of the victims died in El Oro", "two crew
    were among those killed", "including 3 children", "the remaining four bodies",
    "another 12 people", "three more bodies"."""
    text, offset = claim.plain or claim.text, claim.start
    return (
        _PARTITIVE.match(text, quantity.end - offset) is not None
        or _MORE_AFTER.match(text, quantity.end - offset) is not None
        or subset(claim, quantity)
    )


def kind_of_part(claim: Claim, quantity: Quantity) -> str | None:
    """The kind a part is picked out by: "including at least five minors" -> "minor",
    "Among those who died are 26 children" -> "children"; None for other parts."""
    text, start = claim.plain or claim.text, quantity.start - claim.start
    if quantity.counted is None or not (
        _KIND_BEFORE.search(text, max(0, start - 24), start) or _AMONG.match(text)
    ):
        return None
    counted = quantity.counted.lower()
    return KINDS_OF_PEOPLE.get(counted, stem(counted))


def subset(claim: Claim, quantity: Quantity) -> bool:
    """A part picked out by kind, not by place: "including 3 children", "another 12"."""
    text, start = claim.plain or claim.text, quantity.start - claim.start
    return (_SUBSET_BEFORE.search(text, max(0, start - 16), start) is not None
            or _AMONG.match(text) is not None)


# A count of people in a state, not in an event: "12 still missing", "20 people remain
# trapped", "300,000 people have been left homeless" ("had lost their homes"). Keyed by
# the state, not by the nearest event word. (Not "aboard": who was on board is told in
# parts, "68 passengers and four crew", and parts are not totals.)
_STATE_AFTER = re.compile(
    r"\s+(?:[^\W\d_]+\s+)?(?:(?:were|was|are|is|remain|remained|remains|still|reportedly"
    r"|have\s+been|had\s+been|has\s+been|been|left|rendered|made|now)\s+){0,3}"
    r"(?:(?P<state>missing|unaccounted|trapped|stranded|homeless|displaced)\b"
    r"|(?P<lost>lost\s+(?:their|his|her)\s+homes?\b)"
    r"|(?P<crowd>attended|participated|turned\s+out|marched|rallied)\b)",
    re.IGNORECASE,
)
# A crowd counted after its verb: "a march attended by tens of thousands of people".
_CROWD_BEFORE = re.compile(r"\battended\s+by\s+\Z", re.IGNORECASE)


# Those badly hurt, however the part is told: "19 of them seriously", "37 of the injured
# people were in serious condition", "29 who are in critical condition".
_SERIOUS_AFTER = re.compile(
    r"\s+(?:(?:of\s+(?:them|whom)|of\s+the\s+(?:[^\W\d_]+\s+){0,2}?(?:injured|wounded|hurt)"
    r"(?:\s+people)?|who|that|[^\W\d_]+)\s+)?"
    r"(?:(?:are|were|is|was|remain|remained|remains|still|being|listed)\s+){0,3}"
    r"(?:(?:in\s+(?:a\s+)?)?(?:serious|critical)\s+condition"
    r"|(?:seriously|critically)(?:\s+(?:injured|hurt|wounded|ill)\b|(?=\s*[.,;])))",
    re.IGNORECASE,
)


_OF_BODY = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+)?"
                      r"(?P<words>[^\W\d_]+(?:\s+[^\W\d_]+){0,2})")
_NOT_BODY = frozenset("were was are is had have has who and in on at said died".split())


def _member_of(claim: Claim, quantity: Quantity) -> str | None:
    """The body "members of" it are: "21 members of its Navy", "five members of the same
    family", "four members of the Lebanese Army were wounded" (its name's last word)."""
    if quantity.counted_end is None:
        return None
    found = _OF_BODY.match(claim.plain or claim.text, quantity.counted_end - claim.start)
    if found is None:
        return None
    words = list(itertools.takewhile(lambda w: w.lower() not in _NOT_BODY,
                                     found["words"].split()))
    return stem(words[-1].lower()) if words else None


def state_after(claim: Claim, quantity: Quantity) -> str | None:
    if attached_event(claim, quantity) is not None:
        return None
    text, offset = claim.plain or claim.text, claim.start
    end = (quantity.counted_end or quantity.end) - offset
    start = quantity.start - offset
    if _CROWD_BEFORE.search(text, max(0, start - 20), start):
        return "state:attending"
    found = _STATE_AFTER.match(text, end)
    if found is None:
        return None
    if found["crowd"]:
        return "state:attending"  # how many came: one figure of the story, as a toll is
    return "state:" + ("homeless" if found["lost"] else found["state"].lower())


def _nearest_event(claim: Claim, quantity: Quantity) -> str | None:
    """The event a count belongs to: the one it is the subject or object of, else the
    nearest ("the quake left 14 people dead and 380 injured": 14 dead, 380 injured)."""
    if not claim.events:
        return None
    attached = attached_event(claim, quantity)
    if attached is not None:
        return attached
    text, offset = claim.plain or claim.text, claim.start
    near = [e for e in claim.events  # not across "said": "which gave the death toll,
            if e.start > quantity.start  # also said 23 people had been sent to hospitals"
            or not _REPORTED.search(text, e.end - offset, quantity.start - offset)]
    if not near:
        return None
    nearest = min(near, key=lambda e: min(abs(e.start - quantity.end),
                                          abs(quantity.start - e.end)))
    return nearest.key


def _counted_event(claim: Claim, quantity: Quantity) -> str | None:
    """What struck, when the counted noun names it ("two explosions", "four strong
    earthquakes"); not a toll's noun ("27 fatalities"), nor other happenings."""
    if quantity.counted_start is None or quantity.counted_end is None:
        return None
    text = claim.plain or claim.text
    if _SINCE.search(text, quantity.end - claim.start):
        return None  # "2,000 earthquakes since August": a tally of a season, not the story's
    for e in claim.events:
        if e.start <= quantity.counted_start and quantity.counted_end <= e.end:
            return hazard_of(e)  # "15 fires" are not "30 floods", nor "five bombs" blasts
    return None


_SINCE = re.compile(r"\b(?:since|so\s+far\s+this)\b", re.IGNORECASE)
_FAMILY_BEFORE = re.compile(  # "his wife and two children", "their three sons"
    r"\b(?:his|her|their)\s+(?:(?:wife|husband|son|daughter|mother|father|brother|sister"
    r"|parents|children|family|partner|fiancee?)\s+and\s+)?\Z",
    re.IGNORECASE,
)
_REPORTED = re.compile(r"\b(?:said|says|told|reported|added|announced)\b")


def attached_event(claim: Claim, quantity: Quantity) -> str | None:
    """The event word a count is the subject or the object of, if any."""
    text, offset = claim.plain or claim.text, claim.start
    start = quantity.start - offset
    before = [e for e in claim.events if e.end <= quantity.start]
    if before and _TOLL_VERB_BEFORE.search(text, max(0, start - 24), start):
        tolls = list(_TOLL_SUBJECT.finditer(text, 0, start))
        if tolls:  # the event of the nearest "death toll" / "number of people killed"
            at = tolls[-1].start() + offset
            counted = [e for e in before if e.end >= at - 1]
            return (counted or before)[0].key
    if before:
        last = max(before, key=lambda e: e.end)
        if _EVENT_THEN_COUNT.fullmatch(text, last.end - offset, start):
            return last.key
        told = text[max(0, last.start - offset - 12) : last.end - offset]
        if _TOLL_NOUN.search(told) and _TOLL_TO.fullmatch(text, last.end - offset, start):
            return last.key  # "raised the death toll to six", "the number of injured at 151"
    after = [e for e in claim.events if e.start >= quantity.end]
    if after:
        first = min(after, key=lambda e: e.start)
        noun = quantity.counted_start
        if noun is not None and first.start < noun:
            return None  # "32 fire tenders": the event word names the noun's kind
        if _COUNT_THEN_EVENT.fullmatch(text, quantity.end - offset, first.start - offset):
            return first.key
    return None


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
_BELOW = re.compile(  # "600m (2,000ft) below ground", "1,000 metres underground"
    r"\s*(?:\([^)]{0,30}\)\s*)?(?:(?:below|beneath|under)\s+(?:the\s+)?"
    r"(?:ground|surface|sea\s+level|earth)|underground)\b",
    re.IGNORECASE,
)
_NOT_NOUNS = frozenset(
    """and or but the with from for that which who than then when where while after before
    north south east west northeast northwest southeast southwest away below above""".split()
)


_CARRYING = re.compile(r"\b(?:carrying|carried|carries|carry)\s+(?:a\s+total\s+of\s+)?\Z",
                       re.IGNORECASE)
_ON_BOARD = re.compile(  # "187 passengers were on board", "81 workers who were on the site"
    r"\s+(?:(?:who|that)\s+)?(?:were\s+|was\s+)?(?:on\s+board|aboard|onboard"
    r"|on\s+(?:the\s+)?site|inside|present)\b",
    re.IGNORECASE,
)
_RESPONDERS = re.compile(
    r"\b(?:emergency|rescue|relief|security|medical|fire|police|army|military|search)\b",
    re.IGNORECASE,
)
SENT_FATE_REACH = 30  # characters from those sent to what befell them


def _sent(claim: Claim, quantity: Quantity) -> bool:
    """People sent to help, by the words that count them ("100 emergency personnel"),
    unless something befell them ("two rescue workers were killed")."""
    end = quantity.counted_end
    if (quantity.counted or "").lower() not in PERSON_NOUNS or end is None:
        return False
    text, offset = claim.plain or claim.text, claim.start
    if not _RESPONDERS.search(text, quantity.start - offset, end - offset):
        return False
    return not any(e.key in PERSON_EVENTS and 0 <= e.start - end <= SENT_FATE_REACH
                   for e in claim.events)  # "two rescue workers were killed"


_AND_A_NUMBER = re.compile(rf"\s+and\s+(?:\d|(?:{NUMBER_WORDS})\b)", re.IGNORECASE)


def aboard(claim: Claim, quantity: Quantity) -> bool:
    """Everyone a vehicle carried or a site held: "carrying 72 people", "187 passengers
    were on board", "with 75 workers inside"; not a part of them ("68 passengers and four
    crew", "53 Nepalese passengers")."""
    counted = (quantity.counted or "").lower()
    if counted not in PERSON_NOUNS or not adjacent(claim, quantity):
        return False
    text, offset = claim.plain or claim.text, claim.start
    after = (quantity.counted_end or quantity.end) - offset
    if _sent(claim, quantity):
        return False
    if _AND_A_NUMBER.match(text, after):
        return False
    start = quantity.start - offset
    return bool(_CARRYING.search(text, max(0, start - 30), start) or _ON_BOARD.match(text, after))


_NUMBER_AND_BEFORE = re.compile(
    rf"(?:\d|\b(?:{NUMBER_WORDS}))\s+(?-i:[a-z]+\s+){{1,3}}and\s+\Z", re.IGNORECASE
)


# After a count of people, another joined by "and": "two crew members and four
# passengers", "three coastguard personnel, and a young boy"; not "14 people dead and
# 380 injured" (two happenings, each with its count).
_AND_ANOTHER = re.compile(
    rf"(?:\s+(?-i:(?!dead\b|hurt\b|missing\b)[a-z]+)(?<!ed))?,?\s+and\s+"
    rf"(?:\d|(?:a|an|{NUMBER_WORDS})\b)",
    re.IGNORECASE,
)


def coordinated(claim: Claim, quantity: Quantity) -> bool:
    """One of several counts of people joined by "and": "two firemen and two police
    personnel", "killing 3 soldiers and 2 civilians" (the first, or the last)."""
    counted = (quantity.counted or "").lower()
    if counted not in PERSON_NOUNS or aboard(claim, quantity):
        return False
    text, offset = claim.plain or claim.text, claim.start
    after = (quantity.counted_end or quantity.end) - offset
    start = quantity.start - offset
    joined = [m.span() for m in (_AND_ANOTHER.match(text, after),
                                 _NUMBER_AND_BEFORE.search(text, max(0, start - 40), start)) if m]
    return any(  # "14 people dead and 380 injured": an event word between, two happenings
        not any(s + offset <= e.start < t + offset for e in claim.events) for s, t in joined
    )


def aboard_part(claim: Claim, quantity: Quantity) -> bool:
    """ "carrying 68 passengers and four crew": one of the parts of those aboard."""
    counted = (quantity.counted or "").lower()
    if counted not in PERSON_NOUNS or not adjacent(claim, quantity):
        return False
    text, offset = claim.plain or claim.text, claim.start
    after = (quantity.counted_end or quantity.end) - offset
    start = quantity.start - offset
    return bool(_AND_A_NUMBER.match(text, after)) and bool(
        _CARRYING.search(text, max(0, start - 30), start) or _ON_BOARD.search(text, after)
    )


def adjacent(claim: Claim, quantity: Quantity) -> bool:
    """ "32 grandchildren", "32 fire tenders", "75 construction workers"; not "53 Nepalese
    passengers" or "53 injured passengers" (parts of the passengers)."""
    if quantity.counted_start is None:
        return False
    text = claim.plain or claim.text
    between = text[quantity.end - claim.start : quantity.counted_start - claim.start]
    return between.strip(" -") == "" or _NOUN_MODIFIER.fullmatch(between) is not None


_NOUN_MODIFIER = re.compile(r"\s+(?-i:[a-z]{3,})(?<!ed)(?<!ing)(?<!ly)\s+")


def measured_noun(claim: Claim, quantity: Quantity) -> str | None:
    """What a measure measures: "a 150m ravine", "a depth of 66.4 km", "600m below
    ground" (a depth)."""
    text = claim.plain or claim.text
    start, end = quantity.start - claim.start, quantity.end - claim.start
    before = _NOUN_MEASURED.search(text, max(0, start - 30), start)
    if before:
        return before["noun"].lower()
    if _BELOW.match(text, end):
        return "depth"
    after = _MEASURED_NOUN.match(text, end)
    if after is None or after["noun"] in _NOT_NOUNS or after["noun"] in NOT_THINGS:
        return None
    return stem(after["noun"])


RELATION_RANK = {"equal": 0, "contains": 1, "within": 1, "overlap": 1, "disjoint": 2}


def same_unit(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
    """Two lengths in one unit (metres) when they were given in two."""
    return (a, b) if a.unit == b.unit else (in_metres(a), in_metres(b))


def relate_counts(a: Quantity, b: Quantity) -> str:
    """`relate_quantities` as a reader weighs two reports' counts (see `count_relation`)."""
    return count_relation(a, b)[0]


def count_relation(a: Quantity, b: Quantity) -> tuple[str, str | None]:
    """The relation of two reports' counts as a reader weighs them, and the reading that
    moved it from their intervals' relation, if one did: a length and its rounded
    conversion ("600 m" / "2,000 ft", "conversion") and a number and a bound at it ("150"
    / "over 150", "rounding") overlap; two tallies ("at least 35" / "39", "tallies") and
    two estimates far apart ("about 100 miles" / "about 84 miles", "estimates") disagree
    though their intervals meet."""
    converted = a.unit != b.unit
    a, b = same_unit(a, b)
    relation = relate_quantities(a, b)
    if relation == "disjoint" and converted and conversions(a, b):
        return "overlap", "conversion"
    if relation == "disjoint" and (rounded_bound(a, b) or rounded_sum(a, b)):
        return "overlap", "rounding"
    if relation != "disjoint" and relation != "equal":
        if tallies_apart(a, b):
            return "disjoint", "tallies"
        if estimates_apart(a, b):
            return "disjoint", "estimates"
    return relation, None


CONVERSION_SLACK = Decimal("0.05")  # a length converted is rounded: 600 m is "2,000 ft"


def conversions(a: Quantity, b: Quantity) -> bool:
    """Two exact lengths (in one unit now) close enough to be one length converted."""
    if a.lo is None or b.lo is None or a.lo != a.hi or b.lo != b.hi:
        return False
    return abs(a.lo - b.lo) <= CONVERSION_SLACK * max(a.lo, b.lo)


def rounded_bound(a: Quantity, b: Quantity) -> bool:
    """ "150 firefighters" and "over 150 firefighters": a number and a bound at it (in
    one unit: see `count_relation`)."""
    for exact, bound in ((a, b), (b, a)):
        if exact.lo is None or exact.lo != exact.hi:
            continue
        if (bound.lo == exact.lo and bound.lo_open and bound.hi is None) or (
            bound.hi == exact.lo and bound.hi_open
        ):
            return True
    return False


_SCALE_WORD = re.compile(r"\d\s*(?:bn|m|k)\b|\b(?:thousand|million|billion|trillion)s?\b",
                         re.IGNORECASE)


def rounded_sum(a: Quantity, b: Quantity) -> bool:
    """ "a five billion dollar fine" and "$5.1 billion": a sum in millions or billions told
    to fewer figures is the other rounded (not so a toll: "38" and "40" dead disagree)."""
    if a.lo is None or a.lo != a.hi or b.lo is None or b.lo != b.hi or a.lo == b.lo:
        return False
    if not (_SCALE_WORD.search(a.text) and _SCALE_WORD.search(b.text)):
        return False
    if a.kind != "money" or b.kind != "money":
        return False  # a sum of money: "1 million" / "1.4 million" homeless disagree
    step = max(_last_place(a, a.lo), _last_place(b, b.lo))
    return abs(a.lo - b.lo) * 2 < step


_MANTISSA = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")


def _last_place(q: Quantity, value: Decimal) -> Decimal:
    """What the last figure written is worth: a million in "222m", a tenth of a billion in
    "4.2bn", a billion in "five billion", a million in "ten million"."""
    written = _MANTISSA.search(q.text)
    if written is None:  # in words: a unit of its scale ("twelve million": a million)
        return Decimal(10) ** (value.adjusted() // 3 * 3)
    mantissa = Decimal(written[0].replace(",", ""))
    if mantissa == 0:
        return Decimal(0)
    return value / mantissa * Decimal(10) ** -len(written[2] or "")


ESTIMATES_APART = Decimal("0.1")  # two estimates whose centres differ by more disagree


def estimates_apart(a: Quantity, b: Quantity) -> bool:
    """Two estimates (each +-10%) whose centres differ by more than ESTIMATES_APART."""
    if not (is_estimate(a) and is_estimate(b)):
        return False
    ca, cb = _centre(a), _centre(b)
    return abs(ca - cb) > ESTIMATES_APART * max(ca, cb)


def _centre(q: Quantity) -> Decimal:
    return ((q.lo or Decimal(0)) + (q.hi or Decimal(0))) / 2


ROUND_TALLY_GAP = Decimal("1.25")  # a round bound this far below another count is no rounding


def tallies_apart(a: Quantity, b: Quantity) -> bool:
    """ "At least 35 people were killed" / "39 people died": news gives a toll "at least"
    as the count confirmed so far, so an unround bound is a tally, and another report's
    different tally disagrees with it. A round bound ("at least 30", "more than 4,000")
    may be a rounding down, and is left a bound unless the other count is a quarter above
    it and two of the units one would round the other to ("at least 100" / "158", "more
    than 4,000" / "6,000"; not "more than 20" / "28"): a count from another time."""
    if a.unit or b.unit or not (_of_people(a) and _of_people(b)):
        return False  # a toll's idiom: not "at least 10 miles", nor "at least 12 homes"
    for tally, other in ((a, b), (b, a)):
        if _round_floor(tally) and _named_count(other):
            assert tally.lo is not None
            assert other.lo is not None
            if other.lo >= max(tally.lo * ROUND_TALLY_GAP, tally.lo + 2 * _rounding_unit(other.lo)):
                return True
        if not _unround_floor(tally):
            continue
        assert tally.lo is not None
        if other.lo is not None and other.lo == other.hi and not other.vague:
            return other.lo != tally.lo  # "at least 35" / "39"
        if _unround_floor(other) or (_floor(other) and (other.lo or 0) > tally.lo):
            return other.lo != tally.lo  # "at least 85" / "at least 96", "... 90"
    return False


def _rounding_unit(value: Decimal) -> Decimal:
    """What a count is rounded to in news: tens below a thousand ("more than 150" for 158),
    then two figures ("more than 5,000" for 5,400)."""
    return Decimal(10) ** max(1, value.adjusted() - 1)


def _round_floor(q: Quantity) -> bool:
    """ "at least 100", "more than 4,000": a lower bound in figures, nothing else said."""
    return q.lo is not None and q.hi is None and q.lo >= 10 and _in_figures(q)


def _named_count(q: Quantity) -> bool:
    """A count given in figures, exact, about so many or at least so many: not "hundreds"."""
    return q.lo is not None and _in_figures(q)


def _in_figures(q: Quantity) -> bool:
    return any(ch.isdigit() for ch in q.text) and not _ROUND_WORDS.search(q.text)


def _of_people(q: Quantity) -> bool:
    counted = (q.counted or "").lower()
    return not counted or counted in PERSON_NOUNS or counted in KINDS_OF_PEOPLE or (
        counted in EVENT_NOUNS or counted == "bodies")


def _floor(q: Quantity) -> bool:
    """ "at least 35", "35 or more": a closed lower bound, nothing else said."""
    return q.lo is not None and q.hi is None and not q.lo_open and not q.vague


def _unround_floor(q: Quantity) -> bool:
    if not _floor(q) or q.lo is None or _ROUND_WORDS.search(q.text):
        return False
    return q.lo < 10 or q.lo % 10 != 0


_ROUND_WORDS = re.compile(r"\b(?:dozens?|scores?|hundreds?|thousands?)\b", re.IGNORECASE)


CountsByKey = dict[tuple[str, str], list[Quantity]]


def typed_count_pairs(
    a: Claim, b: Claim, keyed: tuple[CountsByKey, CountsByKey] | None = None
) -> list[tuple[Quantity, Quantity]]:
    """Pairs of counts of the same thing for the same kind of event.

    Where a claim has several counts of one kind ("12 people, including 3 children"),
    the closest values pair first, and a pair that disagrees is kept only when each
    side has exactly one count of that kind: otherwise which count answers which is a
    guess, and a guessed conflict is a false one. `keyed`: both claims' `counts_by_key`,
    for callers that pair one claim many times.
    """
    by_key_a, by_key_b = keyed or (counts_by_key(a), counts_by_key(b))
    pairs: list[tuple[Quantity, Quantity]] = []
    for key in sorted(by_key_a.keys() & by_key_b.keys()):
        qa, qb = by_key_a[key], by_key_b[key]
        options = sorted(
            ((RELATION_RANK[relate_counts(x, y)], i, j) for i, x in enumerate(qa)
             for j, y in enumerate(qb)),
        )
        used_a: set[int] = set()
        used_b: set[int] = set()
        for rank, i, j in options:
            if i in used_a or j in used_b:
                continue
            if rank == RELATION_RANK["disjoint"] and (len(qa) > 1 or len(qb) > 1):
                continue
            if _other_towns(count_town(a, qa[i]), count_town(b, qb[j])):
                continue
            used_a.add(i)
            used_b.add(j)
            if (qa[i], qb[j]) not in pairs:  # a town's toll under both its keys
                pairs.append((qa[i], qb[j]))
    return sorted(pairs, key=lambda p: p[0].start)


# The town a count is told of: "Twelve others were killed in Medellin", "In neighbouring
# San Remigio, five people died". A sentence can give each town its own toll.
_TOWN_AFTER = re.compile(
    r"(?:(?!\d)[^;:,])*?\b(?:in|at|near|from)\s+(?:the\s+)?(?-i:[a-z]+\s+){0,2}(?:of\s+)?\Z",
    re.IGNORECASE,
)
_TOWN_BEFORE = re.compile(r"\b(?:in|at)\s+(?-i:[a-z]+\s+)?\Z", re.IGNORECASE)
_NEAR_BEFORE = re.compile(
    r",\s*(?:near|outside|close\s+to|(?:north|south|east|west)(?:east|west)?\s+of)\s+\Z",
    re.IGNORECASE,
)  # an aside that locates the town told of: ", near Bogo,"
TOWN_REACH = 60


def _towns(claim: Claim) -> list[Mention]:
    return [m for m in claim.places if m.role in ("city", "region")]


def count_town(claim: Claim, quantity: Quantity) -> str | None:
    """The town a count is told of, if the sentence says so."""
    text, offset = claim.plain or claim.text, claim.start
    towns = _towns(claim)
    for town in sorted(towns, key=lambda m: m.start):
        if quantity.end <= town.start <= quantity.end + TOWN_REACH:
            if _TOWN_AFTER.fullmatch(text, quantity.end - offset, town.start - offset):
                return name_head(town.key)
            break
    upto = quantity.start  # "In Medellin, near Bogo, at least 12 ...": Medellin's count
    for town in sorted(towns, key=lambda m: -m.end):
        if town.end <= upto:
            between = text[town.end - offset : upto - offset]
            before = text[max(0, town.start - offset - 20) : town.start - offset]
            if between.strip() != ",":
                break
            if _TOWN_BEFORE.search(before):
                return name_head(town.key)
            near = _NEAR_BEFORE.search(before)
            if near is None:
                break
            upto = town.start - len(before) + near.start() + 1  # keep the comma
    return None


def _other_towns(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


class CountsOf:
    """Each claim's `counts_by_key`, worked out once however many pairs it is in."""

    def __init__(self) -> None:
        self._known: dict[str, CountsByKey] = {}

    def __call__(self, claim: Claim) -> CountsByKey:
        found = self._known.get(claim.id)
        if found is None:
            found = self._known[claim.id] = counts_by_key(claim)
        return found


def counts_by_key(claim: Claim) -> CountsByKey:
    """Counts by key; a toll told of the sentence's one town ("In San Remigio, five
    people died") is also that town's toll, to meet a sentence that names several."""
    keyed: dict[tuple[str, str], list[Quantity]] = defaultdict(list)
    for q in claim.quantities:
        key = count_key(claim, q)
        if key is not None and key[0]:
            keyed[key].append(q)
            town = count_town(claim, q) if key[1] == "person" else None
            if town is not None:
                keyed[(key[0], f"person@{town}")].append(q)
    return keyed
