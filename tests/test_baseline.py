from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ravel import atomic
from ravel.atomic import write_text_atomic
from ravel.baseline import SCHEMA, new_findings, read_baseline, write_baseline
from ravel.errors import ConfigError
from ravel.model import Claim, Finding, Side


def _finding(
    fid: str,
    docs: tuple[str, ...] = ("a.md", "b.md"),
    values: tuple[str, ...] = ("2024-03-03", "2024-03-05"),
) -> Finding:
    sides = tuple(
        Side(
            claim=Claim(id=f"{d}#0", doc_id=d, start=0, end=1, line=1, text="x"),
            surface=v,
            start=0,
            end=1,
            value=v,
        )
        for d, v in zip(docs, values, strict=True)
    )
    return Finding(
        id=fid,
        event_id="E1",
        event="collapse",
        slot="date",
        verdict="conflict",
        kind="date",
        explanation="",
        sides=sides,
    )


def test_write_baseline_shape(tmp_path: Path) -> None:
    path = tmp_path / ".ravel-baseline.json"
    findings = [_finding("Fb"), _finding("Fa", ("x.md", "y.md"), ("12", "13")), _finding("Fb")]
    write_baseline(path, findings)
    text = path.read_text(encoding="utf-8")
    assert text.endswith("}\n")
    assert json.loads(text) == {
        "schema": SCHEMA,
        "findings": [
            {
                "id": "Fa",
                "verdict": "conflict",
                "slot": "date",
                "documents": ["x.md", "y.md"],
                "values": ["12", "13"],
            },
            {
                "id": "Fb",
                "verdict": "conflict",
                "slot": "date",
                "documents": ["a.md", "b.md"],
                "values": ["2024-03-03", "2024-03-05"],
            },
        ],
    }
    assert read_baseline(path) == frozenset({"Fa", "Fb"})


def test_rewriting_drops_fixed_findings(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    write_baseline(path, [_finding("F1"), _finding("F2")])
    write_baseline(path, [_finding("F2")])
    assert read_baseline(path) == frozenset({"F2"})
    write_baseline(path, [])
    assert read_baseline(path) == frozenset()
    assert json.loads(path.read_text(encoding="utf-8")) == {"schema": SCHEMA, "findings": []}


def test_undecodable_file_names_are_escaped(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    write_baseline(path, [_finding("F1", ("caf\udce9.md", "b.md"))])
    assert read_baseline(path) == frozenset({"F1"})
    assert "\\udce9" in path.read_text(encoding="utf-8")


def test_new_findings_keeps_order() -> None:
    findings = [_finding("F3"), _finding("F1"), _finding("F2")]
    assert [f.id for f in new_findings(findings, frozenset({"F1"}))] == ["F3", "F2"]
    assert new_findings(findings, frozenset({"F1", "F2", "F3"})) == ()


# (file content, or None for no file, the exact error, why)
BAD: list[tuple[str | None, str, str]] = [
    (
        None,
        "{path}: baseline not found (create it with `ravel check --write-baseline {path}`)",
        "a missing file tells how to create it",
    ),
    ("", "{path}: not a ravel baseline: invalid JSON at line 1 (Expecting value)", "an empty file"),
    (
        '{"schema": "ravel.baseline/1", "findings": [}',
        "{path}: not a ravel baseline: invalid JSON at line 1 (Expecting value)",
        "broken JSON",
    ),
    ("[]", '{path}: not a ravel baseline: expected an object with "findings"', "an array"),
    (
        '{"schema": "ravel.baseline/9", "findings": []}',
        "{path}: unsupported baseline schema 'ravel.baseline/9' (expected 'ravel.baseline/1')",
        "a future schema",
    ),
    (
        '{"findings": []}',
        "{path}: unsupported baseline schema None (expected 'ravel.baseline/1')",
        "no schema",
    ),
    (
        '{"schema": "ravel.baseline/1", "findings": {}}',
        '{path}: not a ravel baseline: "findings" must be an array',
        "findings not a list",
    ),
    (
        '{"schema": "ravel.baseline/1", "findings": [{"id": "F1"}, {"id": 2}]}',
        '{path}: not a ravel baseline: finding 2 has no string "id"',
        "an id not a string",
    ),
]
assert len({c[0] for c in BAD}) == len(BAD)


@pytest.mark.parametrize(("content", "message", "why"), BAD, ids=[c[2] for c in BAD])
def test_read_baseline_errors(tmp_path: Path, content: str | None, message: str, why: str) -> None:
    path = tmp_path / "base.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        read_baseline(path)
    assert str(info.value) == message.format(path=path)


def test_read_baseline_not_utf8_and_folder(tmp_path: Path) -> None:
    path = tmp_path / "base.json"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ConfigError, match="not UTF-8"):
        read_baseline(path)
    with pytest.raises(ConfigError, match="is a folder"):
        read_baseline(tmp_path)


def test_write_baseline_error_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot write baseline: No such file or directory$"):
        write_baseline(tmp_path / "missing" / "b.json", [_finding("F1")])


def test_atomic_write_keeps_mode_and_leaves_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    write_text_atomic(path, "one\r\nzwei é\n")
    assert path.read_bytes() == "one\r\nzwei é\n".encode()
    os.chmod(path, 0o640)
    write_text_atomic(path, "two")
    assert path.read_text(encoding="utf-8") == "two"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_atomic_write_through_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("error", [KeyboardInterrupt, OSError], ids=["interrupt", "os-error"])
def test_atomic_write_cleans_up_on_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: type[BaseException]
) -> None:
    path = tmp_path / "out.txt"
    path.write_text("old", encoding="utf-8")

    def fail(*args: object) -> None:
        raise error()

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(error):
        write_text_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.text(min_size=1), st.text(), st.text()), max_size=5))
def test_any_findings_round_trip(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[str, str, str]]
) -> None:
    path = tmp_path_factory.getbasetemp() / "prop-baseline.json"
    findings = [_finding(fid, ("a.md", "b.md"), (v1, v2)) for fid, v1, v2 in rows]
    write_baseline(path, findings)
    assert read_baseline(path) == frozenset(fid for fid, _, _ in rows)
