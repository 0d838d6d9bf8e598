from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.extract.events import EVENT_WORDS, find_events, hazard_of

CASES = [
    ("Two men were killed in the raid.", [("killed", "death"), ("raid", "raid")], "verb and noun"),
    ("resulted in the deaths of two nationals", [("deaths", "death")], "nominalisation"),
    ("a Russian police operation in the city", [("police operation", "raid")], "multiword"),
    ("the plane was shot down by a missile", [("shot down", "crash")], "phrasal"),
    ("Authorities detained several citizens.", [("detained", "arrest")], "synonym class"),
    ("Concerts were cancelled and a visit postponed.",
     [("cancelled", "cancel"), ("visit", "visit"), ("postponed", "cancel")], "several"),
    ("Baku summoned Russia's envoy.", [("summoned", "summon")], "summon"),
    ("A bus plunged into a ravine.", [("plunged into", "crash")], "a vehicle's plunge"),
    ("He said the weather was fine.", [], "no event words"),
    ("The KILLINGS continued.", [("KILLINGS", "death")], "case-insensitive"),
    ("a skilled negotiator", [("negotiator", "talks")][:0], "no match inside words"),
    ("Shots were fired at the school.", [("Shots were fired", "attack")], "gunfire"),
    ("Police fired on the crowd.", [("fired on", "attack")], "fired on someone"),
    ("He was fired by the board.", [("fired", "resign")], "fired from a job"),
    ("Gunmen opened fire on a bus.", [("opened fire", "attack")], "opened fire is no blaze"),
    ("a shooting spree in California", [("shooting spree", "attack")], "a shooting"),
    ("The coach was fired on Tuesday by the club.", [("fired", "resign")], "fired on a day"),
    ("Shooting of the film began on 3 May.", [], "a film's shooting"),
    ("Thieves stole a gold coin from the museum.", [("Thieves", "theft"), ("stole", "theft")],
     "a theft"),
    ("The brothers made off with the coin.", [("made off with", "theft")], "made off with"),
    ("The EU fined Google; the fine of 4 billion euros is a record.",
     [("fined", "fine"), ("fine", "fine")], "a fine"),
    ("The fine print was fine by them; conditions were fine on Sunday.", [], "no fine"),
    ("He faces a penalty kick.", [], "no penalty of money"),
    ("The deal follows a world record transfer.",
     [("deal", "agreement"), ("transfer", "acquisition")], "a transfer"),
    ("The patient was transferred to hospital, which bought time.", [], "no acquisition"),
    ("The death toll rose.", [("death toll", "death")], "a class read where it stands"),
    ("A fuel tank exploded.", [("exploded", "attack")], "exploded"),
]
assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("text", "expected", "why"), CASES, ids=[c[2] for c in CASES])
def test_find_events(text: str, expected: list[tuple[str, str]], why: str) -> None:
    assert [(m.text, m.key) for m in find_events(text)] == expected


def test_offsets_in_a_window() -> None:
    text = "Before. Police arrested him. After."
    (m,) = find_events(text, 8, 28)
    assert text[m.start : m.end] == "arrested"
    assert m.kind == "event"


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_spans_exact(text: str) -> None:
    for m in find_events(text):
        assert text[m.start : m.end] == m.text


def _one_alternation(text: str) -> list[tuple[int, int, str]]:
    """The plain way: one alternation of every word, class by class, longest first."""
    import re

    pattern = re.compile(
        r"\b(?:" + "|".join(
            f"(?P<{cls}>{'|'.join(sorted(words, key=len, reverse=True))})"
            for cls, words in EVENT_WORDS.items()
        ) + r")\b",
        re.IGNORECASE,
    )
    return [(m.start(), m.end(), m.lastgroup or "") for m in pattern.finditer(text)]


def test_grouping_by_first_letter_finds_what_one_alternation_finds() -> None:
    from tests.conftest import FIXTURES, SEEDS

    texts = [p.read_text(encoding="utf-8") for folder in (SEEDS, FIXTURES)
             for p in sorted(folder.rglob("*.txt"))]
    texts += [c[0] for c in CASES]
    assert len(texts) > 20
    for text in texts:
        assert [(m.start, m.end, m.key) for m in find_events(text)] == _one_alternation(text)


EVENT_SALAD = [w.replace("(?:", "").replace(")?", "").replace("?", "").replace("|", " ")
               for words in EVENT_WORDS.values() for w in words]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(EVENT_SALAD) | st.text(max_size=5), max_size=12))
def test_grouping_by_first_letter_on_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    assert [(m.start, m.end, m.key) for m in find_events(text)] == _one_alternation(text)


HAZARDS = [
    ("A fire broke out in the market.", "fire"),
    ("Gunmen opened fire on a bus.", "shooting"),
    ("Shots were fired at the school.", "shooting"),
    ("Two blasts rocked the port.", "explosion"),
    ("A fuel tank exploded in Akkar.", "explosion"),
    ("Police raided the office.", None),
]


@pytest.mark.parametrize(("text", "hazard"), HAZARDS, ids=[h[0] for h in HAZARDS])
def test_what_struck(text: str, hazard: str | None) -> None:
    """A shooting and a blaze are two happenings, however the words overlap ("fire")."""
    assert [hazard_of(e) for e in find_events(text)] == [hazard]
