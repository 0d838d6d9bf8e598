"""Tests for ravel.extract.quantities: one table per family, plus properties."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.extract.quantities import describe_quantity, find_quantities, relate_quantities
from ravel.model import Quantity


def _show(q: Quantity) -> str:
    """One quantity as "surface=value kind[/counted][ V]" (V = vague)."""
    counted = f"/{q.counted}" if q.counted else ""
    return f"{q.text}={describe_quantity(q)} {q.kind}{counted}{' V' if q.vague else ''}"


# (text, expected quantities, why)
CASES: list[tuple[str, list[str], str]] = [
    # digits, separators, decimals, scales
    ("the death of 2 Azeri nationals", ["2=2 cardinal/nationals"], "digit count"),
    ("38 people were killed", ["38=38 cardinal/people"], "sentence-initial digits"),
    ("it cost 2,001 lives", ["2,001=2001 cardinal/lives"], "thousands separator"),
    ("growth of 4.2 points", ["4.2=4.2 cardinal/points"], "decimal"),
    ("1.5 million people fled", ["1.5 million=1.5e6 cardinal/people"], "decimal with scale word"),
    ("it raised $4.2 billion", ["$4.2 billion=4.2e9 USD money"], "dollar sign and scale"),
    ("a loss of 4.2bn", ["4.2bn=4.2e9 cardinal"], "glued scale suffix"),
    ("a €300m deal", ["€300m=3e8 EUR money"], "m is million after a currency sign"),
    ("a 300m race", ["300m=300 m measure"], "m is metres without a currency sign"),
    ("10,000 troops crossed", ["10,000=10000 cardinal/troops"], "ten thousand"),
    ("10k runners", ["10k=10000 cardinal/runners"], "k suffix"),
    ("1.5m people fled", ["1.5m=1.5e6 cardinal/people"], "glued m before a plural noun"),
    ("a 12345678901234567890123456789 code", [], "absurdly long digit runs are not counts"),
    # number words
    ("two journalists from Sputnik", ["two=2 cardinal/journalists"], "word count"),
    ("twenty-one people died", ["twenty-one=21 cardinal/people"], "hyphenated compound"),
    ("a dozen people", ["a dozen=12 cardinal/people"], "a dozen is exact"),
    ("a hundred and five houses", ["a hundred and five=105 cardinal/houses"], "and compound"),
    ("one million people", ["one million=1e6 cardinal/people"], "one plus scale"),
    ("half a million people", ["half a million=500000 cardinal/people"], "half a"),
    ("Half a dozen men", ["Half a dozen=6 cardinal/men"], "half a dozen"),
    ("two-thirds of the population", [], "fraction"),
    ("Around one in five adults", [], "ratio"),
    ("killed 5 in 2021", ["5=5 cardinal"], "in + year is no ratio"),
    ("38 of the 67 passengers", ["38=38 cardinal/passengers", "67=67 cardinal/passengers"], "of N"),
    ("two hundred thousand people", ["two hundred thousand=200000 cardinal/people"], "nested"),
    ("two three people", ["two=2 cardinal", "three=3 cardinal/people"], "invalid run splits"),
    ("Two of the suspects died", ["Two=2 cardinal/suspects"], "partitive of the"),
    # vague quantifiers
    ("a couple of witnesses", ["a couple=[2, 3] cardinal/witnesses V"], "a couple of"),
    ("a couple who married", [], "a couple without a count is a pair of people"),
    ("a few people", ["a few=[2, 6] cardinal/people V"], "a few"),
    ("detained several Russian citizens", ["several=[2, 12] cardinal/citizens V"], "several"),
    ("while several others were hurt", ["several=[2, 12] cardinal V"], "several others"),
    ("a handful of protesters", ["a handful=[2, 9] cardinal/protesters V"], "a handful"),
    ("killed dozens and triggered", ["dozens=[24, 99] cardinal V"], "dozens, no noun"),
    ("dozens of people", ["dozens=[24, 99] cardinal/people V"], "dozens of"),
    ("scores of people", ["scores=[40, 199] cardinal/people V"], "scores of"),
    ("test scores rose", [], "scores without of is a noun"),
    ("hundreds of people gathered", ["hundreds=[200, 999] cardinal/people V"], "hundreds"),
    ("thousands protested", ["thousands=[2000, 9999] cardinal V"], "thousands"),
    (
        "tens of thousands of protesters",
        ["tens of thousands=[20000, 99999] cardinal/protesters V"],
        "tens of thousands",
    ),
    (
        "hundreds of thousands of people",
        ["hundreds of thousands=[200000, 999999] cardinal/people V"],
        "hundreds of thousands",
    ),
    ("several hundred people", ["several hundred=[200, 1299] cardinal/people V"], "vague x scale"),
    ("many people", ["many=>= 2 cardinal/people V"], "many with a noun"),
    ("many of whom left", [], "many without a noun"),
    ("numerous reports", ["numerous=>= 2 cardinal/reports V"], "numerous with a noun"),
    ("for several days", ["several days=[2, 12] day measure V"], "vague duration"),
    # bounds
    ("at least 2 people", ["at least 2=>= 2 cardinal/people"], "at least"),
    ("more than 5 people", ["more than 5=> 5 cardinal/people"], "more than"),
    ("the toll climbed past 80 people", ["past 80=> 80 cardinal/people"], "climbed past"),
    ("the toll topped 100 people", ["topped 100=> 100 cardinal/people"], "topped"),
    ("over the past 80 years", ["80 years=80 year measure"], "the past N years: no bound"),
    ("they walked past 3 checkpoints", ["3=3 cardinal/checkpoints"], "walked past: no bound"),
    ("over 5 people", ["over 5=> 5 cardinal/people"], "over"),
    ("fewer than 10 people", ["fewer than 10=< 10 cardinal/people"], "fewer than"),
    ("less than 10%", ["less than 10%=< 10% percent"], "less than a percent"),
    ("up to 12 people", ["up to 12=<= 12 cardinal/people"], "up to"),
    ("nearly 100 people", ["nearly 100=[90, 100) cardinal/people V"], "nearly"),
    ("almost 100 people", ["almost 100=[90, 100) cardinal/people V"], "almost"),
    ("about 100 people", ["about 100=~100 cardinal/people V"], "about"),
    ("Some 10,000 troops", ["Some 10,000=~10000 cardinal/troops V"], "some + number"),
    ("roughly 100 people", ["roughly 100=~100 cardinal/people V"], "roughly"),
    ("approximately 100 people", ["approximately 100=~100 cardinal/people V"], "approximately"),
    ("100 or so people", ["100 or so=~100 cardinal/people V"], "or so"),
    ("40-plus people", ["40-plus=>= 40 cardinal/people"], "-plus"),
    ("more than a dozen people", ["more than a dozen=> 12 cardinal/people"], "bound on words"),
    ("10 to 12 people", ["10 to 12=[10, 12] cardinal/people"], "to range"),
    ("10-12 people", ["10-12=[10, 12] cardinal/people"], "hyphen range"),
    ("10\u201312 people", ["10\u201312=[10, 12] cardinal/people"], "en dash range"),
    ("between 5 and 7 people", ["between 5 and 7=[5, 7] cardinal/people"], "between"),
    ("two or three people", ["two or three=[2, 3] cardinal/people"], "or range"),
    ("$5-6 billion", ["$5-6 billion=[5e9, 6e9] USD money"], "shared scale"),
    ("1.5 to 2 million people", ["1.5 to 2 million=[1.5e6, 2e6] cardinal/people"], "shared"),
    ("rose from 10 to 12 people", ["10=10 cardinal", "12=12 cardinal/people"], "change"),
    ("won 3-1 at home", [], "a score is not a range"),
    # percent, money, measures
    ("5% of the vote", ["5%=5% percent/vote"], "percent of"),
    ("5 percent", ["5 percent=5% percent"], "percent word"),
    ("5 per cent", ["5 per cent=5% percent"], "per cent"),
    ("over 89% of citizens", ["over 89%=> 89% percent/citizens"], "bounded percent"),
    ("up 3 percentage points", ["3 percentage points=3 pp measure"], "percentage points"),
    ("£300 million", ["£300 million=3e8 GBP money"], "pound sign"),
    ("300 million rubles", ["300 million rubles=3e8 RUB money"], "currency word"),
    ("fined 5,000 manats", ["5,000 manats=5000 AZN money"], "manats"),
    ("USD 5 million", ["USD 5 million=5e6 USD money"], "currency code first"),
    ("thousands of dollars", ["thousands of dollars=[2000, 9999] USD money V"], "vague money"),
    ("300 km away", ["300 km=300 km measure"], "kilometres"),
    ("6 min read", ["6 min=6 min measure"], "minutes"),
    ("15 years in prison", ["15 years=15 year measure"], "duration"),
    ("a 38-year-old man", ["38-year-old=38 age measure"], "age"),
    ("Ziyaddin Safarov, 60, died", ["60=60 age measure"], "appositive age"),
    ("a magnitude 7.8 earthquake", ["magnitude 7.8=7.8 magnitude measure"], "magnitude first"),
    ("a 6.8-magnitude quake", ["6.8-magnitude=6.8 magnitude measure"], "magnitude after"),
    ("reached 40C", ["40C=40 °C measure"], "glued temperature"),
    # ordinals
    ("the first flare-up between", ["first=1st ordinal/flare-up"], "ordinal word"),
    ("the 21st century", ["21st=21st ordinal/century"], "ordinal digits"),
    ("a second attack", ["second=2nd ordinal/attack"], "second as ordinal"),
    ("the twenty-first time", ["twenty-first=21st ordinal/time"], "compound ordinal"),
    ("on the 24th of June", [], "ordinal day of month"),
    # not quantities
    ("in 2025 the war", [], "year after in"),
    ("dating back to 2001", [], "year after to"),
    ("the 2020 war", [], "year before a singular noun"),
    ("2000 people died in 1990", ["2000=2000 cardinal/people"], "year-shaped count"),
    ("On 27 June 2025, police", [], "day month year"),
    ("June 24, 2025", [], "month day, year"),
    ("24-27 June", [], "day range"),
    ("Jul 4", [], "abbreviated month"),
    ("2025-06-27", [], "ISO date"),
    ("27/06/2025", [], "slash date"),
    ("2020-2024 period", [], "year range"),
    ("in the 1990s", [], "decade"),
    ("at 10:30 on Monday", [], "clock time"),
    ("at 10am", [], "clock with am"),
    ("at 9 p.m. local time", [], "clock with p.m."),
    ("call +44203 5760668", [], "phone number"),
    ("call 020 7946 0958", [], "grouped phone number"),
    ("Old Woking Road, Woking, GU22 8BF", [], "postcode"),
    ("1 The Links, Links Business Centre", [], "street number"),
    ("10 Downing Street", [], "address"),
    ("1. Introduction", [], "numbered heading"),
    ("see [12] above", [], "citation mark"),
    ("Flight 8243 crashed", [], "flight number"),
    ("page 5 shows", [], "page number"),
    ("Boeing 737 crashed", [], "model number"),
    ("Only 5 people came", ["5=5 cardinal/people"], "adverb before a number"),
    ("The 38 victims", ["38=38 cardinal/victims"], "determiner before a number"),
    ("World War Two", [], "name"),
    ("COVID-19 spread", [], "name with digits"),
    ("one of the men died", ["one=1 cardinal/men"], "one of the X"),
    ("a reaction to one raid, it", ["one=1 cardinal/raid"], "one with a noun"),
    ("One suffered a heart attack", [], "pronoun one"),
    ("one would be forgiven", [], "generic one"),
    ("no one knows", [], "no one"),
    ("One of them died", [], "one of a pronoun"),
    ("one of the least dependent nations", [], "superlative, not a count"),
    ("just one of many examples", ["many=>= 2 cardinal/examples V"], "one of many"),
]
assert len({text for text, _, _ in CASES}) == len(CASES), "inputs must be unique"


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_find_quantities(text: str, expected: list[str], why: str) -> None:
    assert [_show(q) for q in find_quantities(text)] == expected, why


# (a, b, relation of a to b, why); each side is the first quantity found in it
RELATE_CASES: list[tuple[str, str, str, str]] = [
    ("2 people", "two people", "equal", "same point"),
    ("2 people", "three people", "disjoint", "different points"),
    ("dozens of people", "38 people", "contains", "vague holds exact"),
    ("38 people", "dozens of people", "within", "exact inside vague"),
    ("some 100 people", "100 people", "contains", "approximation holds its centre"),
    ("at least 5 people", "several people", "overlap", "open bound vs range"),
    ("at least 2 people", "several people", "contains", "several is at least 2"),
    ("2 Russian nationals", "several Russian citizens", "within", "2 is several"),
    ("38 people", "hundreds of people", "disjoint", "too few for hundreds"),
    ("more than 5 people", "5 people", "disjoint", "open bound excludes itself"),
    ("at least 5 people", "5 people", "contains", "closed bound includes itself"),
    ("nearly 100 people", "100 people", "disjoint", "nearly is below"),
    ("nearly 100 people", "95 people", "contains", "nearly is close below"),
    ("fewer than 10 people", "more than 20 people", "disjoint", "opposite bounds"),
    ("up to 12 people", "10-12 people", "contains", "range inside a ceiling"),
    ("10 to 12 people", "11 to 15 people", "overlap", "crossing ranges"),
    ("more than 5 people", "at least 7 people", "contains", "nested open bounds"),
]
assert len({(a, b) for a, b, _, _ in RELATE_CASES}) == len(RELATE_CASES)


@pytest.mark.parametrize(
    ("a", "b", "expected", "why"), RELATE_CASES, ids=[c[3] for c in RELATE_CASES]
)
def test_relate_quantities(a: str, b: str, expected: str, why: str) -> None:
    qa, qb = find_quantities(a)[0], find_quantities(b)[0]
    assert relate_quantities(qa, qb) == expected, why


MIRROR = {"equal": "equal", "contains": "within", "within": "contains"}


def test_find_respects_start_and_end() -> None:
    text = "In 2021, 38 people died; 44 more were hurt and 2 fled."
    inner = find_quantities(text, 9, 30)
    assert [q.text for q in inner] == ["38", "44"]
    assert all(q.start >= 9 and q.end <= 30 for q in inner)


def test_linear_on_long_and_pathological_input() -> None:
    chunks = [
        "In December 2024, 38 people were killed and several others hurt; about $4.2bn. ",
        "1" * 5000 + " ",
        " " * 5000,
        "one " * 2000,
        "twenty-one hundred " * 500,
        "(1)" * 2000,
    ]
    for chunk in chunks:
        text = chunk * (60_000 // len(chunk) + 1)
        began = time.perf_counter()
        find_quantities(text)
        assert time.perf_counter() - began < 5.0, repr(chunk[:20])  # quadratic takes minutes


WORDS = [
    "2", "38", "2,001", "4.2", "million", "$", "€", "%", "percent", "bn", "m", "km", "-",
    "\u2013", "to", "or", "and", "between", "from", "at least", "more than", "about", "nearly",
    "up to", "one", "two", "twenty", "hundred", "a", "dozen", "dozens", "several", "of",
    "the", "people", "Russian", "nationals", "June", "2025", "in", "first", "21st", ",",
    ".", "\n", ":", "(", ")", "[", "]", "+44", "years", "-year-old", "plus", "or so", "aged",
    "or more", "+", "per cent", "half", "in", "five", "Smith,", "0", "07", "m", "bn", "$",
]  # fmt: skip


def _check_spans(text: str, found: tuple[Quantity, ...]) -> None:
    last = 0
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.text
        assert q.start >= last
        last = q.end
        if q.counted is not None:
            assert q.counted_start is not None
            assert q.counted_end is not None
            assert text[q.counted_start : q.counted_end].lower() == q.counted
        assert q.lo is None or q.hi is None or q.lo <= q.hi
        assert isinstance(describe_quantity(q), str)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_arbitrary_unicode_never_raises(text: str) -> None:
    _check_spans(text, find_quantities(text))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS), max_size=30), st.sampled_from([" ", "", "  "]))
def test_number_like_text_keeps_spans(words: list[str], sep: str) -> None:
    text = sep.join(words)
    _check_spans(text, find_quantities(text))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(), st.integers(0, 40), st.integers(0, 40))
def test_range_arguments_bound_the_spans(text: str, start: int, length: int) -> None:
    end = start + length
    for q in find_quantities(text, start, end):
        assert start <= q.start
        assert q.end <= min(end, len(text))
        assert text[q.start : q.end] == q.text


_bound = st.one_of(st.none(), st.integers(0, 20).map(Decimal))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(_bound, _bound, st.booleans(), st.booleans(), _bound, _bound, st.booleans(), st.booleans())
def test_relate_mirrors(
    alo: Decimal | None, ahi: Decimal | None, alo_open: bool, ahi_open: bool,
    blo: Decimal | None, bhi: Decimal | None, blo_open: bool, bhi_open: bool,
) -> None:  # fmt: skip
    a = Quantity(0, 1, "x", alo, ahi, alo_open and alo is not None, ahi_open and ahi is not None)
    b = Quantity(0, 1, "x", blo, bhi, blo_open and blo is not None, bhi_open and bhi is not None)
    forward, backward = relate_quantities(a, b), relate_quantities(b, a)
    assert MIRROR.get(forward, forward) == backward


AGE_CASES = [
    ("Actor Tomas Berger dies at 78", "78", "age"),
    ("She was 64.", "64", "age"),
    ("He died at 91 in Paris.", "91", "age"),
    ("The fire killed 12 people.", "12", None),
]


@pytest.mark.parametrize(("text", "number", "unit"), AGE_CASES)
def test_ages_from_context(text: str, number: str, unit: str | None) -> None:
    (q,) = [q for q in find_quantities(text) if number in q.text]
    assert q.unit == unit
