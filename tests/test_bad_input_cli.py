"""The bad-input corpus of issue 7 through real `ravel` processes.

The corpus is generated in tmp_path (no binaries are committed) and run through
`python -m ravel claims|diff --json`: real stdin/stdout, real exit codes, real
tracebacks if any. Each bad file must be named once in the JSON `errors` and once on
stderr as `ravel: PATH: problem`; every good file's claims must still be there.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from ravel.read import decode
from tests.conftest import SEEDS

GOOD = "On 27 June 2025, police in Tula said two men died in a raid."
GOOD_DATE = "2025-06-27"
GOOD_WORDS = "two men died"
OTHER = "Police said on 24 June 2025 that three men died in the raid in Tula."
BIG = 50 * 1024 * 1024
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
POSIX = os.name == "posix"
COMMANDS = ["claims", "diff"]


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


# name -> (content, expected, why). expected: "claim" (a document holding GOOD's claim),
# "doc" (a document, no claim asked for), or ("error", fragment) / ("note", fragment).
FILES: list[tuple[str, bytes, Any, str]] = [
    ("good.txt", _utf8(GOOD), "claim", "a plain good file"),
    ("other.md", _utf8(OTHER), "doc", "a second good file, so diff has something to align"),
    ("empty.txt", b"", ("note", "empty file"), "an empty file is a document with no claims"),
    ("blank.txt", b" \n\t\r\n  ", ("note", "whitespace only"), "whitespace only"),
    ("nul.txt", b"abc\x00def\x00ghi\x00", ("error", "binary file, skipped"), "NUL bytes"),
    (
        "image.png.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01",
        ("error", "binary file"),
        "a binary file with a text extension",
    ),
    ("noise.txt", bytes(range(256)) * 8, ("error", "binary file"), "every byte value"),
    (
        "bad-utf8.txt",
        _utf8(GOOD).replace(b"Tula", b"T\xffla\xfe"),
        "claim",
        "invalid UTF-8 bytes among valid text",
    ),
    ("utf16-bom.txt", GOOD.encode("utf-16"), "claim", "UTF-16 with a byte-order mark"),
    ("utf16le.txt", GOOD.encode("utf-16-le"), "claim", "UTF-16-LE without a byte-order mark"),
    ("utf16be.txt", GOOD.encode("utf-16-be"), "claim", "UTF-16-BE without a byte-order mark"),
    ("latin1.txt", ("Montréal: " + GOOD).encode("latin-1"), "claim", "Latin-1"),
    (
        "cp1252.txt",
        ("\u201cRaid\u201d \u2013 " + GOOD).encode("cp1252"),
        "claim",
        "Windows-1252 quotes, dash",
    ),
    ("name with spaces.txt", _utf8(GOOD), "claim", "spaces in the file name"),
    ("ünïcödé 名前.md", _utf8(GOOD), "claim", "non-ASCII file name"),
    (
        "line-5mb.txt",
        _utf8(("abcdefghij" * 9 + " ") * 55_000 + GOOD.rstrip(".")),
        "doc",
        "a single 5 MB line with no punctuation",
    ),
    (
        "long-sentence.txt",
        _utf8(GOOD + " Then " + "the police and the army said that " * 6000 + "nothing happened."),
        "claim",
        "a 200 KB sentence",
    ),
    (
        "deep.html",
        _utf8("<div>" * 50_000 + f"<p>{GOOD}</p>" + "</div>" * 50_000),
        "claim",
        "deeply nested HTML",
    ),
    (
        "malformed.html",
        _utf8(f"<p>Start <b><i>{GOOD}</p></b></i></td><div a=1 <p x='>y"),
        "claim",
        "malformed HTML: unclosed tags and quotes",
    ),
    (
        "scripts.html",
        _utf8(
            "<script>var s = 'On 1 January 2020, ten people died.';</script>"
            "<style>p { content: '5 March 2021' }</style>" + f"<p>{GOOD}</p>"
        ),
        "claim",
        "scripts and styles are not prose",
    ),
    (
        "front.md",
        _utf8("---\ntitle: [oops\ndate: 1 January 2020: :\n---\n" + GOOD),
        "claim",
        "front matter that is not valid YAML",
    ),
    (
        "digits.txt",
        _utf8(
            GOOD + " Officials said " + "9" * 300 + " people died on 3 March 2024. "
            "It cost " + "1" * 5000 + " dollars."
        ),
        "claim",
        "numbers with hundreds and thousands of digits",
    ),
    (
        "impossible.txt",
        _utf8(GOOD + " On 31 February 2024, two men died. On 0 June, three people died."),
        "claim",
        "impossible dates",
    ),
    (
        "too-big.txt",
        b"x" * (BIG + 1),
        ("error", "50 MB is over the 20 MB limit; raise it with --max-bytes"),
        "a 50 MB file over the default limit",
    ),
]
CLAIMED = [name for name, _, expected, _ in FILES if expected == "claim"]
READABLE = [
    name for name, _, expected, _ in FILES if expected in ("claim", "doc") or expected[0] == "note"
]


def _build(root: Path) -> dict[str, str]:
    """Write the corpus under root/corpus; return {problem path: message fragment} of the
    paths that must be reported as errors."""
    corpus = root / "corpus"
    (corpus / "sub").mkdir(parents=True)
    for name, data, _, _ in FILES:
        (corpus / name).write_bytes(data)
    errors = {
        f"{corpus}/{name}": expected[1] for name, _, expected, _ in FILES if expected[0] == "error"
    }
    if POSIX:
        (corpus / "sub" / "up").symlink_to(corpus, target_is_directory=True)  # a folder loop
        (corpus / "loop.txt").symlink_to(corpus / "loop.txt")
        (corpus / "dangling.txt").symlink_to(corpus / "gone.txt")
        errors[f"{corpus}/loop.txt"] = "symbolic link loop"
        errors[f"{corpus}/dangling.txt"] = "broken symbolic link"
        if not IS_ROOT:  # root reads through chmod 000
            locked = corpus / "locked.txt"
            locked.write_bytes(_utf8(GOOD))
            locked.chmod(0)
            errors[str(locked)] = "permission denied"
    (root / "dir.txt").mkdir()  # a folder with a file's name: walked, holds nothing
    errors[str(root / "missing.txt")] = "no such file or directory"
    errors[f"{corpus}/good.txt/"] = "not a directory"
    return errors


def _paths(root: Path) -> list[str]:
    corpus = root / "corpus"
    return [str(corpus), str(root / "missing.txt"), f"{corpus}/good.txt/", str(root / "dir.txt")]


def _env(home: Path) -> dict[str, str]:
    """No colour, UTF-8 streams, and caches kept out of the checkout and the user's home."""
    return {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "NO_COLOR": "1",
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


def _ravel(
    *args: str, cwd: Path, timeout: float = 120, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ravel", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        env=_env(cwd),
        cwd=cwd,
        check=False,
        **kwargs,
    )


def _no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "internal error" not in proc.stderr, proc.stderr
    assert proc.returncode != 3, proc.stderr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    root = tmp_path_factory.mktemp("bad")
    errors = _build(root)
    yield root, errors
    locked = root / "corpus" / "locked.txt"
    if locked.exists():
        locked.chmod(0o644)


@pytest.fixture(scope="module")
def runs(corpus: tuple[Path, dict[str, str]]) -> dict[str, subprocess.CompletedProcess[str]]:
    """`ravel claims` and `ravel diff` over the corpus, run side by side to save time."""
    root, _ = corpus
    with ThreadPoolExecutor(2) as pool:
        futures = {c: pool.submit(_ravel, c, "--json", *_paths(root), cwd=root) for c in COMMANDS}
    return {c: f.result() for c, f in futures.items()}


@pytest.mark.parametrize("command", COMMANDS)
def test_no_traceback_and_exit_0(runs: dict[str, Any], command: str) -> None:
    proc = runs[command]
    _no_traceback(proc)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_every_bad_file_named_once_in_errors_and_on_stderr(
    runs: dict[str, Any], corpus: tuple[Path, dict[str, str]], command: str
) -> None:
    _, errors = corpus
    proc = runs[command]
    data = json.loads(proc.stdout)
    reported = {e["path"]: e["message"] for e in data["errors"]}
    assert len(reported) == len(data["errors"]), "a file reported twice"
    assert set(reported) == set(errors)
    lines = proc.stderr.splitlines()
    for path, fragment in errors.items():
        assert fragment in reported[path], path
        mine = [line for line in lines if line.startswith(f"ravel: {path}: ")]
        assert mine == [f"ravel: {path}: {reported[path]}"], path


@pytest.mark.parametrize("command", COMMANDS)
def test_stderr_is_one_line_per_problem(runs: dict[str, Any], command: str) -> None:
    data = json.loads(runs[command].stdout)
    expected = [f"ravel: {e['path']}: {e['message']}" for e in data["errors"]]
    expected += [f"ravel: note: {n['path']}: {n['message']}" for n in data["notes"]]
    assert sorted(runs[command].stderr.splitlines()) == sorted(expected)


@pytest.mark.parametrize(("name", "data", "expected", "why"), FILES)
def test_each_file_of_the_corpus(
    runs: dict[str, Any],
    corpus: tuple[Path, dict[str, str]],
    name: str,
    data: bytes,
    expected: Any,
    why: str,
) -> None:
    root, _ = corpus
    path = f"{root}/corpus/{name}"
    report = json.loads(runs["claims"].stdout)
    documents = {d["path"]: d for d in report["documents"]}
    if expected[0] == "error":
        assert path not in documents, why
        return
    assert path in documents, why
    if expected[0] == "note":
        notes = {n["path"]: n["message"] for n in report["notes"]}
        assert expected[1] in notes[path], why
    text = decode(data)[0]
    claims = documents[path]["claims"]
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["text"], why
        for slot in ("events", "actors", "places", "dates", "quantities"):
            for span in claim[slot]:
                assert text[span["start"] : span["end"]] == span["text"], (why, slot)
    if expected == "claim":
        assert any(
            GOOD_WORDS in c["text"] and GOOD_DATE in [d["value"] for d in c["dates"]]
            for c in claims
        ), why


def test_files_are_unique() -> None:
    assert len({f[0] for f in FILES}) == len(FILES)


def test_script_and_front_matter_text_is_not_claimed(runs: dict[str, Any]) -> None:
    report = json.loads(runs["claims"].stdout)
    texts = [c["text"] for d in report["documents"] for c in d["claims"]]
    assert not any("1 January 2020" in t or "5 March 2021" in t for t in texts)


def test_diff_keeps_every_claim(runs: dict[str, Any]) -> None:
    claims = json.loads(runs["claims"].stdout)
    diff = json.loads(runs["diff"].stdout)
    assert [d["path"] for d in diff["documents"]] == [d["path"] for d in claims["documents"]]
    assert diff["summary"]["claims"] == sum(len(d["claims"]) for d in claims["documents"])
    assert diff["summary"]["documents"] == len(READABLE)


def test_impossible_dates_are_not_dates(runs: dict[str, Any]) -> None:
    report = json.loads(runs["claims"].stdout)
    (doc,) = [d for d in report["documents"] if d["path"].endswith("/impossible.txt")]
    values = [t["value"] for c in doc["claims"] for t in c["dates"]]
    assert "2024-02-31" not in values
    assert not any(v.endswith("-00") for v in values)


@pytest.mark.parametrize("command", COMMANDS)
def test_strict_makes_unreadable_input_exit_2(
    corpus: tuple[Path, dict[str, str]], command: str
) -> None:
    root, _ = corpus
    proc = _ravel(
        command,
        "--json",
        "--strict",
        f"{root}/corpus/good.txt",
        f"{root}/corpus/nul.txt",
        str(root / "missing.txt"),
        cwd=root,
    )
    _no_traceback(proc)
    assert proc.returncode == 2
    assert f"ravel: {root}/corpus/nul.txt: binary file, skipped" in proc.stderr.splitlines()
    assert f"ravel: {root / 'missing.txt'}: no such file or directory" in proc.stderr
    _stdout_is_empty_or_json(proc.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_nothing_readable_exits_2(corpus: tuple[Path, dict[str, str]], command: str) -> None:
    root, _ = corpus
    proc = _ravel(command, "--json", f"{root}/corpus/nul.txt", str(root / "missing.txt"), cwd=root)
    _no_traceback(proc)
    assert proc.returncode == 2
    assert f"ravel: {root}/corpus/nul.txt: binary file, skipped" in proc.stderr.splitlines()
    _stdout_is_empty_or_json(proc.stdout)


def test_exit_2_with_json_still_prints_the_errors(corpus: tuple[Path, dict[str, str]]) -> None:
    root, _ = corpus
    proc = _ravel("claims", "--json", f"{root}/corpus/nul.txt", cwd=root)
    assert proc.returncode == 2
    assert [e["path"] for e in json.loads(proc.stdout)["errors"]] == [f"{root}/corpus/nul.txt"]


def _stdout_is_empty_or_json(stdout: str) -> None:
    if stdout.strip():
        json.loads(stdout)


def test_max_bytes_limit_and_raising_it(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(_utf8(GOOD + " " + "x" * 1200))
    good = tmp_path / "good.txt"
    good.write_bytes(_utf8(GOOD))
    small = _ravel("claims", "--json", "--max-bytes", "1000", str(page), str(good), cwd=tmp_path)
    _no_traceback(small)
    assert small.returncode == 0
    message = "1.2 KB is over the 1000 bytes limit; raise it with --max-bytes"
    assert json.loads(small.stdout)["errors"] == [{"path": str(page), "message": message}]
    assert small.stderr.splitlines() == [f"ravel: {page}: {message}"]
    raised = _ravel("claims", "--json", "--max-bytes", "1300", str(page), cwd=tmp_path)
    assert raised.returncode == 0
    assert json.loads(raised.stdout)["errors"] == []


def test_standard_input_bad_bytes_and_limit(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(_utf8(GOOD))
    binary = _ravel("claims", "--json", "-", str(good), input="abc\x00def\x00", cwd=tmp_path)
    _no_traceback(binary)
    assert binary.returncode == 0
    assert json.loads(binary.stdout)["errors"] == [{"path": "-", "message": "binary file, skipped"}]
    big = _ravel("claims", "--json", "--max-bytes", "100", "-", input=GOOD * 10, cwd=tmp_path)
    _no_traceback(big)
    assert big.returncode == 2
    assert "ravel: -: it is over the 100 bytes limit; raise it with --max-bytes" in big.stderr


def test_exit_code_is_decided_by_the_findings(tmp_path: Path) -> None:
    """Bad inputs next to conflicting documents: the conflicts decide the exit code."""
    bad = tmp_path / "nul.txt"
    bad.write_bytes(b"abc\x00def\x00")
    missing = str(tmp_path / "missing.txt")
    proc = _ravel(
        "diff", "--json", "--fail-on-conflict", str(SEEDS), str(bad), missing, cwd=tmp_path
    )
    _no_traceback(proc)
    data = json.loads(proc.stdout)
    assert data["summary"]["conflicts"] > 0
    assert proc.returncode == 1
    assert [e["path"] for e in data["errors"]] == [str(bad), missing]
    check = _ravel("check", "--isolated", "--json", str(SEEDS), str(bad), cwd=tmp_path)
    _no_traceback(check)
    assert check.returncode == 1
    assert [e["path"] for e in json.loads(check.stdout)["errors"]] == [str(bad)]
    strict = _ravel("check", "--isolated", "--strict", str(SEEDS), str(bad), cwd=tmp_path)
    _no_traceback(strict)
    assert strict.returncode == 2


def test_permission_denied_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process, so it also runs as root (whom chmod 000 does not stop)."""
    from typer.testing import CliRunner

    import ravel.read
    from ravel.cli import app

    locked, good = tmp_path / "locked.txt", tmp_path / "good.txt"
    locked.write_bytes(_utf8(GOOD))
    good.write_bytes(_utf8(GOOD))
    real_open = open

    def deny(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(ravel.read, "open", deny, raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["claims", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == [{"path": str(locked), "message": "permission denied"}]
    assert [d["path"] for d in data["documents"]] == [str(good)]
    assert result.stderr.splitlines() == [f"ravel: {locked}: permission denied"]
    strict = CliRunner().invoke(app, ["claims", "--json", "--strict", str(tmp_path)])
    assert strict.exit_code == 2


def test_reader_going_away_is_not_an_error(tmp_path: Path) -> None:
    """`ravel claims ... | head -c 100`: a closed pipe ends the run quietly with 0."""
    proc = _start(["claims", "--json", str(SEEDS)], tmp_path)
    assert proc.stdout is not None
    assert proc.stderr is not None
    assert proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0, err
    assert "Traceback" not in err
    assert "Exception ignored" not in err


IS_LINUX = sys.platform == "linux"


@pytest.mark.parametrize(
    "command",
    [
        "claims",
        "diff",
    ],
)
@pytest.mark.skipif(not IS_LINUX, reason="Linux file names are bytes")
def test_undecodable_file_name_on_the_command_line(tmp_path: Path, command: str) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(_utf8(GOOD))
    proc = _ravel(command, "--json", os.fsdecode(raw), cwd=tmp_path)
    _no_traceback(proc)
    assert proc.returncode == 0
    (doc,) = json.loads(proc.stdout)["documents"]
    assert doc["path"] == f"{tmp_path}/caf\ufffd.txt"


def test_stdout_that_cannot_encode_every_character(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(GOOD + " \u540d\u524d \U0001f600", encoding="utf-8")
    env = {**_env(tmp_path), "PYTHONIOENCODING": "cp1252"}
    proc = subprocess.run(
        [sys.executable, "-m", "ravel", "claims", "--json", str(page)],
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    text = json.loads(proc.stdout.decode("utf-8"))["documents"][0]["claims"][0]["text"]
    assert text.endswith("\U0001f600")


# ---- Ctrl-C ------------------------------------------------------------------------------

needs_signals = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and SIGINT")
LARGE_DOCS = 24
OLD_BASELINE = '{"schema": "old", "findings": []}\n'


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus that keeps ravel busy for seconds; every text differs, so no cache helps."""
    folder = tmp_path_factory.mktemp("large")
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(LARGE_DOCS):
        text = f"Report number {i}.\n\n{seeds[i % len(seeds)]}"
        (folder / f"doc{i:02}.txt").write_text(text, encoding="utf-8")
    return folder


def _start(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    """A ravel process that gets SIGINT as a terminal would send it (a parent that ignores
    SIGINT, as a shell's background job does, would otherwise pass that on)."""
    return subprocess.Popen(
        [sys.executable, "-m", "ravel", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=_env(cwd),
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _feed_when_reading(fifo: Path, proc: subprocess.Popen[str]) -> None:
    """Wait until `proc` opens the FIFO (so it is past its imports, inside the reader),
    then write a document into it."""
    deadline = time.monotonic() + 60
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError:  # ENXIO: no reader yet
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "ravel never opened the FIFO"
            time.sleep(0.01)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(GOOD)


def _run(args: list[str], cwd: Path, delay: float | None) -> tuple[int, str, str, float]:
    """Run ravel with cwd/first.txt (a FIFO) as its first path; send SIGINT `delay` seconds
    after it starts reading (never, for None). Returns the exit code, stdout, stderr and
    the seconds from the first read to the exit."""
    fifo = cwd / "first.txt"
    os.mkfifo(fifo)
    proc = _start([*args[:1], str(fifo), *args[1:]], cwd)
    _feed_when_reading(fifo, proc)
    started = time.monotonic()
    if delay is not None:
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err, time.monotonic() - started


@needs_signals
@pytest.mark.parametrize("delay", [0.0, 0.5])
def test_ctrl_c_during_diff_exits_130_without_output(
    tmp_path: Path, large: Path, delay: float
) -> None:
    code, out, err, _ = _run(["diff", "--json", str(large)], tmp_path, delay)
    assert code == 130, err
    assert "Traceback" not in err, err
    assert err.splitlines()[-1] == "ravel: interrupted"
    assert out == "", "no partial JSON on stdout"


def _check_args(baseline: Path, large: Path) -> list[str]:
    return ["check", "--isolated", "--quiet", "--write-baseline", str(baseline), str(large)]


@pytest.fixture(scope="module")
def check_seconds(tmp_path_factory: pytest.TempPathFactory, large: Path) -> float:
    """How long an uninterrupted `check --write-baseline` runs after its first read."""
    cwd = tmp_path_factory.mktemp("check")
    baseline = cwd / "out" / "baseline.json"
    baseline.parent.mkdir()
    baseline.write_text(OLD_BASELINE, encoding="utf-8")
    code, _, err, seconds = _run(_check_args(baseline, large), cwd, None)
    assert code == 0, err
    assert json.loads(baseline.read_text(encoding="utf-8"))["schema"] != "old"
    return seconds


@needs_signals
@pytest.mark.parametrize("fraction", [0.6, 0.95, 1.02])
def test_ctrl_c_during_write_baseline_keeps_old_or_whole_new(
    tmp_path: Path, large: Path, check_seconds: float, fraction: float
) -> None:
    baseline = tmp_path / "out" / "baseline.json"
    baseline.parent.mkdir()
    baseline.write_text(OLD_BASELINE, encoding="utf-8")
    code, out, err, _ = _run(_check_args(baseline, large), tmp_path, fraction * check_seconds)
    assert code in (0, 130), err
    assert "Traceback" not in err, err
    text = baseline.read_text(encoding="utf-8")
    if code == 130:
        assert out == ""
        assert text == OLD_BASELINE or json.loads(text)["schema"] != "old"
    else:
        assert json.loads(text)["schema"] != "old"
    assert [p.name for p in baseline.parent.iterdir()] == ["baseline.json"], "a temp file left"


def test_interrupted_baseline_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deterministic: Ctrl-C lands while the new baseline is being written to disk."""
    from typer.testing import CliRunner

    from ravel.cli import app

    baseline = tmp_path / "out" / "baseline.json"
    baseline.parent.mkdir()
    baseline.write_text(OLD_BASELINE, encoding="utf-8")

    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)  # ravel.atomic flushes the new file with it
    result = CliRunner().invoke(app, _check_args(baseline, SEEDS))
    assert result.exit_code == 130, result.stderr
    assert result.stderr.splitlines()[-1] == "ravel: interrupted"
    assert baseline.read_text(encoding="utf-8") == OLD_BASELINE
    assert [p.name for p in baseline.parent.iterdir()] == ["baseline.json"]
