"""Baselines: accept today's findings, fail only on new ones.

`ravel check --write-baseline FILE` records the current findings by their stable ids;
`ravel check --baseline FILE` then fails only on findings whose id is not in FILE.
Rewriting the file drops findings that have been fixed: it always holds exactly the
findings of the run that wrote it. The ids say what a finding is, not where it is
(see compare._identity), so edits elsewhere in a document do not invalidate them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypedDict

from ravel.atomic import write_text_atomic
from ravel.errors import ConfigError
from ravel.model import Finding

SCHEMA = "ravel.baseline/1"


class BaselineEntry(TypedDict):
    id: str
    verdict: str
    slot: str
    documents: list[str]  # the document of each side, in the finding's order
    values: list[str]  # the normalized value of each side, in the same order


def baseline_dict(findings: Sequence[Finding]) -> dict[str, Any]:
    """The baseline's JSON shape: one entry per finding id, sorted by id."""
    entries: dict[str, BaselineEntry] = {}
    for finding in findings:
        entries.setdefault(finding.id, _entry(finding))
    return {"schema": SCHEMA, "findings": [entries[key] for key in sorted(entries)]}


def write_baseline(path: Path, findings: Sequence[Finding]) -> None:
    """Record exactly `findings` in `path`, atomically (a fixed finding drops out)."""
    data = baseline_dict(findings)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a file name that was not UTF-8 (surrogate escapes)
            text = json.dumps(data, indent=2) + "\n"
    try:
        write_text_atomic(Path(path), text)
    except OSError as err:
        raise ConfigError(f"{path}: cannot write baseline: {err.strerror or err}") from None


def read_baseline(path: Path) -> frozenset[str]:
    """The finding ids recorded in a baseline file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: baseline not found (create it with `ravel check --write-baseline {path}`)"
        ) from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: baseline is a folder, not a file") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read baseline: {err.strerror or err}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not a ravel baseline: not UTF-8 text") from None
    return _ids(_load_json(text, path), path)


def new_findings(findings: Sequence[Finding], baseline: frozenset[str]) -> tuple[Finding, ...]:
    """The findings the baseline does not know, in their original order."""
    return tuple(f for f in findings if f.id not in baseline)


def _entry(finding: Finding) -> BaselineEntry:
    return {
        "id": finding.id,
        "verdict": finding.verdict,
        "slot": finding.slot,
        "documents": [side.claim.doc_id for side in finding.sides],
        "values": [side.value for side in finding.sides],
    }


def _load_json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise ConfigError(
            f"{path}: not a ravel baseline: invalid JSON at line {err.lineno} ({err.msg})"
        ) from None


def _ids(data: Any, path: Path) -> frozenset[str]:
    if not isinstance(data, dict) or "findings" not in data:
        raise ConfigError(f'{path}: not a ravel baseline: expected an object with "findings"')
    schema = data.get("schema")
    if schema != SCHEMA:
        raise ConfigError(f"{path}: unsupported baseline schema {schema!r} (expected {SCHEMA!r})")
    entries = data["findings"]
    if not isinstance(entries, list):
        raise ConfigError(f'{path}: not a ravel baseline: "findings" must be an array')
    ids: set[str] = set()
    for n, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise ConfigError(f'{path}: not a ravel baseline: finding {n} has no string "id"')
        ids.add(entry["id"])
    return frozenset(ids)
