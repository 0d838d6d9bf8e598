"""Output formats: SARIF against the official schema, one line per finding in line/github,
jsonl that parses line by line, Markdown tables, no wrapping, and formats per command.

The CLI runs for real; only the pipeline's result for a given list of paths is memoised
(`_memo_pipeline`), since these tests are about what is printed, not what is found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ravel import formats, pipeline
from ravel.cli import app
from ravel.model import Report
from tests.conftest import SEEDS
from tests.helpers import report_of

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
LINE = re.compile(r"(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<rule>RV\d{3}) (?P<slot>\w+): "
                  r"(?P<message>.*) \[(?P<id>F[0-9a-f]{10})\]")
GITHUB = re.compile(r"::(?P<level>error|warning|notice) file=(?P<path>[^,]+),line=(?P<line>\d+),"
                    r"col=(?P<col>\d+),title=(?P<title>[^:]*)::(?P<message>.*) "
                    r"\[(?P<id>F[0-9a-f]{10})\]")
CONFLICT_TEXTS = {
    "a.txt": "On 24 June 2025, police raided a flat in Lyon and arrested two men.\n",
    "b.txt": "Police raided a flat in Lyon on 27 June 2025 and arrested two men.\n",
}

runner = CliRunner()
_MEMO: dict[tuple[str, tuple[str, ...]], Any] = {}


@pytest.fixture(autouse=True)
def _memo_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("run", "load", "tag_dates"):
        monkeypatch.setattr(pipeline, name, _memoised(name, getattr(pipeline, name)))


def _memoised(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
    def call(paths: Sequence[str], *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("stdin") is not None:
            return real(paths, *args, **kwargs)
        key = (name, tuple(map(str, paths)))
        if key not in _MEMO:
            _MEMO[key] = real(paths, *args, **kwargs)
        return _MEMO[key]

    return call


def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
    return runner.invoke(app, list(args), env=env)


@cache
def seeds_output(command: str, fmt: str) -> tuple[int, str, str]:
    result = invoke(command, str(SEEDS), "--format", fmt)
    return result.exit_code, result.stdout, result.stderr


@cache
def sarif_validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())


def seeds_findings(command: str) -> list[dict[str, Any]]:
    return json.loads(seeds_output(command, "json")[1])["findings"]  # type: ignore[no-any-return]


def position(claim: dict[str, Any]) -> tuple[str, int, int]:
    """path, 1-based line and column of a finding side's phrase, from the JSON alone."""
    path = claim["document"]
    text = Path(path).read_text(encoding="utf-8")
    start = claim["surface_start"]
    return path, text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1


# ---- SARIF -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "diff"])
def test_sarif_validates_against_the_official_schema(command: str) -> None:
    code, out, _ = seeds_output(command, "sarif")
    assert code == (1 if command == "check" else 0)
    data = json.loads(out)
    errors = [e.message for e in sarif_validator().iter_errors(data)]
    assert errors == []
    assert data["version"] == "2.1.0"
    assert len(data["runs"][0]["results"]) == len(seeds_findings(command))


def test_sarif_fingerprints_locations_and_rules() -> None:
    data = json.loads(seeds_output("diff", "sarif")[1])
    run = data["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    findings = seeds_findings("diff")
    for result, finding in zip(run["results"], findings, strict=True):
        assert result["partialFingerprints"]["ravelFinding/v1"] == finding["id"]
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] == formats.SARIF_LEVEL[finding["verdict"]]
        sides = [result["locations"][0], *result["relatedLocations"]]
        for loc, claim in zip(sides, finding["claims"], strict=True):
            path, line, col = position(claim)
            region = loc["physicalLocation"]["region"]
            assert loc["physicalLocation"]["artifactLocation"]["uri"] == Path(path).as_uri()
            assert (region["startLine"], region["startColumn"]) == (line, col)
            assert region["snippet"]["text"] == claim["surface"]


