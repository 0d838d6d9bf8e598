"""The temporal tagger on wire-story phrasing: TimeML extents and values news relies on."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.extract.dates import tag_dates

D = dt.date
FRI = D(2025, 6, 27)  # a Friday

# (text, reference, expected (surface, type, value, mod) in order, why)
CASES = [
    ("Ukraine launched a swift 2023 offensive.", None, [("2023", "DATE", "2023", None)],
     "a year premodifying a noun after an adjective"),
    ("The agency cut its 2019 report short.", None, [("2019", "DATE", "2019", None)],
     "a year after a possessive"),
    ("About 2000 protesters marched.", None, [], "a year-like number counting a plural noun"),
    ("Flight 1549 landed on the river.", None, [], "a number after a label word"),
    ("The summit runs July 26-27, 2025.", None,
     [("July 26", "DATE", "2025-07-26", None), ("27, 2025", "DATE", "2025-07-27", None)],
     "a day range: two dates, the year on both"),
    ("The trial was held June 3-5.", FRI,
     [("June 3", "DATE", "2025-06-03", None), ("5", "DATE", "2025-06-05", None)],
     "a day range resolved as one"),
    ("They fought for a year and a half.", None,
     [("a year and a half", "DURATION", "P18M", None)], "a year and a half in months"),
    ("It took two and a half hours.", None,
     [("two and a half hours", "DURATION", "PT150M", None)], "a fraction of hours in minutes"),
    ("A report dated 2025-06 said so.", None, [("2025-06", "DATE", "2025-06", None)],
     "an ISO month"),
    ("The 2011-12 season was short.", None,
     [("2011", "DATE", "2011", None), ("12", "DATE", "2012", None)],
     "2011-12 could be a month: read as two years"),
    ("Officials expect gains in the coming weeks.", FRI,
     [("the coming weeks", "DURATION", "PXW", None)], "the coming weeks: a stretch ahead"),
    ("The army fires 2,000 shells a day.", None, [("a day", "SET", "P1D", None)],
     "a rate after a counted noun"),
    ("Profit rose in May from a year earlier.", FRI,
     [("May", "DATE", "2025-05", None), ("a year earlier", "DATE", "2024-05", None)],
     "a year earlier keeps the month of its sentence"),
    ("Fourth-quarter profit fell from a year ago.", FRI,
     [("Fourth-quarter", "DATE", "2024-Q4", None), ("a year ago", "DATE", "2023-Q4", None)],
     "a year ago keeps the quarter of its sentence"),
    ("Net rose in the fourth quarter. For the quarter, sales fell.", FRI,
     [("the fourth quarter", "DATE", "2024-Q4", None), ("the quarter", "DATE", "2024-Q4", None)],
     "the quarter: the last one named"),
    ("For the year, sales rose 5%.", FRI, [("the year", "DATE", "2025", None)],
     "the year of the story"),
    ("It was the year of the snake.", FRI, [], "the year without a period cue"),
    ("They split in the spring of 2017 but reunited that summer.", None,
     [("the spring of 2017", "DATE", "2017-SP", None), ("that summer", "DATE", "2017-SU", None)],
     "that summer: the anchor's year"),
    ("He resigned in August 2011 and was indicted the following spring.", None,
     [("August 2011", "DATE", "2011-08", None),
      ("the following spring", "DATE", "2012-SP", None)],
     "the following spring: the next one"),
    ("Transfers were made on Fridays.", None, [("Fridays", "SET", "XXXX-WXX-5", None)],
     "a weekday plural is a set"),
    ("The breach came at 6:15 a.m. Monday.", FRI,
     [("6:15 a.m. Monday", "TIME", "2025-06-23T06:15", None)],
     "a clock time and its weekday: one expression"),
    ("Power stayed on the morning of Nov. 8, 2018.", None,
     [("the morning of Nov. 8, 2018", "TIME", "2018-11-08TMO", None)],
     "the morning of a date"),
    ("The final lasted four hours and 57 minutes.", None,
     [("four hours and 57 minutes", "DURATION", "PT4H57M", None)], "a compound duration"),
    ("She embezzled money over a decade.", None, [("a decade", "DURATION", "P1DE", None)],
     "over as a preposition stays out"),
    ("It lasted for over a decade.", None,
     [("over a decade", "DURATION", "P1DE", "MORE_THAN")], "over after for: more than"),
    ("The board declared a dividend payable March 20.", D(1998, 2, 27),
     [("March 20", "DATE", "1998-03-20", None)], "a past verb does not push a near date back"),
    ("Profit is expected to fall 12%.", FRI, [], "fall as a verb"),
    ("Officials said Thursday that every adult could get a shot by May 1.", D(2021, 3, 11),
     [("Thursday", "DATE", "2021-03-11", None), ("May 1", "DATE", "2021-05-01", None)],
     "the reporting verb is no tense cue for what is reported"),
    ("The fund was set up in March 2020. It began lending in March.", D(2022, 6, 16),
     [("March 2020", "DATE", "2020-03", None), ("March", "DATE", "2022-03", None)],
     "a month without a year is of the story's year, not the last date's"),
    ("Last year, fires killed 44 people in October.", D(2018, 11, 13),
     [("Last year", "DATE", "2017", None), ("October", "DATE", "2017-10", None)],
     "a month in the year stated earlier in its sentence"),
    ("Prices will ease in the second half.", D(1998, 2, 27),
     [("the second half", "DATE", "1998-H2", None)], "a bare half of the year"),
    ("Half of the votes were counted.", FRI, [], "half of something"),
    ("Mr. Kessler met analysts on Monday.", FRI, [("Monday", "DATE", "2025-06-23", None)],
     "a full stop after Mr does not end the sentence"),
    ("Troops went in on Aug. 2, 1990. Two years ago a bomb hit. Aid came Friday afternoon.",
     D(1998, 8, 7),
     [("Aug. 2, 1990", "DATE", "1990-08-02", None), ("Two years ago", "DATE", "1996", None),
      ("Friday afternoon", "TIME", "1998-08-07TAF", None)],
     "back in the present after an old date: a weekday is read from the reference"),
    ("Cuts began on March 1, and lawmakers must agree before March 27.", D(2013, 3, 21),
     [("March 1", "DATE", "2013-03-01", None), ("March 27", "DATE", "2013-03-27", "BEFORE")],
     "the tense of an earlier clause does not reach the date"),
]  # fmt: skip
assert len({(c[0], c[1]) for c in CASES}) == len(CASES), "duplicate inputs"


@pytest.mark.parametrize(("text", "ref", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_news_phrasing(
    text: str, ref: dt.date | None, expected: list[tuple[str, ...]], why: str
) -> None:
    got = [(t.text, t.type, t.value, t.mod) for t in tag_dates(text, ref)]
    assert got == expected, why


WIRE = st.lists(
    st.sampled_from(["June", "3-5", "July", "26", "\u2013", "27", ",", "2025", "a", "year", "and",
                     "half", "two", "hours", "57", "minutes", "Fridays", "on", "the", "quarter",
                     "fourth", "earlier", "ago", "2025-06", "2011-12", "following", "spring",
                     "that", "summer", "6:15", "a.m.", "Monday", "morning", "of", "Nov.", "8",
                     "over", "decade", "for", "shells", "day", "coming", "weeks", "fall", "."]),
    max_size=30,
).map(" ".join)  # fmt: skip


@settings(max_examples=200, deadline=None, derandomize=True)
@given(WIRE, st.sampled_from([None, FRI, D(1, 1, 2), D(9999, 12, 30)]))
def test_spans_on_wire_text(text: str, ref: dt.date | None) -> None:
    end = 0
    for t in tag_dates(text, ref):
        assert text[t.start : t.end] == t.text
        assert t.start >= end
        assert t.lo is None or t.hi is None or t.lo < t.hi
        end = t.end


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(), st.sampled_from([None, FRI]))
def test_no_exception_on_any_text(text: str, ref: dt.date | None) -> None:
    for t in tag_dates(text, ref):
        assert text[t.start : t.end] == t.text
