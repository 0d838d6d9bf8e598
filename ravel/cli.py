"""The command line: options -> pipeline -> renderer -> exit code. No logic lives here."""

from __future__ import annotations

import datetime
import gc
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from ravel import __version__
from ravel.errors import ExitCode, RavelError

app = typer.Typer(
    name="ravel",
    help="Compare the dated factual claims of several documents: "
    "where they agree, are compatible, or conflict.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

Paths = Annotated[
    list[str],
    typer.Argument(help="Files, folders (searched recursively) or - for standard input."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON on stdout (--format json).")]
Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help="table, line, json, jsonl, sarif, github or markdown "
        "(default: table on a terminal, line otherwise).",
    ),
]
Quiet = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")
]
NoCache = Annotated[
    bool, typer.Option("--no-cache", help="Neither read nor write the claims cache.")
]
CacheDir = Annotated[
    Path | None,
    typer.Option("--cache-dir", metavar="DIR",
                 help="Keep the claims cache here (default: .ravel-cache in the project)."),
]
Jobs = Annotated[
    int | None,
    typer.Option("--jobs", "-j", metavar="N", min=1,
                 help="Extraction processes (default: one per core, for large runs)."),
]
Verbose = Annotated[
    bool, typer.Option("--verbose", "-v", help="Describe each document and the run on stderr.")
]
Color = Annotated[
    str,
    typer.Option("--color", metavar="WHEN", help="auto, always or never (NO_COLOR and "
                 "FORCE_COLOR are honoured)."),
]
ReferenceDate = Annotated[
    str | None,
    typer.Option(
        "--reference-date",
        metavar="YYYY-MM-DD",
        help="Resolve underspecified dates (\"on 24 June\") against this date in every document.",
    ),
]
Strict = Annotated[
    bool, typer.Option("--strict", help="Exit 2 if any input cannot be read.")
]
MaxBytes = Annotated[
    int | None,
    typer.Option("--max-bytes", help="Skip files larger than this many bytes (default 20 MB)."),
]


