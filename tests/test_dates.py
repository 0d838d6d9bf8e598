"""The temporal tagger: spans, TIMEX3 values, mods, intervals and comparisons."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.extract.dates import relate_timex, tag_dates
from ravel.model import Timex

D = dt.date
FRI = D(2025, 6, 27)  # a Friday
JUL4 = D(2025, 7, 4)

# (text, reference, expected (surface, type, value, mod) in order, why)
CASES = [
    (
        "On 27 June 2025, police raided a flat.",
        None,
        [("27 June 2025", "DATE", "2025-06-27", None)],
        "day month year",
    ),
    (
        "It happened June 27, 2025, in the city.",
        None,
        [("June 27, 2025", "DATE", "2025-06-27", None)],
        "US order",
    ),
    (
        "He arrived on the 27th of June.",
        FRI,
        [("the 27th of June", "DATE", "2025-06-27", None)],
        "ordinal of month",
    ),
    ("Filed 2025-06-27 at the court.", None, [("2025-06-27", "DATE", "2025-06-27", None)], "ISO"),
    (
        "Dated 27/06/2025 by the clerk.",
        None,
        [("27/06/2025", "DATE", "2025-06-27", None)],
        "numeric, day > 12",
    ),
    ("Dated 03/04/2025 by the clerk.", None, [], "ambiguous numeric date is not read"),
    (
        "The parade is on Jul 4 again.",
        JUL4,
        [("Jul 4", "DATE", "2025-07-04", None)],
        "abbreviated month",
    ),
    (
        "Talks resume Sept. 3 in Geneva.",
        JUL4,
        [("Sept. 3", "DATE", "2025-09-03", None)],
        "abbreviation with dot",
    ),
    ("Prices peaked in mid-June.", JUL4, [("mid-June", "DATE", "2025-06", "MID")], "mid- month"),
    (
        "Sales fell in June 2025 sharply.",
        None,
        [("June 2025", "DATE", "2025-06", None)],
        "month year",
    ),
    (
        "The law dates from 2009 originally.",
        None,
        [("2009", "DATE", "2009", None)],
        "bare year after from",
    ),
    (
        "They reopened the 2001 cold case.",
        None,
        [("2001", "DATE", "2001", None)],
        "year as noun modifier",
    ),
    ("Music of the 1990s returned.", None, [("the 1990s", "DATE", "199", None)], "decade"),
    (
        "Fashion of the '90s returned.",
        JUL4,
        [("the '90s", "DATE", "199", None)],
        "apostrophe decade",
    ),
    (
        "Wars of the 20th century ended.",
        None,
        [("the 20th century", "DATE", "19", None)],
        "century",
    ),
    (
        "Tourism in summer 2025 grew.",
        None,
        [("summer 2025", "DATE", "2025-SU", None)],
        "season year",
    ),
    (
        "Profits in the first quarter of 2025 rose.",
        None,
        [("the first quarter of 2025", "DATE", "2025-Q1", None)],
        "quarter of year",
    ),
    ("Profits in Q1 2025 rose.", None, [("Q1 2025", "DATE", "2025-Q1", None)], "Q1 year"),
    ("Deliveries in 2025-W25 slipped.", None, [("2025-W25", "DATE", "2025-W25", None)], "ISO week"),
    (
        "Results for fiscal 2024 were weak.",
        None,
        [("fiscal 2024", "DATE", "FY2024", None)],
        "fiscal year",
    ),
    (
        "He was arrested on Monday.",
        FRI,
        [("Monday", "DATE", "2025-06-23", None)],
        "past tense: the Monday before",
    ),
    (
        "Talks will resume on Monday.",
        FRI,
        [("Monday", "DATE", "2025-06-30", None)],
        "future tense: the next Monday",
    ),
    ("The bill was passed in March.", FRI, [("March", "DATE", "2025-03", None)], "past month"),
    ("The report is due in March.", FRI, [("March", "DATE", "2026-03", None)], "future month"),
    (
        "On 24 June, officers arrived.",
        FRI,
        [("24 June", "DATE", "2025-06-24", None)],
        "year from reference",
    ),
    (
        "On 24 June, officers arrived.",
        None,
        [("24 June", "DATE", "XXXX-06-24", None)],
        "no reference: year unknown",
    ),
    (
        "Late last July a quake struck. On Sunday night rescuers came, "
        "and by August roads reopened.",
        D(2024, 2, 20),
        [
            ("Late last July", "DATE", "2023-07", "END"),
            ("Sunday night", "TIME", "2023-07-23TNI", None),
            ("August", "DATE", "2023-08", None),
        ],
        "anchor chain through a retold story",
    ),
    ("Growth slowed in late 2024.", None, [("late 2024", "DATE", "2024", "END")], "late year"),
    (
        "Snow fell in early December.",
        FRI,
        [("early December", "DATE", "2024-12", "START")],
        "early month",
    ),
    (
        "It ends by the end of the year.",
        FRI,
        [("the end of the year", "DATE", "2025", "END")],
        "end of the year",
    ),
    ("Inflation eased in mid-2023.", None, [("mid-2023", "DATE", "2023", "MID")], "mid-year"),
    (
        "Output grew in the second half of 2024.",
        None,
        [("the second half of 2024", "DATE", "2024-H2", None)],
        "half year",
    ),
    (
        "I saw her today and yesterday.",
        FRI,
        [("today", "DATE", "2025-06-27", None), ("yesterday", "DATE", "2025-06-26", None)],
        "deictic days",
    ),
    ("We leave tomorrow.", FRI, [("tomorrow", "DATE", "2025-06-28", None)], "tomorrow"),
    ("It rained last week.", FRI, [("last week", "DATE", "2025-W25", None)], "ISO week value"),
    ("It rained last month.", FRI, [("last month", "DATE", "2025-05", None)], "last month"),
    ("Elections are next year.", FRI, [("next year", "DATE", "2026", None)], "next year"),
    ("We travel this summer.", FRI, [("this summer", "DATE", "2025-SU", None)], "this season"),
    ("He left two years ago.", FRI, [("two years ago", "DATE", "2023", None)], "ago"),
    (
        "The war began on 3 May 2024. Three days later the city fell.",
        None,
        [
            ("3 May 2024", "DATE", "2024-05-03", None),
            ("Three days later", "DATE", "2024-05-06", None),
        ],
        "later from the anchor",
    ),
    (
        "Prices rose earlier this month.",
        FRI,
        [("earlier this month", "DATE", "2025-06", None)],
        "earlier this",
    ),
    (
        "He met envoys on 2 May 2024; the previous day he flew in.",
        None,
        [
            ("2 May 2024", "DATE", "2024-05-02", None),
            ("the previous day", "DATE", "2024-05-01", None),
        ],
        "the previous day",
    ),
    (
        "He ruled from 2010 to 2014.",
        None,
        [("2010", "DATE", "2010", None), ("2014", "DATE", "2014", None)],
        "from..to range",
    ),
    (
        "He ruled 2009-2010 briefly.",
        None,
        [("2009", "DATE", "2009", None), ("2010", "DATE", "2010", None)],
        "hyphen range",
    ),
    (
        "It has grown since 2022.",
        None,
        [("2022", "DATE", "2022", "ON_OR_AFTER")],
        "since opens the interval",
    ),
    (
        "It shut between May and July.",
        FRI,
        [("May", "DATE", "2025-05", None), ("July", "DATE", "2025-07", None)],
        "between months: July follows May",
    ),
    ("The ban lasts until March.", FRI, [("March", "DATE", "2026-03", "ON_OR_BEFORE")], "until"),
    (
        "Tensions lasted nearly a month.",
        None,
        [("nearly a month", "DURATION", "P1M", "LESS_THAN")],
        "approx",
    ),
    ("He served two years.", None, [("two years", "DURATION", "P2Y", None)], "duration"),
    ("They talked for six hours.", None, [("six hours", "DURATION", "PT6H", None)], "hours"),
    (
        "A decades-long conflict.",
        None,
        [("decades-long", "DURATION", "PXDE", None)],
        "vague decades",
    ),
    ("It took a decade.", None, [("a decade", "DURATION", "P1DE", None)], "a decade"),
    ("Results come in 2 weeks.", None, [("2 weeks", "DURATION", "P2W", None)], "in N weeks"),
    ("A 44-year-old man was held.", None, [("44-year-old", "DURATION", "P44Y", None)], "age"),
    ("It is now clear.", FRI, [("now", "DATE", "PRESENT_REF", None)], "now"),
    ("It is currently closed.", FRI, [("currently", "DATE", "PRESENT_REF", None)], "currently"),
    ("At the time, few knew.", FRI, [("the time", "DATE", "PAST_REF", None)], "at the time"),
    (
        "In recent weeks, talks stalled.",
        FRI,
        [("recent weeks", "DATE", "PAST_REF", None)],
        "recent weeks",
    ),
    ("He recently resigned.", FRI, [("recently", "DATE", "PAST_REF", None)], "recently"),
    ("As in the past, they refused.", FRI, [("the past", "DATE", "PAST_REF", None)], "the past"),
    (
        "They jog every morning.",
        None,
        [("every morning", "SET", "XXXX-XX-XXTMO", None)],
        "every morning",
    ),
    ("Fees are paid annually.", None, [("annually", "SET", "P1Y", None)], "annually"),
    ("Reports come quarterly.", None, [("quarterly", "SET", "P3M", None)], "quarterly"),
    ("The menu changes each season.", None, [("each season", "SET", "P3M", None)], "each season"),
    ("The paper is printed weekly.", None, [("weekly", "SET", "P1W", None)], "weekly"),
    (
        "The vote is at 3 p.m. today.",
        FRI,
        [("3 p.m. today", "TIME", "2025-06-27T15:00", None)],
        "clock time and its day: one expression",
    ),
    ("They came at dawn.", FRI, [("dawn", "TIME", "2025-06-27TMO", None)], "dawn"),
    ("A dawn raid surprised them.", FRI, [], "dawn as an adjective is not a time"),
    ("Growth was 5% and 44 people came.", FRI, [], "percent and counts are not dates"),
    ("Call +44 20 7946 0958 now.", None, [("now", "DATE", "PRESENT_REF", None)], "phone number"),
    ("Some 2,001 troops and $2025 in cash.", None, [], "thousands and money"),
    ("He lives in Room 2024 upstairs.", None, [], "room number"),
    ("About 1,500 were hurt, 38 died.", None, [], "plain numbers"),
    ("The 2000 people at the rally sang.", None, [], "a counted noun after a year-like number"),
    ("You may go. She will march.", None, [], "lower-case may and march are verbs"),
    ("In her 80s she still ran.", None, [], "an age decade without 'the'"),
    ("Three quarters of voters agreed.", None, [], "quarters as a fraction"),
]

for _case in CASES:
    assert len(_case) == 4, _case
assert len({(c[0], c[1]) for c in CASES}) == len(CASES), "duplicate inputs"


@pytest.mark.parametrize(("text", "ref", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_tag_dates(
    text: str, ref: dt.date | None, expected: list[tuple[str, ...]], why: str
) -> None:
    got = [(t.text, t.type, t.value, t.mod) for t in tag_dates(text, ref)]
    assert got == expected, why


# (text, reference, (lo, hi) of the only expression, why)
INTERVALS = [
    ("Growth slowed in late 2024.", None, (D(2024, 9, 1), D(2025, 1, 1)), "late year: last third"),
    ("Snow fell in early December 2024.", None, (D(2024, 12, 1), D(2024, 12, 11)), "early month"),
    ("Music of the 1990s returned.", None, (D(1990, 1, 1), D(2000, 1, 1)), "decade"),
    ("It rained last week.", FRI, (D(2025, 6, 16), D(2025, 6, 23)), "ISO week"),
    ("It has grown since 2022.", None, (D(2022, 1, 1), None), "since: open end"),
    ("It opened before 2020.", None, (None, D(2020, 1, 1)), "before: open start"),
    ("On 24 June, officers arrived.", None, (None, None), "unknown year: not anchored"),
    ("He served two years.", None, (None, None), "durations are never anchored"),
    ("It is now clear.", FRI, (None, None), "PRESENT_REF carries no date"),
    ("Prices rose earlier this month.", FRI, (D(2025, 6, 1), D(2025, 6, 27)), "earlier this month"),
]
assert len({(c[0], c[1]) for c in INTERVALS}) == len(INTERVALS)


@pytest.mark.parametrize(
    ("text", "ref", "interval", "why"), INTERVALS, ids=[c[3] for c in INTERVALS]
)
def test_intervals(
    text: str, ref: dt.date | None, interval: tuple[dt.date | None, ...], why: str
) -> None:
    (t,) = tag_dates(text, ref)
    assert (t.lo, t.hi) == interval, why


def _tx(value: str, typ: str = "DATE") -> Timex:
    """A Timex for `value`, with the interval of a fully specified year, month or day."""
    lo = hi = None
    if value[:4].isdigit():
        y, *rest = (int(x) for x in value.split("-"))
        if len(rest) == 2:
            lo = D(y, rest[0], rest[1])
            hi = lo + dt.timedelta(days=1)
        elif len(rest) == 1:
            lo, hi = D(y, rest[0], 1), D(y + rest[0] // 12, rest[0] % 12 + 1, 1)
        else:
            lo, hi = D(y, 1, 1), D(y + 1, 1, 1)
    return Timex(0, len(value), value, typ, value, None, lo, hi)


# (a, b, relation, why)
RELATIONS = [
    ("2023", "2023", "equal", "same year"),
    ("2024-12", "2024-12-25", "contains", "month contains its day"),
    ("2024-12-25", "2024-12", "within", "day within its month"),
    ("2025-06-24", "2025-06-27", "disjoint", "two days"),
    ("XXXX-06-24", "2025-06-27", "disjoint", "day-month differs whatever the year"),
    ("XXXX-06-27", "2025-06-27", "overlap", "same day-month, year unknown"),
    ("XXXX-06", "2025-06-27", "overlap", "month of unknown year"),
    ("XXXX-WXX-5", "2025-06-27", "overlap", "a Friday and a Friday"),
    ("XXXX-WXX-4", "2025-06-27", "disjoint", "a Thursday and a Friday"),
    ("XXXX-WXX-7", "XXXX-WXX-2", None, "a Sunday and a Tuesday of unknown weeks"),
    ("XXXX-WXX-7", "XXXX-WXX-7", "equal", "two Sundays"),
    ("P1M", "2025-06", None, "a duration and a point"),
    ("PRESENT_REF", "2025", None, "present reference"),
    ("P1W", "2025-06", None, "a set"),
]
assert len({(a, b) for a, b, _, _ in RELATIONS}) == len(RELATIONS)


@pytest.mark.parametrize(("a", "b", "relation", "why"), RELATIONS, ids=[r[3] for r in RELATIONS])
def test_relate_timex(a: str, b: str, relation: str | None, why: str) -> None:
    typ = (
        "SET" if a == "P1W" else "DURATION" if a.startswith("P") and a != "PRESENT_REF" else "DATE"
    )
    assert relate_timex(_tx(a, typ), _tx(b)) == relation, why


def test_relate_timex_intervals_from_text() -> None:
    late, year = tag_dates("in late 2024 and in 2024")
    assert relate_timex(late, year) == "within"
    assert relate_timex(year, late) == "contains"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(), st.sampled_from([None, FRI, D(1, 1, 1), D(9999, 12, 31)]))
def test_spans_index_the_text(text: str, ref: dt.date | None) -> None:
    found = tag_dates(text, ref)
    ends = [0]
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.start >= ends[-1]
        ends.append(t.end)


NEWSY = st.lists(
    st.sampled_from(["On", "27", "June", "2025", "last", "week", "Monday", "the", "1990s", "since",
                     "early", "mid-", "two", "years", "ago", "every", "morning", "3", "p.m.",
                     ",", ".",
                     "a", "decade", "Q1", "fiscal", "'90s", "now", "until", "March", "-", "2009"]),
    max_size=30,
).map(" ".join)  # fmt: skip


@settings(max_examples=200, deadline=None, derandomize=True)
@given(NEWSY, st.sampled_from([None, FRI]))
def test_spans_on_date_like_text(text: str, ref: dt.date | None) -> None:
    for t in tag_dates(text, ref):
        assert text[t.start : t.end] == t.text
        assert t.lo is None or t.hi is None or t.lo < t.hi
        for other in tag_dates(text, ref):
            assert relate_timex(t, other) in (
                None,
                "equal",
                "contains",
                "within",
                "overlap",
                "disjoint",
            )
