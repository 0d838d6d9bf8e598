"""Machine formats for findings and claims: line, jsonl, sarif, github, markdown.

Each renderer returns the whole text to print; none wraps or truncates.
"""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ravel import __version__
from ravel.model import Document, Finding, InputProblem, Report, Side, Timex
from ravel.wire import (
    claim_to_dict,
    claims_to_dict,
    dates_to_dict,
    diff_to_dict,
    document_to_dict,
    finding_to_dict,
    render_json,
    render_json_indented,
    summary_counts,
    summary_line,
    timex_to_dict,
)

Tagged = tuple[Document, tuple[Timex, ...]]

FORMATS = ("table", "line", "json", "jsonl", "sarif", "github", "markdown")
MD_SPECIAL = re.compile(r"[\\`*_\[\]<>|~#!]")  # escaped with a backslash in table cells
BACKTICKS = re.compile(r"`+")
JSONL_BREAKS = re.compile("[\x85\u2028\u2029]")  # line breaks to str.splitlines, not to JSON
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

# (verdict, kind or slot) -> rule; "*" is the fallback for a verdict
RULES: dict[tuple[str, str], tuple[str, str]] = {
    ("conflict", "date"): ("RV101", "Sources give disjoint dates for one event"),
    ("conflict", "quantity/clear"): ("RV102", "Sources give clearly different counts"),
    ("conflict", "quantity/off-by-one"): ("RV103", "Sources' counts differ by one"),
    ("conflict", "quantity"): ("RV102", "Sources give clearly different counts"),
    ("conflict", "polarity"): ("RV104", "One source says it happened, another that it did not"),
    ("conflict", "actor"): ("RV105", "Sources name different actors for one event"),
    ("conflict", "role"): ("RV106", "Sources name different offices or roles"),
    ("conflict", "place"): ("RV107", "Sources place one event in different places"),
    ("conflict", "spelling"): ("RV108", "Sources spell one person's name two ways"),
    ("conflict", "time"): ("RV109", "Sources give one event different times of day"),
    ("conflict", "*"): ("RV199", "Sources conflict"),
    ("disputed", "*"): ("RV201", "Parties give incompatible accounts, reported as such"),
    ("compatible", "date"): ("RV301", "Dates differ in precision but agree"),
    ("compatible", "quantity"): ("RV302", "Counts differ in precision but agree"),
    ("compatible", "*"): ("RV399", "Values differ in precision but agree"),
    ("agreement", "*"): ("RV401", "Sources agree"),
}
SARIF_LEVEL = {"conflict": "error", "disputed": "warning", "compatible": "note",
               "agreement": "note"}
GITHUB_LEVEL = {"conflict": "error", "disputed": "warning", "compatible": "notice",
                "agreement": "notice"}


def rule_for(finding: Finding) -> tuple[str, str]:
    for key in (finding.kind, finding.slot, "*"):
        if (finding.verdict, key) in RULES:
            return RULES[(finding.verdict, key)]
    return RULES[("conflict", "*")]


def _docs(report: Report) -> dict[str, Document]:
    return {d.id: d for d in report.documents}


def _where(side: Side, docs: dict[str, Document]) -> tuple[str, int, int]:
    doc = docs[side.claim.doc_id]
    return doc.path, doc.line_of(side.start), doc.column_of(side.start)


def _message(finding: Finding, docs: dict[str, Document]) -> str:
    """One line: verdict, explanation, the other sides, and the id `ravel explain` takes."""
    others = ", ".join("{}:{}".format(*_where(s, docs)[:2]) for s in finding.sides[1:])
    vs = f" (vs {others})" if others else ""
    return f"{finding.verdict}: {_one_line(finding.explanation)}{vs} [{finding.id}]"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---- findings -----------------------------------------------------------------------------