def test_sarif_of_a_clean_run_is_valid_and_empty(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The weather was mild.\n", encoding="utf-8")
    result = invoke("check", str(tmp_path), "--format", "sarif")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert list(sarif_validator().iter_errors(data)) == []
    assert data["runs"][0]["results"] == []


URI_CASES = [
    ("seeds/a.txt", "seeds/a.txt", "a relative path stays relative"),
    ("my docs/a b.txt", "my%20docs/a%20b.txt", "spaces are percent-encoded"),
    ("notes\\a.txt", "notes/a.txt", "Windows separators become slashes"),
    ("/tmp/x/é.txt", "file:///tmp/x/%C3%A9.txt", "an absolute path is a file URI"),
    ("café#1.txt", "caf%C3%A9%231.txt", "a # would start a fragment"),
    ("-", "-", "standard input"),
]
assert len({c[0] for c in URI_CASES}) == len(URI_CASES)


@pytest.mark.parametrize(("path", "expected", "why"), URI_CASES)
def test_artifact_uri(path: str, expected: str, why: str) -> None:
    assert formats.artifact_uri(path) == expected, why


# ---- line and github ---------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "diff"])
def test_line_format_is_one_line_per_finding_at_the_right_place(command: str) -> None:
    _, out, _ = seeds_output(command, "line")
    findings = seeds_findings(command)
    lines = out.splitlines()
    assert len(lines) == len(findings) > 0
    for text, finding in zip(lines, findings, strict=True):
        match = LINE.fullmatch(text)
        assert match, text
        path, line, col = position(finding["claims"][0])
        assert (match["path"], int(match["line"]), int(match["col"])) == (path, line, col)
        assert match["id"] == finding["id"]
        assert match["slot"] == finding["slot"]
        assert match["message"].startswith(finding["verdict"] + ": ")


@pytest.mark.parametrize("command", ["check", "diff"])
def test_github_format_is_one_workflow_command_per_finding(command: str) -> None:
    _, out, _ = seeds_output(command, "github")
    findings = seeds_findings(command)
    lines = out.splitlines()
    assert len(lines) == len(findings) > 0
    for text, finding in zip(lines, findings, strict=True):
        match = GITHUB.fullmatch(text)
        assert match, text
        path, line, col = position(finding["claims"][0])
        assert (match["path"], int(match["line"]), int(match["col"])) == (path, line, col)
        assert match["level"] == formats.GITHUB_LEVEL[finding["verdict"]]
        assert match["id"] == finding["id"]
        assert "," not in match["title"]
        assert match["title"].startswith("RV")


GH_CASES = [
    ("plain", "plain", "plain", "nothing to escape"),
    ("50%", "50%25", "50%25", "percent first, so escapes are not doubled"),
    ("a\nb\rc", "a%0Ab%0Dc", "a%0Ab%0Dc", "line breaks would end the command"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc", "colon and comma end a property, not the message"),
]
assert len({c[0] for c in GH_CASES}) == len(GH_CASES)


@pytest.mark.parametrize(("text", "data", "prop", "why"), GH_CASES)
def test_github_escaping(text: str, data: str, prop: str, why: str) -> None:
    assert (formats._gh_data(text), formats._gh_prop(text)) == (data, prop), why


def test_line_and_github_are_never_wrapped_or_truncated() -> None:
    env = {"COLUMNS": "30", "LINES": "5"}
    for fmt in ("line", "markdown"):
        narrow = invoke("diff", str(SEEDS), "--format", fmt, env=env).stdout
        assert narrow == seeds_output("diff", fmt)[1], fmt
        assert max(len(x) for x in narrow.splitlines()) > 100, fmt
    assert "\x1b" not in seeds_output("diff", "line")[1]


# ---- jsonl, json, markdown ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["diff", "check", "claims", "dates"])
def test_jsonl_lines_each_parse_and_carry_a_type(command: str) -> None:
    _, out, _ = seeds_output(command, "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows[0]["type"] == "run"
    assert all(isinstance(r.get("type"), str) for r in rows)
    kinds = {r["type"] for r in rows}
    expected = {"diff": "finding", "check": "finding", "claims": "claim", "dates": "date"}
    assert {"document", expected[command]} <= kinds
    assert kinds <= {"run", "document", "finding", "claim", "date", "error"}


def test_claims_jsonl_spans_are_exact() -> None:
    rows = [json.loads(x) for x in seeds_output("claims", "jsonl")[1].splitlines()]
    texts = {r["id"]: Path(r["path"]).read_text(encoding="utf-8")
             for r in rows if r["type"] == "document"}
    for row in (r for r in rows if r["type"] == "claim"):
        assert texts[row["document"]][row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize("command", ["diff", "check", "claims", "dates"])
def test_json_flag_and_format_json_agree(command: str) -> None:
    flag = invoke(command, str(SEEDS), "--json")
    assert flag.stdout == seeds_output(command, "json")[1]
    assert flag.exit_code == seeds_output(command, "json")[0]
    json.loads(flag.stdout)


def test_markdown_has_one_table_row_per_finding() -> None:
    _, out, _ = seeds_output("diff", "markdown")
    findings = seeds_findings("diff")
    rows = [x for x in out.splitlines() if x.startswith("| **")]
    assert len(rows) == len(findings)
    for row, finding in zip(rows, findings, strict=True):
        cells = re.split(r"(?<!\\)\|", row)[1:-1]
        assert len(cells) == 6
        assert cells[0].strip() == f"**{finding['verdict']}**"
        assert cells[5].strip() == f"`{finding['id']}`"


MD_CASES = [
    ("a | b", "a \\| b", "a pipe would split the cell"),
    ("*x* _y_", "\\*x\\* \\_y\\_", "no emphasis from document text"),
    ("[a](b)", "\\[a\\](b)", "no links"),
    ("<b>x</b>", "\\<b\\>x\\</b\\>", "no HTML"),
    ("line\nbreak", "line break", "one line per row"),
]
assert len({c[0] for c in MD_CASES}) == len(MD_CASES)


@pytest.mark.parametrize(("text", "expected", "why"), MD_CASES)
def test_markdown_escaping(text: str, expected: str, why: str) -> None:
    assert formats._md(text) == expected, why


def test_markdown_code_span_survives_backticks_and_pipes() -> None:
    assert formats._code("a.txt:3") == "`a.txt:3`"
    assert formats._code("we`ird|.txt") == "``we`ird\\|.txt``"


# ---- formats per command ----------------------------------------------------------------

FORMAT_CASES = [
    (("diff", "--format", "sarif"), 0, "every finding format for diff"),
    (("check", "--format", "github"), 1, "check fails on the seeds' conflicts"),
    (("claims", "--format", "jsonl"), 0, "claims streams jsonl"),
    (("claims", "--format", "sarif"), 2, "claims are not findings: no SARIF"),
    (("claims", "--format", "github"), 2, "nor workflow commands"),
    (("dates", "--format", "markdown"), 2, "dates have no Markdown"),
    (("dates", "--format", "sarif"), 2, "nor SARIF"),
    (("diff", "--format", "xml"), 2, "an unknown format"),
    (("diff", "--json", "--format", "line"), 2, "--json contradicts --format line"),
    (("check", "--json", "--format", "json"), 1, "--json agrees with --format json"),
]
assert len({c[0] for c in FORMAT_CASES}) == len(FORMAT_CASES)


@pytest.mark.parametrize(("args", "code", "why"), FORMAT_CASES)
def test_formats_allowed_per_command(args: tuple[str, ...], code: int, why: str) -> None:
    result = invoke(args[0], str(SEEDS), *args[1:])
    assert result.exit_code == code, (why, result.stderr)
    if code == 2:
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr


# ---- properties --------------------------------------------------------------------------

SURROUND = st.text(max_size=40)


@cache
def _conflict_report(prefix: str, suffix: str) -> Report:
    texts = {k: prefix + v + suffix for k, v in CONFLICT_TEXTS.items()}
    return report_of(texts)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(prefix=SURROUND, suffix=SURROUND)
def test_finding_formats_never_fail_and_point_at_the_phrase(prefix: str, suffix: str) -> None:
    report = _conflict_report(prefix, suffix)
    rendered = {fmt: render(report) for fmt, render in formats.FINDINGS_RENDERERS.items()}
    for fmt in ("json", "sarif"):
        json.loads(rendered[fmt])
    for row in rendered["jsonl"].splitlines():
        assert "type" in json.loads(row)
    docs = {d.id: d for d in report.documents}
    lines = rendered["line"].splitlines() if report.findings else []
    assert len(lines) == len(report.findings)
    for text, finding in zip(lines, report.findings, strict=True):
        side = finding.sides[0]
        doc = docs[side.claim.doc_id]
        assert doc.text[side.start : side.end] == side.surface
        before = doc.text[: side.start]
        line, col = before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1
        assert text.startswith(f"{doc.path}:{line}:{col}:")
        assert text.endswith(f"[{finding.id}]")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(max_size=200))
def test_claim_formats_never_fail_on_arbitrary_text(text: str) -> None:
    report = report_of({"a.txt": text})
    for fmt, render in formats.CLAIMS_RENDERERS.items():
        out = render(report)
        if fmt == "json":
            json.loads(out)
        if fmt == "jsonl":
            rows = [json.loads(x) for x in out.splitlines()]
            for row in (r for r in rows if r["type"] == "claim"):
                assert text[row["start"] : row["end"]] == row["text"]
        if fmt == "line":
            assert len(out.splitlines()) == len(report.claims) or not report.claims


@pytest.mark.parametrize("command", ["diff", "claims", "dates"])
def test_json_has_one_record_per_line(command: str) -> None:
    no_cache = [] if command == "dates" else ["--no-cache"]
    result = runner.invoke(app, [command, str(SEEDS), "--json", *no_cache])
    data = json.loads(result.stdout)
    lines = result.stdout.splitlines()
    records = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith("    ")]
    listed = [item for value in data.values() if isinstance(value, list) for item in value]
    assert records == listed
    assert records
    assert all(not line.startswith("     ") for line in lines)  # nothing nested is indented
