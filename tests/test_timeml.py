"""The TimeML harness: parsing gold TIMEX3 spans and TempEval-3-style scoring."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from ravel.model import Timex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from timeml import Counts, Gold, errors, evaluate, f1, parse_tml, score, summary

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "timeml").glob("*.tml"))
TML = (
    '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2025-06-27">x</TIMEX3></DCT>\n'
    '<TEXT>Rates &amp; fees rose <TIMEX3 tid="t1" type="DATE" value="2025-06-26">yesterday</TIMEX3>'
    ' and <EVENT eid="e1">fell</EVENT> in '
    '<TIMEX3 tid="t2" type="DATE" value="2024">2024</TIMEX3>.</TEXT>'
    "</TimeML>"
)


def test_parse_maps_gold_spans_onto_plain_text() -> None:
    doc = parse_tml(TML)
    assert doc.dct == dt.date(2025, 6, 27)
    assert doc.text == "Rates & fees rose yesterday and fell in 2024."
    assert [(doc.text[g.start : g.end], g.type, g.value) for g in doc.gold] == [
        ("yesterday", "DATE", "2025-06-26"),
        ("2024", "DATE", "2024"),
    ]


def _t(start: int, end: int, value: str, typ: str = "DATE") -> Timex:
    return Timex(start, end, "", typ, value)


G = (
    Gold(0, 10, "", "DATE", "2025"),
    Gold(20, 30, "", "DURATION", "P1M"),
    Gold(40, 45, "", "DATE", "X"),
)

# (system output, expected counts, why)
SCORE_CASES = [
    ((), Counts(3, 0, 0, 0, 0, 0), "nothing found"),
    ((_t(0, 10, "2025"),), Counts(3, 1, 1, 1, 1, 1), "one exact, right value"),
    ((_t(2, 12, "2024"),), Counts(3, 1, 0, 1, 1, 0), "overlap only, wrong value"),
    ((_t(20, 30, "P1M", "DATE"),), Counts(3, 1, 1, 1, 0, 1), "wrong type"),
    ((_t(0, 4, "2025"), _t(5, 10, "2025")), Counts(3, 2, 0, 1, 1, 1), "a gold span matches once"),
    ((_t(50, 60, "2025"),), Counts(3, 1, 0, 0, 0, 0), "spurious"),
]
assert len({c[2] for c in SCORE_CASES}) == len(SCORE_CASES)


@pytest.mark.parametrize(
    ("system", "expected", "why"), SCORE_CASES, ids=[c[2] for c in SCORE_CASES]
)
def test_score(system: tuple[Timex, ...], expected: Counts, why: str) -> None:
    assert score(G, system) == expected, why


def test_f1_and_summary() -> None:
    assert f1(0, 0, 0) == (0.0, 0.0, 0.0)
    assert f1(1, 2, 2) == (50.0, 50.0, 50.0)
    s = summary(Counts(4, 4, 2, 4, 3, 2))
    assert (s["strict_f1"], s["relaxed_f1"], s["type_acc"], s["value_f1"]) == (
        50.0,
        100.0,
        75.0,
        50.0,
    )


def test_counts_add_up() -> None:
    assert Counts(1, 2, 3, 4, 5, 6) + Counts(1, 1, 1, 1, 1, 1) == Counts(2, 3, 4, 5, 6, 7)


@pytest.mark.parametrize("path", FIXTURES, ids=[p.name for p in FIXTURES])
def test_fixture_gold_is_well_formed(path: Path) -> None:
    doc = parse_tml(path.read_text(encoding="utf-8"))
    assert doc.dct is not None
    assert doc.gold
    assert all(g.text and g.text == g.text.strip() for g in doc.gold)
    assert all(g.type in ("DATE", "TIME", "DURATION", "SET") for g in doc.gold)


def test_fixtures_score_above_targets() -> None:
    total = Counts()
    for path in FIXTURES:
        total = total + evaluate(parse_tml(path.read_text(encoding="utf-8")))[0]
    s = summary(total)
    assert s["strict_f1"] >= 82, s
    assert s["relaxed_f1"] >= 90, s
    assert s["value_f1"] >= 80, s


def test_errors_list_misses_values_and_extras() -> None:
    doc = parse_tml(TML)
    system = (Timex(18, 27, "yesterday", "DATE", "2025-06-25"), Timex(0, 5, "Rates", "DATE", "X"))
    assert errors(doc, system) == [
        "  value  'yesterday' DATE 2025-06-26: got DATE 2025-06-25",
        "  span   '2024' DATE 2024: got nothing",
        "  extra  'Rates' DATE X",
    ]


def test_cli_path_scores_like_in_process() -> None:
    """`--via-cli` runs `ravel dates FILE --reference-date DCT --json`: same spans and values."""
    doc = parse_tml(TML, "cli")
    (cli_counts, cli), (counts, ours) = evaluate(doc, via_cli=True), evaluate(doc)
    assert cli_counts == counts
    assert [(t.start, t.end, t.type, t.value) for t in cli] == [
        (t.start, t.end, t.type, t.value) for t in ours
    ]
