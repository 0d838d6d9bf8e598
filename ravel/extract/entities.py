"""Actors, places and roles.

Countries with their names, demonyms, capitals and government metonyms, the big
international organisations and well-known regions come from
`ravel/data/aliases.json`: every alias of one entity shares its key, and the
words around it tell which face it shows ("Azeri *nationals*", "the Azeri
*government*", "talks *in* Baku"). Other names are found by shape: runs of
capitalised words, classified by title words (President, Mr), organisation
words (Ministry, Airlines), place words and the preposition before them. The
vocabulary lives in `ravel/data/name_words.json`.

A whole text is analysed once (cached) and the mentions inside the asked range
are returned, so calling per sentence stays linear in the document length.
"""



from __future__ import annotations

import functools
import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, NamedTuple

from ravel.model import Mention


def _data(name: str) -> Any:
    return json.loads((resources.files("ravel") / "data" / name).read_text(encoding="utf-8"))


_WORDS: dict[str, Any] = _data("name_words.json")
FUNCTION_WORDS = frozenset(_WORDS["function_words"])
CALENDAR_WORDS = frozenset(_WORDS["calendar_words"])
TITLE_WORDS = frozenset(_WORDS["titles"])
TITLE_OBJECTS = frozenset(_WORDS["title_objects"])
ABBREVIATIONS = frozenset(_WORDS["honorific_abbreviations"])
ORG_WORDS = frozenset(_WORDS["org_words"])
PLACE_WORDS: dict[str, str] = _WORDS["place_words"]
PLACE_PREFIXES = frozenset(_WORDS["place_prefixes"])
CONNECTORS = frozenset(_WORDS["connectors"])
NAME_PARTICLES = frozenset(_WORDS["name_particles"])
SPLITTING_CONNECTORS = CONNECTORS - NAME_PARTICLES  # "and", "of": two names, not one
LOCATIVES = frozenset(_WORDS["locatives"])
MOTION_WORDS = frozenset(_WORDS["motion_words"])
PLACE_NOUNS: dict[str, str] = _WORDS["place_nouns"]
NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})
# sentence-initial "Disillusioned," "Interestingly," "Powerful earthquake": not names
COMMON_ENDINGS = ("ly", "ed", "ing", "ful", "ous", "less", "ness")
ALIAS_FIELDS = {  # data-file field -> (Mention kind, alias type)
    "names": ("actor", "name"),
    "metonyms": ("actor", "metonym"),
    "capitals": ("actor", "capital"),
    "demonyms": ("actor", "demonym"),
    "people": ("actor", "people"),
}
NOUN_TYPES = frozenset({"name", "metonym", "capital", "organisation", "region"})

# A word: letters/digits with inner apostrophes or dots ("O'Brien", "U.S"); one char per step.
TOKEN_RE = re.compile(r"[^\W_](?:[^\W_]|['’.](?=[^\W_]))*")
SPACE_GAP_RE = re.compile(r"[ \t\u00a0]{1,3}|[-‐‑]")
ABBREV_GAP_RE = re.compile(r"\.[ \u00a0]{1,2}")
QUOTE_RE = re.compile(r"[“\"]([^“”\"\n]{3,200})[”\"]")
PREV_WORDS_RE = re.compile(r"(?:([^\W\d_]+)[ \u00a0]+)?([^\W\d_]+),?[ \u00a0]+(?:the[ \u00a0]+)?$")
AFTER_WORD_RE = re.compile(r"[ \u00a0]+([a-z]+)")
ETHNIC_RE = re.compile(r"\bethnic[ \u00a0]+$", re.IGNORECASE)
HYPHEN_CHAIN_RE = re.compile(r"(?:-[A-Z][^\W\d_]*)*")
SMALL_WORDS = frozenset(
    (
        "a an the and or but nor of in on at to for by with from as vs via into onto per is are"
    ).split()
)


def _head_re(phrases: list[str]) -> re.Pattern[str]:
    alts = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"[ \u00a0]+(?:{alts})(?![\w-])")


GOVERNMENT_HEAD_RE = _head_re(_WORDS["government_heads"])
NATIONALITY_HEAD_RE = _head_re(_WORDS["nationality_heads"])


