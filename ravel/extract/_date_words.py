"""Vocabulary of the temporal tagger: word tables and the regex pieces built from them.

Everything here is data; `dates.py` holds the algorithm. Regex pieces are written
for `re.IGNORECASE` and contain no nested unbounded quantifiers.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5,
    "saturday": 6, "sunday": 7,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
}  # fmt: skip
# Meteorological seasons: first month and length; winter runs into the next year.
SEASON_MONTHS: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "dawn": "MO", "daybreak": "MO", "sunrise": "MO",
    "dusk": "EV", "sunset": "EV", "nightfall": "EV", "noon": "12:00",
    "midday": "12:00", "midnight": "24:00",
}  # fmt: skip

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}  # fmt: skip
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip


def _number_words() -> dict[str, int]:
    words = {"a": 1, "an": 1, "couple of": 2, "a couple of": 2, "a dozen": 12, "dozen": 12,
             "a hundred": 100, "hundred": 100, **_UNITS, **_TEENS, **_TENS}  # fmt: skip
    for tens, t in _TENS.items():
        for unit, u in _UNITS.items():
            words[f"{tens}-{unit}"] = t + u
            words[f"{tens} {unit}"] = t + u
    return words


NUMBER_WORDS: dict[str, int] = _number_words()
# Vague amounts give an "X" in the value: "several years" -> PXY.
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "dozens of", "hundreds of",
                 "a number of", "numerous", "countless")  # fmt: skip

_ORDINAL_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                  "seventh": 7, "eighth": 8, "ninth": 9}  # fmt: skip
_ORDINAL_TEENS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                  "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
                  "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}  # fmt: skip


def _ordinal_words() -> dict[str, int]:
    words = {**_ORDINAL_UNITS, **_ORDINAL_TEENS}
    for tens, t in (("twenty", 20), ("thirty", 30)):
        for unit, u in _ORDINAL_UNITS.items():
            if t + u <= 31:
                words[f"{tens}-{unit}"] = t + u
                words[f"{tens} {unit}"] = t + u
    return words


ORDINAL_WORDS: dict[str, int] = _ordinal_words()

# Duration units -> (TIMEX3 letter, is a time-of-day unit, multiplier).
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1), "sec": ("S", True, 1), "minute": ("M", True, 1),
    "min": ("M", True, 1), "hour": ("H", True, 1), "hr": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "yr": ("Y", False, 1), "decade": ("DE", False, 1),
    "century": ("CE", False, 1), "weekend": ("WE", False, 1),
}  # fmt: skip
UNIT_PLURALS: dict[str, str] = {"centuries": "century"}

# Adverbs and adjectives of frequency -> SET value.
FREQUENCIES: dict[str, str] = {
    "annually": "P1Y", "yearly": "P1Y", "biannually": "P6M", "biennially": "P2Y",
    "quarterly": "P3M", "monthly": "P1M", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "daily": "P1D", "nightly": "P1D", "hourly": "PT1H",
}  # fmt: skip

# Words before a date or duration that set TIMEX3 `mod`; they belong to the span.
APPROX_MODS: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "circa": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "just under": "LESS_THAN",
    "fewer than": "LESS_THAN", "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "more than": "MORE_THAN", "over": "MORE_THAN",
    "just over": "MORE_THAN", "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
}  # fmt: skip
POSITION_MODS: dict[str, str] = {
    "early": "START", "beginning": "START", "start": "START", "dawn": "START",
    "turn": "START", "mid": "MID", "middle": "MID", "late": "END", "end": "END",
    "close": "END",
}  # fmt: skip
# Prepositions before a date that open or close its interval ("since 2022").
SIGNAL_MODS: dict[str, str] = {
    "since": "ON_OR_AFTER", "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE",
    "through": "ON_OR_BEFORE", "before": "BEFORE", "after": "AFTER",
}  # fmt: skip

# Words after which a bare four-digit number reads as a year.
YEAR_CUES = frozenset(
    (
        "in", "since", "by", "until", "till", "from", "of", "the", "a", "to", "through", "thru",
        "before", "after", "during", "and", "or", "early", "late", "mid", "year", "years",
        "fiscal", "around", "circa", "c", "between", "spring", "summer", "autumn", "fall",
        "winter", "christmas", "s", "as", "throughout", "over", "within", "into", "end",
        "start", "beginning", "middle", "than", "until", "when", "while", "last", "next",
        "this", "that", "every", "each",
    )
)  # fmt: skip
# Counted nouns that make "the 2000 people" a number rather than a year.
COUNT_NOUNS = frozenset(
    (
        "people", "persons", "men", "women", "children", "troops", "soldiers", "residents",
        "workers", "employees", "students", "members", "cases", "deaths", "homes", "houses",
        "jobs", "units", "vehicles", "cars", "tons", "tonnes", "km", "kilometres", "kilometers",
        "miles", "metres", "meters", "feet", "dollars", "euros", "pounds", "votes", "seats",
        "barrels", "acres", "hectares", "square",
    )
)  # fmt: skip
# Words before a number that make it a label, not a year: "Room 2024", "Flight 1549".
NUMBER_LABELS = frozenset(
    (
        "no", "number", "flight", "route", "room", "page", "model", "version", "article",
        "section", "chapter", "highway", "interstate", "bus", "line", "code", "pin", "boeing",
        "airbus", "vol", "volume", "suite", "unit", "apartment", "apt", "lot", "exit", "resolution",
        "rule", "bill", "hr", "sb", "ab", "form", "item", "grade", "level", "paragraph",
    )
)  # fmt: skip
# Plural nouns a year still premodifies: "the 2014 elections", "2012 Olympics".
YEAR_NOUNS = frozenset(
    (
        "elections", "olympics", "games", "results", "figures", "levels", "prices", "talks",
        "protests", "riots", "attacks", "floods", "midterms", "playoffs", "finals", "accords",
        "agreements", "sanctions", "rules", "standards", "reforms", "returns", "earnings",
        "championships", "awards", "oscars", "budgets", "forecasts", "estimates", "numbers",
        "negotiations", "campaigns", "primaries", "hearings", "trials", "killings", "bombings",
        "shootings", "wildfires", "fires", "storms", "hurricanes", "events",
    )
)  # fmt: skip
# Cue words that mark a bare month or season as a date ("in June", "by spring").
MONTH_CUES = frozenset(
    (
        "in", "since", "by", "until", "till", "from", "of", "to", "through", "thru", "before",
        "after", "during", "and", "or", "early", "late", "mid", "last", "next", "this", "that",
        "every", "each", "between", "throughout", "over", "on", "into", "end", "start",
        "beginning", "middle", "for", "the", "until", "as", "at", "around",
    )
)  # fmt: skip

# Tense cues around an underspecified date; "future" outranks the generic "-ed".
FUTURE_CUE_RE = (
    r"(?:will|could|would|might|should|can)\s+(?:not\s+)?(?:have|be)\s+[a-z]+|could|might|should|would|"
    r"will|won't|shall|'ll|going\s+to|(?:is|are|was|were)\s+due|due\s+to|scheduled|"
    r"expected\s+to|plans?\s+to|planned|upcoming|set\s+to|to\s+be\s+held|aims?\s+to|"
    r"intends?\s+to|expects?|anticipates?|hopes?\s+to|forecasts|"
    r"would\s+(?:begin|resume|start|hold|meet|take)"
)
PAST_CUE_RE = (
    r"was|were|had|did|has\s+been|have\s+been|ago|"
    r"said|told|took|came|went|met|held|left|made|fell|rose|won|lost|began|saw|gave|"
    r"found|got|led|sent|spent|became|brought|knew|wrote|ran|fought|struck|shot|paid|"
    r"sold|bought|built|kept|broke|spoke|stood|flew|fled|sought|caught|hit|"
    r"\w{2,}ed"
)


def alternation(words: object) -> str:
    """A regex alternation of the given words, longest first, spaces as `\\s+`."""
    items = sorted(set(words), key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items)


MONTH_RE = (
    r"(?:january|jan\.?|february|feb\.?|march|mar\.|april|apr\.?|may|june|jun\.?|july|jul\.?"
    r"|august|aug\.?|september|sept\.?|sep\.?|october|oct\.?|november|nov\.?|december"
    r"|dec\.?)(?![a-z])"
)
WEEKDAY_RE = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z])"
SEASON_RE = r"(?:spring|summer|autumn|fall|winter)(?![a-z])"
DAYPART_RE = r"(?:morning|afternoon|evening|night|overnight)(?![a-z])"
UNIT_RE = (
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?"
    r"|quarters?|years?|yrs?|decades?|century|centuries|weekends?)(?![a-z])"
)
NUM_RE = r"(?:\d{1,3}(?:\.\d+)?|" + alternation([*NUMBER_WORDS, *VAGUE_NUMBERS]) + r")(?![a-z])"
ORDINAL_RE = r"(?:\d{1,2}(?:st|nd|rd|th)|" + alternation(ORDINAL_WORDS) + r")(?![a-z])"
DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%])"
YEAR_RE = r"(?:1\d{3}|20\d\d|2100)(?![\w%]|[.,:/]\d)"
NUM_LEFT = r"(?<![\w$£€¥#@/.,:+&])"  # "$2025", "2,001", "+44 20": not dates
ZONE_RE = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|MSK|ET|PT|local\s+time)(?![a-z])"
