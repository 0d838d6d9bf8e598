"""Split a document's prose into sentences with offsets.

Works on `Document.plain` (markup already blanked), so every span indexes the
original text. Boundaries: sentence-final punctuation followed by a capital,
digit or opening quote (not after an abbreviation or an initial), blank lines,
bullets, and single line breaks that end a heading or a line which reads as
complete. Em-dashes and quotes never split.
"""

from __future__ import annotations

import itertools
import re

from ravel.model import Document, Sentence

MAX_SENTENCE = 1200  # longer runs (lists with no punctuation, hostile input) are cut at spaces

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep pres sr jr st mt ft rev hon
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vs etc approx est dept univ assn bros co corp inc ltd plc fig figs vol pp ed eds
    e.g i.e u.s u.k u.n a.m p.m
    """.split()
)

# A candidate end: terminal punctuation, then closing quotes/brackets, then space.
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF]")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_BULLET = re.compile(r"[ \t]*(?:[•·▪‣◦*+\-–—]|\d{1,3}[.)])[ \t]+")
_LINE_COMPLETE = re.compile(r"[.!?…:;\"'”’)]\s*$")


def split_sentences(doc: Document) -> tuple[Sentence, ...]:
    spans = [s for block in _blocks(doc.plain) for s in _split_block(doc.plain, *block)]
    return tuple(
        Sentence(doc_id=doc.id, index=i, start=s, end=e, text=doc.text[s:e])
        for i, (s, e) in enumerate(spans)
    )


def _blocks(plain: str) -> list[tuple[int, int]]:
    """Paragraph-like blocks: split at blank lines, bullets and lines that end a unit."""
    blocks: list[tuple[int, int]] = []
    start = 0
    for para_start, para_end in _paragraphs(plain):
        start = para_start
        lines = _line_spans(plain, para_start, para_end)
        width = max((e - s for s, e in lines), default=0)
        for i, (s, e) in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            if nxt is None or _line_ends_unit(plain, s, e, width) or _BULLET.match(plain, nxt[0]):
                blocks.append((start, e))
                if nxt is not None:
                    start = nxt[0]
    return blocks


def _paragraphs(plain: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in _BLANK_LINES.finditer(plain):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(plain)))
    return [(s, e) for s, e in spans if plain[s:e].strip()]


def _line_spans(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    lines, pos = [], start
    while pos <= end:
        nl = plain.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if plain[pos:stop].strip():
            lines.append((pos, stop))
        if nl < 0:
            break
        pos = nl + 1
    return lines


def _line_ends_unit(plain: str, start: int, end: int, width: int) -> bool:
    """A single line break ends a unit after complete sentences and short (heading) lines."""
    line = plain[start:end]
    if _LINE_COMPLETE.search(line):
        return True
    return len(line.strip()) < 0.6 * width or width < 60


def _split_block(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    bullet = _BULLET.match(plain, start, end)
    if bullet:
        start = bullet.end()
    cuts = [start]
    for m in _END.finditer(plain, start, end):
        if _NEXT_START.match(plain, m.end(), end) and not _is_abbreviation(plain, m.start(), start):
            cuts.append(m.end())
    cuts.append(end)
    spans = []
    for s, e in itertools.pairwise(cuts):
        spans.extend(_cap_length(plain, *_trim(plain, s, e)))
    return [(s, e) for s, e in spans if e > s]


def _is_abbreviation(plain: str, dot: int, floor: int) -> bool:
    if plain[dot] != ".":
        return False
    m = _WORD_BEFORE.search(plain, max(floor, dot - 12), dot)
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in ABBREVIATIONS


def _trim(plain: str, start: int, end: int) -> tuple[int, int]:
    while start < end and plain[start].isspace():
        start += 1
    while end > start and plain[end - 1].isspace():
        end -= 1
    return start, end


def _cap_length(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    while end - start > MAX_SENTENCE:
        cut = plain.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append(_trim(plain, start, cut))
        start = _trim(plain, cut, end)[0]
    spans.append((start, end))
    return spans
