"""The last run's findings, kept in `.ravel-cache/last-run.json` for `ravel explain`.

Each finding is stored fully explained (both sides with their context, the slot values,
the alignment evidence, the reason for the verdict), so `explain` needs neither the
documents nor a re-run. Each document's size and mtime tell when the text shown is stale.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ravel import __version__
from ravel.atomic import write_text_atomic
from ravel.errors import RavelError
from ravel.explain import build_explanations, explanation_to_dict
from ravel.model import Report

SCHEMA = "ravel.last-run/1"
FILE_NAME = "last-run.json"
DEFAULT_CACHE_DIR = Path(".ravel-cache")
GITIGNORE = "# created by ravel: the cache is never committed\n*\n"


class LastRunError(RavelError):
    """The last-run file exists but cannot be used."""


MAX_FINDINGS = 2000  # the ones `explain` is asked about: conflicts come first; a re-run has all


def save_last_run(
    report: Report, paths: list[str], options: Mapping[str, Any], cache_dir: Path
) -> Path | None:
    """Store what `ravel explain` needs; None when the cache folder cannot be written.

    A read-only checkout must not fail a check, so OSError means "no cache", not an error.
    """
    data = {
        "schema": SCHEMA,
        "ravel": __version__,
        "paths": [_printable(p) for p in paths],
        "options": {k: _jsonable(v) for k, v in options.items()},
        "documents": [_stamp(d.id, d.path) for d in report.documents],
        "findings": [
            explanation_to_dict(e) for e in build_explanations(report, limit=MAX_FINDINGS)
        ],
    }
    target = Path(cache_dir) / FILE_NAME
    try:
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        ignore = Path(cache_dir) / ".gitignore"
        if not ignore.exists():
            write_text_atomic(ignore, GITIGNORE)
        write_text_atomic(target, json.dumps(data, ensure_ascii=False) + "\n")
    except (OSError, UnicodeError):
        return None
    return target


def _printable(path: str) -> str:
    """A command-line path with undecodable bytes (surrogate escapes) shown as U+FFFD."""
    return path.encode("utf-8", "replace").decode("utf-8")


def load_last_run(cache_dir: Path) -> dict[str, Any] | None:
    """The stored last run, or None when there is none."""
    path = Path(cache_dir) / FILE_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise LastRunError(f"{path}: cannot read the last run ({err})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise LastRunError(f"{path}: not a ravel last-run file (run `ravel diff` again)")
    return data


def changed_documents(last_run: Mapping[str, Any]) -> list[str]:
    """Paths of the last run's documents whose size or mtime differ now (or are gone)."""
    changed = []
    for doc in last_run.get("documents", []):
        if doc.get("size") is not None and _stamp(doc["id"], doc["path"]) != doc:
            changed.append(doc["path"])
    return changed


def _stamp(doc_id: str, path: str) -> dict[str, Any]:
    """A document's identity on disk; standard input has none."""
    try:
        st = os.stat(path) if path != "-" else None
    except OSError:
        st = None
    return {"id": doc_id, "path": path, "size": st.st_size if st else None,
            "mtime_ns": st.st_mtime_ns if st else None}


def _jsonable(value: Any) -> Any:
    """Options as JSON: dates as ISO strings, anything else unusual as its str()."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else str(value)
