"""Words: a light stemmer and the distinctive words of a place name, shared by the
stages that compare terms (align, counts, facts)."""

from __future__ import annotations

import functools
import re

_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "al", "ly", "s", "e")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stripper: "cultural"/"culture" -> "cultur", "cancelled" -> "cancel"."""
    word = word.replace("’", "'").split("'")[0]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]  # British doubling: cancell-ed, travell-ing
    return word


# Words that say what kind of place a name is, not which: "Ormoc City" is "Ormoc".
GENERIC_NAME_WORDS = frozenset(
    """city province district region county state island islands river lake town village
    municipality regency prefecture governorate oblast krai the of upper lower greater
    inner outer""".split()
)  # not the compass: North Carolina is not South Carolina
_NAME_WORD = re.compile(r"[^\W_]+")


@functools.lru_cache(maxsize=1 << 14)
def name_head(key: str) -> str:
    """A place's name without the kind of place it is ("Ormoc City" is "ormoc"); every
    other word stays: North Carolina is not South Carolina, nor New York York."""
    words = [w for w in _NAME_WORD.findall(key) if w not in GENERIC_NAME_WORDS]
    return " ".join(words) if words else key