def _version(value: bool) -> None:
    if value:
        print(f"ravel {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """ravel reads documents, extracts their dated claims, aligns them across sources."""


@app.command()
def diff(
    paths: Paths,
    json: JsonFlag = False,
    fmt: Format = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also show agreements and compatible findings.")
    ] = False,
    fail_on_conflict: Annotated[
        bool, typer.Option("--fail-on-conflict", help="Exit 1 when a conflict is found.")
    ] = False,
    reference_date: ReferenceDate = None,
    strict: Strict = False,
    max_bytes: MaxBytes = None,
    no_cache: NoCache = False,
    cache_dir: CacheDir = None,
    jobs: Jobs = None,
    color: Color = "auto",
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Align claims across documents and report agreements, compatible values and conflicts."""
    with _errors() as output:
        from ravel import formats, pipeline, render

        fmt = output.set("diff", _format(fmt, json, formats.FORMATS))
        options = _options(reference_date, strict, max_bytes, cache=not no_cache,
                           cache_dir=cache_dir, jobs=jobs)
        started = time.perf_counter()
        with _progress(quiet) as bar:
            report = pipeline.run(paths, options, stdin=_stdin(paths), progress=bar)
        _report_problems(report.problems)
        if verbose:
            _describe_run(report, time.perf_counter() - started)
        _save_last_run(report, paths, reference_date, strict, max_bytes)
        if fmt == "table":
            _console(color).print(render.render_findings(report, show_all=show_all))
        else:
            _print(formats.FINDINGS_RENDERERS[fmt](report))
        conflicts = any(f.verdict == "conflict" for f in report.findings)
        if fail_on_conflict and conflicts:
            raise typer.Exit(ExitCode.FINDINGS)


@app.command()
def claims(
    paths: Paths,
    json: JsonFlag = False,
    fmt: Format = None,
    reference_date: ReferenceDate = None,
    strict: Strict = False,
    max_bytes: MaxBytes = None,
    no_cache: NoCache = False,
    cache_dir: CacheDir = None,
    jobs: Jobs = None,
    color: Color = "auto",
) -> None:
    """List each document's reference date and claims with their slots."""
    with _errors() as output:
        from ravel import formats, pipeline, render

        fmt = output.set("claims", _format(fmt, json, ("table", *formats.CLAIMS_RENDERERS)))
        options = _options(reference_date, strict, max_bytes, cache=not no_cache,
                           cache_dir=cache_dir, jobs=jobs)
        _, report = pipeline.load(paths, options, stdin=_stdin(paths))
        _report_problems(report.problems)
        if fmt == "table":
            _console(color).print(render.render_claims(report))
        else:
            _print(formats.CLAIMS_RENDERERS[fmt](report))


@app.command()
def dates(
    paths: Paths,
    json: JsonFlag = False,
    fmt: Format = None,
    reference_date: ReferenceDate = None,
    strict: Strict = False,
    max_bytes: MaxBytes = None,
    color: Color = "auto",
) -> None:
    """List every temporal expression with its TIMEX3 type, value, mod and offsets."""
    with _errors() as output:
        from ravel import formats, pipeline, render

        fmt = output.set("dates", _format(fmt, json, ("table", *formats.DATES_RENDERERS)))
        options = _options(reference_date, strict, max_bytes)
        tagged, problems = pipeline.tag_dates(paths, options, stdin=_stdin(paths))
        _report_problems(problems)
        if fmt == "table":
            _console(color).print(render.render_dates(tagged))
        else:
            _print(formats.DATES_RENDERERS[fmt](tagged, problems))


@app.command()
def check(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files or folders; default: the config's paths, else '.'."),
    ] = None,
    json: JsonFlag = False,
    fmt: Format = None,
    fail_on: Annotated[
        str | None,
        typer.Option("--fail-on", metavar="VERDICT",
                     help="Least severe verdict that fails: conflict, disputed or compatible."),
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when findings fail the check.")
    ] = False,
    config_file: Annotated[
        Path | None, typer.Option("--config", metavar="FILE", help="Read this config file only.")
    ] = None,
    isolated: Annotated[
        bool, typer.Option("--isolated", help="Ignore every config file.")
    ] = False,
    baseline: Annotated[
        str | None,
        typer.Option("--baseline", metavar="FILE", help="Report only findings not in FILE."),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option("--write-baseline", metavar="FILE",
                     help="Record today's findings in FILE and exit 0."),
    ] = None,
    reference_date: ReferenceDate = None,
    strict: Strict = False,
    max_bytes: MaxBytes = None,
    no_cache: NoCache = False,
    cache_dir: CacheDir = None,
    jobs: Jobs = None,
    color: Color = "auto",
    quiet: Quiet = False,
    verbose: Verbose = False,
) -> None:
    """Check documents for contradictions: exit 1 when a finding fails (for pre-commit, CI)."""
    with _errors() as output:
        from ravel import config as configuration
        from ravel import formats, render
        from ravel.check import run_check

        fmt = output.set("check", _format(fmt, json, formats.FORMATS))
        config = configuration.load_config(explicit=config_file, isolated=isolated)
        config = configuration.merge(
            config, fail_on=fail_on, baseline=baseline, max_bytes=max_bytes,
            reference_date=_parse_date(reference_date) if reference_date else None,
        )
        started = time.perf_counter()
        with _progress(quiet) as bar:
            base = _options(None, strict, max_bytes, cache=not no_cache, cache_dir=cache_dir,
                            jobs=jobs)
            result = run_check(paths or [], config, strict=strict, progress=bar, options=base,
                               write_baseline_to=write_baseline, stdin=_stdin(paths or []))
        _report_problems(result.report.problems)
        if verbose:
            _describe_run(result.report, time.perf_counter() - started)
        _save_last_run(result.report, paths or [], reference_date, strict, max_bytes)
        if write_baseline is not None:
            if not quiet:
                _note(f"wrote {len(result.failing) + result.baselined} findings "
                      f"to {write_baseline}")
            return
        if fmt == "table":
            _console(color).print(render.render_findings(result.report, show_all=True))
        else:
            _print(formats.FINDINGS_RENDERERS[fmt](result.report))
        if not quiet:
            _note(_check_summary(result))
        if result.failing and not exit_zero:
            raise typer.Exit(ExitCode.FINDINGS)


