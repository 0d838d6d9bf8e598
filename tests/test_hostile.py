"""Hostile text: every extractor scales linearly on adversarial input (issue 7, point 3).

Each extractor is timed in-process on an adversarial string of n and 2n characters
(n doubles from 16 KB until one call takes long enough to measure, up to 512 KB, so 2n
is at most 1 MB: the fast extractors see 1 MB, the slow ones what the budget allows).
Doubling the input may at most about double the time: time(2n) <= RATIO x time(n) +
SLACK, and each call stays under a generous wall bound.
A regex with catastrophic backtracking, or a loop that rescans the rest of the text from
every position, fails this with a ratio of 4 or more.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from ravel.claims import extract_claims
from ravel.extract.attribution import find_attributions, find_hedges, find_negations
from ravel.extract.dates import tag_dates
from ravel.extract.entities import find_mentions, find_roles, load_aliases
from ravel.extract.events import find_events
from ravel.extract.quantities import find_quantities
from ravel.model import Document
from ravel.prose import to_plain
from ravel.sentences import split_sentences

RATIO = 2.5
SLACK = 0.02  # seconds: timer and allocator noise on small times
WALL = 20.0  # seconds for one call on 1 MB: only a hang or a blow-up gets near it
MIN_N = 16 * 1024
MAX_N = 512 * 1024
MEASURABLE = 0.05  # seconds: grow n until one call takes this long
REPEATS = 5  # timings retried (keeping the minimum) only while the ratio fails

ALIASES = load_aliases()

# family -> the unit repeated to build the adversarial string; a pair (opening, closing)
# nests: all the openings first, then all the closings.
FAMILIES: dict[str, str | tuple[str, str]] = {
    "digits": "1",
    "digit-separators": "1,",
    "digit-dots": "1.",
    "digit-spaces": "1 ",
    "capitalised-words": "Aa Bb Cc Dd Ee Ff ",
    "initials": "A. ",
    "and": "and ",
    "nested-brackets": ("((\u201c\u2018\"'[\u00ab", "\u00bb]'\"\u2019\u201d))"),
    "open-brackets": "((((\u201c\u2018\"'[\u00ab",
    "punctuation": ".,;:!?-\u2014\u2026*_#>",
    "one-word": "abcdefghij",
    "hyphens": "a-",
    "months-numbers": "June 1 ",
    "number-words": "twenty-one hundred and ",
    "dates-list": "24 June 2025, ",
    "markup": "<a href='x'><b>*[`",
    "newlines": "A.\n",
}


def _document(text: str, fmt: str = "text") -> Document:
    return Document.create("x", "x", text, to_plain(text, fmt), format=fmt)


def _claims(text: str) -> Sequence[Any]:
    doc = _document(text)
    return extract_claims(doc, split_sentences(doc), aliases=ALIASES)


# name -> (call on text, returning spans or a plain string)
EXTRACTORS: dict[str, Callable[[str], Any]] = {
    "split_sentences": lambda t: split_sentences(_document(t)),
    "find_events": find_events,
    "tag_dates": tag_dates,
    "find_quantities": find_quantities,
    "find_mentions": lambda t: find_mentions(t, aliases=ALIASES),
    "find_roles": find_roles,
    "find_attributions": lambda t: find_attributions(t, aliases=ALIASES),
    "find_negations": find_negations,
    "find_hedges": find_hedges,
    "to_plain/text": lambda t: to_plain(t, "text"),
    "to_plain/markdown": lambda t: to_plain(t, "markdown"),
    "to_plain/html": lambda t: to_plain(t, "html"),
    "extract_claims": _claims,
}

# (extractor, family) pairs known to fail, with the reason; strict, so a fix is noticed.
KNOWN: dict[tuple[str, str], str] = {}


def _text(family: str, n: int) -> str:
    unit = FAMILIES[family]
    if isinstance(unit, tuple):
        opening, closing = unit
        half = n // 2 // len(opening) + 1
        return (opening * half)[: n // 2] + (closing * half)[: n - n // 2]
    return (unit * (n // len(unit) + 1))[:n]


def _time(call: Callable[[str], Any], text: str) -> tuple[float, Any]:
    """CPU seconds of one call, and its result. CPU time, not wall time: the other
    processes of a busy CI machine then barely move the ratio. The cyclic collector is
    paused so that its passes over the whole heap (which grows with the test session)
    do not land in one timing and not the other."""
    gc.disable()
    try:
        started = time.process_time()
        result = call(text)
        return time.process_time() - started, result
    finally:
        gc.enable()


def _calibrate(call: Callable[[str], Any], family: str) -> tuple[int, float]:
    """The smallest n (doubling from MIN_N) at which one call is measurable, and its time."""
    n = MIN_N
    took, _ = _time(call, _text(family, n))
    while took < MEASURABLE and n < MAX_N:
        n *= 2
        took, _ = _time(call, _text(family, n))
    return n, took


def _check_spans(text: str, result: Any) -> None:
    if isinstance(result, str):
        assert len(result) == len(text)
        return
    for item in result:
        start, end = item if isinstance(item, tuple) else (item.start, item.end)
        assert 0 <= start <= end <= len(text)
        if hasattr(item, "text"):
            assert text[start:end] == item.text


CASES = [
    pytest.param(
        name,
        family,
        id=f"{name}-{family}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN[(name, family)])]
        if (name, family) in KNOWN
        else [],
    )
    for name in EXTRACTORS
    for family in FAMILIES
]


@pytest.mark.parametrize(("name", "family"), CASES)
def test_linear_in_input_length(name: str, family: str) -> None:
    call = EXTRACTORS[name]
    n, t_small = _calibrate(call, family)
    small, large = _text(family, n), _text(family, 2 * n)
    t_large, result = _time(call, large)
    _check_spans(large, result)
    for _ in range(REPEATS - 1):
        if t_large <= RATIO * t_small + SLACK:
            break
        t_small = min(t_small, _time(call, small)[0])
        t_large = min(t_large, _time(call, large)[0])
    assert t_large < WALL, f"{name} took {t_large:.1f}s on {2 * n} chars of {family}"
    assert t_large <= RATIO * t_small + SLACK, (
        f"{name} on {family}: {t_small:.3f}s at {n} chars, {t_large:.3f}s at {2 * n}"
    )


def test_claims_do_not_rescan_every_date_for_every_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Regression: extract_claims compared every timex with every sentence, so a long list
    of dated lines was quadratic. tag_dates is faked (as durations, which make no claim,
    so the other extractors stay out of the timing) and only the claims stage is timed."""
    import datetime
    import re

    import ravel.claims
    from ravel.model import Timex

    kind = "DATE"

    def fake_tag_dates(text: str, reference: object = None) -> tuple[Timex, ...]:
        day = datetime.date(2025, 6, 1)
        return tuple(
            Timex(m.start(), m.end(), m.group(), kind, "2025-06-01", lo=day, hi=day)
            for m in re.finditer(r"1 June 2025", text)
        )

    monkeypatch.setattr(ravel.claims, "tag_dates", fake_tag_dates)

    def run(lines: int) -> tuple[float, Any]:
        doc = _document("On 1 June 2025 it rained.\n" * lines)
        sentences = split_sentences(doc)
        return _time(lambda _: extract_claims(doc, sentences, aliases=ALIASES), "")

    _, claims = run(3)
    assert [(c.start, [d.start for d in c.dates]) for c in claims] == [
        (0, [3]),
        (26, [29]),
        (52, [55]),
    ]
    kind = "DURATION"
    t_small, t_large = run(5000)[0], run(10000)[0]
    if t_large > RATIO * t_small + SLACK:
        t_small, t_large = min(t_small, run(5000)[0]), min(t_large, run(10000)[0])
    assert t_large <= RATIO * t_small + SLACK, (t_small, t_large)
