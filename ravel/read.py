"""Read documents from files, folders and stdin; decode them; never raise on bad input.

Every failure becomes an `InputProblem` (fatal: the file is skipped; non-fatal: a note,
the file is read). Its `message` does not repeat the path: show it as f"{path}: {message}".
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

import charset_normalizer

from ravel.model import Document, InputProblem
from ravel.prose import to_plain

DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

FORMAT_BY_EXTENSION = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
# A page saved with a .txt name: it opens with markup and soon declares itself.
HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html[\s>])", re.I)
SNIFF_CHARS = 1024

# Byte-order marks, longest first: a UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# A valid UTF-8 sequence of two or more bytes: evidence that a file with a few bad bytes
# is still UTF-8 rather than a legacy code page.
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# C0 controls that never occur in text (tab, newlines, form feed, escape are allowed).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
MAX_CONTROL_RATIO = 0.01
# A non-ASCII letter between two others: rare in Western text decoded as cp1252
# ("é" sits among ASCII letters), the rule when Cyrillic or Greek bytes are read so.
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f](?=[^\x00-\x7f]{2})")
NON_ASCII_LETTER = re.compile(r"[^\W\x00-\x7f]")
MAX_NON_ASCII_RUN_RATIO = 0.3
# Share of the high bytes that are NUL in BOM-less UTF-16: ASCII-heavy text gives ~100%.
MIN_UTF16_NULS = 0.7


def decode(data: bytes) -> tuple[str, str, str | None]:
    """Decode `data`; return the text, the codec used and a note when the codec was a guess.

    A UTF-8 (or UTF-16/32) byte-order mark is consumed by the codec ("utf-8-sig"), so it is
    not part of the text: offsets then count from the first real character. Raises
    ValueError("binary file") when the bytes are not text.
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, None
            except UnicodeDecodeError:
                return data.decode(codec, "replace"), codec, f"invalid {codec} bytes replaced"
    if b"\x00" in data:
        return _decode_utf16_without_bom(data)
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str, str | None]:
    """Mostly-ASCII UTF-16 has a NUL in every other byte; any other NUL means binary."""
    if len(data) % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        half = len(data) // 2
        for codec, nuls, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
            if nuls >= half * MIN_UTF16_NULS and others <= half * 0.01:
                try:
                    text = data.decode(codec)
                except UnicodeDecodeError:
                    continue
                if _looks_like_text(text):
                    return text, codec, f"decoded as {codec} (no byte-order mark)"
    raise ValueError("binary file")