def fold(text: str) -> str:
    """A key: accents folded, lower case, curly apostrophes straightened, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").replace("‘", "'").lower().split())


def _surface_key(surface: str) -> str:
    """Lookup form of an alias: case kept, apostrophes and spaces normalised, "The" -> "the"."""
    words = surface.replace("’", "'").replace("‘", "'").split()
    if words and words[0] == "The":
        words[0] = "the"
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Alias:
    key: str
    kind: str  # "actor" | "place"
    type: str  # "name" | "demonym" | "people" | "capital" | "metonym" | "organisation" | "region"


@dataclass(frozen=True, eq=False)
class AliasTable:
    """Surface form -> alias, with the longest alias length in tokens."""

    entries: Mapping[str, Alias]
    first_words: frozenset[str]
    max_tokens: int
    keys: frozenset[str]  # every canonical key ("azerbaijan", "csto")

    def lookup(self, surface: str) -> Alias | None:
        hit = self.entries.get(_surface_key(surface))
        if hit is None and len(surface) > 3 and surface.isupper():
            hit = self.entries.get(_surface_key(surface.title()))  # datelines: "BANGKOK"
        return hit


def _add_group(
    entries: dict[str, Alias], group: Mapping[str, Any], section: str, override: bool
) -> None:
    key = fold(str(group["key"]))
    fields = (
        ALIAS_FIELDS
        if section == "countries"
        else {"names": ("place" if section == "regions" else "actor", section[:-1])}
    )
    for field_name, (kind, type_) in fields.items():
        for surface in group.get(field_name, ()):
            forms = [surface, surface[4:]] if surface.lower().startswith("the ") else [surface]
            for form in forms:
                norm = _surface_key(form)
                if override or norm not in entries:
                    entries[norm] = Alias(key, kind, type_)


def _build(sources: list[tuple[Mapping[str, Any], bool]]) -> AliasTable:
    entries: dict[str, Alias] = {}
    for data, override in sources:
        for section in ("countries", "organisations", "regions"):
            for group in data.get(section, ()):
                _add_group(entries, group, section, override)
    lengths = [len(TOKEN_RE.findall(s)) for s in entries]
    firsts = {s.split(" ")[0].split("-")[0] for s in entries}
    firsts |= {w.rstrip(".") for w in firsts}  # "U.S." is tokenised "U.S" + "."
    keys = frozenset(a.key for a in entries.values())
    return AliasTable(entries, frozenset(firsts), max(lengths, default=1), keys)


@functools.cache
def _default_table() -> AliasTable:
    return _build([(_data("aliases.json"), False)])


# Those "of" a capital who make it the city, not its government: "residents of Beirut"
# (not "an ally of Washington").
_OF_DWELLERS = frozenset(
    (w, "of") for w in "residents people streets centre center heart outskirts suburbs citizens "
                       "inhabitants parts districts neighbourhoods neighborhoods".split())


def _capital_groups() -> list[tuple[list[str], str]]:
    """Each country's capital spellings, the city's own first, with the country's key."""
    return [(group["capitals"], fold(str(group["key"])))
            for group in _data("aliases.json").get("countries", ()) if group.get("capitals")]


@functools.cache
def capital_names() -> Mapping[str, str]:
    """Each spelling of a capital the packaged table knows ("Kiev", "D.C.") to the city's
    key (its first spelling: "kyiv", "washington")."""
    return {_surface_key(spelling): fold(capitals[0])
            for capitals, _ in _capital_groups() for spelling in capitals}


@functools.cache
def capital_countries() -> Mapping[str, str]:
    """The capitals the packaged table knows, as the city's key ("beirut") to its
    country's ("lebanon")."""
    return {fold(capitals[0]): country for capitals, country in _capital_groups()}


def load_aliases(extra: Mapping[str, Any] | None = None) -> AliasTable:
    """The packaged alias table, extended (and overridden) by `extra` of the same shape."""
    if not extra:
        return _default_table()
    return _build([(_data("aliases.json"), False), (extra, True)])


class _Tok(NamedTuple):
    start: int
    end: int  # without a possessive "'s"
    raw_end: int
    word: str
    poss: bool


class _Atom(NamedTuple):
    start: int
    end: int
    raw_end: int
    word: str  # the surface (an alias may span several tokens)
    poss: bool
    alias: Alias | None


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Tok]:
    out = []
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        word = m.group()
        poss = word.endswith(("'s", "’s")) and len(word) > 2
        end = m.end() - 2 if poss else m.end()
        out.append(_Tok(m.start(), end, m.end(), text[m.start() : end], poss))
    return out


