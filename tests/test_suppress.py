from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.model import Claim, Document, Finding, Side
from ravel.suppress import apply_suppressions, suppressed_spans

TAG = re.compile(r"<[^<>\n]*>")


def _doc(text: str, fmt: str = "text", doc_id: str = "a.md") -> Document:
    """A document whose plain view blanks tags and comments, as the reader does."""
    plain = TAG.sub(lambda m: " " * len(m.group()), text) if fmt != "text" else text
    return Document.create(doc_id, doc_id, text, plain, format=fmt)


# (text, format, the suppressed passages, why)
CASES: list[tuple[str, str, list[str], str]] = [
    (
        "A\n<!-- ravel-ignore-next-line -->\nB line\nC",
        "markdown",
        ["B line"],
        "ignore-next-line covers the next line only",
    ),
    (
        "<!-- ravel-ignore-next-line -->\n\n   \nB\nC",
        "markdown",
        ["B"],
        "blank lines before the next line are skipped",
    ),
    (
        "<p>\n<!-- ravel-ignore-next-line -->\n<p>\nB</p>\nC",
        "html",
        ["B</p>"],
        "lines of markup only are skipped",
    ),
    (
        "A <!-- ravel-ignore-next-line --> still A\nB\nC",
        "markdown",
        ["B"],
        "the directive may end a line of text",
    ),
    (
        "A\n<!-- ravel-ignore-next-line -->",
        "markdown",
        [],
        "ignore-next-line at the end of the file covers nothing",
    ),
    (
        "A\n<!-- ravel off -->\nB\n<!-- ravel on -->\nC",
        "markdown",
        ["<!-- ravel off -->\nB\n<!-- ravel on -->"],
        "off ... on is a region",
    ),
    (
        "A\n<!-- ravel off -->\nB\nC",
        "markdown",
        ["<!-- ravel off -->\nB\nC"],
        "an unclosed off runs to the end",
    ),
    ("A\n<!-- ravel on -->\nB", "markdown", [], "an on without an off does nothing"),
    (
        "<!-- ravel off -->A<!-- ravel off -->B<!-- ravel on -->C",
        "markdown",
        ["<!-- ravel off -->A<!-- ravel off -->B<!-- ravel on -->"],
        "a second off inside a region changes nothing",
    ),
    (
        "A\nB\n<!-- ravel-disable-file -->\n",
        "markdown",
        ["A\nB\n<!-- ravel-disable-file -->\n"],
        "disable-file anywhere covers the whole file",
    ),
    (
        "A\n<!--ravel:off-->\nB\n<!-- RAVEL ON -->\nC",
        "html",
        ["<!--ravel:off-->\nB\n<!-- RAVEL ON -->"],
        "comment forms allow : and any case",
    ),
    (
        "A\nB <!-- ravel-ignore -->\nC",
        "markdown",
        ["B <!-- ravel-ignore -->"],
        "ravel-ignore covers its own line",
    ),
    (
        "On 3 May it fell. # ravel: ignore\nC",
        "text",
        ["On 3 May it fell. # ravel: ignore"],
        "# ravel: ignore at the end of a line",
    ),
    (
        "On 3 May it fell. ravel: ignore\nC",
        "text",
        ["On 3 May it fell. ravel: ignore"],
        "ravel: ignore without the #",
    ),
    (
        "On 3 May it fell. // ravel: ignore  \r\nC",
        "text",
        ["On 3 May it fell. // ravel: ignore  \r"],
        "// and a CRLF line ending",
    ),
    ("# ravel: ignore-next-line\n\nB\nC", "text", ["B"], "plain ignore-next-line"),
    (
        "A\n# ravel: off\nB\n# ravel: on\nC",
        "text",
        ["# ravel: off\nB\n# ravel: on"],
        "plain off/on",
    ),
    ("A\nB\n# ravel: disable-file", "text", ["A\nB\n# ravel: disable-file"], "plain disable-file"),
    ("A\n# ravel: off\nB", "markdown", ["# ravel: off\nB"], "plain forms work in Markdown"),
    (
        "Ravel: off the record.\nThe composer Ravel on tour.\n",
        "text",
        [],
        "prose about Ravel is no directive",
    ),
    ("ravel: ignore this claim\n", "text", [], "a plain directive must end its line"),
    ("unravel: ignore\n", "text", [], "ravel must be a word of its own"),
    (
        "Use `<!-- ravel off -->` to pause.\nB",
        "markdown",
        [],
        "a directive in backticks is an example",
    ),
    (
        "```\n<!-- ravel-disable-file -->\n```\nA",
        "markdown",
        [],
        "a directive in a fenced code block is an example",
    ),
    (
        "~~~\n# ravel: off\n~~~\nA\n# ravel: ignore-next-line\nB",
        "markdown",
        ["B"],
        "directives after a fenced block work",
    ),
    ("", "text", [], "empty text"),
    (
        "<!-- ravel-disable-file -->",
        "html",
        ["<!-- ravel-disable-file -->"],
        "a file of one directive",
    ),
]
assert len({(c[0], c[1]) for c in CASES}) == len(CASES), "duplicate case"


