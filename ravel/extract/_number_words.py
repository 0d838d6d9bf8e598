"""Vocabulary for the quantities extractor: number words, vague quantifiers,
modifiers, currencies and units. Logic lives in `quantities.py`."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word set written as one whitespace-separated block."""
    return frozenset(text.split())


UNITS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
HUNDRED = "hundred"
BIG_SCALES: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}  # fmt: skip
DOZEN = "dozen"

# Suffixes glued to digits ("4.2bn", "€300m", "10k"). "m" means million only
# after a currency sign; otherwise it is metres (see quantities._attached).
ATTACHED_SCALES: dict[str, int] = {
    "k": 10**3, "K": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6,
    "bn": 10**9, "b": 10**9, "tn": 10**12, "trn": 10**12,
}  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
    "hundredth": 100, "thousandth": 1000, "millionth": 10**6,
}  # fmt: skip

# Vague quantifiers as generous [lo, hi] ranges (hi None = unbounded).
# Keys are lower-case with single spaces; the regex allows any whitespace.
VAGUE: dict[str, tuple[int, int | None]] = {
    "a couple": (2, 3),
    "a few": (2, 6),
    "several": (2, 12),
    "a handful": (2, 9),
    "dozens": (24, 99),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "millions": (2 * 10**6, 10**9 - 1),
    "billions": (2 * 10**9, 10**12 - 1),
    "tens": (20, 99),  # only in "tens of thousands/millions"
    "many": (2, None),
    "numerous": (2, None),
    "multiple": (2, None),
    "countless": (2, None),
    "a number": (2, None),  # "a number of"
}
# Vague words that stand alone only with a counted noun after them.
VAGUE_NEEDS_NOUN = frozenset({"many", "numerous", "multiple", "countless", "a number", "a couple"})
# Vague words that are a quantity only before "of" ("scores of people").
VAGUE_NEEDS_OF = frozenset({"scores", "tens", "a number"})

# Bound modifiers before a number; the value is how the bound is built.
MODIFIERS: dict[str, str] = {
    "at least": "ge", "no fewer than": "ge", "no less than": "ge",
    "not less than": "ge", "not fewer than": "ge", "a minimum of": "ge",
    "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt",
    "upwards of": "gt", "greater than": "gt", "exceeding": "gt", "exceeded": "gt",
    "past": "gt", "topped": "gt", "surpassed": "gt",  # "the toll climbed past 80"
    "just over": "gt_near", "slightly more than": "gt_near", "a little over": "gt_near",
    "just above": "gt_near",
    "fewer than": "lt", "less than": "lt", "under": "lt", "below": "lt",
    "nearly": "near_lt", "almost": "near_lt", "just under": "near_lt",
    "just below": "near_lt", "slightly less than": "near_lt", "not quite": "near_lt",
    "up to": "le", "at most": "le", "no more than": "le", "not more than": "le",
    "a maximum of": "le", "as many as": "le", "as much as": "le", "as high as": "le",
    "about": "approx", "around": "approx", "some": "approx", "roughly": "approx",
    "approximately": "approx", "approx.": "approx", "approx": "approx",
    "an estimated": "approx", "estimated": "approx", "circa": "approx", "c.": "approx",
    "close to": "approx", "nearly about": "approx", "~": "approx", "an approximate": "approx",
}  # fmt: skip
# Modifiers written after the number ("40 or more", "100 or so", "40-plus").
POST_MODIFIERS: dict[str, str] = {
    "or more": "ge", "or over": "ge", "and over": "ge", "and above": "ge",
    "plus": "ge", "+": "ge", "or so": "approx", "or fewer": "le", "or less": "le",
}  # fmt: skip

# Currency signs before a number -> ISO code.
CURRENCY_SIGNS: dict[str, str] = {
    "$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP",
    "GBP": "GBP", "¥": "JPY", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "₽": "RUB",
    "RUB": "RUB", "₼": "AZN", "AZN": "AZN", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "INR": "INR", "₺": "TRY", "TRY": "TRY", "₴": "UAH", "UAH": "UAH", "A$": "AUD",
    "AU$": "AUD", "AUD": "AUD", "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "HK$": "HKD",
    "NZ$": "NZD", "CHF": "CHF", "₩": "KRW", "₪": "ILS", "R$": "BRL",
}  # fmt: skip
# Currency words after a number -> ISO code (lower-case keys).
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "sterling": "GBP", "rubles": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rouble": "RUB", "manats": "AZN", "manat": "AZN", "yuan": "CNY",
    "renminbi": "CNY", "yen": "JPY", "rupees": "INR", "rupee": "INR", "lira": "TRY",
    "liras": "TRY", "hryvnias": "UAH", "hryvnia": "UAH", "francs": "CHF", "won": "KRW",
    "shekels": "ILS", "dirhams": "AED", "riyals": "SAR", "rials": "IRR", "tenge": "KZT",
    "lari": "GEL", "dram": "AMD", "drams": "AMD", "usd": "USD", "eur": "EUR", "gbp": "GBP",
    "rub": "RUB", "azn": "AZN",
}  # fmt: skip

