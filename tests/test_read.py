"""read_documents and decode: paths, folders, stdin, formats, encodings."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel.read import DEFAULT_EXTENSIONS, decode, read_documents, sniff_format

RUSSIAN = "Президент заявил, что 38 человек погибли 25 декабря 2024 года в Грозном."

DECODE_CASES = [
    (b"plain ascii", ("plain ascii", "utf-8", False), "ASCII is UTF-8"),
    ("naïve “café”".encode(), ("naïve “café”", "utf-8", False), "UTF-8"),
    (codecs.BOM_UTF8 + b"bom", ("bom", "utf-8-sig", False), "the UTF-8 BOM is not text"),
    ("été".encode("utf-16"), ("été", "utf-16", False), "UTF-16 with BOM"),
    ("été".encode("utf-32"), ("été", "utf-32", False), "UTF-32 with BOM"),
    ("Hello, world.".encode("utf-16-le"), ("Hello, world.", "utf-16-le", True), "UTF-16-LE"),
    ("Hello, world!".encode("utf-16-be"), ("Hello, world!", "utf-16-be", True), "UTF-16-BE"),
    (
        "Café “quoted” \u2013 dash".encode("cp1252"),
        ("Café “quoted” \u2013 dash", "cp1252", True),
        "Windows-1252 punctuation",
    ),
    (
        "Déjà vu, résumé.".encode("latin-1"),
        ("Déjà vu, résumé.", "cp1252", True),
        "Latin-1 letters read the same in cp1252",
    ),
    (b"ctrl \x81 caf\xe9", ("ctrl \x81 café", "latin-1", True), "a byte cp1252 lacks"),
    (
        "ok “fine” é".encode() + b" \xff",
        ("ok “fine” é \ufffd", "utf-8", True),
        "mostly UTF-8 with a stray byte",
    ),
    (RUSSIAN.encode("cp1251"), (RUSSIAN, "cp1251", True), "Cyrillic code page via detection"),
    (b"", ("", "utf-8", False), "empty"),
]


@pytest.mark.parametrize(("data", "expected", "why"), DECODE_CASES)
def test_decode(data: bytes, expected: tuple[str, str, bool], why: str) -> None:
    text, encoding, note = decode(data)
    assert (text, encoding, note is not None) == expected, why


def test_decode_cases_are_unique() -> None:
    assert len({c[0] for c in DECODE_CASES}) == len(DECODE_CASES)


@pytest.mark.parametrize(
    "data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"text\x00with a nul", bytes(range(32)) * 8]
)
def test_decode_binary(data: bytes) -> None:
    with pytest.raises(ValueError, match="binary"):
        decode(data)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(data=st.binary(max_size=300))
def test_decode_never_fails_otherwise(data: bytes) -> None:
    try:
        text, encoding, _ = decode(data)
    except ValueError:
        return
    assert isinstance(text, str)
    assert encoding


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(max_size=200))
def test_utf8_round_trips(text: str) -> None:
    if "\x00" in text or text.startswith("\ufeff"):
        return
    assert decode(text.encode())[0] == text


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_bytes(data.encode())
    else:
        path.write_bytes(data)
    return path


def test_folder_is_walked_sorted_with_forward_slash_ids(tmp_path: Path) -> None:
    write(tmp_path / "news" / "b.txt", "B.")
    write(tmp_path / "news" / "a.md", "# A")
    write(tmp_path / "news" / "sub" / "c.HTML", "<p>C</p>")
    write(tmp_path / "news" / "skip.pdf", "%PDF")
    write(tmp_path / "news" / ".hidden" / "d.txt", "hidden")
    write(tmp_path / "news" / ".e.txt", "hidden file")
    folder = str(tmp_path / "news")
    docs, problems = read_documents([folder + "/"])
    assert [d.id for d in docs] == [f"{folder}/a.md", f"{folder}/b.txt", f"{folder}/sub/c.HTML"]
    assert [d.format for d in docs] == ["markdown", "text", "html"]
    assert all(d.path == d.id for d in docs)
    assert problems == ()


def test_documents_keep_text_exactly(tmp_path: Path) -> None:
    raw = "  Line one\r\nLine two\n\n\tend  "
    f = write(tmp_path / "x.txt", raw)
    (doc,), problems = read_documents([str(f)])
    assert doc.text == raw
    assert len(doc.plain) == len(raw)
    assert doc.line_starts == (0, 12, 21, 22)
    assert doc.reference is None
    assert doc.encoding == "utf-8"
    assert problems == ()


def test_explicit_file_is_read_whatever_its_extension(tmp_path: Path) -> None:
    f = write(tmp_path / "notes.log", "<!DOCTYPE html><p>Hi</p>")
    (doc,), _ = read_documents([str(f)])
    assert doc.format == "html"
    assert doc.plain.split() == ["Hi"]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    f = write(tmp_path / "d" / "a.txt", "A.")
    docs, _ = read_documents([str(f), str(tmp_path / "d"), str(f)])
    assert [d.id for d in docs] == [str(f)]


def test_stdin_is_read_once(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "A.")
    docs, problems = read_documents(["-", str(f), "-"], stdin=io.BytesIO(b"From stdin."))
    assert [(d.id, d.path, d.text) for d in docs] == [
        ("-", "-", "From stdin."),
        (str(f),) * 2 + ("A.",),
    ]
    assert problems == ()


def test_stdin_over_the_limit() -> None:
    docs, problems = read_documents(["-"], stdin=io.BytesIO(b"x" * 100), max_bytes=10)
    assert docs == ()
    assert problems[0].path == "-"
    assert "over the 10 bytes limit; raise it with --max-bytes" in problems[0].message


def test_extensions_can_be_chosen(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A.")
    write(tmp_path / "b.rst", "B.")
    docs, _ = read_documents([str(tmp_path)], extensions=(".rst",))
    assert [Path(d.id).name for d in docs] == ["b.rst"]
    assert ".txt" in DEFAULT_EXTENSIONS


def test_empty_folder_is_a_note(tmp_path: Path) -> None:
    docs, problems = read_documents([str(tmp_path)])
    assert docs == ()
    assert [(p.message, p.fatal) for p in problems] == [
        ("no .txt/.md/.markdown/.html/.htm files", False)
    ]


def test_seeds_read_cleanly() -> None:
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    docs, problems = read_documents([str(seeds)])
    assert len(docs) >= 3
    assert problems == ()
    for doc in docs:
        assert len(doc.plain) == len(doc.text)
        assert doc.plain.strip()


SNIFF_CASES = [
    ("page.txt", "<!DOCTYPE html><p>x</p>", "html", "doctype"),
    ("page2.txt", "\n  <!-- saved -->\n<html lang=en><p>x</p>", "html", "comment before <html>"),
    ("note.txt", "Use <html> tags.", "text", "prose that mentions a tag"),
    ("a.md", "<!DOCTYPE html>", "markdown", "the extension wins"),
    ("b.htm", "plain words", "html", ".htm"),
    ("c.markdown", "# T", "markdown", ".markdown"),
]


@pytest.mark.parametrize(("name", "text", "expected", "why"), SNIFF_CASES)
def test_sniff_format(name: str, text: str, expected: str, why: str) -> None:
    assert sniff_format(name, text) == expected, why


def test_sniff_cases_are_unique() -> None:
    assert len({c[0] for c in SNIFF_CASES}) == len(SNIFF_CASES)