@pytest.mark.parametrize(("text", "fmt", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_suppressed_spans(text: str, fmt: str, expected: list[str], why: str) -> None:
    spans = suppressed_spans(_doc(text, fmt))
    assert [text[s:e] for s, e in spans] == expected


A_TEXT = "On 3 March 2024, the flood barrier at Ostrava collapsed.\nMore on this later.\n"
B_TEXT = "The Ostrava flood barrier collapsed on 5 March 2024.\n"


def _finding(a_text: str, b_text: str) -> tuple[Finding, tuple[Document, Document]]:
    docs = (_doc(a_text, "markdown", "a.md"), _doc(b_text, "markdown", "b.md"))
    sides = []
    for doc, phrase in zip(docs, ("3 March 2024", "5 March 2024"), strict=True):
        sentence = re.search(r"[^\n]*" + phrase + r"[^\n]*", doc.text)
        assert sentence is not None
        start = doc.text.index(phrase)
        claim = Claim(
            id=f"{doc.id}#{sentence.start()}",
            doc_id=doc.id,
            start=sentence.start(),
            end=sentence.end(),
            line=doc.line_of(start),
            text=sentence.group(),
        )
        sides.append(
            Side(claim=claim, surface=phrase, start=start, end=start + len(phrase), value=phrase)
        )
    finding = Finding(
        id="F1",
        event_id="E1",
        event="collapse",
        slot="date",
        verdict="conflict",
        kind="date",
        explanation="",
        sides=tuple(sides),
    )
    return finding, docs


IGNORE_NEXT = "<!-- ravel-ignore-next-line -->\n"
# (text of a.md, text of b.md, suppressed?, why)
FINDING_CASES: list[tuple[str, str, bool, str]] = [
    (A_TEXT, B_TEXT, False, "no directive"),
    (IGNORE_NEXT + A_TEXT, B_TEXT, True, "the claim's line is ignored in one document"),
    (A_TEXT, IGNORE_NEXT + B_TEXT, True, "a directive in either document suffices"),
    (
        A_TEXT.replace("\nMore", " <!-- ravel-ignore -->\nMore"),
        B_TEXT,
        True,
        "ravel-ignore on the claim's line",
    ),
    (
        IGNORE_NEXT + "Unrelated line.\n" + A_TEXT,
        B_TEXT,
        False,
        "ignore-next-line aimed at another line",
    ),
    (
        A_TEXT.replace("On 3 March 2024, ", "On 3 March 2024,\n"),
        "The Ostrava flood barrier collapsed\n" + IGNORE_NEXT + "on 5 March 2024.\n",
        True,
        "the slot phrase alone is on the ignored line",
    ),
    ("<!-- ravel off -->\n" + A_TEXT + "<!-- ravel on -->\n", B_TEXT, True, "an off region"),
    (
        "<!-- ravel off -->\nx\n<!-- ravel on -->\n" + A_TEXT,
        B_TEXT,
        False,
        "a region that ends before the claim",
    ),
    (A_TEXT + "<!-- ravel-disable-file -->\n", B_TEXT, True, "disable-file after the claim"),
]
assert len({(c[0], c[1]) for c in FINDING_CASES}) == len(FINDING_CASES)


@pytest.mark.parametrize(
    ("a_text", "b_text", "suppressed", "why"), FINDING_CASES, ids=[c[3] for c in FINDING_CASES]
)
def test_apply_suppressions(a_text: str, b_text: str, suppressed: bool, why: str) -> None:
    finding, docs = _finding(a_text, b_text)
    other, _ = _finding(A_TEXT, B_TEXT)
    other = dataclasses.replace(other, id="F2")
    kept, hidden = apply_suppressions([finding, other], docs)
    assert (finding in hidden) is suppressed
    assert (finding in kept) is not suppressed


def test_unknown_documents_suppress_nothing() -> None:
    finding, _ = _finding(A_TEXT, B_TEXT)
    assert apply_suppressions([finding], []) == ((finding,), ())


PIECES = st.sampled_from(
    [
        "<!-- ravel off -->",
        "<!-- ravel on -->",
        "<!-- ravel-ignore-next-line -->",
        "<!-- ravel-ignore -->",
        "<!-- ravel-disable-file -->",
        "# ravel: off",
        "# ravel: on",
        "ravel: ignore",
        "# ravel: ignore-next-line",
        "```",
        "`",
        "\n",
        "\r\n",
        " ",
        "A",
    ]
)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(PIECES | st.text(max_size=8), max_size=30),
    st.sampled_from(["text", "markdown", "html"]),
)
def test_spans_are_sorted_disjoint_and_in_bounds(pieces: list[str], fmt: str) -> None:
    text = "".join(pieces)
    spans = suppressed_spans(_doc(text, fmt))
    previous_end = -1
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert start > previous_end
        previous_end = end


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text())
def test_arbitrary_text_never_raises(text: str) -> None:
    for fmt in ("text", "markdown", "html"):
        for start, end in suppressed_spans(_doc(text, fmt)):
            assert text[start:end]
