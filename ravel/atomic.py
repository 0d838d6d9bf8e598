"""Write a file so that readers see the old content or the new, never a torn mix."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

NEW_FILE_MODE = 0o666  # as open() would: the umask applies


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` (UTF-8, newlines as given) to `path` atomically.

    A temporary file in the same folder is written, flushed to disk and renamed over
    `path` with os.replace; it is removed on any error, KeyboardInterrupt included. An
    existing file keeps its permission bits; a symlink is written through, not replaced.
    """
    target = Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)
    data = text.encode("utf-8")
    temp: Path | None = None
    try:
        temp, fd = _create_temp(target)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(target, temp)
        os.replace(temp, target)
    except BaseException:
        if temp is not None:
            _remove(temp)
        raise
    _sync_folder(target.parent)


def _create_temp(target: Path) -> tuple[Path, int]:
    """An exclusively created, hidden temporary file beside `target`."""
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            return temp, os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
        except FileExistsError:
            continue


def _keep_mode(target: Path, temp: Path) -> None:
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return
    os.chmod(temp, mode)


def _remove(temp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