# Unit words (matched case-insensitively) -> canonical unit.
UNIT_WORDS: dict[str, str] = {
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2",
    "square miles": "mi2", "hectares": "ha", "acres": "acre",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m",
    "centimetres": "cm", "centimeters": "cm", "millimetres": "mm", "millimeters": "mm",
    "miles": "mi", "mile": "mi", "feet": "ft", "foot": "ft", "inches": "in", "inch": "in",
    "yards": "yd", "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "kilogram": "kg",
    "grams": "g", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t",
    "pounds": "lb", "litres": "l", "liters": "l", "gallons": "gal", "barrels": "bbl",
    "cubic metres": "m3", "cubic meters": "m3",
    "seconds": "s", "second": "s", "secs": "s", "minutes": "min", "minute": "min",
    "mins": "min", "hours": "h", "hour": "h", "hrs": "h", "days": "day", "day": "day",
    "weeks": "week", "week": "week", "months": "month", "month": "month",
    "years": "year", "year": "year", "yrs": "year", "decades": "decade", "decade": "decade",
    "centuries": "century", "century": "century",
    "degrees celsius": "°C", "degrees fahrenheit": "°F", "degrees": "deg",
    "knots": "kn", "magnitude": "magnitude", "megawatts": "MW", "gigawatts": "GW",
    "storey": "storey", "storeys": "storey", "story": "storey",
    "percentage points": "pp", "percentage point": "pp",
}  # fmt: skip
TIME_UNITS = frozenset({"s", "min", "h", "day", "week", "month", "year", "decade", "century"})
# Abbreviated units (matched case-sensitively) -> canonical unit.
UNIT_ABBREVIATIONS: dict[str, str] = {
    "km": "km", "kms": "km", "km2": "km2", "km²": "km2", "km/h": "km/h", "kph": "km/h",
    "mph": "mph", "m": "m", "cm": "cm", "mm": "mm", "mi": "mi", "ft": "ft",
    "kg": "kg", "lb": "lb", "lbs": "lb", "sec": "s", "min": "min", "hr": "h",
    "°C": "°C", "°F": "°F", "C": "°C", "F": "°F", "°": "deg",
    "MW": "MW", "GW": "GW", "kW": "kW", "kWh": "kWh",
    "MWh": "MWh", "GWh": "GWh", "TWh": "TWh", "GB": "GB", "TB": "TB", "MB": "MB",
    "bbl": "bbl", "ha": "ha", "pp": "pp",
}  # fmt: skip

# Words after which a 4-digit 1800-2100 number is a year.
YEAR_PREPOSITIONS = _words(
    """
    in since by until till of from to before after during between and or through
    throughout circa early late mid end start beginning summer winter spring autumn fall
    year years the this that last next fiscal election
    """
)
# Capitalised nouns before a number that make it an identifier ("Flight 8243").
IDENTIFIER_NOUNS = _words(
    """
    flight article section resolution chapter page paragraph clause item no no. number
    room route highway interstate gate terminal platform unit building block apartment
    suite version model series type class code channel episode season volume vol vol.
    issue part act rule bill decree order case file question exhibit figure fig fig.
    table step lot zone district ward precinct line bus train tower pier dock hall track
    lane street avenue road category level phase stage group formula world covid
    """
)

# Nouns before a number that always make it a label ("page 5 shows").
LABEL_NOUNS = _words(
    """
    flight article section resolution chapter page paragraph clause no no. number item
    room gate platform figure fig fig. table exhibit episode verse step
    """
)

# Words that end a counted-noun search: function words, pronouns, verbs.
STOP_WORDS = _words(
    """
    a an the and or but nor of in on at by for with from to into onto as than then that
    this these those which who whom whose what when where while why how it its he she
    they we you i me him her them us his hers their theirs our ours your is are was were
    be been being am has have had having do does did done will would shall should can
    could may might must not no yes so too very also just only even all both each every
    any some such other others another more most less least few says said say told tells
    reported remain remains remained seem seems appear appears get gets got make makes
    made take takes took go goes went come comes came exactly precisely roughly
    approximately nearly almost around per about over under after before during since
    until against among between through out up down off again further there here if
    because though although unless whether either neither yet still already ago later
    earlier away thus hence always perhaps besides whereas across towards afterwards
    upwards whom whose themselves itself himself herself ourselves
    """
)
# Words that may stand between the number and its noun ("two more people").
SKIP_WORDS = _words(
    """
    more other additional further new old young small large big major minor senior
    junior top key main separate different same former current suspected alleged
    so-called ethnic foreign local dual civilian military armed unarmed innocent elderly
    dead wounded injured missing unidentified unknown known female male adult
    teenage high low
    """
)
# Plural nouns without a final -s.
IRREGULAR_PLURALS = _words(
    """
    people men women children police personnel staff crew troops cattle livestock
    aircraft feet teeth mice geese sheep fish deer militia clergy offspring data media
    folk youth gentlemen policemen firemen servicemen countrymen fishermen spokesmen
    congressmen gunmen tribesmen kinsmen workmen
    """
)
# Words ending in -s that are not plural nouns.
NOT_PLURAL = _words(
    """
    this its was has is his hers as yes thus less unless always perhaps besides whereas
    across towards afterwards upwards news series species means status bus gas campus
    chaos virus crisis basis analysis thesis lens
    """
)
