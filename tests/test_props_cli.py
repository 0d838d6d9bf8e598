"""Properties of the whole command-line path on arbitrary Unicode files (issue 7, point 4).

Texts are written to real files and run through `ravel claims --json` and `ravel diff
--json` in-process (CliRunner): never exit 3, stdout always parses, every offset is
exact against the file's text as ravel decodes it, and the documents' order does not
change the findings.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ravel.cli import app
from ravel.read import decode
from tests.conftest import SEEDS

runner = CliRunner()

SETTINGS = settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)

NEWSY = st.lists(
    st.sampled_from(
        [
            "On 24 June, police raided a house in Tula and killed two men.",
            "On 27 June 2025, a police raid in Tula killed 2 men.",
            "Dozens of people died when a ferry sank off Crete in December 2024.",
            "38 people died when the ferry sank on 25 December 2024.",
            "The minister never apologised for the raid.",
            "“We will not stop,” he said.",
            "Baku summoned Russia\u2019s envoy.",
            "The couple had 32 grandchildren.",
            "Joss Ackland, 95, died in Tula.",
            "The bus plunged into a <b>150m</b> ravine near Tula.",
            "The miners were trapped for about eight hours in Tula.",
            "There were 23 survivors, police spokesman Anton Brekke said.",
            "Twelve died in Medellin, while five died in San Remigio.",
            "\r\n",
            "\n\n",
            "\t",
            "\ufeff",
            "\u2028",
            "# ",
            "<p>",
            "---\n",
            "é",
            "😀",
            "",
        ]
    )
    | st.text(max_size=30),
    max_size=6,
).map(" ".join)
TEXTS = st.text(max_size=300) | NEWSY
SUFFIXES = st.sampled_from([".txt", ".md", ".html"])


def _invoke(*args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code != 3, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.stderr
    assert "Traceback" not in result.stderr
    return result


def _write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def _json(result: Any) -> dict[str, Any] | None:
    """The JSON on stdout; None when ravel exited 2 (nothing readable): then the JSON
    holds no documents, only the errors."""
    if result.exit_code == 2:
        assert json.loads(result.stdout)["documents"] == []
        return None
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _texts(paths: list[str]) -> dict[str, str]:
    """Each readable file's text as ravel decodes it."""
    out = {}
    for path in paths:
        try:
            out[path] = decode(Path(path).read_bytes())[0]
        except ValueError:  # binary: ravel skips it
            continue
    return out


def _check_claim(text: str, claim: dict[str, Any]) -> None:
    assert text[claim["start"] : claim["end"]] == claim["text"]
    assert claim["line"] == text.count("\n", 0, claim["start"]) + 1
    for slot in ("events", "actors", "places", "dates", "quantities"):
        for span in claim[slot]:
            assert claim["start"] <= span["start"] <= span["end"] <= claim["end"]
            assert text[span["start"] : span["end"]] == span["text"]


def _check_claims(data: dict[str, Any], texts: dict[str, str]) -> None:
    for doc in data["documents"]:
        for claim in doc["claims"]:
            _check_claim(texts[doc["path"]], claim)
    reported = {e["path"] for e in data["errors"]}
    assert reported | {d["path"] for d in data["documents"]} == set(texts) | reported


def _check_diff(data: dict[str, Any], texts: dict[str, str]) -> None:
    for finding in data["findings"]:
        for side in finding["claims"]:
            text = texts[side["document"]]
            assert text[side["start"] : side["end"]] == side["text"]
            assert text[side["surface_start"] : side["surface_end"]] == side["surface"]
    for event in data["events"]:
        for claim in event["claims"]:
            _check_claim(texts[claim["document"]], claim)