def findings_line(report: Report) -> str:
    docs = _docs(report)
    lines = []
    for f in report.findings:
        path, line, col = _where(f.sides[0], docs)
        lines.append(f"{path}:{line}:{col}: {rule_for(f)[0]} {f.slot}: {_message(f, docs)}")
    return "\n".join(lines)


def findings_jsonl(report: Report) -> str:
    head = {"type": "run", "schema": "ravel.diff/1", "ravel": __version__,
            "summary": summary_counts(report)}
    rows: list[dict[str, Any]] = [head]
    rows += [{"type": "document", **document_to_dict(d)} for d in report.documents]
    rows += [{"type": "finding", **finding_to_dict(f)} for f in report.findings]
    return _jsonl(rows + _error_rows(report.problems))


def findings_github(report: Report) -> str:
    docs = _docs(report)
    lines = []
    for f in report.findings:
        path, line, col = _where(f.sides[0], docs)
        rule, title = rule_for(f)
        lines.append(
            f"::{GITHUB_LEVEL[f.verdict]} file={_gh_prop(path)},line={line},col={col},"
            f"title={_gh_prop(f'{rule} {title}')}::{_gh_data(_message(f, docs))}"
        )
    return "\n".join(lines)


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def findings_markdown(report: Report) -> str:
    docs = _docs(report)
    out = [f"### ravel: {summary_line(report)}", ""]
    if not report.findings:
        return "\n".join([*out, "No findings."])
    out += ["| verdict | slot | event | sources | values | id |",
            "| --- | --- | --- | --- | --- | --- |"]
    for f in report.findings:
        where = "<br>".join(_code("{}:{}".format(*_where(s, docs)[:2])) for s in f.sides)
        values = "<br>".join(_md(f"{s.value} (“{s.surface}”)") for s in f.sides)
        out.append(f"| **{f.verdict}** | {f.slot} | {_md(f.event)} | {where} | {values} "
                   f"| {_code(f.id)} |")
    return "\n".join(out)


def _md(text: str) -> str:
    """Document text as literal Markdown: one line, no emphasis, links, HTML or cell breaks."""
    return MD_SPECIAL.sub(r"\\\g<0>", _one_line(text))


