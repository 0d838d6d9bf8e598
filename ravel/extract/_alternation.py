"""Large alternations that Python's regex engine can afford.

`re` tries the alternatives of `a|b|c|...` one by one at every position it reaches; with
hundreds of words that is most of the cost of a scan. Grouped behind a one-letter
lookahead, each position tries only the words of its first letter. The order of the
words within a letter is kept, so the first alternative that matches is the same one.
"""

from __future__ import annotations

from collections.abc import Iterable


def by_first_letter(fragments: Iterable[str]) -> str:
    """`(?:(?=[aA])(?:a1|a2)|(?=[bB])(?:b1)|...)` for regex fragments that each start with
    a literal letter, in the order given."""
    letters: dict[str, list[str]] = {}
    for fragment in fragments:
        first = fragment[0]
        if not first.isalpha():
            raise ValueError(f"fragment does not start with a letter: {fragment!r}")
        letters.setdefault(first.lower(), []).append(fragment)
    return "(?:" + "|".join(
        f"(?=[{c}{c.upper()}])(?:{'|'.join(group)})" for c, group in letters.items()
    ) + ")"
