"""`ravel explain`: from the last-run cache and by re-running; ids, reasons, context, render."""

from __future__ import annotations

import io
import json
import os
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from ravel.errors import ExitCode, RavelError
from ravel.explain import (
    Explanation,
    NoLastRunError,
    UnknownFindingError,
    build_explanations,
    explain,
    explanation_from_dict,
    explanation_to_dict,
    render_explanation,
    resolve_id,
)
from ravel.lastrun import LastRunError, load_last_run, save_last_run
from ravel.model import Report
from tests.helpers import report_of

DATE_CONFLICT = {
    "a.txt": "Police searched the area.\n"
             "On 24 June 2025, police raided a flat in Lyon and arrested two men.\n"
             "Both were later released.\n",
    "b.txt": "Police raided a flat in Lyon on 27 June 2025 and arrested two men.\n",
}


@cache
def report(texts: tuple[tuple[str, str], ...] = tuple(DATE_CONFLICT.items())) -> Report:
    return report_of(dict(texts))


def only(report: Report, verdict: str, slot: str) -> str:
    (fid,) = [f.id for f in report.findings if (f.verdict, f.slot) == (verdict, slot)]
    return fid


def render(expl: Explanation) -> str:
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(render_explanation(expl))
    return out.getvalue()


# ---- why the verdict ---------------------------------------------------------------------

REASON_CASES = [
    (DATE_CONFLICT, "conflict", "date",
     "24 June 2025 (2025-06-24) and 27 June 2025 (2025-06-27) are disjoint days: 3 days apart",
     "two days of one month"),
    ({"a.txt": "On 24 June, police raided a flat in Lyon and arrested two men.\n",
      "b.txt": "Police raided a flat in Lyon on 27 June 2025 and arrested two men.\n"},
     "conflict", "date", "are disjoint days whatever the year: 3 days apart",
     "a day without its year still clashes"),
    ({"a.txt": "In December 2024, a plane crash in Aktau killed 38 people.\n",
      "b.txt": "A plane crash in Aktau killed dozens of people in December 2024.\n"},
     "compatible", "quantity", "dozens [24, 99] holds 38 (counts of person in a death)",
     "a vague count holds an exact one"),
    ({"a.txt": "The earthquake in Izmir on 3 May 2024 killed 38 people.\n",
      "b.txt": "The earthquake in Izmir on 3 May 2024 killed 52 people.\n"},
     "conflict", "quantity", "38 and 52 do not overlap (counts of person in a death): 14 apart",
     "two exact tolls"),
    ({"a.txt": "In June 2025, police raided a flat in Lyon and arrested two men.\n",
      "b.txt": "Police raided a flat in Lyon on 27 June 2025 and arrested two men.\n"},
     "compatible", "date", "June 2025 (2025-06) contains 27 June 2025 (2025-06-27)",
     "a month holds a day"),
    ({"a.txt": "Minister Ivanov resigned on Monday after the scandal in Lyon.\n",
      "b.txt": "Minister Ivanov did not resign after the scandal in Lyon, aides said.\n"},
     "conflict", "event", "a.txt reports the resign as having happened (“resigned”); "
     "b.txt as not having happened", "polarity"),
]
assert len({(json.dumps(c[0]), c[2]) for c in REASON_CASES}) == len(REASON_CASES)


@pytest.mark.parametrize(("texts", "verdict", "slot", "expected", "why"), REASON_CASES)
def test_why_the_verdict(
    texts: dict[str, str], verdict: str, slot: str, expected: str, why: str
) -> None:
    rep = report(tuple(texts.items()))
    expl = explain(only(rep, verdict, slot), last_run=None, rerun=lambda: rep)
    assert expected in expl.reason, why
    assert expl.verdict == verdict


def test_slot_values_are_normalized() -> None:
    expl = explain(only(report(), "conflict", "date"), last_run=None, rerun=report)
    a, b = (s.normalized for s in expl.sides)
    assert a == {"kind": "date", "type": "DATE", "value": "2025-06-24", "mod": None,
                 "interval": ["2025-06-24", "2025-06-25"]}
    assert b["value"] == "2025-06-27"
    assert [s.surface.text for s in expl.sides] == ["24 June 2025", "27 June 2025"]


