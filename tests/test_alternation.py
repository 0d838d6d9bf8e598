"""`by_first_letter` must match exactly what the plain alternation matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.extract._alternation import by_first_letter
from ravel.extract.attribution import VERB_FORMS

WORDS = sorted(VERB_FORMS, key=len, reverse=True)
PLAIN = re.compile(r"\b(?:" + "|".join(WORDS) + r")\b", re.IGNORECASE)
GROUPED = re.compile(rf"\b{by_first_letter(WORDS)}\b", re.IGNORECASE)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=12))
def test_same_matches_as_one_alternation(words: list[str]) -> None:
    text = " ".join(words)
    assert [m.span() for m in GROUPED.finditer(text)] == [m.span() for m in PLAIN.finditer(text)]


def test_order_within_a_letter_is_kept() -> None:
    grouped = re.compile(by_first_letter(["al", "alpha"]))
    assert grouped.match("alpha").group() == "al"  # the first alternative, as in al|alpha


def test_a_fragment_must_start_with_a_letter() -> None:
    with pytest.raises(ValueError, match="letter"):
        by_first_letter(["(?:air)?strike"])
