"""Golden fixtures: each fixtures/<case>/ holds a small corpus and the expected findings.

expected.json is a compact view of `ravel diff --json` (verdicts, slots, values, sources,
and the aligned events); expected.out is `ravel diff --format line`. Regenerate both with
`pytest tests/test_golden.py --update-golden`, then read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ravel.cli import app
from tests.conftest import FIXTURES, ROOT

CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and (p / "expected.json").exists())


def _run(case: Path, *args: str) -> str:
    here = os.getcwd()
    os.chdir(ROOT)  # relative paths keep the output free of this machine's layout
    try:
        result = CliRunner().invoke(app, ["diff", str(case.relative_to(ROOT)), *args])
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def compact(data: dict[str, Any]) -> dict[str, Any]:
    def where(claim: dict[str, Any]) -> str:
        return f"{Path(claim['document']).name}:{claim['line']}"

    return {
        "findings": [
            {
                "verdict": f["verdict"],
                "slot": f["slot"],
                "kind": f["kind"],
                "sides": [f"{where(c)} {c['value']!s} «{c['surface']}»" for c in f["claims"]],
            }
            for f in data["findings"]
        ],
        "events": [[where(c) for c in e["claims"]] for e in data["events"]],
    }


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, update_golden: bool) -> None:
    got_json = compact(json.loads(_run(case, "--json")))
    got_line = _run(case, "--format", "line")
    if update_golden:
        text = json.dumps(got_json, indent=2, ensure_ascii=False) + "\n"
        (case / "expected.json").write_text(text, encoding="utf-8")
        (case / "expected.out").write_text(got_line, encoding="utf-8")
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    assert got_json == expected
    assert got_line == (case / "expected.out").read_text(encoding="utf-8")


def test_every_fixture_has_expectations() -> None:
    skip = {"timeml"}  # the TimeML harness's own fixtures
    cases = [p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name not in skip]
    assert sorted(cases) == [c.name for c in CASES]
