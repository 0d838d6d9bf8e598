"""Robustness over a corpus of bad inputs made in tmp_path: no exception, a clear problem
naming the file, or the right text; the good files of the same batch are still read."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ravel.read
from ravel.model import Document, InputProblem
from ravel.prose import to_plain
from ravel.read import read_documents

GOOD = "On 27 June 2025, police said two men died."

# name -> bytes; expected: a Document with this text, or a problem message fragment.
CORPUS = [
    ("empty.txt", b"", ("text", ""), "an empty file reads as no text"),
    ("blank.txt", b" \n\t\n", ("text", " \n\t\n"), "whitespace only"),
    ("nul.txt", b"abc\x00def\x00", ("fatal", "binary file, skipped"), "NUL bytes"),
    (
        "image.png.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00",
        ("fatal", "binary file"),
        "a binary file with a text extension",
    ),
    (
        "bad-utf8.txt",
        b"caf\xe9 and \xff\xfe\xfd \x80 end",
        ("note", "decoded as"),
        "invalid UTF-8 falls back to a code page",
    ),
    (
        "utf16-bom.txt",
        "Dozens died in “Gaza”.".encode("utf-16"),
        ("text", "Dozens died in “Gaza”."),
        "UTF-16 with BOM",
    ),
    (
        "utf16-nobom.txt",
        "Dozens died in Gaza.".encode("utf-16-le"),
        ("text", "Dozens died in Gaza."),
        "UTF-16 without BOM",
    ),
    (
        "latin1.txt",
        "Le président est arrivé à Montréal.".encode("latin-1"),
        ("text", "Le président est arrivé à Montréal."),
        "Latin-1",
    ),
    (
        "cp1252.txt",
        "He said “38 people” died \u2013 officials.".encode("cp1252"),
        ("text", "He said “38 people” died \u2013 officials."),
        "Windows-1252",
    ),
    ("name with spaces.txt", GOOD.encode(), ("text", GOOD), "spaces in the name"),
    ("ünïcödé 名前.md", GOOD.encode(), ("text", GOOD), "non-ASCII name"),
    (
        "too-big.txt",
        b"x" * 2000,
        ("fatal", "over the 1000 bytes limit; raise it with --max-bytes"),
        "over the size limit",
    ),
    (
        "front.md",
        b"---\ntitle: [oops\n: :\n---\n" + GOOD.encode(),
        ("plain", GOOD),
        "front matter that is not valid YAML",
    ),
    (
        "malformed.html",
        b"<p>Start <b><i>" + GOOD.encode() + b"</p></b></i></td><div a=1 <p>y</div",
        ("plain", f"Start {GOOD} y</div"),
        "malformed HTML; an unclosed tag at the end is text",
    ),
    (
        "scripts.html",
        b"<script>alert('no')</script><style>p{}</style><p>" + GOOD.encode(),
        ("plain", GOOD),
        "scripts and styles",
    ),
]


def _build(root: Path) -> None:
    for name, data, _, _ in CORPUS:
        (root / name).write_bytes(data)
    (root / "good.txt").write_text(GOOD, encoding="utf-8")


@pytest.fixture(scope="module")
def batch(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, Document], list[InputProblem]]:
    root = tmp_path_factory.mktemp("corpus")
    _build(root)
    docs, problems = read_documents([str(root)], max_bytes=1000)
    return root, {Path(d.path).name: d for d in docs}, list(problems)


@pytest.mark.parametrize(("name", "data", "expected", "why"), CORPUS)
def test_corpus_file(
    batch: tuple[Path, dict[str, Document], list[InputProblem]],
    name: str,
    data: bytes,
    expected: tuple[str, str],
    why: str,
) -> None:
    root, docs, problems = batch
    kind, value = expected
    mine = [p for p in problems if Path(p.path).name == name]
    if kind == "fatal":
        assert name not in docs, why
        assert [p.fatal for p in mine] == [True], why
        assert value in mine[0].message, why
        assert mine[0].path == f"{root}/{name}"
        assert "\n" not in mine[0].message
        return
    doc = docs[name]
    assert len(doc.plain) == len(doc.text)
    if kind == "text":
        assert doc.text == value, why
    elif kind == "plain":
        assert " ".join(doc.plain.split()) == value, why
    else:
        assert any(value in p.message and not p.fatal for p in mine), why
    assert all(not p.fatal for p in mine), why


def test_corpus_names_are_unique() -> None:
    assert len({c[0] for c in CORPUS}) == len(CORPUS)


def test_good_file_survives_the_batch(
    batch: tuple[Path, dict[str, Document], list[InputProblem]],
) -> None:
    _, docs, _ = batch
    assert docs["good.txt"].text == GOOD


def test_missing_paths_and_files_as_folders(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    missing = str(tmp_path / "nope.txt")
    as_folder = str(good) + "/"
    docs, problems = read_documents([missing, as_folder, str(good)])
    assert [d.text for d in docs] == [GOOD]
    assert [(p.path, p.fatal) for p in problems] == [(missing, True), (as_folder, True)]
    assert problems[0].message == "no such file or directory"
    assert "not a directory" in problems[1].message


def test_folder_named_as_a_file_is_walked(tmp_path: Path) -> None:
    folder = tmp_path / "story.txt"
    folder.mkdir()
    (folder / "inner.txt").write_text(GOOD, encoding="utf-8")
    docs, problems = read_documents([str(folder)])
    assert [d.id for d in docs] == [f"{folder}/inner.txt"]
    assert problems == ()


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks need privileges on Windows")
def test_symlink_loops(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)  # folder loop
    (root / "self.txt").symlink_to(root / "self.txt")  # a link to itself
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    docs, problems = read_documents([str(root), str(root / "self.txt")])
    assert [d.id for d in docs] == [f"{root}/sub/a.txt"]
    messages = {(Path(p.path).name, p.message) for p in problems}
    assert ("self.txt", "symbolic link loop") in messages
    assert ("dangling.txt", "broken symbolic link (its target does not exist)") in messages
    assert all(p.fatal for p in problems)


@pytest.mark.skipif(os.name != "posix", reason="chmod 000 is POSIX")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked_dir = tmp_path / "locked"
    locked_dir.mkdir()
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    locked_dir.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        docs, problems = read_documents([str(tmp_path)])
    finally:
        locked.chmod(0o644)
        locked_dir.chmod(0o755)
    assert [Path(d.id).name for d in docs] == ["ok.txt"]
    assert {(Path(p.path).name, p.message) for p in problems} == {
        ("locked.txt", "permission denied"),
        ("locked", "permission denied"),
    }


def test_long_line_without_punctuation_is_fast() -> None:
    text = "word " * 1_000_000  # 5 MB, one line
    for fmt in ("text", "markdown", "html"):
        started = time.perf_counter()
        assert len(to_plain(text, fmt)) == len(text)
        assert time.perf_counter() - started < 3, fmt


def test_deeply_nested_html(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<div>" * 100_000 + GOOD + "</div>" * 100_000, encoding="utf-8")
    started = time.perf_counter()
    (doc,), problems = read_documents([str(page)])
    assert time.perf_counter() - started < 5
    assert " ".join(doc.plain.split()) == GOOD
    assert problems == ()


def test_permission_denied_is_reported_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    real_open = open

    def deny(path: str, *args: object, **kwargs: object) -> object:
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(ravel.read, "open", deny, raising=False)
    docs, problems = read_documents([str(tmp_path)])
    assert [Path(d.id).name for d in docs] == ["ok.txt"]
    assert [(p.path, p.message, p.fatal) for p in problems] == [
        (f"{tmp_path}/locked.txt", "permission denied", True)
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_in_a_folder_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    docs, problems = read_documents([str(tmp_path)])
    assert [Path(d.id).name for d in docs] == ["ok.txt"]
    assert [(Path(p.path).name, p.message) for p in problems] == [
        ("pipe.txt", "not a regular file, skipped")
    ]


def test_truncated_utf16_keeps_its_text(tmp_path: Path) -> None:
    f = tmp_path / "cut.txt"
    f.write_bytes("Dozens died.".encode("utf-16") + b"\x41")  # an odd trailing byte
    (doc,), problems = read_documents([str(f)])
    assert doc.text.startswith("Dozens died.")
    assert [(p.message, p.fatal) for p in problems] == [("invalid utf-16 bytes replaced", False)]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_give_a_document_or_a_problem(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "x" + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        docs, problems = read_documents([path])
    assert len(docs) + sum(p.fatal for p in problems) == 1
    for doc in docs:
        assert len(doc.plain) == len(doc.text)
        assert doc.line_starts[0] == 0
    assert all(p.path == path and "\n" not in p.message for p in problems)


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_undecodable_file_name_is_printable(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode())
    docs, problems = read_documents([str(tmp_path)])
    assert [d.text for d in docs] == [GOOD]
    assert docs[0].id == f"{tmp_path}/caf\ufffd.txt"
    docs[0].id.encode("utf-8")  # printable
    assert problems == ()
