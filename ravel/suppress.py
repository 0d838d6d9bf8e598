"""Inline suppression directives: findings a document's author has chosen to accept.

Each directive has an HTML-comment form (for Markdown and HTML) and a plain-text form
(for any format, at the end of a line, optionally after "#" or "//"):

    <!-- ravel-ignore -->              ravel: ignore              this line
    <!-- ravel-ignore-next-line -->    # ravel: ignore-next-line  the next line with prose
    <!-- ravel off -->                 # ravel: off               from here ...
    <!-- ravel on -->                  # ravel: on                ... to here
    <!-- ravel-disable-file -->        # ravel: disable-file      the whole document

Inside the comment the word after "ravel" may follow "-", ":" or spaces, in any case
(`<!-- ravel: off -->`, `<!-- ravel-off -->`, `<!-- RAVEL OFF -->`). The plain-text form is
lower-case, needs the colon and must end its line, so prose about the composer does not
trigger it. An "off" without an "on" runs to the end of the document; an "on" without an
"off" does nothing. "The next line with prose" skips blank lines and lines of markup
only. Directives in fenced Markdown code blocks or wrapped in backticks are examples,
not directives. A finding is suppressed when, in any of its sides' documents, the slot
phrase overlaps a suppressed region or the claim starts inside one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ravel.model import Document, Finding

DIRECTIVE = re.compile(
    r"<!--[ \t]*(?i:ravel(?:[ \t]*:[ \t]*|[ \t]+|-)"
    r"(?P<html>ignore-next-line|ignore|off|on|disable-file))[ \t]*-->"
    r"|(?<![\w-])(?:(?:#|//)[ \t]*)?ravel:[ \t]*"
    r"(?P<plain>ignore-next-line|ignore|off|on|disable-file)[ \t]*\r?$",
    re.MULTILINE,
)
FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})", re.MULTILINE)  # opens or closes a code block

Span = tuple[int, int]


def suppressed_spans(doc: Document) -> tuple[Span, ...]:
    """The sorted, disjoint [start, end) regions of `doc.text` that directives suppress."""
    text = doc.text
    fences = _fenced_blocks(text) if doc.format == "markdown" else ()
    spans: list[Span] = []
    off_at: int | None = None
    next_prose: _NextProse | None = None
    for match in DIRECTIVE.finditer(text):
        if _is_example(text, match, fences):
            continue
        directive = (match.group("html") or match.group("plain")).lower()
        if directive == "disable-file":
            return ((0, len(text)),) if text else ()
        if directive == "ignore":
            spans.append(_line(text, match.start()))
        elif directive == "ignore-next-line":
            next_prose = next_prose or _NextProse(doc)
            spans.append(next_prose.after(match.end()))
        elif directive == "off" and off_at is None:
            off_at = match.start()
        elif directive == "on" and off_at is not None:
            spans.append((off_at, match.end()))
            off_at = None
    if off_at is not None:
        spans.append((off_at, len(text)))
    return _merge(spans)


def apply_suppressions(
    findings: Sequence[Finding], documents: Sequence[Document]
) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Split findings into (kept, suppressed), both in their original order."""
    texts = {doc.id: doc for doc in documents}
    regions: dict[str, _Regions] = {}
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for finding in findings:
        hidden = False
        for side in finding.sides:
            doc = texts.get(side.claim.doc_id)
            if doc is None:
                continue
            if doc.id not in regions:
                regions[doc.id] = _Regions(suppressed_spans(doc))
            region = regions[doc.id]
            if region.overlaps(side.start, side.end) or region.contains(side.claim.start):
                hidden = True
                break
        (suppressed if hidden else kept).append(finding)
    return tuple(kept), tuple(suppressed)


class _Regions:
    """Sorted disjoint spans with logarithmic look-ups."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def contains(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        if end <= start:
            return self.contains(start)
        i = bisect.bisect_left(self.ends, start + 1)  # first region ending after `start`
        return i < len(self.starts) and self.starts[i] < end


class _NextProse:
    """For each line, the next line below it that has prose (built once, right to left)."""

    def __init__(self, doc: Document) -> None:
        text, plain = doc.text, doc.plain if len(doc.plain) == len(doc.text) else doc.text
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]
        self.text_len = len(text)
        self.following: list[int | None] = [None] * len(self.starts)
        below: int | None = None
        for i in range(len(self.starts) - 1, -1, -1):
            self.following[i] = below
            start, end = self._bounds(i)
            if plain[start:end].strip():
                below = i

    def _bounds(self, i: int) -> Span:
        end = self.starts[i + 1] - 1 if i + 1 < len(self.starts) else self.text_len
        return self.starts[i], end

    def after(self, offset: int) -> Span:
        """The span of the first line with prose after the line holding `offset`."""
        line = bisect.bisect_right(self.starts, offset) - 1
        target = self.following[line]
        if target is None:
            return (self.text_len, self.text_len)
        return self._bounds(target)


def _line(text: str, offset: int) -> Span:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _fenced_blocks(text: str) -> tuple[Span, ...]:
    """Spans of fenced code blocks (an unclosed fence runs to the end)."""
    marks = [m.start() for m in FENCE.finditer(text)]
    if len(marks) % 2:
        marks.append(len(text))
    return tuple((marks[i], marks[i + 1]) for i in range(0, len(marks), 2))


def _is_example(text: str, match: re.Match[str], fences: Sequence[Span]) -> bool:
    """A directive quoted in code (`...` or a fenced block) is an example."""
    start, end = match.start(), match.end()
    if (start > 0 and text[start - 1] == "`") or (end < len(text) and text[end] == "`"):
        return True
    i = bisect.bisect_right(fences, (start, len(text) + 1)) - 1
    return i >= 0 and start < fences[i][1]


def _merge(spans: Sequence[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