def _space_gap(text: str, a: _Tok | _Atom, b: _Tok | _Atom) -> bool:
    return SPACE_GAP_RE.fullmatch(text, a.raw_end, b.start) is not None


def _alias_at(
    text: str, toks: list[_Tok], i: int, table: AliasTable
) -> tuple[int, int, Alias] | None:
    """The longest alias starting at token i: (last token index, end offset, alias)."""
    last = i
    while (
        last + 1 < len(toks)
        and last + 1 - i < table.max_tokens
        and _space_gap(text, toks[last], toks[last + 1])
    ):
        last += 1
    for j in range(last, i - 1, -1):
        surface = text[toks[i].start : toks[j].end]
        if not toks[j].poss and text.startswith(".", toks[j].end):
            hit = table.lookup(surface + ".")  # "U.S."
            if hit:
                return j, toks[j].end + 1, hit
        hit = table.lookup(surface)
        if hit:
            return j, toks[j].end, hit
    return None


def _atoms(text: str, toks: list[_Tok], table: AliasTable) -> list[_Atom]:
    atoms, i = [], 0
    while i < len(toks):
        tok = toks[i]
        first = "the" if tok.word == "The" else tok.word
        known = first in table.first_words or first.title() in table.first_words
        hit = _alias_at(text, toks, i, table) if known else None
        if hit:
            j, end, alias = hit
            raw_end = max(end, toks[j].raw_end)
            atoms.append(_Atom(tok.start, end, raw_end, text[tok.start : end], toks[j].poss, alias))
            i = j + 1
        else:
            atoms.append(_Atom(tok.start, tok.end, tok.raw_end, tok.word, tok.poss, None))
            i += 1
    return atoms


def _capitalised(atom: _Atom) -> bool:
    if atom.alias:
        return True
    w = atom.word
    return (
        (w[0].isupper() or w[0].istitle()) and w not in FUNCTION_WORDS and w not in CALENDAR_WORDS
    )


def _joinable(text: str, a: _Atom, b: _Atom) -> bool:
    if a.poss:
        return False
    if _space_gap(text, a, b):
        return True
    abbrev = a.word in ABBREVIATIONS or (len(a.word) == 1 and a.word.isupper())
    return abbrev and ABBREV_GAP_RE.fullmatch(text, a.raw_end, b.start) is not None


def _runs(text: str, atoms: list[_Atom]) -> list[list[_Atom]]:
    """Maximal runs of capitalised atoms, with connectors ("of", "al-") inside."""
    runs: list[list[_Atom]] = []
    run: list[_Atom] = []
    for atom in atoms:
        cap = _capitalised(atom)
        if run and (cap or atom.word in CONNECTORS) and _joinable(text, run[-1], atom):
            run.append(atom)
            continue
        _flush(run, runs)
        run = [atom] if cap or atom.word in ("al", "el") else []
    _flush(run, runs)
    return runs


def _flush(run: list[_Atom], runs: list[list[_Atom]]) -> None:
    while run and not _capitalised(run[-1]):
        run.pop()
    if run:
        runs.append(run)


@dataclass
class _Doc:
    """Whole-text facts that steer classification."""

    text: str
    lower_words: frozenset[str]
    headings: list[tuple[int, int]]

    def in_heading(self, pos: int) -> bool:
        i = bisect_left(self.headings, (pos + 1, -1)) - 1
        return i >= 0 and self.headings[i][0] <= pos < self.headings[i][1]

    def sentence_initial(self, pos: int) -> bool:
        j = pos - 1
        while j >= 0 and pos - j < 16:
            ch = self.text[j]
            if ch == "\n" or ch in ".!?:;…":
                return True
            if not (ch.isspace() or ch in "\"“”‘'([•·*-"):
                return False
            j -= 1
        return j < 0

    def common(self, word: str) -> bool:
        low = word.lower()
        return low in self.lower_words or (len(word) > 4 and low.endswith(COMMON_ENDINGS))


def _title_case(toks: list[_Tok]) -> int:
    """Number of content words if every one is capitalised, else 0."""
    content = [t.word for t in toks if t.word[0].isalpha() and t.word.lower() not in SMALL_WORDS]
    return len(content) if content and all(w[0].isupper() for w in content) else 0


