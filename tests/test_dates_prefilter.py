"""The date tagger tries its master regex only where a core can start (`core_starts`).
That must never change what it finds: these tests compare it with trying every word."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.extract import _date_words as W
from ravel.extract import dates
from ravel.extract._date_patterns import TOKEN_RE
from tests.conftest import FIXTURES, ROOT, SEEDS


def _every_word(text: str) -> Iterator[int]:
    return (m.start() for m in TOKEN_RE.finditer(text))


def _unfiltered(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    with monkeypatch.context() as patch:
        patch.setattr(dates, "core_starts", _every_word)
        return dates.tag_dates(text, REFERENCE)


REFERENCE = __import__("datetime").date(2025, 6, 30)
CORPUS = sorted(
    p for folder in (SEEDS, FIXTURES, ROOT / "tests" / "data")
    for p in folder.rglob("*") if p.suffix in (".txt", ".md", ".html", ".tml")
)




def _test_strings() -> list[str]:
    """Every string literal of the tagger's own tests: a phrase for each kind of core."""
    found = []
    for name in ("test_dates.py", "test_dates_news.py", "test_reference.py"):
        tree = ast.parse((ROOT / "tests" / name).read_text(encoding="utf-8"))
        found += [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
                  and isinstance(n.value, str) and len(n.value) > 2]
    return sorted(set(found))


PHRASES = _test_strings()


def test_the_corpus_is_there() -> None:
    assert len(CORPUS) > 30
    assert len(PHRASES) > 300


def test_same_timexes_on_the_tests_phrases(monkeypatch: pytest.MonkeyPatch) -> None:
    for phrase in PHRASES:
        for text in (phrase, f"He said {phrase.lower()} and left"):
            assert dates.tag_dates(text, REFERENCE) == _unfiltered(text, monkeypatch), text


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_same_timexes_as_trying_every_word(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    assert dates.tag_dates(text, REFERENCE) == _unfiltered(text, monkeypatch)


# Every word the tagger's tables know, a few it does not, numbers and punctuation.
WORDS = sorted({w for table in (W.MONTHS, W.WEEKDAYS, W.SEASONS, W.PARTS_OF_DAY,
                                W.NUMBER_WORDS, W.ORDINAL_WORDS, W.FREQUENCIES,
                                W.APPROX_MODS, W.POSITION_MODS, W.SIGNAL_MODS)
                for w in table} | W.YEAR_CUES | W.MONTH_CUES | set(
    "ago later earlier FY Q3 '90s 1990s mid- 2024 24 3:15 p.m. 9.30 2024-06-27 of the a an "
    "half quarter century decade fiscal every once twice each , . - – / 1st 21st".split()
))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=14))
def test_same_timexes_on_word_salad(words: list[str]) -> None:
    text = " ".join(words)
    with pytest.MonkeyPatch.context() as patch:
        assert dates.tag_dates(text, REFERENCE) == _unfiltered(text, patch)


# One phrase per alternative of MASTER_RE (a new alternative needs one here).
EXAMPLES = {
    "iso": "2025-06-27", "ymd": "2025/06/27", "num": "27/06/2025", "dmy": "Friday, 27 June 2025",
    "mdy": "June 27, 2025", "my": "June 2025", "tm": "6:15 a.m. EST", "tc": "18:15 GMT",
    "fy": "fiscal 2024", "dec": "the '90s", "yr": "2019-20", "cent": "the 20th century",
    "qq": "Q3 2024", "qtr": "the third quarter of last year", "half": "the second half of 2024",
    "pof": "the end of the year", "ago": "three years ago", "pn": "the past two weeks",
    "hh": "half an hour", "dur": "twenty-one days", "rec": "recent weeks", "durb": "years-long",
    "set": "every other week", "setf": "twice a year", "freq": "annually",
    "dxp": "yesterday morning", "dx": "the day before yesterday", "ru": "later this month",
    "wkd": "weekend", "relmon": "next March", "wd": "last Friday night",
    "sea": "last summer", "mon": "in May", "wdp": "on Mondays", "ana": "the year",
    "ref": "the distant past", "tmw": "at noon",
}
MORE_EXAMPLES = ["once a week", "the year before", "thrice yearly", "FY2024", "mid-2024",
                 "the latter half of the year", "four hours and 57 minutes", "6:15 a.m. Monday"]


def test_every_alternative_has_an_example() -> None:
    from ravel.extract._date_patterns import _ALTERNATIVES, MASTER_RE

    assert sorted(EXAMPLES) == sorted(name for name, _ in _ALTERNATIVES)
    for name, phrase in EXAMPLES.items():
        assert any(m.lastgroup == name for m in MASTER_RE.finditer(phrase)), name


@pytest.mark.parametrize("phrase", [*EXAMPLES.values(), *MORE_EXAMPLES])
def test_same_timexes_on_each_alternatives_example(
    phrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for text in (phrase, f"They met {phrase} and left.", f"{phrase.capitalize()}, they left."):
        assert dates.tag_dates(text, REFERENCE) == _unfiltered(text, monkeypatch), text