cache_app = typer.Typer(help="Manage the claims cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("clear")
def cache_clear(cache_dir: CacheDir = None) -> None:
    """Delete the claims cache (.ravel-cache in the project, or --cache-dir)."""
    with _errors():
        from ravel.cache import clear_cache, default_cache_dir

        folder = cache_dir or default_cache_dir(Path.cwd())
        removed = clear_cache(folder)
        _note(f"ravel: cleared the claims of {removed} document(s) from {folder}")


def _check_summary(result: Any) -> str:
    parts = [f"{len(result.failing)} failing finding(s)"]
    if result.suppressed:
        parts.append(f"{result.suppressed} suppressed inline")
    if result.baselined:
        parts.append(f"{result.baselined} in the baseline")
    return "ravel check: " + ", ".join(parts)


def _note(message: str) -> None:
    print(message, file=sys.stderr)


@app.command("explain")
def explain_command(
    finding_id: Annotated[
        str,
        typer.Argument(metavar="FINDING_ID",
                       help="A finding id, or a unique prefix of one, as --format line prints it."),
    ],
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Re-run on these documents instead of reading the last run."),
    ] = None,
    json: JsonFlag = False,
    reference_date: ReferenceDate = None,
    strict: Strict = False,
    max_bytes: MaxBytes = None,
    color: Color = "auto",
) -> None:
    """Explain one finding: both sides in context, the values, why aligned, why the verdict."""
    with _errors():
        from ravel import explain, pipeline, wire
        from ravel.lastrun import DEFAULT_CACHE_DIR, load_last_run

        options = _options(reference_date, strict, max_bytes)
        rerun = (lambda: pipeline.run(paths, options, stdin=_stdin(paths))) if paths else None
        last_run = None if paths else load_last_run(DEFAULT_CACHE_DIR)
        expl = explain.explain(finding_id, last_run=last_run, rerun=rerun)
        if json:
            _print(wire.render_json_indented(explain.explanation_to_dict(expl)))
        else:
            _console(color).print(explain.render_explanation(expl))


def _describe_run(report: Any, seconds: float) -> None:
    """--verbose: what each document was read as, and what the run found, on stderr."""
    from ravel.wire import summary_line

    claims: dict[str, int] = {}
    for claim in report.claims:
        claims[claim.doc_id] = claims.get(claim.doc_id, 0) + 1
    for doc in report.documents:
        ref = doc.reference
        when = ref.date.isoformat() if ref and ref.date else "none"
        _note(f"ravel: {doc.path}: {doc.format}, {doc.encoding}, reference date {when} "
              f"({ref.source if ref else 'none'}), {claims.get(doc.id, 0)} claims")
    _note(f"ravel: {summary_line(report)} in {seconds:.2f} s")


def _save_last_run(
    report: Any, paths: list[str], reference_date: str | None, strict: bool, max_bytes: int | None
) -> None:
    """Keep what `ravel explain` needs; a read-only checkout just goes without."""
    from ravel.lastrun import DEFAULT_CACHE_DIR, save_last_run

    options = {"reference_date": reference_date, "strict": strict, "max_bytes": max_bytes}
    save_last_run(report, paths, options, DEFAULT_CACHE_DIR)


@contextmanager
def _progress(quiet: bool) -> Iterator[Any]:
    from ravel.progress import progress

    with progress(0, enabled=not quiet, label="reading") as bar:
        yield bar


def _options(
    reference_date: str | None,
    strict: bool,
    max_bytes: int | None,
    *,
    cache: bool = False,
    cache_dir: Path | None = None,
    jobs: int | None = None,
) -> Any:
    from ravel.pipeline import Options

    kwargs: dict[str, Any] = {"strict": strict, "cache": cache, "cache_dir": cache_dir,
                              "jobs": jobs}
    if reference_date is not None:
        kwargs["reference_date"] = _parse_date(reference_date)
    if max_bytes is not None:
        kwargs["max_bytes"] = max_bytes
    return Options(**kwargs)


def _parse_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise RavelError(f"--reference-date: {value!r} is not a date in YYYY-MM-DD form") from None


def _stdin(paths: list[str]) -> Any:
    return sys.stdin.buffer if "-" in paths else None