def _headings(text: str, toks: list[_Tok]) -> list[tuple[int, int]]:
    """Title-case lines and quoted headlines: names there are not found by shape."""
    spans, i, line_start = [], 0, 0
    while line_start <= len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        j = i
        while j < len(toks) and toks[j].start < line_end:
            j += 1
        if 2 <= _title_case(toks[i:j]) <= 16:
            spans.append((line_start, line_end))
        i, line_start = j, line_end + 1
    starts = [t.start for t in toks]
    for m in QUOTE_RE.finditer(text):
        lo, hi = bisect_left(starts, m.start(1)), bisect_left(starts, m.end(1))
        if _title_case(toks[lo:hi]) >= 3:
            spans.append((m.start(1), m.end(1)))
    return sorted(spans)


def _prev_words(text: str, pos: int) -> tuple[str, str]:
    """The two words before `pos` (lower case), skipping one "the"."""
    m = PREV_WORDS_RE.search(text, max(0, pos - 48), pos)
    if not m:
        return "", ""
    return (m.group(1) or "").lower(), m.group(2).lower()


def _place_role(text: str, start: int, end: int) -> str | None:
    """The place role ("city", "region") when the words before make a name at start..end a place."""
    before, prev = _prev_words(text, start)
    after = AFTER_WORD_RE.match(text, end, min(len(text), end + 24))
    noun = after.group(1) if after else ""
    if noun in PLACE_NOUNS and noun != "state":
        return PLACE_NOUNS[noun]  # "Yunnan province"
    if prev in LOCATIVES:
        return "city"
    if prev in ("to", "from") and before in MOTION_WORDS:
        return "city"
    if prev == "of" and before in PLACE_NOUNS:
        return PLACE_NOUNS[before]
    if prev in PLACE_NOUNS and prev not in ("state", "area"):
        return PLACE_NOUNS[prev]
    return None


def _head(text: str, end: int) -> tuple[str | None, int]:
    """Role told by the noun after a country word: ("government", end), ("nationality", end)."""
    chain = HYPHEN_CHAIN_RE.match(text, end)
    after = chain.end() if chain else end
    for role, regex in (("government", GOVERNMENT_HEAD_RE), ("nationality", NATIONALITY_HEAD_RE)):
        m = regex.match(text, after)
        if m:
            return role, (m.end() if after == end else end)
    nxt = TOKEN_RE.match(text, after + 1) if text[after : after + 1] == " " else None
    if nxt and nxt.group() in TITLE_WORDS:
        return "government", end  # "Russian President ..."
    return None, end


def _alias_mention(text: str, atom: _Atom) -> Mention:
    alias, start = atom.alias, atom.start
    assert alias is not None
    if alias.type not in ("metonym", "organisation", "region") and atom.word[:4] in (
        "the ",
        "The ",
    ):
        start += 4  # "the US": an article; "the Kremlin": a name
    role, end = _head(text, atom.end)
    kind = "actor"
    if alias.type == "people":
        role, end = "nationality", atom.end
    elif alias.type == "demonym":
        if ETHNIC_RE.search(text, max(0, start - 10), start):
            role = "nationality"
        role = role or "state"
    elif alias.type in ("organisation", "region"):
        kind, role, end = alias.kind, alias.type, atom.end
    elif alias.type == "metonym":
        role = "government"
    elif role is None:
        place = _place_role(text, start, atom.end) or (
            alias.type == "capital" and _prev_words(text, start) in _OF_DWELLERS)
        if place and alias.type == "capital":  # "residents of Beirut", "in Beirut": the city
            city = capital_names().get(_surface_key(text[start:end]), fold(text[start:end]))
            return Mention(start, end, text[start:end], "place", city, "city")
        if place:
            kind, role = "place", "state"
        else:
            role = "government" if alias.type == "capital" else "state"
    return Mention(start, end, text[start:end], kind, alias.key, role)


def _name_shaped(word: str) -> bool:
    return (
        (word[0].isupper() or word[0].istitle())
        and (len(word) == 1 or any(c.islower() for c in word[1:]))
        and word not in TITLE_WORDS
        and word not in ORG_WORDS
        and word not in PLACE_WORDS
    )


def person_key(words: list[str]) -> str:
    """Surname key: last name word, accents folded, "al-" dropped ("Ilham Aliyev" -> "aliyev")."""
    names = [w for w in words if w not in NAME_SUFFIXES and not (len(w) == 1 and w.isupper())]
    last = fold(names[-1] if names else words[-1])
    return re.sub(r"^(?:al|el)-", "", last)


