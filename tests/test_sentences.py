from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.model import Document
from ravel.sentences import split_sentences

CASES = [
    ("One. Two.", ["One.", "Two."], "plain full stops"),
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."],
     "titles are abbreviations"),
    ("It was J. R. Smith. He left.", ["It was J. R. Smith.", "He left."], "initials"),
    ("He said “It is over.” Then he left.", ["He said “It is over.”", "Then he left."],
     "a closing quote stays with its sentence"),
    ("A raid—the second this year—ended. Nobody was hurt.",
     ["A raid—the second this year—ended.", "Nobody was hurt."], "em-dashes do not split"),
    ("Title line\n\nThe body starts here. It goes on.",
     ["Title line", "The body starts here.", "It goes on."], "a heading is its own unit"),
    ("  • First point\n  • Second point", ["First point", "Second point"],
     "bullets are units, markers excluded"),
    ("Prices rose 4.5 percent. Wages did not.", ["Prices rose 4.5 percent.", "Wages did not."],
     "decimals do not split"),
    ("Is it over? Nobody knows!", ["Is it over?", "Nobody knows!"], "question and exclamation"),
    ("the talks went on. and on", ["the talks went on. and on"], "no capital, no split"),
    ("A heading\nA second heading", ["A heading", "A second heading"], "short lines are units"),
    (
        "This paragraph was wrapped by hand at a fixed width so that each\n"
        "line ends mid-sentence and the next line carries on with it.",
        ["This paragraph was wrapped by hand at a fixed width so that each\n"
         "line ends mid-sentence and the next line carries on with it."],
        "hard-wrapped prose joins",
    ),
]
assert len({c[0] for c in CASES}) == len(CASES)


def _split(text: str) -> list[str]:
    doc = Document.create("d", "d", text)
    return [s.text for s in split_sentences(doc)]


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_split(text: str, expected: list[str], why: str) -> None:
    assert _split(text) == expected


def test_plain_view_offsets_index_the_original() -> None:
    text = "<p>One claim.</p><p>Two claims.</p>"
    plain = "\n  One claim.    \n  Two claims.    "
    assert len(plain) == len(text)
    doc = Document.create("d", "d", text, plain)
    spans = [(s.start, s.end) for s in split_sentences(doc)]
    assert [text[s:e] for s, e in spans] == ["One claim.", "Two claims."]


def test_long_runs_are_cut() -> None:
    text = "word " * 2000
    sentences = split_sentences(Document.create("d", "d", text))
    assert len(sentences) > 1
    assert all(len(s.text) <= 1200 for s in sentences)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_spans_are_exact_and_ordered(text: str) -> None:
    doc = Document.create("d", "d", text)
    last = 0
    for s in split_sentences(doc):
        assert s.text == text[s.start : s.end]
        assert s.text.strip() == s.text
        assert s.text
        assert s.start >= last
        last = s.end
