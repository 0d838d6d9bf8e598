"""The command line: exit codes, streams, and the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from ravel import __version__
from ravel.cli import app
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
SCHEMAS = ROOT / "ravel" / "schema"


def invoke(*args: str, input: str | None = None) -> Any:
    return runner.invoke(app, list(args), input=input)


def schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def assert_spans_exact(data: dict[str, Any], claims: list[dict[str, Any]]) -> None:
    texts = {d["id"]: Path(d["path"]).read_text(encoding="utf-8") for d in data["documents"]}
    for claim in claims:
        text = texts[claim["document"]]
        assert text[claim["start"] : claim["end"]] == claim["text"]
        if "surface" in claim:
            assert text[claim["surface_start"] : claim["surface_end"]] == claim["surface"]


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"ravel {__version__}"


def test_every_command_has_help() -> None:
    for command in ("diff", "claims", "dates"):
        result = invoke(command, "--help")
        assert result.exit_code == 0
        assert "Usage" in result.stdout


def test_diff_json_on_seeds_follows_the_schema() -> None:
    result = invoke("diff", str(SEEDS), "--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema("diff"))
    assert data["schema"] == "ravel.diff/1"
    assert [d["id"] for d in data["documents"]] == sorted(d["id"] for d in data["documents"])
    assert_spans_exact(data, [c for f in data["findings"] for c in f["claims"]])
    assert_spans_exact(data, [c for e in data["events"] for c in e["claims"]])
    verdicts = [f["verdict"] for f in data["findings"]]
    assert "conflict" in verdicts
    assert verdicts == sorted(verdicts, key=["conflict", "disputed", "compatible",
                                             "agreement"].index)


def test_diff_is_deterministic() -> None:
    first = invoke("diff", str(SEEDS), "--json").stdout
    assert first == invoke("diff", str(SEEDS), "--json").stdout


def test_diff_table_shows_conflicts_and_summary() -> None:
    result = invoke("diff", str(SEEDS), "--format", "table")
    assert result.exit_code == 0
    assert "conflict" in result.stdout
    assert "3 documents ·" in result.stdout
    assert "agreements and compatible findings not shown" in result.stdout
    assert result.stderr == ""


def test_diff_all_shows_agreements() -> None:
    result = invoke("diff", str(SEEDS), "--all", "--format", "table")
    assert "agreement" in result.stdout
    assert "not shown" not in result.stdout


def test_fail_on_conflict_exits_1() -> None:
    assert invoke("diff", str(SEEDS), "--fail-on-conflict").exit_code == 1
    assert invoke("diff", str(SEEDS)).exit_code == 0


def test_no_readable_document_exits_2(tmp_path: Path) -> None:
    result = invoke("diff", str(tmp_path / "missing.txt"), "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)  # still a whole document: no documents, the errors
    assert data["documents"] == []
    assert [e["path"] for e in data["errors"]] == [str(tmp_path / "missing.txt")]
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_file_among_good_ones_is_reported_and_skipped(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = invoke("diff", str(SEEDS), str(missing), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [e["path"] for e in data["errors"]] == [str(missing)]
    assert len(data["documents"]) == 3
    assert str(missing) in result.stderr


def test_strict_makes_a_bad_file_fatal(tmp_path: Path) -> None:
    result = invoke("diff", str(SEEDS), str(tmp_path / "missing.txt"), "--strict", "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["findings"] == []
    assert invoke("diff", str(SEEDS), str(tmp_path / "missing.txt"), "--strict").stdout == ""


def test_bad_reference_date_is_a_usage_error() -> None:
    result = invoke("claims", str(SEEDS), "--reference-date", "June 2025")
    assert result.exit_code == 2
    assert "--reference-date" in result.stderr


def test_unknown_option_is_a_usage_error() -> None:
    assert invoke("diff", str(SEEDS), "--no-such-option").exit_code == 2


def test_internal_error_exits_3(monkeypatch: pytest.MonkeyPatch) -> None:
    import ravel.pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(ravel.pipeline, "run", boom)
    result = invoke("diff", str(SEEDS), "--json")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "internal error" in result.stderr
    assert "Traceback" not in result.stderr


def test_claims_json_follows_the_schema() -> None:
    result = invoke("claims", str(SEEDS), "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema("claims"))
    claims = [c for d in data["documents"] for c in d["claims"]]
    assert claims
    assert_spans_exact(data, claims)
    by_id = {d["id"]: d for d in data["documents"]}
    first = next(d for i, d in by_id.items() if i.endswith("000_ed2375f7656482b9.txt"))
    assert first["reference_date"] == "2025-07-04"
    assert first["reference_source"] == "byline"


def test_reference_date_option_overrides() -> None:
    result = invoke("claims", str(SEEDS), "--json", "--reference-date", "2020-01-02")
    data = json.loads(result.stdout)
    assert {(d["reference_date"], d["reference_source"]) for d in data["documents"]} == {
        ("2020-01-02", "option")
    }


def test_claims_table() -> None:
    result = invoke("claims", str(SEEDS / "003_1800808fe24368e4.txt"), "--format", "table")
    assert result.exit_code == 0
    assert "reference date" in result.stdout
    assert "1 document · " in result.stdout


def test_stdin() -> None:
    text = "On 3 May 2024, police arrested two men in Lyon.\n"
    result = invoke("claims", "-", "--json", input=text)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    (doc,) = data["documents"]
    assert doc["id"] == "-"
    (claim,) = doc["claims"]
    assert text[claim["start"] : claim["end"]] == claim["text"]


def test_dates_json(tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_text("The raid on 24 June followed talks in March 2025.", encoding="utf-8")
    result = invoke("dates", str(path), "--json", "--reference-date", "2025-07-01")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema("dates"))
    values = [(d["text"], d["type"], d["value"]) for d in data["documents"][0]["dates"]]
    assert values == [("24 June", "DATE", "2025-06-24"), ("March 2025", "DATE", "2025-03")]


def test_verbose_describes_each_document_on_stderr() -> None:
    result = invoke("diff", str(SEEDS), "--verbose", "--format", "line")
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert any("000_ed2375f7656482b9.txt: text, utf-8, reference date 2025-07-04 (byline)" in line
               for line in lines)
    assert lines[-1].startswith("ravel: 3 documents ·")
    assert invoke("diff", str(SEEDS), "--format", "line").stderr == ""


def test_cache_and_jobs_do_not_change_findings(tmp_path: Path) -> None:
    cache = str(tmp_path / "cache")
    plain = invoke("diff", str(SEEDS), "--json", "--no-cache", "--jobs", "1").stdout
    cold = invoke("diff", str(SEEDS), "--json", "--cache-dir", cache).stdout
    warm = invoke("diff", str(SEEDS), "--json", "--cache-dir", cache, "--jobs", "2").stdout
    assert json.loads(plain)["findings"] == json.loads(cold)["findings"]
    assert cold == warm
    assert (tmp_path / "cache" / "claims.sqlite").exists()
    cleared = invoke("cache", "clear", "--cache-dir", cache)
    assert cleared.exit_code == 0
    assert "3 document(s)" in cleared.stderr
