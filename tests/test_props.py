"""Properties of the whole pipeline on arbitrary text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import report_of

NEWSY = st.lists(
    st.sampled_from([
        "On 24 June, police raided a house in Tula and killed two men.",
        "On 27 June 2025, a police raid in Tula killed 2 men.",
        "Dozens of people died when a ferry sank off Crete in December 2024.",
        "38 people died when the ferry sank on 25 December 2024.",
        "The minister never apologised for the raid.",
        "The minister apologised for the raid on Monday.",
        "“We will not stop,” he said.",
        "Baku summoned Russia’s envoy.",
        "\n\n", "  • ", "<b>", "2,001", "  ", "—", "Mr. ", "",
    ]) | st.text(max_size=40),
    max_size=8,
).map(" ".join)

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(), st.text())
def test_arbitrary_text_never_raises_and_spans_are_exact(a: str, b: str) -> None:
    _check_spans(report_of({"a": a, "b": b}))


@SETTINGS
@given(NEWSY, NEWSY)
def test_newsy_text_spans_exact_symmetric_deterministic(a: str, b: str) -> None:
    report = report_of({"a": a, "b": b})
    _check_spans(report)
    again = report_of({"a": a, "b": b})
    assert [f.id for f in again.findings] == [f.id for f in report.findings]
    swapped = report_of({"b": b, "a": a})
    assert sorted(f.id for f in swapped.findings) == sorted(f.id for f in report.findings)
    assert sorted(e.id for e in swapped.events) == sorted(e.id for e in report.events)


def _check_spans(report) -> None:  # type: ignore[no-untyped-def]
    texts = {d.id: d.text for d in report.documents}
    for claim in report.claims:
        text = texts[claim.doc_id]
        assert text[claim.start : claim.end] == claim.text
        for span in (*claim.events, *claim.actors, *claim.places, *claim.dates,
                     *claim.quantities, *claim.hedges):
            assert claim.start <= span.start <= span.end <= claim.end
            assert text[span.start : span.end] == span.text
    for finding in report.findings:
        for side in finding.sides:
            assert texts[side.claim.doc_id][side.start : side.end] == side.surface