@SETTINGS
@given(a=TEXTS, b=TEXTS, suffix_a=SUFFIXES, suffix_b=SUFFIXES)
def test_claims_and_diff_on_any_text(a: str, b: str, suffix_a: str, suffix_b: str) -> None:
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):  # caches go there
        root = Path(folder)
        paths = [
            _write(root, "a" + suffix_a, a.encode("utf-8")),
            _write(root, "b" + suffix_b, b.encode("utf-8")),
        ]
        texts = _texts(paths)
        claims = _json(_invoke("claims", "--json", *paths))
        forward = _json(_invoke("diff", "--json", *paths))
        backward = _json(_invoke("diff", "--json", *reversed(paths)))
    if claims is None:
        assert forward is None
        assert backward is None
        assert not texts
        return
    assert forward is not None
    assert backward is not None
    _check_claims(claims, texts)
    _check_diff(forward, texts)
    assert sorted(f["id"] for f in forward["findings"]) == sorted(
        f["id"] for f in backward["findings"]
    )
    assert sorted(e["id"] for e in forward["events"]) == sorted(e["id"] for e in backward["events"])


@SETTINGS
@given(data=st.binary(max_size=300))
def test_any_bytes_never_crash_the_cli(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):  # caches go there
        path = _write(Path(folder), "x.txt", data)
        result = _invoke("claims", "--json", path)
        texts = _texts([path])
    parsed = _json(result)
    if parsed is None:
        assert f"ravel: {path}: " in result.stderr
        return
    _check_claims(parsed, texts)


STORY = "Police said on 27 June 2025 that\ttwo men died in a raid in Tula.\nIt was a raid."
OTHER = "On 24 June 2025, police in Tula said three men died in a raid."

# (file bytes, the text ravel must see, why)
CASES = [
    (STORY.encode("utf-8"), STORY, "plain UTF-8 with a tab"),
    (b"\xef\xbb\xbf" + STORY.encode("utf-8"), STORY, "a UTF-8 BOM is not part of the text"),
    (
        STORY.replace("\n", "\r\n").encode("utf-8"),
        STORY.replace("\n", "\r\n"),
        "CRLF line endings are kept, not translated",
    ),
    (
        b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode("utf-8"),
        STORY.replace("\n", "\r\n"),
        "BOM and CRLF",
    ),
    (
        ("\t\t" + STORY.replace(" ", "\t")).encode("utf-8"),
        "\t\t" + STORY.replace(" ", "\t"),
        "tabs for spaces",
    ),
    (STORY.replace("\n", "\r").encode("utf-8"), STORY.replace("\n", "\r"), "old Mac CR endings"),
    (STORY.encode("utf-16"), STORY, "UTF-16 with BOM"),
    (("\u2028" + STORY).encode("utf-8"), "\u2028" + STORY, "a Unicode line separator first"),
]
assert len({c[0] for c in CASES}) == len(CASES)


@pytest.mark.parametrize(("data", "text", "why"), CASES)
def test_offsets_exact_with_bom_crlf_and_tabs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: bytes, text: str, why: str
) -> None:
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, "story.txt", data)
    other = _write(tmp_path, "other.txt", OTHER.encode("utf-8"))
    result = _invoke("claims", "--json", path)
    claims = json.loads(result.stdout)["documents"][0]["claims"]
    assert decode(data)[0] == text, why
    assert claims, why
    for claim in claims:
        _check_claim(text, claim)
    first = claims[0]
    assert first["start"] == text.index("Police"), why
    (date,) = first["dates"]
    assert (date["value"], date["start"]) == ("2025-06-27", text.index("27")), why
    diff = json.loads(_invoke("diff", "--json", path, other).stdout)
    _check_diff(diff, {path: text, other: OTHER})


def _run_with_hash_seed(seed: str, *args: str, cwd: Path) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run(
        [sys.executable, "-m", "ravel", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("command", ["claims", "diff"])
def test_output_is_the_same_whatever_the_hash_seed(tmp_path: Path, command: str) -> None:
    """Set and dict-of-set iteration order changes with PYTHONHASHSEED between processes;
    the output must not."""
    seeds = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    first = _run_with_hash_seed("1", command, "--json", *seeds, cwd=tmp_path)
    assert first == _run_with_hash_seed("2", command, "--json", *seeds, cwd=tmp_path)
    if command == "diff":
        backward = _run_with_hash_seed("3", command, "--json", *reversed(seeds), cwd=tmp_path)
        ids = [sorted(f["id"] for f in json.loads(out)["findings"]) for out in (first, backward)]
        assert ids[0] == ids[1]
        assert ids[0], "the seeds have findings"