def _decode_legacy(data: bytes) -> tuple[str, str, str | None]:
    """Not valid UTF-8: mostly UTF-8, a Western code page, a guess, or binary."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if len(UTF8_MULTIBYTE.findall(data)) >= bad:
        return text, "utf-8", f"decoded as utf-8 with {bad} invalid byte(s) replaced"
    western = _decode_western(data)
    if western is not None:
        return western
    best = charset_normalizer.from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _looks_like_text(text):
            return text, best.encoding, f"decoded as {best.encoding}"
    text = data.decode("latin-1")
    if _looks_like_text(text):
        return text, "latin-1", "decoded as latin-1"
    raise ValueError("binary file")


def _decode_western(data: bytes) -> tuple[str, str, str] | None:
    """cp1252 (or latin-1) when the result reads like Western text.

    Tried before charset-normalizer, which calls short French or German text cp1250 or
    cp1257 and so garbles it.
    """
    for codec in ("cp1252", "latin-1"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = len(NON_ASCII_LETTER.findall(text))
        runs = len(NON_ASCII_RUN.findall(text))
        if _looks_like_text(text) and runs <= letters * MAX_NON_ASCII_RUN_RATIO:
            return text, codec, f"decoded as {codec}"
    return None


def _looks_like_text(text: str) -> bool:
    return len(CONTROL.findall(text)) <= len(text) * MAX_CONTROL_RATIO


def sniff_format(path: str, text: str) -> str:
    """The format by extension, else "html" for a text that opens like a page, else "text"."""
    ext = os.path.splitext(path)[1].lower()
    if ext in FORMAT_BY_EXTENSION:
        return FORMAT_BY_EXTENSION[ext]
    head = text[:SNIFF_CHARS].lstrip()
    return "html" if head.startswith("<") and HTML_SNIFF.search(head) else "text"


def read_documents(
    paths: Sequence[str],
    *,
    stdin: BinaryIO | None = None,
    extensions: Sequence[str] = DEFAULT_EXTENSIONS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[tuple[Document, ...], tuple[InputProblem, ...]]:
    """Read files, folders (recursively) and "-" (stdin) into Documents, in order given.

    Problems never raise: each is one InputProblem. A file reached twice is read once.
    """
    reader = _Reader(stdin, tuple(e.lower() for e in extensions), max_bytes)
    for path in paths:
        reader.add(path)
    return tuple(reader.documents), tuple(reader.problems)


class _Reader:
    """Accumulates documents and problems; remembers which files it has read."""

    def __init__(self, stdin: BinaryIO | None, extensions: tuple[str, ...], max_bytes: int):
        self.stdin = stdin
        self.extensions = extensions
        self.max_bytes = max_bytes
        self.documents: list[Document] = []
        self.problems: list[InputProblem] = []
        self.seen: set[tuple[int, int] | str] = set()

    def problem(self, path: str, message: str, *, fatal: bool = True) -> None:
        self.problems.append(InputProblem(path=_printable(path), message=message, fatal=fatal))

    def add(self, path: str) -> None:
        if path == "-":
            self._add_stdin()
            return
        try:
            st = os.stat(path)
        except OSError as exc:
            self.problem(path, _os_message(exc, path))
            return
        if stat.S_ISDIR(st.st_mode):
            self._add_folder(path, st)
        else:
            self._add_file(path, st)

    def _add_stdin(self) -> None:
        if "-" in self.seen:
            return
        self.seen.add("-")
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        try:
            data = stream.read(self.max_bytes + 1)
        except (OSError, ValueError) as exc:
            self.problem("-", f"cannot read standard input: {_reason(exc)}")
            return
        if len(data) > self.max_bytes:
            self.problem("-", _too_large(None, self.max_bytes))
            return
        self._add_bytes("-", data)

    def _add_file(self, path: str, st: os.stat_result) -> None:
        key = (st.st_dev, st.st_ino)
        if key in self.seen:
            return
        self.seen.add(key)
        if stat.S_ISREG(st.st_mode) and st.st_size > self.max_bytes:
            self.problem(path, _too_large(st.st_size, self.max_bytes))
            return
        try:
            with open(path, "rb") as handle:
                data = handle.read(self.max_bytes + 1)
        except OSError as exc:
            self.problem(path, _os_message(exc, path))
            return
        if len(data) > self.max_bytes:
            self.problem(path, _too_large(None, self.max_bytes))
            return
        self._add_bytes(path, data)

    def _add_bytes(self, path: str, data: bytes) -> None:
        try:
            text, encoding, note = decode(data)
        except ValueError:
            self.problem(path, "binary file, skipped")
            return
        notes: list[str] = []
        if note:
            notes.append(note)
        if not text.strip():
            notes.append("empty file" if not text else "no text (whitespace only)")
        for message in notes:
            self.problem(path, message, fatal=False)
        fmt = sniff_format(path, text)
        self.documents.append(
            Document.create(
                id=_printable(path),
                path=_printable(path),
                text=text,
                plain=to_plain(text, fmt),
                format=fmt,
                encoding=encoding,
                notes=tuple(notes),
            )
        )

    def _add_folder(self, folder: str, st: os.stat_result) -> None:
        found = 0
        for path in _walk(folder, st, self):
            found += 1
            try:
                file_st = os.stat(path)
            except OSError as exc:
                self.problem(path, _os_message(exc, path))
                continue
            if not stat.S_ISREG(file_st.st_mode):  # a FIFO or device would block or never end
                self.problem(path, "not a regular file, skipped")
                continue
            self._add_file(path, file_st)
        if not found:
            wanted = "/".join(self.extensions) or "matching"
            self.problem(folder, f"no {wanted} files", fatal=False)


def _walk(folder: str, st: os.stat_result, reader: _Reader) -> Iterator[str]:
    """Files under `folder` with a wanted extension, sorted by relative path.

    Hidden entries (".git", ".cache", ".notes.md") are skipped; a symlinked folder is
    followed once, so a link back to an ancestor cannot loop.
    """
    visited = {(st.st_dev, st.st_ino)}
    stack = [""]
    found: list[str] = []
    while stack:
        rel = stack.pop()
        here = os.path.join(folder, rel) if rel else folder
        try:
            with os.scandir(here) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            reader.problem(_display(folder, rel), _os_message(exc, here))
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            sub = f"{rel}/{entry.name}" if rel else entry.name
            if _is_dir(entry):
                key = _dir_key(entry)
                if key is None or key in visited:
                    continue  # a symlink loop or a folder already walked
                visited.add(key)
                stack.append(sub)
            elif os.path.splitext(entry.name)[1].lower() in reader.extensions:
                found.append(sub)
    for sub in sorted(found):
        yield _display(folder, sub)


def _printable(path: str) -> str:
    """The path with undecodable file-name bytes (surrogate escapes) shown as U+FFFD, so
    it can be printed and written as JSON."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return path


def _display(folder: str, rel: str) -> str:
    """folder + "/" + rel with forward slashes: the id of a file found in a folder."""
    base = folder.replace(os.sep, "/")
    if not rel:
        return base
    while base.startswith("./") and len(base) > 2:
        base = base[2:]  # "./docs" -> "docs"
    if base in (".", "./"):
        return rel.replace(os.sep, "/")  # files of the working directory: "a.md", not "./a.md"
    return base + rel if base.endswith("/") else f"{base}/{rel}"


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows symlinks; a looping link raises or is False
    except OSError:
        return False


def _dir_key(entry: os.DirEntry[str]) -> tuple[int, int] | None:
    try:
        st = entry.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _os_message(exc: OSError, path: str) -> str:
    """A one-line reason for an OSError, without the path (the problem carries it)."""
    if exc.errno == errno.ENOENT:
        if os.path.islink(path):
            return "broken symbolic link (its target does not exist)"
        return "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    if exc.errno == errno.ENOTDIR:
        return "a part of the path is not a directory"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"cannot read: {_reason(exc)}"


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return reason.splitlines()[0] if reason else type(exc).__name__


def _too_large(size: int | None, limit: int) -> str:
    what = f"{_size(size)} is" if size is not None else "it is"
    return f"{what} over the {_size(limit)} limit; raise it with --max-bytes"


def _size(n: int) -> str:
    """12.3 MB, 20 MB, 512 KB, 100 bytes."""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            value = f"{n / scale:.1f}".removesuffix(".0")
            return f"{value} {unit}"
    return f"{n} bytes"
