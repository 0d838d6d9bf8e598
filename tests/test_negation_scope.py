"""Which event word a negation cue denies, as the claim records it (`Mention.role`)."""

from __future__ import annotations

import pytest

from tests.helpers import claims_of, document

# (sentence, the event words denied, why)
CASES = [
    ("He never issued a formal apology.", ["apology"], "a verb and its determiners"),
    ("Shots were fired but no students or staff members died.", ["died"],
     "'no' picks out a coordination"),
    ("No one was killed or injured.", ["killed"], "the first event after the cue"),
    ("Officials did not say whether anyone died.", [], "not past 'whether'"),
    ("He has not acknowledged responsibility for the deaths.", ["acknowledged"],
     "not past a preposition"),
    ("Police said no arrests and two deaths were reported.", ["arrests"],
     "'no' denies what it picks out, not what follows"),
    ("There was no warning and the blast killed 12 people.", [],
     "'and' opens a clause of its own"),
]


@pytest.mark.parametrize(("sentence", "denied", "why"), CASES, ids=[c[2] for c in CASES])
def test_denied_event_words(sentence: str, denied: list[str], why: str) -> None:
    (claim,) = claims_of(document("d", sentence))
    assert [e.text for e in claim.events if e.role == "negated"] == denied, why
