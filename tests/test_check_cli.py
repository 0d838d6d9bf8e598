"""`ravel check` from the outside: every exit code, streams, colour and the progress bar."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ravel.cli import app
from ravel.progress import MANY_DOCUMENTS, progress

runner = CliRunner()
CORPORA = {
    "clean": {
        "a.txt": "On 3 May 2024, police arrested two men in Lyon.\n",
        "b.txt": "Police arrested two men in Lyon on 3 May 2024.\n",
    },
    "conflict": {
        "a.txt": "On 24 June 2025, police raided a flat in Lyon and arrested two men.\n",
        "b.txt": "Police raided a flat in Lyon on 27 June 2025 and arrested two men.\n",
    },
    "compatible": {
        "a.txt": "In December 2024, a plane crash in Aktau killed 38 people.\n",
        "b.txt": "A plane crash in Aktau killed dozens of people in December 2024.\n",
    },
}
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[0-9;]+)m")  # a foreground colour


def corpus(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, text in CORPORA[name].items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def check(*args: str | Path, env: dict[str, str | None] | None = None) -> Any:
    return runner.invoke(app, ["check", "--isolated", *map(str, args)], env=env)


# ---- exit codes --------------------------------------------------------------------------

EXIT_CASES = [
    ("clean", (), 0, "agreements never fail"),
    ("conflict", (), 1, "a conflict fails by default"),
    ("conflict", ("--exit-zero",), 0, "--exit-zero reports but passes"),
    ("compatible", (), 0, "a compatible finding passes by default"),
    ("compatible", ("--fail-on", "compatible"), 1, "--fail-on compatible makes it fail"),
    ("conflict", ("--fail-on", "disputed"), 1, "a conflict is above disputed"),
    ("clean", ("--fail-on", "compatible"), 0, "agreements pass even at the lowest bar"),
]
assert len({c[:2] for c in EXIT_CASES}) == len(EXIT_CASES)


@pytest.mark.parametrize(("name", "args", "code", "why"), EXIT_CASES)
def test_exit_codes(tmp_path: Path, name: str, args: tuple[str, ...], code: int, why: str) -> None:
    result = check(corpus(tmp_path, name), "--format", "line", *args)
    assert result.exit_code == code, (why, result.stderr)
    lines = result.stdout.splitlines()
    if code == 1 or "--exit-zero" in args:
        assert lines
        assert all(line.startswith(str(tmp_path / name)) for line in lines)
    assert "Traceback" not in result.stderr


def test_clean_corpus_prints_no_findings(tmp_path: Path) -> None:
    result = check(corpus(tmp_path, "clean"), "--format", "line")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "ravel check: 0 failing finding(s)\n"


def test_conflict_names_the_dates(tmp_path: Path) -> None:
    result = check(corpus(tmp_path, "conflict"), "--format", "line")
    (line,) = result.stdout.splitlines()
    assert ": RV101 date: conflict: a.txt says 24 June 2025; b.txt says 27 June 2025" in line
    assert line.startswith(f"{tmp_path / 'conflict' / 'a.txt'}:1:4: ")


CONFIGS = [
    ("ravel.toml", "fail_on = 'sometimes'\n", "fail_on", "a bad value"),
    ("ravel.toml", "fail-onn = 'conflict'\n", "fail-onn", "an unknown key"),
    ("ravel.toml", "fail_on = [\n", "ravel.toml", "not TOML"),
    ("pyproject.toml", "[tool.ravel]\nmax_bytes = 'big'\n", "max_bytes", "pyproject's table"),
]
assert len({c[1] for c in CONFIGS}) == len(CONFIGS)


@pytest.mark.parametrize(("file", "text", "mentions", "why"), CONFIGS)
def test_bad_config_file_exits_2_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, file: str, text: str, mentions: str,
    why: str,
) -> None:
    docs = corpus(tmp_path, "conflict")
    (tmp_path / file).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["check", str(docs)])  # discovered, not --isolated
    assert result.exit_code == 2, why
    assert result.stdout == ""
    (message,) = result.stderr.splitlines()
    assert file in message, why
    assert mentions in message, why


def test_explicit_config_file_that_is_missing_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    result = runner.invoke(app, ["check", str(corpus(tmp_path, "clean")), "--config",
                                 str(missing)])
    assert result.exit_code == 2
    assert "nope.toml" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_missing_path_alone_exits_2(tmp_path: Path) -> None:
    result = check(tmp_path / "missing.txt", "--format", "line")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr


USAGE_CASES = [
    (("--fail-on", "never"), "--fail-on"),
    (("--color", "sometimes", "--format", "table"), "--color"),
    (("--format", "yaml"), "--format"),
    (("--no-such-option",), "--no-such-option"),
]
assert len({c[0] for c in USAGE_CASES}) == len(USAGE_CASES)


@pytest.mark.parametrize(("args", "mentions"), USAGE_CASES)
def test_usage_errors_exit_2(tmp_path: Path, args: tuple[str, ...], mentions: str) -> None:
    result = check(corpus(tmp_path, "conflict"), *args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert mentions in result.stderr


def test_internal_error_exits_3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ravel.pipeline

    def boom(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(ravel.pipeline, "run", boom)
    result = check(corpus(tmp_path, "conflict"), "--format", "json")
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "internal error: ZeroDivisionError: boom" in result.stderr
    assert "Traceback" not in result.stderr


# ---- streams and terminal manners -------------------------------------------------------


def test_quiet_prints_findings_only(tmp_path: Path) -> None:
    loud = check(corpus(tmp_path, "conflict"), "--format", "line")
    quiet = check(tmp_path / "conflict", "--format", "line", "--quiet")
    assert quiet.exit_code == loud.exit_code == 1
    assert quiet.stdout == loud.stdout != ""
    assert quiet.stderr == ""
    assert loud.stderr != ""


COLOR_CASES = [
    ((), {}, False, "not a terminal: plain"),
    (("--color", "always"), {}, True, "forced on"),
    (("--color", "never"), {"FORCE_COLOR": "1"}, False, "--color never beats FORCE_COLOR"),
    ((), {"FORCE_COLOR": "1"}, True, "FORCE_COLOR colours a pipe"),
    ((), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, "NO_COLOR beats FORCE_COLOR"),
    (("--color", "auto"), {"NO_COLOR": "1"}, False, "NO_COLOR"),
]
assert len({(c[0], tuple(c[1])) for c in COLOR_CASES}) == len(COLOR_CASES)


@pytest.mark.parametrize(("args", "env", "coloured", "why"), COLOR_CASES)
def test_colour(
    tmp_path: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool, why: str
) -> None:
    result = check(corpus(tmp_path, "conflict"), "--format", "table", *args,
                   env={"NO_COLOR": None, "FORCE_COLOR": None, **env})
    assert result.exit_code == 1
    assert bool(COLOUR.search(result.stdout)) is coloured, why
    assert "CONFLICT" in result.stdout


def test_color_always_beats_no_color(tmp_path: Path) -> None:
    result = check(corpus(tmp_path, "conflict"), "--format", "table", "--color", "always",
                   env={"NO_COLOR": "1"})
    assert COLOUR.search(result.stdout)


@pytest.mark.parametrize("fmt", ["line", "json", "jsonl", "sarif", "github", "markdown"])
def test_machine_formats_are_never_coloured(tmp_path: Path, fmt: str) -> None:
    result = check(corpus(tmp_path, "conflict"), "--format", fmt, "--color", "always",
                   env={"FORCE_COLOR": "1"})
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout


# ---- the progress bar --------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


PROGRESS_CASES = [
    (MANY_DOCUMENTS, True, True, 0.0, True, "many documents on a terminal"),
    (3, True, True, 0.0, False, "a few quick documents: no bar"),
    (3, True, True, 2.0, True, "a few slow documents: the bar appears"),
    (MANY_DOCUMENTS, False, True, 2.0, False, "disabled (--quiet)"),
    (MANY_DOCUMENTS, True, False, 2.0, False, "stderr is not a terminal"),
]
assert len({c[:4] for c in PROGRESS_CASES}) == len(PROGRESS_CASES)


@pytest.mark.parametrize(("total", "enabled", "tty", "step", "drawn", "why"), PROGRESS_CASES)
def test_progress_bar(
    total: int, enabled: bool, tty: bool, step: float, drawn: bool, why: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    stream = FakeTerminal() if tty else io.StringIO()
    now = [0.0]

    def clock() -> float:
        return now[0]

    with progress(total, enabled=enabled, label="reading", stream=stream, clock=clock) as bar:
        for _ in range(total):
            now[0] += step
            bar.advance()
    assert ("reading" in stream.getvalue()) is drawn, why
    assert capsys.readouterr().out == ""


def test_progress_never_writes_stdout_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    with progress(MANY_DOCUMENTS * 2, enabled=True, label="reading") as bar:
        bar.advance(MANY_DOCUMENTS * 2)
    assert capsys.readouterr().out == ""


def test_progress_total_can_come_later() -> None:
    stream = FakeTerminal()
    with progress(0, enabled=True, label="reading", stream=stream, clock=lambda: 0.0) as bar:
        assert stream.getvalue() == ""
        bar.set_total(MANY_DOCUMENTS)
        bar.advance(MANY_DOCUMENTS)
    assert "reading" in stream.getvalue()