def test_why_aligned_shows_the_shared_evidence() -> None:
    expl = explain(only(report(), "conflict", "date"), last_run=None, rerun=report)
    (ev,) = expl.evidence
    assert ev.documents == ("a.txt", "b.txt")
    assert {"raid", "arrest"} <= set(ev.events)
    assert "lyon" in ev.places
    assert ev.numbers == ("2",)
    assert ev.dates == "disjoint"
    assert 0 < ev.term_overlap <= 1
    assert expl.event_score is not None
    assert expl.event_score > 0


def test_context_is_the_sentences_around_the_claim() -> None:
    expl = explain(only(report(), "conflict", "date"), last_run=None, rerun=report)
    a, b = expl.sides
    assert a.before is not None
    assert a.after is not None
    assert a.before.text == "Police searched the area."
    assert a.after.text == "Both were later released."
    assert (b.before, b.after) == (None, None)
    assert (a.line, a.column, b.line, b.column) == (2, 4, 1, 33)


def test_render_shows_both_sides_reason_and_evidence() -> None:
    text = render(explain(only(report(), "conflict", "date"), last_run=None, rerun=report))
    for part in ("CONFLICT", "a.txt:2:4", "b.txt:1:33", "Police searched the area.",
                 "Both were later released.", "3 days apart", "Why aligned:", "lyon",
                 "TIMEX3 DATE 2025-06-24"):
        assert part in text, part


# ---- the last run -----------------------------------------------------------------------


def test_explain_from_the_last_run_equals_a_rerun(tmp_path: Path) -> None:
    rep = report()
    assert save_last_run(rep, ["a.txt", "b.txt"], {"strict": False}, tmp_path) is not None
    last = load_last_run(tmp_path)
    assert last is not None
    assert last["paths"] == ["a.txt", "b.txt"]
    assert last["options"] == {"strict": False}
    for finding in rep.findings:
        cached = explain(finding.id, last_run=last, rerun=None)
        fresh = explain(finding.id, last_run=None, rerun=lambda: rep)
        assert explanation_to_dict(cached) == explanation_to_dict(fresh)
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_last_run_is_not_needed_when_rerunning() -> None:
    calls = []

    def rerun() -> Report:
        calls.append(1)
        return report()

    fid = only(report(), "conflict", "date")
    assert explain(fid, last_run={"findings": []}, rerun=rerun).id == fid
    assert calls == [1]


def test_no_last_run(tmp_path: Path) -> None:
    assert load_last_run(tmp_path) is None
    with pytest.raises(NoLastRunError, match="ravel diff"):
        explain("F12", last_run=None, rerun=None)


@pytest.mark.parametrize("content", ["{not json", "[]", '{"schema": "other/1"}'])
def test_corrupt_last_run_is_a_one_line_error(tmp_path: Path, content: str) -> None:
    (tmp_path / "last-run.json").write_text(content, encoding="utf-8")
    with pytest.raises(LastRunError) as err:
        load_last_run(tmp_path)
    assert "last-run.json" in str(err.value)
    assert "\n" not in str(err.value)


def test_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert save_last_run(report(), [], {}, blocker / "cache") is None


def test_a_changed_document_is_noted(tmp_path: Path) -> None:
    paths = []
    for name, text in DATE_CONFLICT.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    rep = report_of({p: Path(p).read_text(encoding="utf-8") for p in paths})
    fid = only(rep, "conflict", "date")
    save_last_run(rep, paths, {}, tmp_path / ".ravel-cache")
    last = load_last_run(tmp_path / ".ravel-cache")
    assert explain(fid, last_run=last, rerun=None).notes == ()
    with open(paths[1], "a", encoding="utf-8") as handle:
        handle.write("An update.\n")
    os.utime(paths[1], ns=(1, 1))
    (note,) = explain(fid, last_run=last, rerun=None).notes
    assert paths[1] in note
    assert "changed" in note


