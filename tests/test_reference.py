"""The reference date: override, metadata, dateline, byline, latest date, none."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.model import Reference
from ravel.reference import find_reference

D = dt.date
META = '<html><head><meta property="article:published_time" content="2024-12-26T10:00:00Z"></head>'
NAMED = '<html><head><meta name="date" content="2023-05-02"></head><body>Hi</body></html>'
ITEMPROP = '<p><span itemprop="datePublished" content="2022-01-09">Jan 9</span></p>'
TIME_TAG = '<article><time datetime="2021-03-04T08:00">4 March</time> Text on 1 May 2020.</article>'
JSON_LD = '<script type="application/ld+json">{"datePublished": "2020-02-03T04:05:06Z"}</script>'
BYLINE = (
    "Title of the story\n\n  \u2022 Matt Smith\n  \u2022 Jul 4\n  \u2022 6 min read\n\n"
    "On 27 June 2025 police came."
)

# (text, format, expected (date, source, text[start:end] or None), why)
CASES = [
    (
        "---\ntitle: A\ndate: 2025-06-03\n---\nOn 1 May 2020 it began.",
        "markdown",
        (D(2025, 6, 3), "metadata", "2025-06-03"),
        "YAML front matter",
    ),
    (
        '+++\ntitle = "A"\npublished = "2025-06-04"\n+++\nBody.',
        "markdown",
        (D(2025, 6, 4), "metadata", "2025-06-04"),
        "TOML front matter",
    ),
    (
        "---\ndate: June 5, 2025\n---\nBody.",
        "markdown",
        (D(2025, 6, 5), "metadata", "June 5, 2025"),
        "front matter date in words",
    ),
    (
        META + "<body>On 1 May 2020.</body></html>",
        "html",
        (D(2024, 12, 26), "metadata", "2024-12-26T10:00:00Z"),
        "article:published_time",
    ),
    (NAMED, "html", (D(2023, 5, 2), "metadata", "2023-05-02"), "meta name=date"),
    (ITEMPROP, "html", (D(2022, 1, 9), "metadata", "2022-01-09"), "itemprop datePublished"),
    (TIME_TAG, "html", (D(2021, 3, 4), "metadata", "2021-03-04T08:00"), "time datetime"),
    (JSON_LD, "html", (D(2020, 2, 3), "metadata", "2020-02-03T04:05:06Z"), "JSON-LD"),
    (
        "WASHINGTON, June 3, 2025 (Reuters) - The Senate on Monday passed the bill.",
        "text",
        (D(2025, 6, 3), "dateline", "June 3, 2025"),
        "wire dateline",
    ),
    (
        "June 3, 2025 — The Senate passed the bill.",
        "text",
        (D(2025, 6, 3), "dateline", "June 3, 2025"),
        "bare dateline",
    ),
    (
        "KYIV, 4 March 2024 - Shelling resumed.",
        "text",
        (D(2024, 3, 4), "dateline", "4 March 2024"),
        "day-first dateline",
    ),
    (BYLINE, "text", (D(2025, 7, 4), "byline", "Jul 4"), "byline year from the text's dates"),
    (
        "Notes\nDec 30\n\nThe vote on 28 December 2024 failed.",
        "text",
        (D(2024, 12, 30), "byline", "Dec 30"),
        "byline just after the latest date",
    ),
    (
        "Notes\nJan 2\n\nThe vote on 28 December 2024 failed.",
        "text",
        (D(2025, 1, 2), "byline", "Jan 2"),
        "byline rolls into the next year",
    ),
    (
        "Published June 9, 2025\n\nThe vote on 28 May 2025 failed.",
        "text",
        (D(2025, 6, 9), "byline", "June 9, 2025"),
        "published line",
    ),
    (
        "Blasts\n\nBy A in Tianjin Source:Global Times Published: 2015-8-14 1:13:01\n\nOn 1 May"
        " 2020 it began.",
        "text",
        (D(2015, 8, 14), "byline", "2015-8-14"),
        "stamp after a byline, unpadded ISO and a time",
    ),
    (
        "Title\n\nPUBLISHED : Thursday, 13 August, 2015, 12:21pm\nUPDATED : Friday, 14 August,"
        " 2015\n\nOn 1 May 2020 it began.",
        "text",
        (D(2015, 8, 13), "byline", "Thursday, 13 August, 2015"),
        "the first stamp, with a weekday and a time",
    ),
    (
        "Title\nPosted at 3:35 PM, Apr 06, 2013\n\nOn 1 May 2020 it began.",
        "text",
        (D(2013, 4, 6), "byline", "Apr 06, 2013"),
        "stamp with the time first",
    ),
    (
        "Published in Nature on 12 March 2019, the study found a rise. On 1 May 2022 it fell.",
        "text",
        (D(2022, 5, 1), "latest-date", "1 May 2022"),
        "a line opening with 'Published' in prose",
    ),
    (
        "Title\nUpdated: 20 Aug 2015\nPublished: 13 Aug 2015\n\nOn 1 May 2014 it began.",
        "text",
        (D(2015, 8, 13), "byline", "13 Aug 2015"),
        "publication before update",
    ),
    (
        "The memo was posted on 3 May 2020 and updated: 4 May 2021. Then on 1 May 2022.",
        "text",
        (D(2022, 5, 1), "latest-date", "1 May 2022"),
        "prose's posted and updated are no stamps",
    ),
    (
        "Police came on 27 June 2025. The case dates from 3 March 2001 and 2019.",
        "text",
        (D(2025, 6, 27), "latest-date", "27 June 2025"),
        "latest fully specified date",
    ),
    (
        "On 24 June police came. In 2021 it began.",
        "text",
        (None, "none", None),
        "no full date anywhere",
    ),
    ("", "text", (None, "none", None), "empty"),
]
assert len({(c[0], c[1]) for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("text", "fmt", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_find_reference(text: str, fmt: str, expected: tuple[object, ...], why: str) -> None:
    ref = find_reference(text, text, fmt)
    date, source, where = expected
    assert (ref.date, ref.source) == (date, source), why
    if where is None:
        assert ref.start is None
    else:
        assert ref.start is not None
        assert ref.end is not None
        assert text[ref.start : ref.end] == where


def test_override_wins() -> None:
    text = "---\ndate: 2025-06-03\n---\nBody."
    assert find_reference(text, text, "markdown", override=D(2020, 1, 1)) == Reference(
        D(2020, 1, 1), "option"
    )


def test_dateline_read_in_plain_metadata_in_text() -> None:
    text = "<p>PARIS, 2 May 2024 - Strikes.</p>"
    plain = "   PARIS, 2 May 2024 - Strikes.    "
    ref = find_reference(text, plain, "html")
    assert (ref.date, ref.source, plain[ref.start or 0 : ref.end]) == (
        D(2024, 5, 2),
        "dateline",
        "2 May 2024",
    )


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_never_raises_and_points_into_text(text: str) -> None:
    ref = find_reference(text, text, "text")
    if ref.start is not None:
        assert ref.end is not None
        assert 0 <= ref.start <= ref.end <= len(text)


def test_dateline_after_a_headline() -> None:
    text = ("Quake kills dozens\n\nANKARA, 6 March 2023 — A magnitude 6.4 earthquake struck "
            "the province of Malatya on Sunday.\n")
    ref = find_reference(text, text, "text")
    assert (ref.date, ref.source) == (dt.date(2023, 3, 6), "dateline")
    assert text[ref.start : ref.end] == "6 March 2023"


def test_a_date_deep_in_the_first_paragraph_is_no_dateline() -> None:
    text = "Title\n\nThe barrier that failed on 6 March 2023 was rebuilt. It held on 9 May 2024.\n"
    assert find_reference(text, text, "text").source == "latest-date"