def _format(fmt: str | None, json: bool, allowed: tuple[str, ...]) -> str:
    if json:
        fmt = fmt or "json"
        if fmt != "json":
            raise RavelError(f"--json and --format {fmt} disagree")
    if fmt is None:
        return "table" if sys.stdout.isatty() else "line"
    if fmt not in allowed:
        raise RavelError(f"--format {fmt!r}: choose one of {', '.join(allowed)}")
    return fmt


def _console(color: str = "auto") -> Any:
    from rich.console import Console

    if color not in ("auto", "always", "never"):
        raise RavelError(f"--color {color!r}: choose auto, always or never")
    if color == "always":  # beats NO_COLOR, as no-color.org asks of an explicit flag
        return Console(highlight=False, force_terminal=True, no_color=False)
    if color == "never":
        return Console(highlight=False, no_color=True, color_system=None)
    return Console(highlight=False)


def _print(text: str) -> None:
    """Data to stdout, whole, never through rich (which wraps long lines)."""
    if text:
        sys.stdout.write(text + "\n")


def _report_problems(problems: Any) -> None:
    for problem in problems:
        prefix = "ravel: " if problem.fatal else "ravel: note: "
        print(f"{prefix}{problem.path}: {problem.message}", file=sys.stderr)


class _Output:
    """What a command prints when it fails before it has a report: for JSON and JSON Lines,
    a document with no documents and the `errors`, so stdout always parses."""

    def __init__(self) -> None:
        self.command = ""
        self.fmt = ""

    def set(self, command: str, fmt: str) -> str:
        self.command, self.fmt = command, fmt
        return fmt

    def empty(self, problems: tuple[Any, ...]) -> str | None:
        if self.fmt not in ("json", "jsonl"):
            return None
        from ravel import formats
        from ravel.model import Report

        report = Report(documents=(), claims=(), problems=problems)
        if self.command == "dates":
            return formats.DATES_RENDERERS[self.fmt]((), problems)
        if self.command == "claims":
            return formats.CLAIMS_RENDERERS[self.fmt](report)
        return formats.FINDINGS_RENDERERS[self.fmt](report)


@contextmanager
def _errors() -> Iterator[_Output]:
    """Turn library errors into one line and an exit code; never a traceback."""
    output = _Output()
    try:
        yield output
    except typer.Exit:
        raise
    except RavelError as err:
        problems = tuple(getattr(err, "problems", ()))
        _report_problems(problems)
        empty = output.empty(problems)
        if empty is not None:
            _print(empty)
        _fail(str(err), err.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", ExitCode.INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (`ravel ... | head`): not an error
        raise typer.Exit(ExitCode.OK) from None
    except Exception as err:  # the one place a bug becomes exit 3
        _fail(f"internal error: {type(err).__name__}: {err} (please report this)",
              ExitCode.INTERNAL)
    finally:
        _done()


_PROCESS = {"cli": False}  # True when `main` runs: the process is ravel's own


def _done() -> None:
    """The command's work is over: in ravel's own process, a Ctrl-C from now on must not
    reach the framework's teardown, which would turn it into "Aborted!" and exit 1."""
    if _PROCESS["cli"]:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _fail(message: str, code: ExitCode) -> NoReturn:
    print(f"ravel: {message}", file=sys.stderr)
    raise typer.Exit(code)


def main() -> None:
    # A run builds one large graph of immutable claims and lets it go at exit; the cyclic
    # collector would scan it again and again for cycles it does not have (an eighth of
    # the time of a 10,000-document diff). Reference counting still frees the rest.
    gc.disable()
    _utf8_when_piped()
    _PROCESS["cli"] = True
    try:
        app()
    except KeyboardInterrupt:  # before a command's own handling began (start-up)
        print("ravel: interrupted", file=sys.stderr)
        raise SystemExit(ExitCode.INTERRUPTED) from None
    finally:
        # The work is done or abandoned: a Ctrl-C now must not turn a clean exit into a
        # death by signal while the interpreter shuts down (worker pools, open files).
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _utf8_when_piped() -> None:
    """Machine output is UTF-8 whatever the locale says (a cp1252 pipe cannot hold every
    character a document may quote); a terminal keeps its own encoding."""
    stdout = sys.stdout
    if not stdout.isatty() and hasattr(stdout, "reconfigure"):
        stdout.reconfigure(encoding="utf-8")