def full_name(surface: str) -> str | None:
    """Given and family name of a person mention, folded, titles dropped ("President
    Vladimir Putin" -> "vladimir putin"); None when only one name is written."""
    words = [w for w in surface.replace(".", " ").split() if w not in TITLE_WORDS]
    words = [w for w in words if w not in NAME_SUFFIXES and not (len(w) == 1 and w.isupper())]
    return fold(f"{words[0]} {words[-1]}") if len(words) >= 2 else None


def _span(text: str, run: list[_Atom], kind: str, key: str | None, role: str | None) -> Mention:
    start, end = run[0].start, run[-1].end
    if text.startswith(("the ", "The "), start) and end - start > 4:
        start += 4  # "The U.S. Geological Survey": the article is not the name
    surface = text[start:end]
    return Mention(start, end, surface, kind, fold(surface) if key is None else key, role)


def _title_split(run: list[_Atom]) -> int:
    """Index where "<titles> <name>" starts inside a longer run ("Russian | President Putin")."""
    for t in range(1, len(run)):
        if (
            run[t].alias is None
            and run[t].word in TITLE_WORDS
            and run[t - 1].word not in TITLE_WORDS | {"of"}
        ):
            rest = _strip_titles(run[t:])
            if rest and all(
                _name_shaped(a.word) or a.word in NAME_PARTICLES for a in rest if a.alias is None
            ):
                return t
    return 0


def _strip_titles(run: list[_Atom]) -> list[_Atom]:
    i = 0
    while i < len(run) and run[i].alias is None:
        w = run[i].word
        if w in TITLE_WORDS or (
            w == "of" and i + 1 < len(run) and run[i + 1].word in TITLE_OBJECTS
        ):
            i += 2 if w == "of" else 1
        else:
            break
    return run[i:]


def _trim(run: list[_Atom]) -> list[_Atom]:
    lo, hi = 0, len(run)
    while lo < hi and not _capitalised(run[lo]) and run[lo].word not in ("al", "el"):
        lo += 1
    while hi > lo and not _capitalised(run[hi - 1]):
        hi -= 1
    return run[lo:hi]


def _split(run: list[_Atom], at: frozenset[str]) -> list[list[_Atom]]:
    pieces: list[list[_Atom]] = [[]]
    for atom in run:
        if atom.alias is None and atom.word in at:
            pieces.append([])
        else:
            pieces[-1].append(atom)
    return [p for p in pieces if p]


class _Found(NamedTuple):
    mention: Mention
    by_shape: bool  # found by shape, not from the alias table


def _classify(doc: _Doc, run: list[_Atom]) -> list[_Found]:
    run = _trim(run)
    if not run:
        return []
    text = doc.text
    if doc.in_heading(run[0].start):  # headlines: trust only the tables
        return [_Found(_alias_mention(text, a), False) for a in run if a.alias]
    first = run[0]
    if (
        first.alias is None
        and first.word not in TITLE_WORDS
        and doc.sentence_initial(first.start)
        and doc.common(first.word)
    ):
        return _classify(doc, run[1:])
    t = _title_split(run)
    if t:
        return _classify(doc, run[:t]) + _classify(doc, run[t:])
    if first.alias is None and first.word in TITLE_WORDS:
        names = _strip_titles(run)
        if not names:
            return []  # a bare title: find_roles reports it
        if len(names) <= 5 and all(
            a.alias is None and (_name_shaped(a.word) or a.word in NAME_PARTICLES) for a in names
        ):
            key = person_key([a.word for a in names])
            return [_Found(_span(text, run, "actor", key, "person"), True)]
    lone = len(run) == 1 and doc.sentence_initial(first.start)  # "Television footage showed"
    if not lone and any(a.alias is None and a.word in ORG_WORDS for a in run):
        return [_Found(_span(text, run, "actor", None, "organisation"), True)]
    pieces = _split(run, SPLITTING_CONNECTORS)
    if len(pieces) > 1:
        return [f for piece in pieces for f in _classify(doc, piece)]
    if len(run) == 1 and run[0].alias:
        return [_Found(_alias_mention(text, run[0]), False)]
    if any(a.alias for a in run):
        return _with_aliases(doc, run)
    return _by_shape(doc, run)


