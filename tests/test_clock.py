"""Times of day: the span a time says, which time is the event's, and how two relate."""

from __future__ import annotations

from pathlib import Path

import pytest

from ravel import pipeline
from ravel.clock import clocks, relate_clocks
from ravel.compare import clock_side
from tests.helpers import claims_of, document

# (sentence, the times it gives as spans of "HH:MM[/HH:MM]", why)
SPANS = [
    ("The blaze broke out at 2:11 pm on Monday.", ["14:11"], "a minute"),
    ("The blaze broke out just after 2pm on Monday.", ["14:00/14:29"], "an hour's start"),
    ("The blaze broke out at about 4am on Sunday.", ["03:40/04:20"], "about: either side"),
    ("The fire broke out between 4.30 AM and 5 AM on Sunday.", ["04:30/05:00"],
     "between two times"),
    ("The eruption came at 2.11pm local time (12.11pm AEDT) on Monday.", ["14:11"],
     "another zone's time in parentheses"),
    ("By 1:30 p.m. Thursday, outlets were reporting 44 dead in the blasts.", [],
     "a time things were counted by"),
    ("The blaze broke out at about midnight on Sunday.", ["23:40/00:20"], "across midnight"),
]


@pytest.mark.parametrize(("sentence", "spans", "why"), SPANS, ids=[s[2] for s in SPANS])
def test_spans(sentence: str, spans: list[str], why: str) -> None:
    (claim,) = claims_of(document("d", sentence))
    found = clocks(claim)
    assert [c.value for c in found] == spans, why
    for c in found:  # a side quotes the document: text[start:end] is its surface
        side = clock_side(claim, c)
        assert sentence[side.start : side.end] == side.surface
        assert side.surface.strip() == side.surface


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("at about 4am", "at around 5 am", "disjoint"),
        ("at around 3 am", "at 3.10am", "contains"),
        ("just after 2pm", "at 2:11 pm", "contains"),
        ("at 5.20 am", "at 5.22 am", "disjoint"),
        ("between 4.30 AM and 5 AM", "at around 5 am", "overlap"),
        ("at about midnight", "at 11.55pm", "contains"),
        ("between 11pm and 1am", "at 11.30pm", "contains"),
        ("at about 11.50pm", "at about 12.10am", "overlap"),
        ("at about 10 pm", "at about 10:30 pm", "overlap"),
    ],
)
def test_relations(a: str, b: str, relation: str) -> None:
    (ca,) = claims_of(document("a", f"The fire broke out {a} on Sunday."))
    (cb,) = claims_of(document("b", f"The fire broke out {b} on Sunday."))
    assert relate_clocks(clocks(ca)[0], clocks(cb)[0]) == relation


def _times(tmp_path: Path, texts: dict[str, str]) -> list[tuple[str, list[str]]]:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    report = pipeline.run([str(tmp_path)], pipeline.Options(cache=False))
    return [(f.verdict, [s.surface for s in f.sides]) for f in report.findings
            if f.slot == "time"]


FOUR_AM = ("A fire in a Kessan factory killed 43 people on 8 December 2019, police said. "
           "The blaze broke out at about 4am local time in the old quarter.")
LEAD = "At least 43 people died in a fire at a Kessan factory on 8 December 2019, police said."


def test_reports_that_time_a_fire_an_hour_apart_conflict(tmp_path: Path) -> None:
    found = _times(tmp_path, {
        "a": FOUR_AM,
        "b": LEAD + " Officials said the fire started around 5 am, when the workers slept.",
    })
    assert found == [("conflict", ["about 4am local time", "around 5 am"])]


def test_the_time_a_fire_was_reported_is_not_when_it_broke_out(tmp_path: Path) -> None:
    found = _times(tmp_path, {
        "a": FOUR_AM,
        "b": LEAD + " The blaze was reported at 5.22 am, officials said.",
    })
    assert found == []


def test_a_span_in_html_is_quoted_as_written(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        "<p>A fire in a Kessan factory killed 43 people on 8 December 2019, police said. "
        "The fire broke out between <b>4.30 AM</b> and 5 AM in the old quarter.</p>",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        LEAD + " The blaze broke out at about 4am local time, officials said.", encoding="utf-8")
    report = pipeline.run([str(tmp_path)], pipeline.Options(cache=False))
    (finding,) = [f for f in report.findings if f.slot == "time"]
    texts = {d.id: d.text for d in report.documents}
    for side in finding.sides:
        assert texts[side.claim.doc_id][side.start : side.end] == side.surface
    assert finding.verdict == "conflict"


def test_a_time_told_first_is_the_events(tmp_path: Path) -> None:
    found = _times(tmp_path, {
        "a": FOUR_AM,
        "b": LEAD + " At around 5 am on Sunday, a blaze broke out in the building.",
    })
    assert found == [("conflict", ["about 4am local time", "around 5 am"])]
