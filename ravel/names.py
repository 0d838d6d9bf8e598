"""Names spelt two ways: one person as two reports of one story write them ("Parag
Agarwal" / "Parag Agrawal", "Daljeet Chaudhary" / "Daljit Singh Chawdhary").

A reader checks a name as she checks a number. Two full names are one person's spelt
two ways when the family names are alike (and the given names the same or alike); a
name of two words written in the other order is one name ("Hassan Hamad" / "Hamad
Hasan"); a given name alone differing is another person of the family ("Salil Jamadar" and
"Khalil Jamadar" are brothers), and a report that itself gives both names speaks of two
people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ravel.extract.entities import TITLE_WORDS, fold, full_name
from ravel.model import Claim, Mention

__all__ = ["Named", "document_names", "spellings", "spelt_alike"]

NAME_ALIKE = 75  # rapidfuzz ratio of two spellings of one name part ("Chaudhary" / "Chawdhary")


@dataclass(frozen=True, slots=True)
class Named:
    name: str  # folded "given family"
    claim: Claim
    mention: Mention


def document_names(claims: Sequence[Claim]) -> dict[str, dict[str, Named]]:
    """Each document's people named in full, by folded name: the first mention of each."""
    found: dict[str, dict[str, Named]] = defaultdict(dict)
    for claim in claims:
        for m in claim.actors:
            name = full_name(m.text) if m.role == "person" else None
            if name is not None and " " in name:
                found[claim.doc_id].setdefault(name, Named(name, claim, m))
    return found


def spelt_alike(a: str, b: str, *, swap: bool = True) -> bool:
    """Two different full names that are one name spelt two ways; `swap`: also in the
    other order (only names written in two words: "Hassan Ali Hamad" is not "Hamad
    Hassan" reversed)."""
    if a == b:
        return False
    given_a, family_a = a.rsplit(" ", 1)
    given_b, family_b = b.rsplit(" ", 1)
    if swap and _swapped(given_a, family_a, given_b, family_b):
        return True
    if family_a == family_b or not _alike(family_a, family_b):
        return False  # another of the family, or another name
    return given_a == given_b or _alike(given_a, given_b)


def _swapped(given_a: str, family_a: str, given_b: str, family_b: str) -> bool:
    """Two names of two words each, one the other in reverse order, a word the same and
    the other the same or alike: "Hassan Hamad" / "Hamad Hasan"."""
    if " " in given_a or " " in given_b:
        return False
    pairs = ((given_a, family_b), (family_a, given_b))
    return (given_a != given_b and any(x == y for x, y in pairs)
            and all(x == y or _alike(x, y) for x, y in pairs))


def _alike(a: str, b: str) -> bool:
    """One name part spelt two ways: the same first letter, at most two edits and one
    letter more or less, and not one with a suffix the other lacks ("Kuznetsov" /
    "Kuznetsova", "Hassan" / "Hassani" are other people)."""
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 1 or Levenshtein.distance(a, b) > 2:
        return False
    short, long = sorted((a, b), key=len)
    if long.startswith(short) and long[len(short):] in _SUFFIXES:
        return False
    return fuzz.ratio(a, b) >= NAME_ALIKE


_SUFFIXES = frozenset({"a", "i", "s", "e", "o"})  # a woman's, a son's, a plural: another name


def spellings(
    names_a: dict[str, Named], names_b: dict[str, Named]
) -> list[tuple[Named, Named]]:
    """The pairs of one person's name spelt two ways in two documents: not where either
    document also gives the other's spelling (two people, or a name it corrects)."""
    return [
        (na, nb)
        for na in names_a.values() for nb in names_b.values()
        if (spelt_alike(na.name, nb.name, swap=_in_two_words(na) and _in_two_words(nb))
            or _one_office_alike(na, nb))
        and na.name not in names_b and nb.name not in names_a
    ]


def _in_two_words(named: Named) -> bool:
    return len(_written(named)[1]) == 2


def _one_office_alike(a: Named, b: Named) -> bool:
    """A given name spelt two ways is one person when both reports give the same title
    with it: "Commander Arman Balilo" / "Commander Armand Balilo" (brothers hold no one
    office)."""
    given_a, family_a = a.name.rsplit(" ", 1)
    given_b, family_b = b.name.rsplit(" ", 1)
    if family_a != family_b or given_a == given_b or not _alike(given_a, given_b):
        return False
    title_a, title_b = _written(a)[0], _written(b)[0]
    return title_a == title_b and any(w in _OFFICES for w in title_a)


_OFFICES = frozenset(fold(w) for w in TITLE_WORDS) - frozenset(
    "mr mrs ms mx miss dr sir dame lord lady prof".split())  # courtesy, not an office


def _written(named: Named) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A mention's words before the name ("Commander" in "Commander Arman Balilo") and
    from its first word on."""
    words = fold(named.mention.text).split()
    first = named.name.split()[0]
    at = words.index(first) if first in words else 0
    return tuple(words[:at]), tuple(words[at:])