def _with_aliases(doc: _Doc, run: list[_Atom]) -> list[_Found]:
    """A run mixing table names and other words: one name ("Paris Hilton") or several."""
    text = doc.text
    others = [a for a in run if a.alias is None]
    adjectival = any(a.alias and a.alias.type in ("demonym", "people") for a in run)
    if others and not adjectival and all(_name_shaped(a.word) for a in others):
        if run[0].word in PLACE_PREFIXES:  # "West Java": "West" alone is a region too
            place = _place_role(text, run[0].start, run[-1].end) or "city"
            return [_Found(_span(text, run, "place", None, place), True)]
        if len(run) == 2 and run[-1].alias is None and not run[0].word.isupper():
            key = person_key([a.word for a in run])
            return [_Found(_span(text, run, "actor", key, "person"), True)]
        return [_Found(_span(text, run, "actor", None, None), True)]
    found: list[_Found] = []
    segment: list[_Atom] = []
    for atom in [*run, None]:
        if atom is None or atom.alias:
            found.extend(_classify(doc, segment))
            segment = []
            if atom is not None:
                found.append(_Found(_alias_mention(text, atom), False))
        else:
            segment.append(atom)
    return found


def _by_shape(doc: _Doc, run: list[_Atom]) -> list[_Found]:
    text = doc.text
    words = [a.word for a in run]
    place = _place_role(text, run[0].start, run[-1].end)
    if len(words) > 1 and words[-1] in PLACE_WORDS:
        return [_Found(_span(text, run, "place", None, PLACE_WORDS[words[-1]]), True)]
    if len(words) > 1 and words[0] in PLACE_PREFIXES:
        return [_Found(_span(text, run, "place", None, place or "city"), True)]
    if place:
        return [_Found(_span(text, run, "place", None, place), True)]
    if 2 <= len(words) <= 5 and all(_name_shaped(w) or w in NAME_PARTICLES for w in words):
        return [_Found(_span(text, run, "actor", person_key(words), "person"), True)]
    if len(words) == 1 and len(words[0]) == 1:
        return []
    return [_Found(_span(text, run, "actor", None, None), True)]


def _resolve_people(found: list[_Found]) -> list[Mention]:
    """A lone word that is the surname of a person named elsewhere is that person ("Aliyev");
    a name written elsewhere in the text as a place is that place ("in Novi Sad" makes
    "visit Novi Sad" a town, not a Mr Sad)."""
    people = {f.mention.key for f in found if f.mention.role == "person"}
    places = {fold(f.mention.text): f.mention for f in found if f.mention.kind == "place"}
    out = []
    for f in found:
        m = f.mention
        single = " " not in m.text and "-" not in m.text
        place = places.get(fold(m.text)) if f.by_shape and m.kind != "place" else None
        if place is not None:
            m = Mention(m.start, m.end, m.text, "place", place.key, place.role)
        elif f.by_shape and single and m.key in people and m.role in (None, "city"):
            m = Mention(m.start, m.end, m.text, "actor", m.key, "person")
        out.append(m)
    return out


