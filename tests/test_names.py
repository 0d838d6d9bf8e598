"""Names spelt two ways: one person in two reports of one story."""

from __future__ import annotations

from pathlib import Path

import pytest

from ravel import pipeline
from ravel.names import spelt_alike

# (name a, name b, one name spelt two ways?, why)
CASES = [
    ("parag agarwal", "parag agrawal", True, "letters swapped in the family name"),
    ("daljeet chaudhary", "daljit chawdhary", True, "both parts spelt otherwise"),
    ("nico afinta", "niko affinto", True, "a transliteration"),
    ("salil jamadar", "khalil jamadar", False, "one family, two given names"),
    ("maria lopez", "mario lopez", False, "a given name alone differing is another person"),
    ("anna weber", "anna webb", False, "family names too far apart"),
    ("anna weber", "anna weber", False, "the same spelling"),
    ("john smith", "john keller", False, "two people"),
    ("aleksandr kuznetsov", "aleksandra kuznetsova", False, "a woman's name"),
    ("ali hassan", "ali hassani", False, "a name with a suffix"),
    ("hassan hamad", "hamad hasan", True, "the order swapped, a part spelt otherwise"),
    ("hassan hamad", "hamad hassan", True, "the order swapped"),
    ("hassan hamad", "hamad hussein", False, "one word in common, the other another"),
    ("hassan ali hamad", "hamad hassan", False, "three words: not a swap of two"),
]


@pytest.mark.parametrize(("a", "b", "alike", "why"), CASES, ids=[c[3] for c in CASES])
def test_spelt_alike(a: str, b: str, alike: bool, why: str) -> None:
    assert spelt_alike(a, b) is alike
    assert spelt_alike(b, a) is alike


STORY = ("The Valdo dam collapsed in Kemerli on 3 May 2024, killing 12 people, the district "
         "governor {name} said.")


def _spellings(tmp_path: Path, texts: dict[str, str]) -> list[tuple[str, str, str]]:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    report = pipeline.run([str(tmp_path)], pipeline.Options(cache=False))
    return [(f.verdict, f.sides[0].surface, f.sides[1].surface)
            for f in report.findings if f.kind == "spelling"]


def test_a_name_spelt_two_ways_is_a_conflict(tmp_path: Path) -> None:
    found = _spellings(tmp_path, {"a": STORY.format(name="Parag Agarwal"),
                                  "b": STORY.format(name="Parag Agrawal")})
    assert found == [("conflict", "Parag Agarwal", "Parag Agrawal")]


def test_a_report_giving_both_names_speaks_of_two_people(tmp_path: Path) -> None:
    both = STORY.format(name="Parag Agarwal") + " His deputy Parag Agrawal was injured."
    assert _spellings(tmp_path, {"a": both, "b": STORY.format(name="Parag Agrawal")}) == []


def test_other_stories_are_not_compared(tmp_path: Path) -> None:
    other = "A fire in Marvik on 9 June 2021 destroyed a school, mayor Parag Agrawal said."
    assert _spellings(tmp_path, {"a": STORY.format(name="Parag Agarwal"), "b": other}) == []


def test_a_given_name_spelt_two_ways_with_one_title_is_one_person(tmp_path: Path) -> None:
    """The same title with the name makes a given name's two spellings one person's;
    without it, two people of one family."""
    titled = _spellings(tmp_path, {"a": STORY.format(name="Commander Arman Balilo"),
                                   "b": STORY.format(name="Commander Armand Balilo")})
    assert titled == [("conflict", "Commander Arman Balilo", "Commander Armand Balilo")]
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").unlink()
    bare = _spellings(tmp_path, {"a": STORY.format(name="Arman Balilo"),
                                 "b": STORY.format(name="Armand Balilo")})
    assert bare == []


@pytest.mark.parametrize(("a", "b"), [
    ("Mr Arman Balilo", "Mr Armand Balilo"),  # a courtesy, not an office
    ("Arman Tito Balilo", "Armand Tito Balilo"),  # a middle name, not a title
    ("Hassan Ali Hamad", "Hamad Hassan"),  # three words: no swap of two
])
def test_what_is_not_one_name_spelt_two_ways(tmp_path: Path, a: str, b: str) -> None:
    assert _spellings(tmp_path, {"a": STORY.format(name=a), "b": STORY.format(name=b)}) == []