def _code(text: str) -> str:
    """A code span whose fence outlasts any run of backticks inside it; `|` still escaped."""
    fence = "`" * (max((len(r) for r in BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    body = _one_line(text).replace("|", "\\|")  # GFM splits cells even inside code spans
    return f"{fence}{pad}{body}{pad}{fence}"


def findings_sarif(report: Report) -> str:
    docs = _docs(report)
    used = sorted({rule_for(f) for f in report.findings})
    rules = [{"id": rid, "shortDescription": {"text": text}} for rid, text in used]
    results = [_sarif_result(f, docs, [rid for rid, _ in used]) for f in report.findings]
    run = {
        "tool": {"driver": {"name": "ravel", "version": __version__, "rules": rules}},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    return render_json_indented({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})


def _sarif_result(f: Finding, docs: dict[str, Document], rule_ids: list[str]) -> dict[str, Any]:
    rule = rule_for(f)[0]
    locations = [_sarif_location(s, docs) for s in f.sides]
    return {
        "ruleId": rule,
        "ruleIndex": rule_ids.index(rule),
        "level": SARIF_LEVEL[f.verdict],
        "message": {"text": _message(f, docs)},
        "locations": locations[:1],
        "relatedLocations": [{**loc, "id": i} for i, loc in enumerate(locations[1:], 1)],
        "partialFingerprints": {"ravelFinding/v1": f.id},
        "properties": {"verdict": f.verdict, "slot": f.slot, "kind": f.kind,
                       "event": f.event, "values": [s.value for s in f.sides]},
    }


def _sarif_location(side: Side, docs: dict[str, Document]) -> dict[str, Any]:
    doc = docs[side.claim.doc_id]
    start_line, start_col = doc.line_of(side.start), doc.column_of(side.start)
    end_line, end_col = doc.line_of(side.end), doc.column_of(side.end)
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(doc.path)},
            "region": {"startLine": start_line, "startColumn": start_col,
                       "endLine": end_line, "endColumn": end_col,
                       "snippet": {"text": side.surface}},
        }
    }


def artifact_uri(path: str) -> str:
    """A path as a SARIF URI: relative stays relative, absolute becomes file://."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return urllib.parse.quote(path.replace("\\", "/"), safe="/-._~")


# ---- claims -------------------------------------------------------------------------------


def claims_line(report: Report) -> str:
    docs = _docs(report)
    return "\n".join(
        f"{docs[c.doc_id].path}:{c.line}:{docs[c.doc_id].column_of(c.start)}: "
        f"{_one_line(c.plain or c.text)}"
        for c in report.claims
    )


def claims_jsonl(report: Report) -> str:
    rows: list[dict[str, Any]] = [{"type": "run", "schema": "ravel.claims/1",
                                   "ravel": __version__}]
    rows += [{"type": "document", **document_to_dict(d)} for d in report.documents]
    rows += [{"type": "claim", **claim_to_dict(c)} for c in report.claims]
    return _jsonl(rows + _error_rows(report.problems))


def claims_markdown(report: Report) -> str:
    docs = _docs(report)
    out = ["| source | claim |", "| --- | --- |"]
    out += [f"| {_code(f'{docs[c.doc_id].path}:{c.line}')} | {_md(c.plain or c.text)} |"
            for c in report.claims]
    return "\n".join(out)


def dates_line(tagged: Sequence[Tagged], problems: Sequence[InputProblem]) -> str:
    return "\n".join(
        f"{doc.path}:{doc.line_of(t.start)}:{doc.column_of(t.start)}: {t.type} {t.value}"
        + (f" {t.mod}" if t.mod else "") + f" «{_one_line(t.text)}»"
        for doc, timexes in tagged
        for t in timexes
    )


def dates_jsonl(tagged: Sequence[Tagged], problems: Sequence[InputProblem]) -> str:
    rows: list[dict[str, Any]] = [{"type": "run", "schema": "ravel.dates/1",
                                   "ravel": __version__}]
    for doc, timexes in tagged:
        rows.append({"type": "document", **document_to_dict(doc)})
        rows += [{"type": "date", "document": doc.id, **_timex_row(t)} for t in timexes]
    return _jsonl(rows + _error_rows(problems))


def _error_rows(problems: Sequence[InputProblem]) -> list[dict[str, Any]]:
    return [{"type": "error", "path": p.path, "message": p.message} for p in problems if p.fatal]


def _timex_row(t: Timex) -> dict[str, Any]:
    """A timex for jsonl, where `type` names the record: its TIMEX3 type is `timex_type`."""
    data = timex_to_dict(t)
    return {("timex_type" if k == "type" else k): v for k, v in data.items()}


def _jsonl(rows: list[dict[str, Any]]) -> str:
    """One JSON object per line, even for readers that also break lines at U+0085/2028/2029."""
    return "\n".join(JSONL_BREAKS.sub(_escape, json.dumps(r, ensure_ascii=False)) for r in rows)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


FINDINGS_RENDERERS: dict[str, Callable[[Report], str]] = {
    "line": findings_line,
    "json": lambda r: render_json(diff_to_dict(r)),
    "jsonl": findings_jsonl,
    "sarif": findings_sarif,
    "github": findings_github,
    "markdown": findings_markdown,
}
CLAIMS_RENDERERS: dict[str, Callable[[Report], str]] = {
    "line": claims_line,
    "json": lambda r: render_json(claims_to_dict(r)),
    "jsonl": claims_jsonl,
    "markdown": claims_markdown,
}
DATES_RENDERERS: dict[str, Callable[[Sequence[Tagged], Sequence[InputProblem]], str]] = {
    "line": dates_line,
    "json": lambda t, p: render_json(dates_to_dict(t, p)),
    "jsonl": dates_jsonl,
}