@functools.lru_cache(maxsize=8)
def _analyse(text: str, table: AliasTable) -> tuple[tuple[Mention, ...], tuple[int, ...]]:
    toks = _tokens(text)
    doc = _Doc(text, frozenset(t.word for t in toks if t.word.islower()), _headings(text, toks))
    found: list[_Found] = []
    for run in _runs(text, _atoms(text, toks, table)):
        found.extend(_classify(doc, run))
    mentions = sorted(_resolve_people(found), key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for m in mentions:
        if m.end > m.start and (not kept or m.start >= kept[-1].end):
            kept.append(m)
    return tuple(kept), tuple(m.start for m in kept)


def _in_range(
    items: tuple[Mention, ...], starts: tuple[int, ...], start: int, end: int
) -> tuple[Mention, ...]:
    i, out = bisect_left(starts, start), []
    while i < len(items) and items[i].start < end:
        if items[i].end <= end:
            out.append(items[i])
        i += 1
    return tuple(out)


def find_mentions(
    text: str, start: int = 0, end: int | None = None, *, aliases: AliasTable | None = None
) -> tuple[Mention, ...]:
    """Actors and places in text[start:end], sorted and non-overlapping (offsets into `text`)."""
    mentions, starts = _analyse(text, aliases or load_aliases())
    return _in_range(mentions, starts, start, len(text) if end is None else end)


# --- roles -------------------------------------------------------------------------------


def _plural(form: str) -> list[str]:
    words = form.split(" ")
    i = words.index("of") - 1 if "of" in words else len(words) - 1
    if words[-1] == "general" and len(words) > 1 and words[0] != "army":
        i = 0  # "attorneys general"
    if "d'affaires" in words:
        i = 0
    w = words[i]
    if w.endswith("man"):
        plural = w[:-3] + "men"
    elif w.endswith("person"):
        plural = w[:-6] + "people"
    elif w.endswith("y") and w[-2:-1] not in ("a", "e", "o", "u"):
        plural = w[:-1] + "ies"
    elif w.endswith(("s", "x", "ch", "sh")):
        plural = w + "es"
    else:
        plural = w + "s"
    return [" ".join([*words[:i], plural, *words[i + 1 :]])]


def _role_key(surface: str) -> str:
    return " ".join(fold(surface).replace("-", " ").split())


def _role_table() -> tuple[dict[str, str], dict[str, str], int]:
    singular: dict[str, str] = {}
    for key, forms in _WORDS["roles"].items():
        for form in forms:
            singular[form] = key
    for canon, words in _WORDS["portfolios"].items():
        for w in words:
            for form in (f"{w} minister", f"minister of {w}", f"minister for {w}"):
                singular[form] = f"{canon}_minister"
    for key in _WORDS["deputy_roles"]:
        for form in [f for f, k in list(singular.items()) if k == key]:
            singular[f"deputy {form}"] = f"deputy_{key}"
            singular[f"first deputy {form}"] = f"first_deputy_{key}"
    for key in _WORDS["vice_roles"]:
        for form in [f for f, k in list(singular.items()) if k == key]:
            singular[f"vice {form}"] = f"vice_{key}"
    uncountable = set(_WORDS["uncountable_roles"])
    folded: dict[str, str] = {}
    exact: dict[str, str] = {}
    for form, key in singular.items():
        for f in [form] + ([] if form in uncountable else _plural(form)):
            if f.isupper():
                exact[f] = key  # "PM", "MP": not "pm" in "5 pm"
            else:
                folded.setdefault(_role_key(f), key)
    longest = max(len(TOKEN_RE.findall(f)) for f in [*folded, *exact])
    return folded, exact, longest


ROLES_FOLDED, ROLES_EXACT, ROLE_MAX_TOKENS = _role_table()
# Offices one question can be asked about ("which envoy was summoned?"): role key -> class.
ROLE_CLASS = {key: cls for cls, keys in _WORDS["role_classes"].items() for key in keys}
# Words a role can start with: most tokens start none, and skipping them is most of the speed.
ROLE_FIRST_WORDS = frozenset(f.split()[0] for f in ROLES_FOLDED) | frozenset(
    f.split()[0] for f in ROLES_EXACT
)


def _could_start_role(word: str) -> bool:
    if word in ROLE_FIRST_WORDS:
        return True
    lowered = word.lower()
    if not lowered.isascii():
        lowered = fold(lowered)
    return lowered.replace("-", " ").split(" ")[0] in ROLE_FIRST_WORDS


def _role_at(text: str, toks: list[_Tok], i: int) -> tuple[int, str] | None:
    if not _could_start_role(text[toks[i].start : toks[i].end]):
        return None
    last = i
    while (
        last + 1 < len(toks)
        and last + 1 - i < ROLE_MAX_TOKENS
        and _space_gap(text, toks[last], toks[last + 1])
    ):
        last += 1
    for j in range(last, i - 1, -1):
        surface = text[toks[i].start : toks[j].end]
        after_number = text[max(0, toks[i].start - 2) : toks[i].start].strip()[-1:].isdigit()
        exact = None if after_number else ROLES_EXACT.get(surface)  # "4:51 PM" is a time
        key = exact or ROLES_FOLDED.get(_role_key(surface))
        if key:
            return j, key
    return None


def find_roles(text: str, start: int = 0, end: int | None = None) -> tuple[Mention, ...]:
    """Offices and roles ("Deputy Prime Minister", "chargé d'affaires") as kind "role" mentions.

    The longest phrase wins; `key` is the normalised role ("deputy_prime_minister").
    """
    end = len(text) if end is None else end
    toks = _tokens(text, start, end)
    out, i = [], 0
    while i < len(toks):
        hit = _role_at(text, toks, i)
        if hit:
            j, key = hit
            s, e = toks[i].start, toks[j].end
            out.append(Mention(s, e, text[s:e], "role", key, None))
            i = j + 1
        else:
            i += 1
    return tuple(out)