# ---- ids ----------------------------------------------------------------------------------

IDS = ("Fab12cd34ef", "Fab12ff0000", "F0123456789", "Ffe00000000")
ID_CASES = [
    ("Fab12cd34ef", "Fab12cd34ef", "the whole id"),
    ("Fab12c", "Fab12cd34ef", "a unique prefix"),
    ("ab12c", "Fab12cd34ef", "the F may be left out"),
    ("fab12C", "Fab12cd34ef", "case does not matter"),
    ("[Fab12c]", "Fab12cd34ef", "copied with the brackets of the line format"),
    (" F0123 ", "F0123456789", "surrounding space"),
    ("fe0", "Ffe00000000", "a leading f that is part of the hex"),
]
assert len({c[0] for c in ID_CASES}) == len(ID_CASES)


@pytest.mark.parametrize(("query", "expected", "why"), ID_CASES)
def test_id_prefixes(query: str, expected: str, why: str) -> None:
    assert resolve_id(query, IDS, where="the last run") == expected, why


BAD_ID_CASES = [
    ("Fab12", "ambiguous", "two ids share the prefix"),
    ("F", "ambiguous", "every id starts with F"),
    ("F999", "no finding", "no such id"),
    ("E10501c6fa4", "no finding", "an event id is hex too, but no finding's"),
    ("", "not a finding id", "nothing"),
    ("F12 34", "not a finding id", "inner space"),
]
assert len({c[0] for c in BAD_ID_CASES}) == len(BAD_ID_CASES)


@pytest.mark.parametrize(("query", "message", "why"), BAD_ID_CASES)
def test_bad_ids_are_one_line_usage_errors(query: str, message: str, why: str) -> None:
    with pytest.raises(UnknownFindingError) as err:
        resolve_id(query, IDS, where="the last run")
    assert message in str(err.value), why
    assert "\n" not in str(err.value)
    assert isinstance(err.value, RavelError)
    assert err.value.exit_code == ExitCode.USAGE


def test_unknown_id_says_how_to_list_ids() -> None:
    with pytest.raises(UnknownFindingError, match=r"--format line"):
        explain("F999", last_run=None, rerun=report)


# ---- properties --------------------------------------------------------------------------


def _spans_exact(expl: Explanation, texts: dict[str, str]) -> None:
    for side in expl.sides:
        text = texts[side.document]
        for passage in (side.claim, side.surface, side.before, side.after):
            if passage is not None:
                assert text[passage.start : passage.end] == passage.text
                assert len(passage.plain) == len(passage.text)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(prefix=st.text(max_size=40), suffix=st.text(max_size=40))
def test_explanations_never_fail_and_keep_spans_exact(prefix: str, suffix: str) -> None:
    texts = {k: prefix + v + suffix for k, v in DATE_CONFLICT.items()}
    rep = report(tuple(texts.items()))
    explanations = build_explanations(rep)
    for expl in explanations:
        _spans_exact(expl, texts)
        data = explanation_to_dict(expl)
        assert explanation_from_dict(json.loads(json.dumps(data))) == expl
    if explanations:
        assert explanations[0].id in render(explanations[0])


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(max_size=120))
def test_explain_never_fails_on_arbitrary_text(text: str) -> None:
    texts = {"a.txt": text, "b.txt": DATE_CONFLICT["b.txt"] + text}
    rep = report(tuple(texts.items()))
    for expl in build_explanations(rep):
        _spans_exact(expl, texts)


def test_a_malformed_id_is_reported_before_looking_for_a_last_run() -> None:
    with pytest.raises(UnknownFindingError, match="not a finding id"):
        explain("Fzz", last_run=None, rerun=None)


def test_a_last_run_of_another_shape_is_a_usage_error() -> None:
    fid = only(report(), "conflict", "date")
    with pytest.raises(NoLastRunError, match="another version"):
        explain(fid, last_run={"findings": [{"id": fid, "sides": []}]}, rerun=None)
